// 阶段分析's figures and chart, built from the core's stage statistics by pure functions (tested
// without a canvas): a rate as a percentage, days with one decimal, and the bar chart of the
// median and mean days the deals stayed in each stage. Words come in as arguments.
import type { LostMonth, StageDwell, WinRate } from '../../bindings'
import { tooltipRow, tooltipTitle } from '../../lib/chartTooltip'
import { monthsBetween } from './options'

export interface StageWords {
  stage: (s: StageDwell['stage']) => string
  median: string
  mean: string
  /** "12.5 天". */
  days: (n: number) => string
  /** What a stage without an ended stay shows. */
  none: string
}

/** 0.893 → "89.3%"; `null` (nothing to divide) → "—". */
export function percent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`
}

/** Days with at most one decimal; `null` → `none`. */
export function daysText(days: number | null, words: StageWords): string {
  return days === null ? words.none : words.days(Math.round(days * 10) / 10)
}

/** A win-rate row as the tables show it: "3 / 5（60%）". */
export function winText(r: WinRate): string {
  return `${r.won} / ${r.won + r.lost}（${percent(r.rate)}）`
}

interface TooltipParam {
  dataIndex: number
}

export const DWELL_COLORS = { median: '#1f4e8c', mean: '#9fb3cf' } as const

/** Bars of the median and mean days per open stage (a stage with no ended stay draws none). */
export function buildDwellOption(stages: StageDwell[], words: StageWords) {
  const names = stages.map((s) => words.stage(s.stage))
  const round = (d: number | null) => (d === null ? null : Math.round(d * 10) / 10)
  return {
    color: [DWELL_COLORS.median, DWELL_COLORS.mean],
    legend: { top: 0, data: [words.median, words.mean] },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      confine: true,
      axisPointer: { type: 'shadow' },
      formatter: (raw: unknown) => {
        const params = (Array.isArray(raw) ? raw : [raw]) as TooltipParam[]
        const s = stages[params[0]?.dataIndex ?? -1]
        if (!s) return ''
        return (
          tooltipTitle(names[params[0].dataIndex]) +
          tooltipRow('', words.median, daysText(s.medianDays, words)) +
          tooltipRow('', words.mean, daysText(s.averageDays, words))
        )
      },
    },
    xAxis: { type: 'category', data: names, axisTick: { show: false } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { id: 'median', name: words.median, type: 'bar', data: stages.map((s) => round(s.medianDays)), barMaxWidth: 22 },
      { id: 'mean', name: words.mean, type: 'bar', data: stages.map((s) => round(s.averageDays)), barMaxWidth: 22 },
    ],
  }
}

/** The lost deals' reasons month by month: one stacked bar per month, a series per reason
 * (`reason` words a reason code, `null` for none written), the count in the bars and the
 * amount in the tooltip. */
export function buildLostMonthsOption(
  rows: LostMonth[],
  reason: (r: LostMonth['reason']) => string,
  /** "2 个，30 万元": a reason's deals and amount in one month. */
  line: (count: number, amount: number) => string,
) {
  // Every month from the first to the last, so one without a lost deal keeps its place.
  const seen = rows.map((r) => r.month).sort()
  const months = seen.length ? monthsBetween(seen[0], seen[seen.length - 1]) : []
  const reasons = [...new Set(rows.map((r) => r.reason))]
  const cell = (month: string, r: LostMonth['reason']) => rows.find((x) => x.month === month && x.reason === r)
  return {
    legend: { top: 0, type: 'scroll', data: reasons.map(reason) },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      confine: true,
      axisPointer: { type: 'shadow' },
      formatter: (raw: unknown) => {
        const params = (Array.isArray(raw) ? raw : [raw]) as (TooltipParam & { marker?: unknown })[]
        const month = months[params[0]?.dataIndex ?? -1]
        if (!month) return ''
        return (
          tooltipTitle(month) +
          reasons
            .map((r, i) => ({ r, x: cell(month, r), marker: params[i]?.marker }))
            .filter(({ x }) => x)
            .map(({ r, x, marker }) => tooltipRow(marker, reason(r), line(x!.count, x!.amount)))
            .join('')
        )
      },
    },
    xAxis: { type: 'category', data: months, axisTick: { show: false } },
    yAxis: { type: 'value', minInterval: 1 },
    series: reasons.map((r) => ({
      id: r ?? 'none',
      name: reason(r),
      type: 'bar',
      stack: 'lost',
      barMaxWidth: 28,
      data: months.map((m) => cell(m, r)?.count ?? 0),
    })),
  }
}
