import { COLLECTIONS, command, countWhere, findById, type Transaction } from '../../shared/db'
import { readAll, readPage, type Page } from '../../shared/paging'
import {
  CLAIMABLE_STATUSES,
  type CommunityNeed,
  type DistrictServiceKind,
  type ResourceOffering,
} from './domain'

export function findCommunityNeed(id: string): Promise<CommunityNeed | undefined> {
  return findById<CommunityNeed>(COLLECTIONS.communityNeeds, id)
}

export function readCommunityNeedIn(tx: Transaction, id: string) {
  return tx.get<CommunityNeed>(COLLECTIONS.communityNeeds, id)
}

export function saveCommunityNeedIn(tx: Transaction, need: CommunityNeed) {
  return tx.set(COLLECTIONS.communityNeeds, need)
}

export function updateCommunityNeedIn(tx: Transaction, id: string, changes: object) {
  return tx.update(COLLECTIONS.communityNeeds, id, changes)
}

export interface NeedFilter {
  streetIds?: string[]
  communityIds?: string[]
  domain?: CommunityNeed['domain']
  status?: CommunityNeed['status']
}

export function readCommunityNeedsPage(
  filter: NeedFilter,
  page: number,
  pageSize: number,
): Promise<Page<CommunityNeed>> {
  const _ = command()
  return readPage<CommunityNeed>(
    COLLECTIONS.communityNeeds,
    {
      ...(filter.streetIds ? { streetId: _.in(filter.streetIds) } : {}),
      ...(filter.communityIds ? { communityId: _.in(filter.communityIds) } : {}),
      ...(filter.domain ? { domain: filter.domain } : {}),
      ...(filter.status ? { status: filter.status } : {}),
    },
    [
      ['createdAt', 'desc'],
      ['_id', 'desc'],
    ],
    page,
    pageSize,
  )
}

/** Published needs with units left, in some communities (or all), of one domain (or all). */
export function listClaimableNeeds(
  communityIds?: string[],
  domain?: CommunityNeed['domain'],
): Promise<CommunityNeed[]> {
  const _ = command()
  return readAll<CommunityNeed>(
    COLLECTIONS.communityNeeds,
    {
      status: _.in(CLAIMABLE_STATUSES),
      ...(communityIds ? { communityId: _.in(communityIds) } : {}),
      ...(domain ? { domain } : {}),
    },
    [
      ['createdAt', 'desc'],
      ['_id', 'desc'],
    ],
  )
}

/** Open needs nobody has committed to, published before the cutoff, oldest first. */
/** Open needs published before the cutoff, in the communities or (without them) anywhere. */
export function listUncommittedNeedsBefore(
  communityIds: string[] | undefined,
  cutoff: Date,
): Promise<CommunityNeed[]> {
  const _ = command()
  return readAll<CommunityNeed>(
    COLLECTIONS.communityNeeds,
    {
      ...(communityIds ? { communityId: _.in(communityIds) } : {}),
      status: 'open',
      createdAt: _.lt(cutoff),
    },
    [
      ['createdAt', 'asc'],
      ['_id', 'asc'],
    ],
  )
}

/** How many of those needs there are in the communities, leaving out `exceptIds`. */
export function countUncommittedNeedsBefore(
  communityIds: string[],
  cutoff: Date,
  exceptIds: string[],
): Promise<number> {
  const _ = command()
  return countWhere(COLLECTIONS.communityNeeds, {
    communityId: _.in(communityIds),
    status: 'open',
    createdAt: _.lt(cutoff),
    ...(exceptIds.length > 0 ? { _id: _.nin(exceptIds) } : {}),
  })
}

export function findOffering(id: string): Promise<ResourceOffering | undefined> {
  return findById<ResourceOffering>(COLLECTIONS.resourceOfferings, id)
}

export function readOfferingIn(tx: Transaction, id: string) {
  return tx.get<ResourceOffering>(COLLECTIONS.resourceOfferings, id)
}

export function saveOfferingIn(tx: Transaction, offering: ResourceOffering) {
  return tx.set(COLLECTIONS.resourceOfferings, offering)
}

export function updateOfferingIn(tx: Transaction, id: string, changes: object) {
  return tx.update(COLLECTIONS.resourceOfferings, id, changes)
}

export function readOfferingsPage(
  organizationId: string | undefined,
  page: number,
  pageSize: number,
) {
  return readPage<ResourceOffering>(
    COLLECTIONS.resourceOfferings,
    organizationId ? { organizationId } : {},
    [
      ['createdAt', 'desc'],
      ['_id', 'desc'],
    ],
    page,
    pageSize,
  )
}

/** Active offerings of the district; a district has hundreds to a few thousand. */
export function listActiveOfferings(): Promise<ResourceOffering[]> {
  return readAll<ResourceOffering>(COLLECTIONS.resourceOfferings, { status: 'active' }, [
    ['_id', 'asc'],
  ])
}

/** The kinds a district added to the vocabulary, oldest first. */
export function listDistrictKinds(districtId?: string): Promise<DistrictServiceKind[]> {
  return readAll<DistrictServiceKind>(COLLECTIONS.serviceKinds, districtId ? { districtId } : {}, [
    ['_id', 'asc'],
  ])
}

export function saveDistrictKindIn(tx: Transaction, kind: DistrictServiceKind) {
  return tx.set(COLLECTIONS.serviceKinds, kind)
}

export function readDistrictKindIn(tx: Transaction, id: string) {
  return tx.get<DistrictServiceKind>(COLLECTIONS.serviceKinds, id)
}
