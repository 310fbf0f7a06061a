// Small display helpers shared by several screens.
import type { FinancialMetric, FinancialSignal } from '../bindings'
import { i18n } from '../i18n'

const pad = (n: number) => String(n).padStart(2, '0')

/**
 * `at` split into the local day and time ("" when the entry has only a date). Recorded changes
 * carry a UTC timestamp ("…Z"): shown in local time, so an evening change does not land on the
 * next day. Visits carry their own local date and time; actions a bare date.
 */
export function localWhen(at: string): { day: string; time: string } {
  if (/Z$|[+-]\d\d:\d\d$/.test(at)) {
    const d = new Date(at)
    if (!Number.isNaN(d.getTime())) {
      return {
        day: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`,
        time: `${pad(d.getHours())}:${pad(d.getMinutes())}`,
      }
    }
  }
  return { day: at.slice(0, 10), time: at.length > 10 ? at.slice(11, 16) : '' }
}

/** "2025-03-04T10:00:00Z" / "2025-03-04 10:00:00" → "2025-03-04". */
export function day(ts: string | null | undefined): string {
  if (!ts) return ''
  return ts.slice(0, 10)
}

/** A UTC timestamp ("2026-03-04T10:05:00Z") as the laptop's local "2026-03-04 18:05". */
export function localTime(ts: string): string {
  const { day, time } = localWhen(ts)
  return time ? `${day} ${time}` : day
}

/** Sentences run together: Chinese needs no space after 。？, English does. */
export function sentences(parts: string[]): string {
  return parts.join(i18n.global.locale.value.startsWith('zh') ? '' : ' ')
}

export function num(v: number | null | undefined): string {
  if (v === null || v === undefined || Number.isNaN(v)) return ''
  return Number.isInteger(v) ? String(v) : String(Math.round(v * 100) / 100)
}

export function signedPct(pct: number): string {
  const r = Math.round(pct)
  return r > 0 ? `+${r}` : String(r)
}

/** The message of a financial signal, by its metric's unit (cash flow has its own sentence). */
const SIGNAL_KEYS: Record<Exclude<FinancialMetric, 'cash_flow'>, string> = {
  inventory_days: 'signal',
  receivable_days: 'signal',
  revenue: 'signalRevenue',
  gross_margin: 'signalMargin',
}

/** "库存周转天数 30→60 天，+100%", "营业收入 1000→800 万元，-20%", "现金流转为紧张（2024→2025）". */
export function signalText(s: FinancialSignal): string {
  const t = i18n.global.t
  if (s.metric === 'cash_flow') return t('financials.signalCashFlow', { period: `${s.fromPeriod}→${s.toPeriod}` })
  return t(`financials.${SIGNAL_KEYS[s.metric]}`, {
    metric: t(`enums.metric.${s.metric}`),
    from: num(s.fromValue),
    to: num(s.toValue),
    pct: signedPct(s.changePct),
  })
}

const SUPPORT_KEYS: Record<number, string> = { [-2]: 'm2', [-1]: 'm1', 0: 'z0', 1: 'p1', 2: 'p2' }
export const SUPPORT_VALUES = [-2, -1, 0, 1, 2]

export function supportLabel(v: number | null | undefined): string {
  if (v === null || v === undefined || SUPPORT_KEYS[v] === undefined) return ''
  return i18n.global.t(`enums.support.${SUPPORT_KEYS[v]}`)
}

/** Tag type for a support level: red for enemies, green for supporters. */
export function supportType(v: number | null | undefined): 'danger' | 'warning' | 'info' | 'success' | 'primary' {
  switch (v) {
    case -2:
      return 'danger'
    case -1:
      return 'warning'
    case 1:
      return 'success'
    case 2:
      return 'primary'
    default:
      return 'info'
  }
}

/** An enum code → its label, or "" when null. */
export function enumLabel(kind: string, code: string | null | undefined): string {
  if (code === null || code === undefined || code === '') return ''
  const key = `enums.${kind}.${code}`
  return i18n.global.te(key) ? i18n.global.t(key) : code
}
