// Every value of each code enum, in display order (mirrors `ALL` in model.rs).
import type {
  ActionStatus,
  AllocationRule,
  BudgetType,
  BuyingRole,
  CashFlow,
  Coverage,
  Grade,
  LeadSource,
  Lifecycle,
  LostReason,
  Ownership,
  Procurement,
  Section,
  Stage,
  Trend,
} from '../bindings'

export const GRADES: Grade[] = ['A', 'B', 'C', 'D']
export const LIFECYCLES: Lifecycle[] = [
  'new',
  'interested',
  'following',
  'quoting',
  'negotiating',
  'won',
  'existing',
  'lost',
]
export const OWNERSHIPS: Ownership[] = [
  'state_owned',
  'private',
  'foreign',
  'joint_venture',
  'listed',
  'public_institution',
]
export const LEAD_SOURCES: LeadSource[] = [
  'campaign',
  'advertising',
  'referral',
  'trade_show',
  'livestream',
  'website',
  'channel',
  'self_sourced',
]
export const TRENDS: Trend[] = ['rising', 'stable', 'declining']
export const BUDGET_TYPES: BudgetType[] = ['expansion', 'survival']
export const CASH_FLOWS: CashFlow[] = ['loose', 'normal', 'tight']
export const PROCUREMENTS: Procurement[] = ['tender', 'price_comparison', 'single_source']
export const ALLOCATION_RULES: AllocationRule[] = [
  'lowest_price',
  'quality_first',
  'fixed_share',
  'tender',
  'relationship',
]
export const BUYING_ROLES: BuyingRole[] = [
  'decision_maker',
  'approver',
  'evaluator',
  'user',
  'influencer',
  'gatekeeper',
]
export const COVERAGES: Coverage[] = ['none', 'initial', 'repeated', 'deep']
export const SECTIONS: Section[] = [
  'overview',
  'business',
  'financials',
  'sp_bp',
  'power_map',
  'key_persons',
  'suppliers',
  'process_it',
]
/** The opportunity stages in pipeline order: the open ones (立项 → 合同), then 成交 and 丢单. */
export const STAGES: Stage[] = ['initiation', 'needs', 'solution', 'quote', 'negotiation', 'contract', 'won', 'lost']
/** The stages a deal is still being worked at (the kanban's full columns). */
export const OPEN_STAGES: Stage[] = ['initiation', 'needs', 'solution', 'quote', 'negotiation', 'contract']
/** The stored statuses of a next action (已逾期 is computed by the core, never chosen). */
export const ACTION_STATUSES: ActionStatus[] = ['todo', 'doing', 'done']
export const LOST_REASONS: LostReason[] = ['price', 'product', 'relationship', 'budget', 'timing', 'service', 'other']
