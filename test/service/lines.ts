/** A need line of 东一社区 (c1), as the publish form sends it; tests change what they are about. */
export const needOfC1 = {
  communityId: 'c1',
  list: 'basic',
  domain: 'service_supply',
  focusGroups: ['children'],
  title: '助学名额',
  description: '困难家庭儿童需要助学帮扶',
  quantity: 3,
  unit: '个',
  window: { from: '2026-12-01', to: '2027-06-30' },
  priority: 'high',
}

/** An offering of 红帆志愿队 (o1) for the whole district, as the publish form sends it. */
export const offeringOfO1 = {
  organizationId: 'o1',
  domains: ['service_supply'],
  title: '助学名额',
  description: '为困难家庭儿童提供助学名额',
  capacity: 6,
  unit: '个',
  period: 'year',
  serviceArea: { districtWide: true },
  availability: { from: '2026-11-01', to: '2027-12-31' },
}
