import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { NeedForm } from '../../src/packages/needs/components/NeedForm'
import { call } from '../../src/services/cloud'

// The form's own behaviour is under test here; the cloud is answered by hand.
jest.mock('../../src/services/cloud', () => ({ call: jest.fn() }))
const callCloud = call as jest.MockedFunction<typeof call>

const communities = [
  { id: 'dahua', name: '大华社区', streetId: 'chaohai', pilot: true, streetName: '潮海街道' },
  { id: 'xinhui', name: '新惠社区', streetId: 'beian', pilot: true, streetName: '北安街道' },
]

function renderForm(onPosted = jest.fn().mockResolvedValue(undefined)) {
  render(<NeedForm communities={communities} homeCommunityId='dahua' onPosted={onPosted} />)
  return onPosted
}

async function press(text: string) {
  await act(async () => {
    fireEvent.click(screen.getByText(text))
  })
}

/** Types into the native field, which Taro's web component renders inside itself a moment later. */
async function type(placeholder: RegExp, value: string) {
  const field = await waitFor(() => {
    const native = screen
      .getAllByPlaceholderText(placeholder)
      .find((element) => ['TEXTAREA', 'INPUT'].includes(element.tagName))
    if (!native) throw new Error(`no native field for ${placeholder} yet`)
    return native
  })
  await act(async () => {
    fireEvent.input(field, { target: { value } })
  })
}

describe('NeedForm', () => {
  beforeEach(() => callCloud.mockReset())

  it('starts in the resident’s home community', () => {
    renderForm()
    expect(screen.getByText('潮海街道 · 大华社区')).toBeTruthy()
  })

  it('asks for a category before sending anything', async () => {
    renderForm()
    await press('提交需求')
    expect(screen.getByText('请选择需求类别')).toBeTruthy()
    expect(callCloud).not.toHaveBeenCalled()
  })

  it('shows the cloud’s message when it refuses the need, and stays on the form', async () => {
    callCloud.mockResolvedValue({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '需求描述至少需要 5 个字' },
    })
    const onPosted = renderForm()
    await press('维修服务')
    await type(/请描述您遇到的问题/, '门坏了')
    await press('提交需求')
    expect(screen.getByText('需求描述至少需要 5 个字')).toBeTruthy()
    expect(onPosted).not.toHaveBeenCalled()
  })

  it('sends what the resident chose and moves on once it is stored', async () => {
    callCloud.mockResolvedValue({ ok: true, data: {} as never })
    const onPosted = renderForm()
    await press('报事')
    await press('环境卫生')
    await type(/请描述您遇到的问题/, '3 号楼楼道堆放杂物，存在消防隐患')
    await type(/联系电话/, '13812345678')
    await press('提交需求')
    expect(callCloud).toHaveBeenCalledWith('needs', 'post', {
      kind: 'report',
      category: 'environment',
      description: '3 号楼楼道堆放杂物，存在消防隐患',
      communityId: 'dahua',
      contactPhone: '13812345678',
    })
    expect(onPosted).toHaveBeenCalled()
  })
})
