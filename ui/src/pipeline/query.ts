// The pipeline page's filters (owner, expected-close range) as the core's OpportunityQuery,
// the one shape every pipeline command takes.
import type { OpportunityQuery, OpportunitySort, Stage } from '../bindings'

export interface PipelineFilters {
  owners: string[]
  /** Expected close from/to, YYYY-MM-DD; '' = open-ended. */
  closeFrom: string
  closeTo: string
}

export const emptyFilters = (): PipelineFilters => ({ owners: [], closeFrom: '', closeTo: '' })

export function hasFilters(f: PipelineFilters): boolean {
  return f.owners.length > 0 || f.closeFrom !== '' || f.closeTo !== ''
}

export interface QueryPart {
  stages?: Stage[]
  sort?: OpportunitySort
  descending?: boolean
  offset?: number
  limit?: number
}

/** The query of the filters (copied: the reactive arrays never cross to the IPC). */
export function pipelineQuery(f: PipelineFilters, part: QueryPart = {}): OpportunityQuery {
  return {
    customerId: null,
    owners: [...f.owners],
    stages: [...(part.stages ?? [])],
    closeFrom: f.closeFrom,
    closeTo: f.closeTo,
    sort: part.sort ?? 'expected_close',
    descending: part.descending ?? false,
    offset: part.offset ?? 0,
    limit: part.limit ?? 50,
  }
}
