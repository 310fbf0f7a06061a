// A risk reason as one line in the UI's language. The core explains each reason in Chinese with
// the thresholds in force (risk/explain.rs; the team report uses the same text): shown as it is
// in Chinese. In English the line is written here from the reason's fields (rule, deal, days,
// count, since), so an English UI does not show Chinese hover texts.
import type { RiskReason } from '../../bindings'
import { i18n } from '../../i18n'

/** The rules whose line names the deal when the reason is about one. */
const DEAL_VARIANTS = new Set(['no_follow_up', 'overdue_action', 'unconfirmed'])

export function reasonLine(r: RiskReason): string {
  const { t, locale } = i18n.global
  if (locale.value === 'zh-CN' && r.explanation) return r.explanation
  const key = r.opportunityName && DEAL_VARIANTS.has(r.rule) ? `${r.rule}_deal` : r.rule
  return t(`risk.reason.${key}`, { deal: r.opportunityName, days: r.days ?? 0, since: r.since, count: r.count })
}
