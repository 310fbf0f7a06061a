// The opportunity stages (商机阶段) as the screens need them: their order, their names, and how
// a refusal of the core's stage gate (opportunities/stages.rs) reads. The core decides what a
// stage needs; the UI only reads its answer — a Validation error with reason `required` naming
// the first missing field, its detail `missingFields` listing all of them — so it can ask for
// exactly those fields. Shared by the 商机 tab, the stage move dialog and the pipeline.
import type {
  LostReason,
  LostReview,
  Opportunity,
  OpportunityFields,
  OpportunityRow,
  Stage,
  StageChange,
  StageProbabilities,
} from '../../bindings'
import { LOST_REASONS, OPEN_STAGES, STAGES } from '../../lib/enums'
import { isValidation } from '../../errors'
import { fieldsOf } from '../../lib/fieldsOf'
import { enumLabel } from '../../lib/format'
import { i18n } from '../../i18n'

export type {
  LostReason,
  LostReview,
  Opportunity,
  OpportunityFields,
  OpportunityRow,
  Stage,
  StageChange,
  StageProbabilities,
}

export { LOST_REASONS, OPEN_STAGES, STAGES }
/** 立项 → … → 合同 → 成交, in order (丢单 can follow any open stage). */
export const PIPELINE: Stage[] = STAGES.filter((s) => s !== 'lost')

/** The core's defaults (设置 may change them): 成交 is 100 and 丢单 0 whatever is set. */
export const DEFAULT_PROBABILITIES: StageProbabilities = {
  initiation: 10,
  needs: 20,
  solution: 40,
  quote: 60,
  negotiation: 75,
  contract: 90,
}

export const isOpen = (s: Stage) => s !== 'won' && s !== 'lost'

/** The stage after `s` on the way to 成交; null for 成交 and 丢单. */
export function nextStage(s: Stage): Stage | null {
  const i = PIPELINE.indexOf(s)
  return i >= 0 && i < PIPELINE.length - 1 ? PIPELINE[i + 1]! : null
}

/** The default probability of a stage (the override of one deal aside). */
export function stageProbability(s: Stage, p: StageProbabilities): number {
  return s === 'won' ? 100 : s === 'lost' ? 0 : p[s]
}

export const stageLabel = (s: Stage) => enumLabel('stage', s)
export const lostReasonLabel = (r: LostReason) => enumLabel('lostReason', r)

/** The fields a stage gate can ask for, besides the lost review. */
export type GateField = 'needs' | 'quoteAmount' | 'quoteDate' | 'contractAmount' | 'contractDate'

/** The fields a stage-gate refusal names, in the core's order ("lostReview.text" for the
 * review); [] when `e` is not a gate refusal (a plain 必填 like the name has no list). */
export function gateMissing(e: unknown): string[] {
  return isValidation(e) && e.data.reason === 'required' && e.data.detail.kind === 'missingFields'
    ? e.data.detail.fields
    : []
}

/** A field of the opportunity in words: "quoteAmount" → 报价金额, "lostReview.reason" →
 * 丢单原因, "competitors.1" → 竞争对手 · 第 2 行. */
export function opportunityFieldLabel(field: string): string {
  const { t, te } = i18n.global
  const [head = '', rest = ''] = field.split(/\.(.*)/s)
  if (head === 'lostReview' && rest) return te(`opportunity.lost.${rest}`) ? t(`opportunity.lost.${rest}`) : rest
  const name = te(`opportunity.field.${head}`) ? t(`opportunity.field.${head}`) : head
  return /^\d+$/.test(rest) ? `${name} · ${t('common.rowN', { n: Number(rest) + 1 })}` : name
}

/** The names of the fields, for useFormSave's lookup of the field an error is about: the form's
 * own fields and the lost review's (an error on "lostReview.reason" lands on `reason`). */
export const FORM_FIELD_NAMES: Record<string, true> = Object.fromEntries(
  [
    'name',
    'owner',
    'amount',
    'stage',
    'probability',
    'expectedClose',
    'scopeId',
    'keyPersons',
    'budget',
    'competitors',
    'needs',
    'quoteAmount',
    'quoteDate',
    'contractAmount',
    'contractDate',
    'notes',
    'lostTo',
    'reason',
    'text',
    'next',
  ].map((k) => [k, true]),
)

/** The form key of a field the core names ("lostReview.text" → "text", "competitors.0" → "competitors"). */
export function formKey(field: string): string {
  return field.split('.').find((part) => part in FORM_FIELD_NAMES) ?? field
}

export function blankOpportunity(): OpportunityFields {
  return {
    name: '',
    owner: '',
    amount: null,
    stage: 'initiation',
    probability: null,
    expectedClose: '',
    scopeId: null,
    keyPersons: [],
    budget: null,
    competitors: [],
    needs: '',
    quoteAmount: null,
    quoteDate: '',
    contractAmount: null,
    contractDate: '',
    notes: '',
    ownFollowUpRequired: false,
    lostReview: null,
  }
}

export function blankReview(stageLostAt: Stage | null = null): LostReview {
  return { lostTo: '', reason: null, text: '', stageLostAt, next: '' }
}

/** A stored opportunity's form (deep copies: editing does not touch the list's record). */
export function opportunityFields(o: Opportunity): OpportunityFields {
  return fieldsOf(blankOpportunity(), o)
}
