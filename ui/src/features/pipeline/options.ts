// The pipeline's figures and ECharts options, built from the core's analytics by pure functions
// (tested without a canvas): the weighted forecast by expected-close month (amount beside
// Σ amount × probability), the funnel with its conversion rates, and the lost deals by reason
// or competitor. Words come in as arguments, so nothing here reads the i18n state.
import type { ForecastRow, FunnelStep, LostRow, Stage } from '../../bindings'
import { amountUnit, exact, formatAmount, inUnit, largest, type AmountUnits } from '../trends/format'
import { tooltipRow, tooltipTitle } from '../../lib/chartTooltip'

/** The words the builders need, in the UI's language. */
export interface PipelineWords {
  units: AmountUnits
  /** Series names of the forecast chart. */
  amount: string
  weighted: string
  /** "个" after a count ("3 个"). */
  deals: (n: number) => string
  /** The month column of deals without an expected close. */
  noClose: string
  stage: (s: Stage) => string
  /** Tooltip lines of the funnel ("到达 12 个", "当前 5 个", "阶段转化率 60%"). */
  reached: string
  atStage: string
  stepRate: string
  overallRate: string
  /** The name of lost rows without a key (no competitor named, no reason). */
  unknown: string
}

export const COLORS = { amount: '#9fb3cf', weighted: '#1f4e8c', lost: '#d9363e' } as const

/** The months from `first` to `last` (YYYY-MM), both included; [] when either is not a month. */
export function monthsBetween(first: string, last: string): string[] {
  const parse = (m: string) => (/^\d{4}-\d{2}$/.test(m) ? Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1 : NaN)
  const a = parse(first)
  const b = parse(last)
  if (Number.isNaN(a) || Number.isNaN(b)) return []
  const out: string[] = []
  for (let x = a; x <= b; x++) out.push(`${Math.floor(x / 12)}-${String((x % 12) + 1).padStart(2, '0')}`)
  return out
}

export interface ForecastColumn {
  /** YYYY-MM, or '' for deals without an expected close (last). */
  month: string
  count: number
  amount: number
  weighted: number
}

/** The longest span whose empty months are drawn; beyond it only months with deals are. */
export const MAX_FILLED_MONTHS = 36

/**
 * The forecast's columns: every month from the first to the last expected close (a month
 * without deals shows as 0 rather than vanishing, which would make the next one look adjacent),
 * then the deals without an expected close. When the closes span more than
 * MAX_FILLED_MONTHS (a stale deal from years ago, a mistyped year) only the months with deals
 * are drawn: thousands of empty bars would bury the ones that matter and stall the chart.
 */
export function forecastColumns(rows: ForecastRow[]): ForecastColumn[] {
  const dated = rows.filter((r) => r.key !== '')
  const byMonth = new Map(dated.map((r) => [r.key, r]))
  const keys = dated.map((r) => r.key).sort()
  const span = keys.length ? monthsBetween(keys[0], keys[keys.length - 1]) : []
  const months = span.length > MAX_FILLED_MONTHS ? keys : span
  const columns: ForecastColumn[] = months.map((month) => {
    const r = byMonth.get(month)
    return { month, count: r?.count ?? 0, amount: r?.amount ?? 0, weighted: r?.weighted ?? 0 }
  })
  const undated = rows.find((r) => r.key === '')
  if (undated) columns.push({ month: '', count: undated.count, amount: undated.amount, weighted: undated.weighted })
  return columns
}

/** An amount for a tooltip: in its unit, with the exact yuan when rounded. */
export function amountText(v: number, units: AmountUnits): string {
  const rounded = formatAmount(v, units)
  return Math.abs(v) >= 1e4 ? `${rounded}（${exact(v)} ${units.yuan}）` : rounded
}

const amountAxis = (max: number, units: AmountUnits) => {
  const unit = amountUnit(max, units)
  return { type: 'value', name: unit.label, axisLabel: { formatter: (v: number) => inUnit(v, unit) } }
}

interface TooltipParam {
  dataIndex: number
  seriesName?: string
  value?: unknown
  marker?: unknown
}

/** The forecast chart: per month the open deals' amount beside their weighted amount. */
export function buildForecastOption(rows: ForecastRow[], words: PipelineWords) {
  const columns = forecastColumns(rows)
  const labels = columns.map((c) => c.month || words.noClose)
  const amount = columns.map((c) => c.amount)
  const weighted = columns.map((c) => c.weighted)
  return {
    color: [COLORS.amount, COLORS.weighted],
    grid: { left: 56, right: 24, top: 44, bottom: 36, containLabel: true },
    // Right: the value axis names its unit (万元) at the top left.
    legend: { top: 0, right: 0 },
    tooltip: {
      trigger: 'axis',
      confine: true,
      axisPointer: { type: 'shadow' },
      formatter: (raw: unknown) => {
        const params = (Array.isArray(raw) ? raw : [raw]) as TooltipParam[]
        if (!params.length) return ''
        const c = columns[params[0].dataIndex]
        if (!c) return ''
        const lines = params.map((p) =>
          tooltipRow(p.marker, p.seriesName ?? '', amountText(Number(p.value ?? 0), words.units)),
        )
        return tooltipTitle(`${labels[params[0].dataIndex]} · ${words.deals(c.count)}`) + lines.join('')
      },
    },
    xAxis: { type: 'category', data: labels, axisTick: { alignWithLabel: true } },
    yAxis: amountAxis(largest([amount, weighted]), words.units),
    series: [
      { id: 'amount', name: words.amount, type: 'bar', data: amount, barMaxWidth: 28, barGap: '10%' },
      { id: 'weighted', name: words.weighted, type: 'bar', data: weighted, barMaxWidth: 28 },
    ],
  }
}

