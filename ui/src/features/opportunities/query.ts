// The pipeline page's filters (deal owner, customer grade, expected-close range) as the core's
// OpportunityQuery, the one shape every pipeline command takes.
import type { Grade, OpportunityQuery, OpportunitySort, Stage } from '../../bindings'

export interface PipelineFilters {
  /** The deals' 负责人. */
  owners: string[]
  /** The customers' grades. */
  grades: Grade[]
  /** Expected close from/to, YYYY-MM-DD; '' = open-ended. */
  closeFrom: string
  closeTo: string
}

export const emptyFilters = (): PipelineFilters => ({ owners: [], grades: [], closeFrom: '', closeTo: '' })

export function hasFilters(f: PipelineFilters): boolean {
  return f.owners.length > 0 || f.grades.length > 0 || f.closeFrom !== '' || f.closeTo !== ''
}

export interface QueryPart {
  stages?: Stage[]
  sort?: OpportunitySort
  descending?: boolean
  offset?: number
  limit?: number
}

/** The query of the filters (copied: the reactive arrays never cross to the IPC). */
export function pipelineQuery(
  f: PipelineFilters,
  part: QueryPart = {},
  customerId: number | null = null,
): OpportunityQuery {
  return {
    customerId,
    owners: [...f.owners],
    grades: [...f.grades],
    stages: [...(part.stages ?? [])],
    closeFrom: f.closeFrom,
    closeTo: f.closeTo,
    sort: part.sort ?? 'expected_close',
    descending: part.descending ?? false,
    offset: part.offset ?? 0,
    limit: part.limit ?? 50,
  }
}

/** One customer's deals, unfiltered (the 商机 tab and the deal pickers), by expected close. */
export const customerDealsQuery = (customerId: number, limit: number): OpportunityQuery =>
  pipelineQuery(emptyFilters(), { limit }, customerId)
