import {
  offeringLedgerAt,
  offeringLedgerPathOf,
  type CommunityNeed,
  type ResourceOffering,
} from '../../cloudfunctions/features/lists/domain'
import { listsService } from '../../cloudfunctions/features/lists/service'
import type { MatchProposalRecord } from '../../cloudfunctions/features/matching/domain'
import { matchingService } from '../../cloudfunctions/features/matching/service'
import { needOfC1, offeringOfO1 } from './lines'
import { refusal, useWorld } from './world'

describe('matching service (双清单)', () => {
  const world = useWorld()
  const worker = () => world.person('worker-c1', [{ kind: 'community_worker', communityId: 'c1' }])
  const member = () => world.person('member-o1', [{ kind: 'org_member', orgId: 'o1' }])

  async function needAndOffering(needUnits: number, offeredUnits: number) {
    const need = await world.call(
      listsService,
      'publishNeed',
      { ...needOfC1, quantity: needUnits },
      worker(),
    )
    const offering = await world.call(
      listsService,
      'publishOffering',
      { ...offeringOfO1, capacity: offeredUnits },
      member(),
    )
    return { need, offering }
  }
  const run = () =>
    world.call(matchingService, 'run', { scope: 'community', scopeId: 'c1' }, worker())

  it('a run proposes, and a new run replaces the undecided proposals of the last one', async () => {
    const { need, offering } = await needAndOffering(3, 6)
    const first = await run()
    expect(first.proposals).toEqual([
      expect.objectContaining({
        needId: need.id,
        offeringId: offering.id,
        quantity: 3,
        status: 'proposed',
      }),
    ])
    const second = await run()
    const stored = world.db.find<MatchProposalRecord>('match_proposals', {})
    expect(stored.find((p) => p._id === first.proposals[0].id)?.status).toBe('superseded')
    expect(stored.find((p) => p._id === second.proposals[0].id)?.status).toBe('proposed')
    expect(world.db.find<{ status: string }>('matching_runs', {}).map((r) => r.status)).toEqual([
      'done',
      'done',
    ])
  })

  it('confirming commits units on both sides; rejecting gives them back; both agreeing starts a project', async () => {
    await needAndOffering(3, 6)
    const [proposal] = (await run()).proposals
    await world.call(matchingService, 'confirm', { proposalId: proposal.id }, worker())
    // A yearly offering holds this year's units in the ledger of the year.
    const offeringHeld = () => {
      const offering = world.db.find<ResourceOffering>('resource_offerings', {})[0]
      return offeringLedgerAt(offering, offeringLedgerPathOf(offering, new Date())).taken
    }
    const needHeld = () => world.db.find<CommunityNeed>('community_needs', {})[0].capacity.taken
    expect([offeringHeld(), needHeld()]).toEqual([3, 3])
    expect(
      await refusal(world.call(matchingService, 'confirm', { proposalId: proposal.id }, worker())),
    ).toEqual({
      code: 'CONFLICT',
      message: '该方案已处理，请刷新后查看',
    })
    const accepted = await world.call(
      matchingService,
      'accept',
      { proposalId: proposal.id },
      member(),
    )
    expect(accepted).toMatchObject({ status: 'accepted', projectId: `match-${proposal.id}` })
    expect(world.db.count('projects', { _id: `match-${proposal.id}` })).toBe(1)

    // Another run's proposal, rejected after confirmation: its units come back.
    world.db.updateMany(
      'community_needs',
      {},
      { $set: { 'capacity.limit': 5, status: 'partly_served' } },
    )
    const [next] = (await run()).proposals
    await world.call(matchingService, 'confirm', { proposalId: next.id }, worker())
    expect(needHeld()).toBe(5)
    await world.call(matchingService, 'reject', { proposalId: next.id }, worker())
    expect([offeringHeld(), needHeld()]).toEqual([3, 3])
  })

  it('units confirmed this year bound a later cut of a yearly offering', async () => {
    const { offering } = await needAndOffering(3, 6)
    const [proposal] = (await run()).proposals
    await world.call(matchingService, 'confirm', { proposalId: proposal.id }, worker())
    expect(
      await refusal(
        world.call(
          listsService,
          'editOffering',
          { offeringId: offering.id, capacity: 2 },
          member(),
        ),
      ),
    ).toEqual({ code: 'INVALID_INPUT', message: '已有 3 个被确认使用，可提供数量不能少于此' })
    const cut = await world.call(
      listsService,
      'editOffering',
      { offeringId: offering.id, capacity: 4 },
      member(),
    )
    expect(cut).toMatchObject({ capacity: 4, committed: 3, remaining: 1 })
  })

  it('an offering’s period changes only while none of its units are held, and then counts anew', async () => {
    const { offering } = await needAndOffering(3, 6)
    // Nothing held: 6 a year becomes 6 a month, so this quarter has 18.
    const monthly = await world.call(
      listsService,
      'editOffering',
      { offeringId: offering.id, period: 'month' },
      member(),
    )
    expect(monthly).toMatchObject({ period: 'month', remaining: 18 })
    const [proposal] = (await run()).proposals
    await world.call(matchingService, 'confirm', { proposalId: proposal.id }, worker())
    const stored = () => world.db.find<ResourceOffering>('resource_offerings', {})[0]
    const before = stored()
    expect(
      await refusal(
        world.call(
          listsService,
          'editOffering',
          { offeringId: offering.id, period: 'year', capacity: 20 },
          member(),
        ),
      ),
    ).toEqual({
      code: 'CONFLICT',
      message: '已有方案确认使用该资源，不能更改提供周期；可暂停该资源后按新周期另行发布',
    })
    expect(stored()).toEqual(before)
  })

  it('a confirmation beyond what the offering has left is refused and changes nothing', async () => {
    const { offering } = await needAndOffering(3, 6)
    const [proposal] = (await run()).proposals
    world.db.updateMany(
      'resource_offerings',
      { _id: offering.id },
      { $set: { 'capacity.limit': 2 } },
    )
    expect(
      await refusal(world.call(matchingService, 'confirm', { proposalId: proposal.id }, worker())),
    ).toEqual({
      code: 'CONFLICT',
      message: '「助学名额」本期剩余 2 个，不足以确认本方案',
    })
    expect(world.db.find<CommunityNeed>('community_needs', {})[0].capacity.taken).toBe(0)
    expect(
      world.db.findOne<MatchProposalRecord>('match_proposals', { _id: proposal.id })
        ?.communityDecision,
    ).toBe('pending')
  })

  it('only the community’s workers confirm and only the provider’s members accept', async () => {
    await needAndOffering(3, 6)
    const [proposal] = (await run()).proposals
    expect(
      (await refusal(world.call(matchingService, 'confirm', { proposalId: proposal.id }, member())))
        .code,
    ).toBe('FORBIDDEN')
    expect(
      (await refusal(world.call(matchingService, 'accept', { proposalId: proposal.id }, worker())))
        .code,
    ).toBe('FORBIDDEN')
  })
})
