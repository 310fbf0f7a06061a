// 阶段分析's figures and chart, built from the core's stage statistics by pure functions (tested
// without a canvas): a rate as a percentage, days with one decimal, and the bar chart of the
// median and mean days the deals stayed in each stage. Words come in as arguments.
import type { StageDwell, WinRate } from '../../bindings'
import { tooltipRow, tooltipTitle } from '../../lib/chartTooltip'

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
