import {
  COLLECTIONS,
  command,
  findById,
  insertIfAbsent,
  updateWhere,
  type Transaction,
} from '../../shared/db'
import { readAll, readPage, type Page } from '../../shared/paging'
import type { MatchProposalRecord, MatchingRun, MatchingScope } from './domain'
import { scopeFilter } from './domain'

export function findProposal(id: string): Promise<MatchProposalRecord | undefined> {
  return findById<MatchProposalRecord>(COLLECTIONS.matchProposals, id)
}

export function readProposalIn(tx: Transaction, id: string) {
  return tx.get<MatchProposalRecord>(COLLECTIONS.matchProposals, id)
}

export function updateProposalIn(
  tx: Transaction,
  id: string,
  changes: Partial<MatchProposalRecord>,
) {
  return tx.update(COLLECTIONS.matchProposals, id, changes)
}

export function saveProposalIn(tx: Transaction, proposal: MatchProposalRecord) {
  return tx.set(COLLECTIONS.matchProposals, proposal)
}

/** A street's proposals still waiting for a decision (the council's agenda lists them). */
export function listOpenProposalsOfStreet(streetId: string): Promise<MatchProposalRecord[]> {
  return readAll<MatchProposalRecord>(
    COLLECTIONS.matchProposals,
    { streetId, status: 'proposed' },
    [['_id', 'asc']],
  )
}

/** Stores a proposal once under its run-derived id. */
export function insertProposal(proposal: MatchProposalRecord): Promise<boolean> {
  return insertIfAbsent(COLLECTIONS.matchProposals, proposal)
}

export function insertRun(run: MatchingRun): Promise<boolean> {
  return insertIfAbsent(COLLECTIONS.matchingRuns, run)
}

export async function setRunStatus(
  runId: string,
  from: MatchingRun['status'],
  to: MatchingRun['status'],
): Promise<boolean> {
  return (
    (await updateWhere(
      COLLECTIONS.matchingRuns,
      { _id: runId, status: from },
      { status: to, updatedAt: new Date() },
    )) === 1
  )
}

export function listUnfinishedRuns(): Promise<MatchingRun[]> {
  return readAll<MatchingRun>(
    COLLECTIONS.matchingRuns,
    { status: command().in(['staging', 'publishing']) },
    [['_id', 'asc']],
  )
}

/** Undecided proposals of earlier runs in the scope give way to this run's. */
export function supersedeEarlierProposals(scope: MatchingScope, runId: string): Promise<number> {
  return updateWhere(
    COLLECTIONS.matchProposals,
    {
      ...scopeFilter(scope),
      runId: command().neq(runId),
      status: 'proposed',
      communityDecision: 'pending',
      providerDecision: 'pending',
    },
    { status: 'superseded', updatedAt: new Date() },
  )
}

/** Makes a run's staged proposals visible (or, for a dropped run, retires them). */
export function moveStagedProposals(runId: string, to: 'proposed' | 'superseded'): Promise<number> {
  return updateWhere(
    COLLECTIONS.matchProposals,
    { runId, status: 'staged' },
    { status: to, updatedAt: new Date() },
  )
}

export interface ProposalFilter {
  communityIds?: string[]
  streetIds?: string[]
  organizationId?: string
  status?: MatchProposalRecord['status']
}

export function readProposalsPage(
  filter: ProposalFilter,
  page: number,
  pageSize: number,
): Promise<Page<MatchProposalRecord>> {
  const _ = command()
  return readPage<MatchProposalRecord>(
    COLLECTIONS.matchProposals,
    {
      ...(filter.communityIds ? { communityId: _.in(filter.communityIds) } : {}),
      ...(filter.streetIds ? { streetId: _.in(filter.streetIds) } : {}),
      ...(filter.organizationId ? { organizationId: filter.organizationId } : {}),
      status: filter.status ?? _.nin(['superseded', 'staged']),
    },
    [
      ['createdAt', 'desc'],
      ['_id', 'asc'],
    ],
    page,
    pageSize,
  )
}
