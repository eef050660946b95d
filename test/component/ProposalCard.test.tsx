import { fireEvent, render, screen } from '@testing-library/react'
import { ProposalCard } from '../../src/packages/lists/components/ProposalCard'
import { proposalView } from '../listsFixtures'

const proposal = proposalView

describe('ProposalCard', () => {
  it('shows the reasons and lets the community confirm or reject', () => {
    const onDecide = jest.fn()
    render(<ProposalCard proposal={proposal} side='community' onDecide={onDecide} />)
    expect(screen.getByText('· 服务范围为全区')).toBeTruthy()
    expect(screen.getByText('· 剩余容量 6 个，本次分配 3 个')).toBeTruthy()
    expect(screen.queryByText('接受')).toBeNull()
    fireEvent.click(screen.getByText('确认'))
    fireEvent.click(screen.getByText('不采纳'))
    expect(onDecide.mock.calls).toEqual([['confirm'], ['reject']])
  })

  it('offers the provider accept and decline, and nothing once it is decided', () => {
    const onDecide = jest.fn()
    const { rerender } = render(
      <ProposalCard proposal={proposal} side='provider' onDecide={onDecide} />,
    )
    expect(screen.queryByText('确认')).toBeNull()
    fireEvent.click(screen.getByText('接受'))
    expect(onDecide).toHaveBeenCalledWith('accept')

    rerender(
      <ProposalCard
        proposal={{ ...proposal, status: 'accepted', providerDecision: 'accepted' }}
        side='provider'
        onDecide={onDecide}
      />,
    )
    expect(screen.getByText('已达成，转为共建项目')).toBeTruthy()
    expect(screen.queryByText('接受')).toBeNull()
    expect(screen.queryByText('谢绝')).toBeNull()
  })

  it('lets the community withdraw a confirmation but not confirm twice', () => {
    render(
      <ProposalCard
        proposal={{ ...proposal, communityDecision: 'confirmed' }}
        side='community'
        onDecide={jest.fn()}
      />,
    )
    expect(screen.queryByText('确认')).toBeNull()
    expect(screen.getByText('不采纳')).toBeTruthy()
  })
})
