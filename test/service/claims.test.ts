import { claimsService } from '../../cloudfunctions/features/claims/service'
import type { CommunityNeed } from '../../cloudfunctions/features/lists/domain'
import { listsService } from '../../cloudfunctions/features/lists/service'
import { refusal, useWorld } from './world'

describe('claims service (领题揭榜)', () => {
  const world = useWorld()
  const worker = () => world.person('worker-c1', [{ kind: 'community_worker', communityId: 'c1' }])
  const member = (org: 'o1' | 'o2') =>
    world.person(`member-${org}`, [{ kind: 'org_member', orgId: org }])

  async function publishNeed(quantity: number, splittable = true) {
    return world.call(
      listsService,
      'publishNeed',
      {
        communityId: 'c1',
        list: 'basic',
        domain: 'public_safety',
        title: '楼道清理',
        description: '清理楼道杂物，消除隐患',
        quantity,
        unit: '次',
        splittable,
        window: { from: '2026-12-01', to: '2027-03-31' },
        priority: 'high',
      },
      worker(),
    )
  }
  const claim = (needId: string, org: 'o1' | 'o2', quantity: number) =>
    world.call(
      claimsService,
      'claim',
      { needId, organizationId: org, quantity, plan: '每月两次，志愿者上门' },
      member(org),
    )

  it('approval commits the units, starts the project and links it, in one step', async () => {
    const need = await publishNeed(4)
    const claimed = await claim(need.id, 'o1', 3)
    const approved = await world.call(claimsService, 'approve', { claimId: claimed.id }, worker())
    expect(approved).toMatchObject({ status: 'approved', projectId: `claim-${claimed.id}` })
    const stored = world.db.findOne<CommunityNeed>('community_needs', { _id: need.id })!
    expect(stored.capacity.holders).toEqual([
      expect.objectContaining({ id: `claim:${claimed.id}`, units: 3 }),
    ])
    expect(stored.status).toBe('partly_served')
    expect(world.db.findOne('projects', { _id: `claim-${claimed.id}` })).toMatchObject({
      organizationId: 'o1',
      quantity: 3,
      status: 'active',
    })
    expect(world.db.count('audit_logs', { action: 'claims.approve' })).toBe(1)
  })

  it('a claim whose units are gone is refused and changes nothing', async () => {
    const need = await publishNeed(4)
    const first = await claim(need.id, 'o1', 3)
    const second = await claim(need.id, 'o2', 2)
    await world.call(claimsService, 'approve', { claimId: first.id }, worker())
    expect(
      await refusal(world.call(claimsService, 'approve', { claimId: second.id }, worker())),
    ).toEqual({
      code: 'CONFLICT',
      message: '该需求剩余 1 次，不足以批准',
    })
    expect(world.db.findOne('claims', { _id: second.id })).toMatchObject({ status: 'pending' })
    expect(world.db.count('projects')).toBe(1)
    expect(
      world.db.findOne<CommunityNeed>('community_needs', { _id: need.id })!.capacity.taken,
    ).toBe(3)
  })

  it('a need that cannot be split is claimed whole, and no worker decides for their own organization', async () => {
    const need = await publishNeed(2, false)
    expect(await refusal(claim(need.id, 'o1', 1))).toEqual({
      code: 'INVALID_INPUT',
      message: '该需求不可拆分，请认领全部 2 次',
    })
    const claimed = await claim(need.id, 'o1', 2)
    const insider = world.person('worker-member', [
      { kind: 'community_worker', communityId: 'c1' },
      { kind: 'org_member', orgId: 'o1' },
    ])
    expect(
      await refusal(world.call(claimsService, 'approve', { claimId: claimed.id }, insider)),
    ).toEqual({
      code: 'FORBIDDEN',
      message: '不能审核本组织的揭榜申请',
    })
  })
})