export interface FunnelRow extends FunnelStep {
  /** Reached this stage / reached the one before (null: the first stage, 丢单, or none before). */
  stepRate: number | null
  /** Reached this stage / all deals (null for 丢单, or when there are none). */
  overallRate: number | null
}

/** A ratio as a percentage with one decimal (60, 33.3); null when the base is 0. */
export function rate(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : null
}

/**
 * The core's funnel (立项 … 成交 with how many are at and how many reached each stage, then
 * 丢单) with the conversion rates: from the stage before, and from the start (立项 counts every
 * deal, so its `reached` is the whole pipeline and 成交's overall rate is the win rate).
 */
export function funnelRows(steps: FunnelStep[]): FunnelRow[] {
  const open = steps.filter((s) => s.stage !== 'lost')
  const total = open[0]?.reached ?? 0
  return steps.map((s) => {
    if (s.stage === 'lost') return { ...s, stepRate: null, overallRate: null }
    const i = open.indexOf(s)
    const before = i > 0 ? open[i - 1].reached : null
    return { ...s, stepRate: before === null ? null : rate(s.reached, before), overallRate: rate(s.reached, total) }
  })
}

/** The funnel chart: how many deals reached each stage, in stage order (not re-sorted). */
export function buildFunnelOption(steps: FunnelStep[], words: PipelineWords) {
  const rows = funnelRows(steps).filter((r) => r.stage !== 'lost')
  const max = Math.max(0, ...rows.map((r) => r.reached))
  return {
    color: ['#1f4e8c', '#2f64a8', '#3d78bf', '#5a8fd0', '#7aa6dc', '#9cbde6', '#2f9e55'],
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: TooltipParam) => {
        const r = rows[p.dataIndex]
        if (!r) return ''
        const lines = [
          tooltipRow('', words.reached, words.deals(r.reached)),
          tooltipRow('', `${words.atStage}：${words.deals(r.count)} · ${amountText(r.amount, words.units)}`),
        ]
        if (r.stepRate !== null) lines.push(tooltipRow('', `${words.stepRate}：${r.stepRate}%`))
        if (r.overallRate !== null) lines.push(tooltipRow('', `${words.overallRate}：${r.overallRate}%`))
        return tooltipTitle(words.stage(r.stage)) + lines.join('')
      },
    },
    series: [
      {
        id: 'funnel',
        name: words.reached,
        type: 'funnel',
        sort: 'none',
        left: '8%',
        right: '8%',
        top: 12,
        bottom: 12,
        min: 0,
        max: max || 1,
        minSize: '8%',
        gap: 2,
        label: {
          show: true,
          position: 'inside',
          color: '#fff',
          formatter: (p: { dataIndex: number }) => funnelLabel(rows[p.dataIndex], words),
        },
        data: rows.map((r) => ({ name: words.stage(r.stage), value: r.reached })),
      },
    ],
  }
}

/** A funnel block's label: "报价 12 · 60%" — the stage, how many reached it, the rate from the stage before. */
export function funnelLabel(r: FunnelRow | undefined, words: PipelineWords): string {
  if (!r) return ''
  return r.stepRate === null
    ? `${words.stage(r.stage)} ${r.reached}`
    : `${words.stage(r.stage)} ${r.reached} · ${r.stepRate}%`
}

/**
 * Lost deals by a key (a reason category, a competitor): horizontal bars of the count, most
 * first from the top, with the amount in the tooltip. `label` names a key ('' = unknown).
 */
export function buildLostOption(rows: LostRow[], label: (key: string) => string, words: PipelineWords) {
  // ECharts draws a category axis from the bottom: reversed, the largest stands on top.
  const shown = [...rows].reverse()
  const names = shown.map((r) => (r.key ? label(r.key) : words.unknown))
  return {
    color: [COLORS.lost],
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      confine: true,
      axisPointer: { type: 'shadow' },
      formatter: (raw: unknown) => {
        const params = (Array.isArray(raw) ? raw : [raw]) as TooltipParam[]
        const r = shown[params[0]?.dataIndex ?? -1]
        if (!r) return ''
        return (
          tooltipTitle(names[params[0].dataIndex]) +
          tooltipRow('', `${words.deals(r.count)} · ${amountText(r.amount, words.units)}`)
        )
      },
    },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: names, axisTick: { show: false } },
    series: [
      {
        id: 'lost',
        type: 'bar',
        data: shown.map((r) => r.count),
        barMaxWidth: 22,
        label: { show: true, position: 'right' },
      },
    ],
  }
}
