import type { CollectionName } from './collections'
import { collection, command, updateWhere } from './collections'

/**
 * Adds units to a document's `committed` only if the result stays within its limit field, as one
 * conditional single-document update: of two concurrent reservations for the last units exactly
 * one succeeds. The caller names the limit it read in extraCondition, so a concurrent edit of
 * the limit makes the update miss instead of overshooting. Answers whether the units were reserved.
 */
export async function reserveUnits(
  name: CollectionName,
  id: string,
  units: number,
  limit: number,
  extraCondition: object = {},
): Promise<boolean> {
  const _ = command()
  const updated = await updateWhere(
    collection(name).where({ _id: id, committed: _.lte(limit - units), ...extraCondition }),
    { committed: _.inc(units), updatedAt: new Date() },
  )
  return updated === 1
}

/** Gives units back (a rejected or declined confirmation, or a rollback). */
export async function releaseUnits(name: CollectionName, id: string, units: number): Promise<void> {
  const _ = command()
  await updateWhere(collection(name).where({ _id: id, committed: _.gte(units) }), {
    committed: _.inc(-units),
    updatedAt: new Date(),
  })
}
