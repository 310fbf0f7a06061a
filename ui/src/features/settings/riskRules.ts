// The risk rules and stage probabilities of 设置 as the form lays them out, and their checks
// before a save: the core refuses the first bad field only, while the form can mark every field
// at once while the user types (the ranges are the core's own, `RISK_DAYS` and
// `STAGE_PROBABILITY` in validate.rs, generated into bindings.ts; yellow < red is stricter than
// the core's ≤, since equal days would never show yellow).
import {
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

/** One rule: its switch, its day thresholds, and how its explanation fills in the numbers. */
export interface RuleRow {
  key: SwitchKey
  days: IntKey[]
  help: (r: RiskSettings) => Record<string, unknown>
}

export const RULES: RuleRow[] = [
  {
    key: 'noFollowUp',
    days: ['followUpYellowDays', 'followUpRedDays', 'watchYellowDays', 'watchRedDays'],
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
  { key: 'quoteIdle', days: ['quoteIdleDays'], help: (r) => ({ days: r.quoteIdleDays }) },
  { key: 'stuckInStage', days: [], help: () => ({}) },
  { key: 'powerMap', days: [], help: () => ({}) },
  { key: 'overdueAction', days: [], help: () => ({}) },
  { key: 'unconfirmed', days: ['unconfirmedDays'], help: (r) => ({ days: r.unconfirmedDays }) },
  { key: 'lateRecord', days: [], help: () => ({ days: LATE_RECORD_WINDOW_DAYS }) },
  { key: 'signals', days: [], help: () => ({}) },
  { key: 'overduePayment', days: ['paymentRedDays'], help: (r) => ({ days: r.paymentRedDays }) },
  { key: 'overdueMilestone', days: [], help: () => ({}) },
]

/** The label of a day threshold (the rule's own words: 黄灯天数, 红灯天数). */
export const DAY_LABELS: Record<IntKey, string> = {
  followUpYellowDays: 'riskRules.yellowDays',
  followUpRedDays: 'riskRules.redDays',
  watchYellowDays: 'riskRules.watchYellowDays',
  watchRedDays: 'riskRules.watchRedDays',
  quoteIdleDays: 'riskRules.quoteIdleDays',
  unconfirmedDays: 'riskRules.unconfirmedDays',
  paymentRedDays: 'riskRules.paymentRedDays',
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
  for (const key of Object.keys(DAY_LABELS) as IntKey[]) {
    if (!isInt(s.risk[key], RISK_DAYS_RANGE.min, RISK_DAYS_RANGE.max))
      errors[`risk.${key}`] = t('riskRules.range', RISK_DAYS_RANGE)
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
