import type { CouncilMeetingView } from '../../cloudfunctions/features/api'
import { renderWeappPage } from './renderWeappPage'

const member = (userId: string, name: string, seatLabel: string, present: boolean) => ({
  userId,
  name,
  seat: 'community' as const,
  seatLabel,
  scopeId: 'c1',
  present,
})

const meeting: CouncilMeetingView = {
  id: 'council-s1-2026-Q4',
  streetId: 's1',
  streetName: '东街道',
  quarter: '2026-Q4',
  heldOn: '2026-11-24',
  status: 'open',
  members: [
    member('u1', '街道张主任', '街道·东街道', true),
    member('u2', '东一刘书记', '社区·东一社区', true),
    member('u3', '红帆王队长', '兼职委员·红帆志愿队', false),
  ],
  presentCount: 2,
  quorum: true,
  agenda: {
    openNeeds: [
      {
        needId: 'n1',
        title: '独居老人探访',
        communityName: '东一社区',
        remaining: 6,
        unit: '次',
        daysWaiting: 3,
      },
    ],
    overdueNeeds: [],
    unusedResources: [
      {
        offeringId: 'o1',
        title: '志愿者上门探访',
        organizationName: '红帆志愿队',
        remaining: 10,
        unit: '次',
      },
    ],
    stalledProjects: [],
    proposals: [],
  },
  items: [
    {
      id: 'item-1',
      kind: 'allocation',
      title: '「志愿者上门探访」4 次用于东一社区「独居老人探访」',
      tally: { for: 1, against: 0, abstain: 0 },
      voters: [{ name: '街道张主任', choice: 'for' }],
      canVote: true,
    },
  ],
  canManage: false,
}

describe('the councils subpackage in simulated WeChat', () => {
  it('shows a member the agenda, who is present and the item to vote on', async () => {
    const { text, calls } = await renderWeappPage('packages/councils/pages/meeting/index', {
      params: { meetingId: meeting.id },
      cloud: { 'councils.meeting': { ok: true, data: meeting } },
      waitForText: '议题与表决',
    })
    expect(text).toContain('应到 3 人，实到 2 人（已达法定人数）')
    expect(text).toContain('东一社区「独居老人探访」')
    expect(text).toContain('红帆王队长')
    expect(text).toContain('缺席')
    expect(text).toContain('同意 1 · 反对 0 · 弃权 0')
    expect(text).toContain('反对')
    // A member who does not run the meeting gets no attendance form and no closing button.
    expect(text).not.toContain('结束会议并发布纪要')
    expect(calls).toEqual([
      { name: 'councils', data: { action: 'meeting', payload: { meetingId: meeting.id } } },
    ])
  })
})
