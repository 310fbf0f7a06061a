// Amounts and quantities of the purchase trends, written the way the core's one-line signal
// explanations write them (trends/explain.rs): one unit chosen by the largest absolute amount —
// 亿元 from 100 million (2 decimals), 万元 from 10,000 (1 decimal), else 元 (whole yuan); in
// English M from a million (2 decimals), K from a thousand (1 decimal) —
// trailing zeros dropped, so "52 万元" on the chart reads like "120 → 95 → 70 → 52 万元" in
// the signal beside it.

/** The unit words in the UI's language (passed in, so these functions stay pure). Chinese counts
 * in 万 and 亿; English readers count in thousands and millions ("2.8M CNY", not "280 ×10k
 * CNY", which also wrapped in table cells), so `scale` picks the steps. */
export interface AmountUnits {
  scale: 'cn' | 'west'
  yuan: string
  wan: string
  yi: string
  k: string
  m: string
}

export interface AmountUnit {
  divisor: number
  decimals: number
  label: string
}

/** The unit for amounts up to `largest` (absolute). */
export function amountUnit(largest: number, units: AmountUnits): AmountUnit {
  const x = Math.abs(largest)
  if (units.scale === 'west') {
    if (x >= 1e6) return { divisor: 1e6, decimals: 2, label: units.m }
    if (x >= 1e3) return { divisor: 1e3, decimals: 1, label: units.k }
    return { divisor: 1, decimals: 0, label: units.yuan }
  }
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

/** One amount with its own unit: "52 万元", "8500 元", "1.25 亿元"; "2.8M CNY", "890K CNY". */
export function formatAmount(value: number, units: AmountUnits): string {
  const unit = amountUnit(value, units)
  const glued = units.scale === 'west' && unit.divisor > 1 // "2.8M CNY", as English writes it
  return `${inUnit(value, unit)}${glued ? '' : ' '}${unit.label}`
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
