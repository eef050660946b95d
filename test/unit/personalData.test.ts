import { PERSONAL_DATA, WITHOUT_PERSONAL_DATA } from '../../cloudfunctions/features/account/domain'
import { COLLECTIONS } from '../../cloudfunctions/shared/collections'

describe('personal data', () => {
  it('every collection is either listed where 我的数据 and deletion look, or declared free of it', () => {
    const personal = new Set(PERSONAL_DATA.map((records) => records.collection))
    const unclassified = Object.values(COLLECTIONS).filter(
      (name) => !personal.has(name) && !WITHOUT_PERSONAL_DATA.includes(name),
    )
    expect(unclassified).toEqual([])
    expect(WITHOUT_PERSONAL_DATA.filter((name) => personal.has(name))).toEqual([])
  })

  it('deletion never erases a ledger others count on', () => {
    const erased = PERSONAL_DATA.filter((records) => records.erase).map((r) => r.collection)
    for (const kept of [COLLECTIONS.volunteerHours, COLLECTIONS.auditLogs]) {
      expect(erased).not.toContain(kept)
    }
  })
})
