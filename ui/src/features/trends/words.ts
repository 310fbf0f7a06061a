// The purchase trends' words in the UI's language, gathered once for the pure option builders
// and the formatting helpers (which take them as arguments).
import type { Severity, SignalKind, TrendSignal } from '../../bindings'
import { i18n } from '../../i18n'
import { formatAmount, type AmountUnits } from './format'
import type { TrendWords } from './options'

export const SIGNAL_KINDS: SignalKind[] = [
  'stopped',
  'decline',
  'yoy_drop',
  'financial',
  'surge',
  'yoy_rise',
  'new_product',
  'repurchase',
]

export function amountUnits(): AmountUnits {
  const t = i18n.global.t
  const scale = t('trends.unit.scale') === 'west' ? 'west' : 'cn'
  return {
    scale,
    yuan: t('trends.unit.yuan'),
    wan: t('trends.unit.wan'),
    yi: t('trends.unit.yi'),
    k: t('trends.unit.k'),
    m: t('trends.unit.m'),
  }
}

export function trendWords(): TrendWords {
  const t = i18n.global.t
  return {
    units: amountUnits(),
    quantity: t('trends.quantityAxis'),
    uncategorised: t('trends.uncategorised'),
    yearEarlier: t('trends.yearEarlier'),
    total: t('trends.total'),
    kind: (k) => t(`trends.kind.${k}`),
  }
}

/** Tag type of a severity: high red, medium amber, low blue. */
export function severityType(s: Severity): 'danger' | 'warning' | 'primary' {
  return s === 'high' ? 'danger' : s === 'medium' ? 'warning' : 'primary'
}

/** An amount in the UI's units ("52 万元"). */
export function money(v: number): string {
  return formatAmount(v, amountUnits())
}

/** A signal's line: the core's own (Chinese) explanation, except the repurchase prompt, worded
 * here in the UI's language from its figures — the usual interval (`from`), the months since
 * the last purchase (`to`), that purchase's month and amount (the first of `months`). */
export function signalLine(s: TrendSignal): string {
  if (s.kind !== 'repurchase') return s.text
  return i18n.global.t('trends.repurchaseLine', {
    product: s.product,
    every: s.from,
    since: s.to,
    month: s.months[0] ?? '',
    amount: money(s.values[0] ?? 0),
  })
}
