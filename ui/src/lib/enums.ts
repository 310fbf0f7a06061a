// Every value of each code enum, in display order: generated from the core's `ALL` lists into
// bindings.ts (never copied here), and re-exported under the names the screens import.
export {
  ACTION_STATUSES,
  ALLOCATION_RULES,
  BUDGET_TYPES,
  BUYING_ROLES,
  CASH_FLOWS,
  COVERAGES,
  GRADES,
  LEAD_SOURCES,
  LIFECYCLES,
  LOST_REASONS,
  OPEN_STAGES,
  OWNERSHIPS,
  PROCUREMENTS,
  SECTIONS,
  STAGES,
  TRENDS,
} from '../bindings'
