// Amounts and quantities of the purchase trends, written the way the core's one-line signal
// explanations write them (trends/explain.rs): one unit chosen by the largest absolute amount —
// 亿元 from 100 million (2 decimals), 万元 from 10,000 (1 decimal), else 元 (whole yuan) —
// trailing zeros dropped, so "52 万元" on the chart reads like "120 → 95 → 70 → 52 万元" in
// the signal beside it.

/** The unit words in the UI's language (passed in, so these functions stay pure). */
export interface AmountUnits {
  yuan: string
  wan: string
  yi: string
}

export interface AmountUnit {
  divisor: number
  decimals: number
  label: string
}

/** The unit for amounts up to `largest` (absolute). */
export function amountUnit(largest: number, units: AmountUnits): AmountUnit {
  const x = Math.abs(largest)
  if (x >= 1e8) return { divisor: 1e8, decimals: 2, label: units.yi }
  if (x >= 1e4) return { divisor: 1e4, decimals: 1, label: units.wan }
  return { divisor: 1, decimals: 0, label: units.yuan }
}

/** `value` in `unit`, without trailing zeros ("-0" shows as "0"). */
export function inUnit(value: number, unit: AmountUnit): string {
  let s = (value / unit.divisor).toFixed(unit.decimals)
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '')
  return s === '-0' ? '0' : s
}

/** One amount with its own unit: "52 万元", "8500 元", "1.25 亿元". */
export function formatAmount(value: number, units: AmountUnits): string {
  const unit = amountUnit(value, units)
  return `${inUnit(value, unit)} ${unit.label}`
}

/** An exact figure with thousands separators and at most 2 decimals: "523,456.5". */
export function exact(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 })
}

/** The largest absolute value of some series (0 when there is none). */
export function largest(series: number[][]): number {
  let m = 0
  for (const s of series) for (const v of s) m = Math.max(m, Math.abs(v))
  return m
}
