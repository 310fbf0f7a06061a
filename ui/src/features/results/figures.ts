// 业绩's figures and chart, built from the core's results by pure functions (tested without a
// canvas): a metric's value in its unit (amounts in 万元 as the pipeline writes them, counts as
// they are), a completion rate, and the chart of one metric by month — actual bars against
// the target line. Words come in as arguments.
import type { Metric, MetricResult, MonthResults } from '../../bindings'
import { tooltipRow, tooltipTitle } from '../../lib/chartTooltip'

export interface ResultWords {
  metric: (m: Metric) => string
  actual: string
  target: string
  completion: string
  /** An amount in the unit that reads best ("86 万元"). */
  money: (v: number) => string
  /** A count of deals or records ("3 个", "12 次"). */
  count: (m: Metric, n: number) => string
  none: string
}

export const isAmount = (m: Metric) => m === 'signed' || m === 'collected'

/** A metric's figure in its unit; `null` → `none`. */
export function figure(m: Metric, v: number | null, w: ResultWords): string {
  if (v === null) return w.none
  return isAmount(m) ? w.money(v) : w.count(m, v)
}

/** 0.893 → "89%"; `null` (no target) → "—". */
export function completionText(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)}%`
}

/** The progress bar's colour: reached, on the way, far behind. */
export function completionStatus(rate: number | null): '' | 'success' | 'warning' | 'exception' {
  if (rate === null) return ''
  if (rate >= 1) return 'success'
  return rate >= 0.6 ? '' : rate >= 0.3 ? 'warning' : 'exception'
}

export function metricOf(r: { metrics: MetricResult[] }, m: Metric): MetricResult {
  return r.metrics.find((x) => x.metric === m) ?? { metric: m, actual: 0, target: null, completion: null }
}

interface TooltipParam {
  dataIndex: number
}

export const RESULT_COLORS = { actual: '#1f4e8c', target: '#d9822b' } as const

/** Bars of one metric's actual per month and the line of its target (a month without one draws none). */
export function buildMonthsOption(months: MonthResults[], m: Metric, w: ResultWords) {
  const rows = months.map((x) => metricOf(x, m))
  return {
    color: [RESULT_COLORS.actual, RESULT_COLORS.target],
    legend: { top: 0, data: [w.actual, w.target] },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      confine: true,
      axisPointer: { type: 'shadow' },
      formatter: (raw: unknown) => {
        const params = (Array.isArray(raw) ? raw : [raw]) as TooltipParam[]
        const i = params[0]?.dataIndex ?? -1
        const r = rows[i]
        if (!r) return ''
        return (
          tooltipTitle(months[i].month) +
          tooltipRow('', w.actual, figure(m, r.actual, w)) +
          tooltipRow('', w.target, figure(m, r.target, w)) +
          tooltipRow('', w.completion, completionText(r.completion))
        )
      },
    },
    xAxis: { type: 'category', data: months.map((x) => x.month), axisTick: { show: false } },
    yAxis: {
      type: 'value',
      minInterval: isAmount(m) ? 0 : 1,
      axisLabel: { formatter: (v: number) => (isAmount(m) ? w.money(v) : String(v)) },
    },
    series: [
      { id: 'actual', name: w.actual, type: 'bar', data: rows.map((r) => r.actual), barMaxWidth: 28 },
      {
        id: 'target',
        name: w.target,
        type: 'line',
        data: rows.map((r) => r.target),
        connectNulls: false,
        symbolSize: 6,
      },
    ],
  }
}
