// The risk rules and stage probabilities of 设置 as the form lays them out, and their checks
// before a save: the core refuses the first bad field only, while the form can mark every field
// at once while the user types (the ranges are the core's own, `RISK_DAYS`, `CHURN_MONTHS` and
// `STAGE_PROBABILITY` in validate.rs, generated into bindings.ts; yellow < red is stricter than
// the core's ≤, since equal days would never show yellow).
import {
  CHURN_MONTHS_RANGE,
  LATE_RECORD_WINDOW_DAYS,
  RISK_DAYS_RANGE,
  STAGE_PROBABILITY_RANGE,
  type RiskSettings,
  type Settings,
  type StageProbabilities,
} from '../../bindings'
import { i18n } from '../../i18n'

type IntKey =
  | 'followUpYellowDays'
  | 'followUpRedDays'
  | 'watchYellowDays'
  | 'watchRedDays'
  | 'quoteIdleDays'
  | 'unconfirmedDays'
  | 'paymentRedDays'
  | 'churnMonths'
type SwitchKey =
  | 'noFollowUp'
  | 'quoteIdle'
  | 'stuckInStage'
  | 'powerMap'
  | 'overdueAction'
  | 'unconfirmed'
  | 'lateRecord'
  | 'signals'
  | 'overduePayment'
  | 'overdueMilestone'
  | 'churnReview'

/** One rule: its switch, its thresholds (days, or months), and how its explanation fills in the numbers. */
export interface RuleRow {
  key: SwitchKey
  fields: IntKey[]
  help: (r: RiskSettings) => Record<string, unknown>
}

export const RULES: RuleRow[] = [
  {
    key: 'noFollowUp',
    fields: ['followUpYellowDays', 'followUpRedDays', 'watchYellowDays', 'watchRedDays'],
    help: (r) => ({
      yellow: r.followUpYellowDays,
      red: r.followUpRedDays,
      grades: r.followUpGrades.length
        ? i18n.global.t('riskRules.gradesPart', {
            grades: r.followUpGrades.join('/'),
            watchYellow: r.watchYellowDays,
            watchRed: r.watchRedDays,
          })
        : '',
    }),
  },
  { key: 'quoteIdle', fields: ['quoteIdleDays'], help: (r) => ({ days: r.quoteIdleDays }) },
  { key: 'stuckInStage', fields: [], help: () => ({}) },
  { key: 'powerMap', fields: [], help: () => ({}) },
  { key: 'overdueAction', fields: [], help: () => ({}) },
  { key: 'unconfirmed', fields: ['unconfirmedDays'], help: (r) => ({ days: r.unconfirmedDays }) },
  { key: 'lateRecord', fields: [], help: () => ({ days: LATE_RECORD_WINDOW_DAYS }) },
  { key: 'signals', fields: [], help: () => ({}) },
  { key: 'overduePayment', fields: ['paymentRedDays'], help: (r) => ({ days: r.paymentRedDays }) },
  { key: 'overdueMilestone', fields: [], help: () => ({}) },
  { key: 'churnReview', fields: ['churnMonths'], help: (r) => ({ months: r.churnMonths }) },
]

/** The label of a threshold (the rule's own words: 黄灯天数, 红灯天数, 无采购月数). */
export const FIELD_LABELS: Record<IntKey, string> = {
  followUpYellowDays: 'riskRules.yellowDays',
  followUpRedDays: 'riskRules.redDays',
  watchYellowDays: 'riskRules.watchYellowDays',
  watchRedDays: 'riskRules.watchRedDays',
  quoteIdleDays: 'riskRules.quoteIdleDays',
  unconfirmedDays: 'riskRules.unconfirmedDays',
  paymentRedDays: 'riskRules.paymentRedDays',
  churnMonths: 'riskRules.churnMonths',
}

/** The range of a threshold: days, but months for the churn review. */
export const FIELD_RANGES: Record<IntKey, { readonly min: number; readonly max: number }> = {
  followUpYellowDays: RISK_DAYS_RANGE,
  followUpRedDays: RISK_DAYS_RANGE,
  watchYellowDays: RISK_DAYS_RANGE,
  watchRedDays: RISK_DAYS_RANGE,
  quoteIdleDays: RISK_DAYS_RANGE,
  unconfirmedDays: RISK_DAYS_RANGE,
  paymentRedDays: RISK_DAYS_RANGE,
  churnMonths: CHURN_MONTHS_RANGE,
}

/** The open stages, in pipeline order: a probability and a stuck-in-stage limit each. */
export const PROBABILITY_STAGES: (keyof StageProbabilities)[] = [
  'initiation',
  'needs',
  'solution',
  'quote',
  'negotiation',
  'contract',
]

const isInt = (v: unknown, min: number, max: number) =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max

/** Every problem of the risk rules and stage probabilities, by the core's field name
 * (`risk.followUpRedDays`, `stageProbabilities.quote`); empty when they can be saved. */
export function riskSettingsErrors(s: Pick<Settings, 'risk' | 'stageProbabilities'>): Record<string, string> {
  const t = i18n.global.t
  const errors: Record<string, string> = {}
  for (const key of Object.keys(FIELD_RANGES) as IntKey[]) {
    const range = FIELD_RANGES[key]
    if (!isInt(s.risk[key], range.min, range.max)) errors[`risk.${key}`] = t('riskRules.range', range)
  }
  if (
    !errors['risk.followUpYellowDays'] &&
    !errors['risk.followUpRedDays'] &&
    s.risk.followUpYellowDays >= s.risk.followUpRedDays
  ) {
    errors['risk.followUpRedDays'] = t('riskRules.yellowBeforeRed')
  }
  if (
    !errors['risk.watchYellowDays'] &&
    !errors['risk.watchRedDays'] &&
    s.risk.watchYellowDays >= s.risk.watchRedDays
  ) {
    errors['risk.watchRedDays'] = t('riskRules.yellowBeforeRed')
  }
  for (const stage of PROBABILITY_STAGES) {
    if (!isInt(s.risk.stageDays[stage], RISK_DAYS_RANGE.min, RISK_DAYS_RANGE.max)) {
      errors[`risk.stageDays.${stage}`] = t('riskRules.range', RISK_DAYS_RANGE)
    }
  }
  for (const stage of PROBABILITY_STAGES) {
    if (!isInt(s.stageProbabilities[stage], STAGE_PROBABILITY_RANGE.min, STAGE_PROBABILITY_RANGE.max)) {
      errors[`stageProbabilities.${stage}`] = t('riskRules.range', STAGE_PROBABILITY_RANGE)
    }
  }
  return errors
}
