import type { Agreement } from '../cloudfunctions/features/agreements/domain'

// 7 月 2 日, at the launch in 通济街道岘山社区, 区委社会工作部 signed co-build agreements with the five
// pilot streets, setting out their duties in resource sharing, project collaboration and service
// linkage (first source report). The quantities committed are illustrative.

export const SIGNED_ON = '2026-07-02'
const DISTRICT_OFFICE = { id: 'demo-district-admin', name: '区委社会工作部' }

export function demoAgreements(
  district: { _id: string; name: string },
  streets: { _id: string; name: string }[],
): Agreement[] {
  const signedAt = new Date(`${SIGNED_ON}T10:00:00+08:00`)
  return streets.map((street, index) => ({
    _id: `agreement-${street._id}`,
    kind: 'district_street',
    title: `${district.name}“专业社工+志愿服务”共建协议（${street.name}）`,
    firstParty: { kind: 'district', id: district._id, name: district.name },
    secondParty: { kind: 'street', id: street._id, name: street.name },
    districtId: district._id,
    streetId: street._id,
    scopes: ['resource_sharing', 'project_collaboration', 'service_linkage'],
    term: { from: SIGNED_ON, to: '2027-07-01' },
    commitments: [
      { id: `c-${index}-projects`, kind: 'projects', description: '认领落地共建项目', quantity: 6 },
      { id: `c-${index}-people`, kind: 'people_served', description: '服务居民', quantity: 2000 },
      {
        id: `c-${index}-hours`,
        kind: 'person_hours',
        description: '志愿服务时长',
        quantity: 1500,
      },
      { id: `c-${index}-venue`, kind: 'venue', description: '开放党群服务阵地', quantity: 24 },
    ],
    kpis: [
      { name: '需求清单按月更新', target: '每个社区每月至少 1 次' },
      { name: '居民满意度', target: '90% 以上' },
    ],
    reviewDates: ['2026-10-08', '2027-01-08', '2027-04-08', '2027-07-01'],
    reviews: [],
    status: 'signed',
    signed: { on: SIGNED_ON, place: '通济街道岘山社区', by: DISTRICT_OFFICE },
    createdBy: DISTRICT_OFFICE,
    createdAt: signedAt,
    updatedAt: signedAt,
  }))
}
