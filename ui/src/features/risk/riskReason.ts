// A risk reason as one line in the UI's language, from the codes and figures the core sends
// (rule, deal, days, count, since, the thresholds in force, the top signal's line, the stage of
// a stuck deal, an overdue installment's number and amount, an overdue milestone's name, the
// months of a churn review): worded in the locale files (`risk.reason.*`), the Chinese as the exported
// workbooks word it (core/src/risk/explain.rs; the UI also names the stage).
import type { RiskReason } from '../../bindings'
import { i18n } from '../../i18n'
import { yuan } from '../payments/yuan'

/** The rules whose line names the deal when the reason is about one. */
const DEAL_VARIANTS = new Set(['no_follow_up', 'overdue_action', 'unconfirmed'])

/** The rules with a longer line when the deal has more than one overdue. */
const MORE_VARIANTS = new Set(['signal', 'overdue_payment', 'overdue_milestone'])

function key(r: RiskReason): string {
  if (MORE_VARIANTS.has(r.rule)) return r.count > 1 ? `${r.rule}_more` : r.rule
  return r.opportunityName && DEAL_VARIANTS.has(r.rule) ? `${r.rule}_deal` : r.rule
}

export function reasonLine(r: RiskReason): string {
  return i18n.global.t(`risk.reason.${key(r)}`, {
    deal: r.opportunityName,
    days: r.days ?? 0,
    since: r.since,
    count: r.count,
    yellow: r.yellowDays ?? 0,
    red: r.redDays ?? 0,
    signal: r.signal,
    stage: r.stage ? i18n.global.t(`enums.stage.${r.stage}`) : '',
    installment: r.installment ?? 0,
    amount: yuan(r.amount ?? 0),
    milestone: r.milestone,
    months: r.months ?? 0,
  })
}
