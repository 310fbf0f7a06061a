// A risk reason as one line in the UI's language, from the codes and figures the core sends
// (rule, deal, days, count, since, the thresholds in force, the top signal's line, the stage of
// a stuck deal): worded in the locale files (`risk.reason.*`), the Chinese as the exported
// workbooks word it (core/src/risk/explain.rs; the UI also names the stage).
import type { RiskReason } from '../../bindings'
import { i18n } from '../../i18n'

/** The rules whose line names the deal when the reason is about one. */
const DEAL_VARIANTS = new Set(['no_follow_up', 'overdue_action', 'unconfirmed'])

function key(r: RiskReason): string {
  if (r.rule === 'signal') return r.count > 1 ? 'signal_more' : 'signal'
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
  })
}
