import type { LocalCloud } from '../../localcloud/server'
import { download } from './files'
import { monthFromNow } from '../calendar'
import { callAs, signIn, useTestCloud } from './localCloudClient'
import { publishNeed } from './publishedNeeds'

/** A need of 大华社区 claimed by 蚂蚁力量 and approved by its worker: the project it started. */
async function approvedProject(
  cloud: LocalCloud,
  overrides: Parameters<typeof publishNeed>[0] = {},
) {
  const need = await publishNeed(overrides)
  const org = await signIn(cloud, 'demo-org-mayi')
  const claimed = await callAs(cloud, org, 'claims', 'claim', {
    needId: need._id,
    organizationId: 'mayi',
    quantity: need.capacity.limit,
    plan: '每月组织志愿者上门服务',
  })
  if (!claimed.ok) throw new Error(claimed.error.message)
  const worker = await signIn(cloud, 'demo-worker-dahua')
  const approved = await callAs(cloud, worker, 'claims', 'approve', { claimId: claimed.data.id })
  if (!approved.ok || !approved.data.projectId) throw new Error('approval failed')
  return { projectId: approved.data.projectId, org, worker }
}

describe('co-build projects through the local cloud', () => {
  const env = useTestCloud()

  const progress = {
    month: monthFromNow(-1),
    summary: '清理了三个单元的楼道杂物',
    peopleServed: 36,
  }

  it('the provider records monthly progress, the worker closes with an evaluation, then it is read-only', async () => {
    const { projectId, org, worker } = await approvedProject(env.cloud)
    const first = await callAs(env.cloud, org, 'projects', 'addProgress', {
      projectId,
      ...progress,
    })
    expect(first).toMatchObject({ ok: true, data: { authorName: '赵队长', peopleServed: 36 } })
    await callAs(env.cloud, worker, 'projects', 'addProgress', {
      projectId,
      month: monthFromNow(0),
      summary: '社区工作人员验收楼道清理',
      peopleServed: 12,
    })
    const detail = await callAs(env.cloud, org, 'projects', 'detail', { projectId })
    expect(detail).toMatchObject({
      ok: true,
      data: {
        project: { progressCount: 2 },
        progress: [{ month: monthFromNow(-1) }, { month: monthFromNow(0) }],
        canAddProgress: true,
        canClose: false,
      },
    })

    const orgClose = await callAs(env.cloud, org, 'projects', 'close', {
      projectId,
      satisfaction: 5,
      target: '清理 5 次',
      achieved: '清理 5 次',
    })
    expect(orgClose).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const closed = await callAs(env.cloud, worker, 'projects', 'close', {
      projectId,
      satisfaction: 4,
      target: '清理 5 次楼道',
      achieved: '完成 5 次，居民满意',
    })
    expect(closed).toMatchObject({
      ok: true,
      data: { status: 'closed', evaluation: { satisfaction: 4 } },
    })

    const late = await callAs(env.cloud, org, 'projects', 'addProgress', { projectId, ...progress })
    expect(late).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '项目已结项，不能再添加进展' },
    })
    const again = await callAs(env.cloud, worker, 'projects', 'close', {
      projectId,
      satisfaction: 1,
      target: '改写',
      achieved: '改写',
    })
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    const after = await callAs(env.cloud, worker, 'projects', 'detail', { projectId })
    expect(after).toMatchObject({
      ok: true,
      data: {
        project: { progressCount: 2, evaluation: { satisfaction: 4 } },
        canAddProgress: false,
        canClose: false,
      },
    })
  })

  it('a progress entry shows the photos uploaded from the phone; only their owner removes them', async () => {
    const { projectId, org, worker } = await approvedProject(env.cloud)
    const upload = async (token: string, content: Buffer) => {
      // As wx.cloud.uploadFile from the app, into cloud storage.
      const response = await fetch(`${env.cloud.url}/api/storage/upload?name=photo.png`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}` },
        body: new Uint8Array(content),
      })
      const answer = (await response.json()) as { ok: boolean; data: { fileID: string } }
      return answer.data.fileID
    }
    const photo = Buffer.from('not really a png, but bytes a phone sent')
    const fileID = await upload(org, photo)
    const added = await callAs(env.cloud, org, 'projects', 'addProgress', {
      projectId,
      ...progress,
      photoFileIds: [fileID],
    })
    expect(added.ok).toBe(true)
    const seen = await callAs(env.cloud, worker, 'projects', 'detail', { projectId })
    if (!seen.ok) throw new Error(seen.error.message)
    const [shown] = seen.data.progress[0]!.photos
    expect(shown?.fileId).toBe(fileID)
    expect(await download(shown!.url)).toEqual(photo)
    // Someone else's upload is not theirs to delete.
    const removal = (token: string) =>
      fetch(`${env.cloud.url}/api/storage/delete`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}` },
        body: JSON.stringify({ fileID }),
      })
    expect((await removal(worker)).status).toBe(404)
    expect((await removal(org)).status).toBe(200)
  })

  it('refuses invalid progress in Chinese and stores nothing', async () => {
    const { projectId, org } = await approvedProject(env.cloud)
    const cases: [Record<string, unknown>, string][] = [
      [{ ...progress, month: '2026-13' }, '月份格式不正确，例如 2026-11'],
      [{ ...progress, peopleServed: -1 }, '服务人次不能为负数'],
      [{ ...progress, summary: '好' }, '本月进展至少需要 5 个字'],
      [{ ...progress, photoFileIds: ['http://evil.example/x.png'] }, '照片无效'],
    ]
    for (const [payload, message] of cases) {
      const result = await callAs(env.cloud, org, 'projects', 'addProgress', {
        projectId,
        ...payload,
      })
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message } })
    }
    const badClose = await callAs(
      env.cloud,
      await signIn(env.cloud, 'demo-worker-dahua'),
      'projects',
      'close',
      {
        projectId,
        satisfaction: 6,
        target: '目标',
        achieved: '完成',
      },
    )
    expect(badClose).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '满意度为 1 到 5 分' },
    })
    const detail = await callAs(env.cloud, org, 'projects', 'detail', { projectId })
    expect(detail).toMatchObject({
      ok: true,
      data: { progress: [], project: { status: 'active' } },
    })
  })

  it('only the provider and the community see and report on a project', async () => {
    const { projectId } = await approvedProject(env.cloud)
    for (const account of ['demo-resident-wang', 'demo-org-moshang', 'demo-worker-xianshan']) {
      const token = await signIn(env.cloud, account)
      const seen = await callAs(env.cloud, token, 'projects', 'detail', { projectId })
      expect(seen).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
      const reported = await callAs(env.cloud, token, 'projects', 'addProgress', {
        projectId,
        ...progress,
      })
      expect(reported).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
    const street = await signIn(env.cloud, 'demo-street-chaohai')
    const streetView = await callAs(env.cloud, street, 'projects', 'detail', { projectId })
    expect(streetView).toMatchObject({ ok: true, data: { canAddProgress: false, canClose: false } })
  })

  it('counts a community’s and a street’s projects by category and list', async () => {
    const streetAdmin = await signIn(env.cloud, 'demo-street-chaohai')
    const streetList = async () => {
      const listed = await callAs(env.cloud, streetAdmin, 'projects', 'list', {
        streetId: 'chaohai',
      })
      if (!listed.ok) throw new Error(listed.error.message)
      return listed.data
    }
    // The street may carry projects already (the demo's); the three below add to them.
    const before = await streetList()
    const inCommunity = (data: typeof before, communityId: string) =>
      data.byCommunity.find((row) => row.communityId === communityId)?.total
    await approvedProject(env.cloud)
    await approvedProject(env.cloud, { title: '社区读书会', domain: 'civic_culture' })
    await approvedProject(env.cloud, {
      title: '特色托管班',
      list: 'special',
      domain: 'civic_culture',
    })
    const worker = await signIn(env.cloud, 'demo-worker-dahua')
    const community = await callAs(env.cloud, worker, 'projects', 'list', { communityId: 'dahua' })
    expect(community).toMatchObject({
      ok: true,
      data: {
        counts: {
          total: 3,
          categories: 2,
          byDomain: { public_safety: 1, civic_culture: 2 },
          byList: { co_build: 2, special: 1 },
        },
      },
    })
    const street = await streetList()
    expect(street.counts.total).toBe(before.counts.total + 3)
    expect(inCommunity(street, 'dahua')).toBe((inCommunity(before, 'dahua') ?? 0) + 3)
    expect(inCommunity(street, 'gucheng')).toBe(inCommunity(before, 'gucheng'))

    const forbidden = await callAs(env.cloud, worker, 'projects', 'list', { streetId: 'chaohai' })
    expect(forbidden).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const noScope = await callAs(env.cloud, worker, 'projects', 'list', {})
    expect(noScope).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '请选择一个社区、街道或组织' },
    })
  })
})
