import type { MatchProposalRecord } from '../domain/types'
import {
  COLLECTIONS,
  collection,
  command,
  findPage,
  requireById,
  insertOne,
  updateWhere,
} from './collections'
import { LIST_PAGE_SIZE } from './communityNeeds'

export async function insertProposals(
  proposals: Omit<MatchProposalRecord, '_id'>[],
): Promise<MatchProposalRecord[]> {
  return Promise.all(
    proposals.map(async (proposal) => ({
      ...proposal,
      _id: await insertOne(COLLECTIONS.matchProposals, proposal),
    })),
  )
}

export async function requireProposal(id: string): Promise<MatchProposalRecord> {
  return requireById<MatchProposalRecord>(COLLECTIONS.matchProposals, id, '该匹配方案不存在')
}

/**
 * Moves a proposal from one state to another only if it is still in the expected one; answers
 * whether it moved (false: someone decided first).
 */
export async function transitionProposal(
  id: string,
  expected: Partial<MatchProposalRecord>,
  changes: Partial<MatchProposalRecord>,
): Promise<boolean> {
  const updated = await updateWhere(
    collection(COLLECTIONS.matchProposals).where({ ...expected, _id: id }),
    { ...changes, updatedAt: new Date() },
  )
  return updated === 1
}

/** Undecided proposals of these needs give way to a new matching run. */
export async function supersedeUndecided(needIds: string[]): Promise<void> {
  if (needIds.length === 0) return
  await updateWhere(
    collection(COLLECTIONS.matchProposals).where({
      needId: command().in(needIds),
      status: 'proposed',
      communityDecision: 'pending',
      providerDecision: 'pending',
    }),
    { status: 'superseded', updatedAt: new Date() },
  )
}

export interface ProposalFilter {
  communityIds?: string[]
  streetIds?: string[]
  organizationId?: string
  status?: MatchProposalRecord['status']
}

export async function listProposals(filter: ProposalFilter, page: number) {
  const _ = command()
  const query = collection(COLLECTIONS.matchProposals).where({
    ...(filter.communityIds ? { communityId: _.in(filter.communityIds) } : {}),
    ...(filter.streetIds ? { streetId: _.in(filter.streetIds) } : {}),
    ...(filter.organizationId ? { organizationId: filter.organizationId } : {}),
    status: filter.status ?? _.neq('superseded'),
  })
  return findPage<MatchProposalRecord>(query, page, LIST_PAGE_SIZE)
}
