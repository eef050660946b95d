import { needsInputs } from '../../cloudfunctions/features/needs/contract'
import { maskPhone } from '../../cloudfunctions/shared/privacy'
import { AppError } from '../../cloudfunctions/shared/errors'
import { parseInput } from '../../cloudfunctions/shared/validation'

function messageOf(payload: unknown): string {
  try {
    parseInput(needsInputs.post, payload)
  } catch (error) {
    if (error instanceof AppError && error.code === 'INVALID_INPUT') return error.message
    throw error
  }
  return 'accepted'
}

describe('input validation', () => {
  const valid = {
    kind: 'help',
    category: 'repair',
    description: '水管漏水需要维修',
    communityId: 'dahua',
  }

  it('accepts a complete need and trims its text', () => {
    expect(
      parseInput(needsInputs.post, { ...valid, description: '  水管漏水需要维修  ' }),
    ).toMatchObject({
      description: '水管漏水需要维修',
    })
  })

  it.each([
    [undefined, '请选择有效的类型'],
    [{ ...valid, description: '    ' }, '请填写需求描述'],
    [{ ...valid, description: '长'.repeat(501) }, '需求描述不能超过 500 个字'],
    [{ ...valid, communityId: '../users' }, '社区无效'],
    [{ ...valid, contactPhone: '1381234567' }, '联系电话格式不正确，请输入 11 位手机号'],
    [{ ...valid, description: 42 }, '需求描述格式不正确'],
  ])('refuses %j with “%s”', (payload, message) => {
    expect(messageOf(payload)).toBe(message)
  })

  it('pages start at 1', () => {
    expect(parseInput(needsInputs.listMine, {})).toEqual({ page: 1 })
    expect(() => parseInput(needsInputs.listMine, { page: 0 })).toThrow('页码无效')
  })
})

describe('phone masking', () => {
  it('shows only the first three and last four digits to others', () => {
    expect(maskPhone('13812345678')).toBe('138****5678')
    expect(maskPhone('12345')).toBe('****')
  })
})
