import * as cloud from 'wx-server-sdk'
import { openEmbeddedDatabase } from './localCloudClient'

// A file of its own: the SDK keeps the options of its first init() for the whole module.
describe('cloud.init({ throwOnNotFound: false })', () => {
  it('lets doc.get() of a missing document answer null, inside a transaction too', async () => {
    const { database, cleanUp } = await openEmbeddedDatabase({ throwOnNotFound: false })
    try {
      database.insertMany('accounts', [{ _id: 'a', balance: 1 }])
      const db = cloud.database()
      const missing = (await db.collection('accounts').doc('nobody').get()) as { data: unknown }
      expect(missing.data).toBeNull()
      const transaction = await db.startTransaction()
      const inside = (await transaction.collection('accounts').doc('nobody').get()) as {
        data: unknown
      }
      expect(inside.data).toBeNull()
      const found = (await transaction.collection('accounts').doc('a').get()) as { data: unknown }
      expect(found.data).toEqual({ _id: 'a', balance: 1 })
      await transaction.commit()
    } finally {
      await cleanUp()
    }
  })
})
