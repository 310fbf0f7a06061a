// The ECharts options of the purchase trends, built from the core's data by pure functions
// (tested without a canvas): a customer's monthly amounts or quantities per product or category
// as lines or stacked columns, the same months a year earlier dashed, the signals marked where
// they happened, the categories' shares over time, and the home page's portfolio total.
//
// The core fills missing months with 0, and the series keep those zeros: a month without
// purchases is drawn at 0, never as a gap that would join its neighbours with a misleading line.
import type { PortfolioTrend, Severity, SignalKind, TrendData, TrendSeries, TrendSignal } from '../../bindings'
import { amountUnit, exact, formatAmount, inUnit, largest, type AmountUnits } from './format'
import { escapeHtml, tooltipRow, tooltipTitle } from '../../lib/chartTooltip'

export type Metric = 'amount' | 'quantity'
export type Grouping = 'product' | 'category'
export type ChartKind = 'line' | 'stacked'

/** How the 采购趋势 chart is drawn (the tab's switches). */
export interface TrendView {
  metric: Metric
  by: Grouping
  chart: ChartKind
  /** Overlay the same months a year earlier (dashed). */
  yoy: boolean
  /** A product picked from the signal list: only it is drawn (product grouping). */
  focus: string | null
}

/** The words the options need, in the UI's language (passed in: the builders stay pure). */
export interface TrendWords {
  units: AmountUnits
  /** Axis name of quantities. */
  quantity: string
  /** The name of records without a category. */
  uncategorised: string
  /** "一年前" — the overlay's rows in the tooltip. */
  yearEarlier: string
  /** The sum of the shown series (the stacked chart's overlay, the portfolio). */
  total: string
  /** Short label of a signal kind on the chart ("连续下降"). */
  kind: (k: SignalKind) => string
}

/** Distinct colours; a series keeps its colour when others are hidden (focus). */
export const PALETTE = [
  '#1f4e8c',
  '#e07b39',
  '#2f9e55',
  '#c0392b',
  '#8e5cc2',
  '#16a2b8',
  '#d4a017',
  '#7a8699',
  '#e05b9b',
  '#4a8c2a',
  '#a0522d',
  '#3d6fd1',
]
export const SEVERITY_COLORS: Record<Severity, string> = { high: '#d9363e', medium: '#e6a23c', low: '#2f7de1' }
const PREVIOUS_ID = 'prev:'

/** A plain, inspectable subset of an ECharts series (what the tests look at). */
export interface ChartSeries {
  id: string
  name: string
  type: 'line' | 'bar'
  data: number[]
  stack?: string
  color: string
  lineStyle?: { type: 'solid' | 'dashed'; width: number; opacity?: number }
  areaStyle?: { opacity: number }
  symbol?: string
  markPoint?: { symbol: string; symbolSize: number; data: MarkPointItem[]; label: object; tooltip: object }
  markArea?: { silent: boolean; data: [MarkAreaEdge, MarkAreaEdge][] }
  [key: string]: unknown
}
export interface MarkPointItem {
  name: string
  coord: [string, number]
  value: string
  itemStyle: { color: string }
  label: { color: string }
}
export interface MarkAreaEdge {
  xAxis: string
  itemStyle?: { color: string; opacity: number }
}

/** The lines of the chart: products or categories (named), filtered to the focused product. */
export function shownSeries(
  data: TrendData,
  view: TrendView,
  words: TrendWords,
): { s: TrendSeries; name: string; color: string }[] {
  const all = view.by === 'product' ? data.products : data.categories
  return all
    .map((s, i) => ({ s, name: s.name || words.uncategorised, color: PALETTE[i % PALETTE.length] }))
    .filter(({ s }) => view.by !== 'product' || !view.focus || s.name === view.focus)
}

const values = (s: TrendSeries, metric: Metric) => (metric === 'amount' ? s.amount : s.quantity)
const previous = (s: TrendSeries, metric: Metric) => (metric === 'amount' ? s.previousAmount : s.previousQuantity)

/**
 * Where a marker stands: the series' own value, or in a stacked chart the top of its part of
 * the stack (ECharts stacks positives and negatives apart).
 */
export function markerHeight(stackValues: number[][], index: number, month: number, stacked: boolean): number {
  const own = stackValues[index][month] ?? 0
  if (!stacked) return own
  let sum = 0
  for (let i = 0; i <= index; i++) {
    const v = stackValues[i][month] ?? 0
    if (v >= 0 === own >= 0) sum += v
  }
  return sum
}

/**
 * A product's signals as marks on its series: a pin (markPoint) at the last month a signal
 * concerns that the chart shows, and, on lines, a band (markArea) over its months when it spans
 * several (a decline's run, a stop's empty months, the compared quarter). Columns get no band:
 * ECharts runs a band from the middle of one column to the middle of another, which reads as
 * if half a month were concerned. Months outside the chart's range are left out; a signal
 * wholly outside it is not marked. Financial signals concern periods, not a product's months:
 * they are only listed.
 */
export function signalMarks(
  signals: TrendSignal[],
  product: string,
  months: string[],
  height: (month: number) => number,
  words: TrendWords,
  bands = true,
) {
  const points: MarkPointItem[] = []
  const areas: [MarkAreaEdge, MarkAreaEdge][] = []
  for (const sig of signals) {
    if (sig.kind === 'financial' || sig.product !== product) continue
    const shown = sig.months.filter((m) => months.includes(m))
    if (!shown.length) continue
    const color = SEVERITY_COLORS[sig.severity]
    const last = shown[shown.length - 1]
    points.push({
      name: sig.text,
      coord: [last, height(months.indexOf(last))],
      value: words.kind(sig.kind),
      itemStyle: { color },
      label: { color },
    })
    if (bands && shown.length > 1)
      areas.push([{ xAxis: shown[0], itemStyle: { color, opacity: 0.1 } }, { xAxis: last }])
  }
  return { points, areas }
}

/** The value axis: amounts in one unit named on the axis (万元), or quantities. */
function valueAxis(metric: Metric, max: number, words: TrendWords) {
  if (metric === 'quantity')
    return { type: 'value', name: words.quantity, axisLabel: { formatter: (v: number) => exact(v) } }
  const unit = amountUnit(max, words.units)
  return { type: 'value', name: unit.label, axisLabel: { formatter: (v: number) => inUnit(v, unit) } }
}

/** A figure for the tooltip: the amount in its unit with the exact yuan, or the quantity. */
export function tooltipValue(v: number, metric: Metric, words: TrendWords): string {
  if (metric === 'quantity') return exact(v)
  const rounded = formatAmount(v, words.units)
  return Math.abs(v) >= 1e4 ? `${rounded}（${exact(v)} ${words.units.yuan}）` : rounded
}

interface TooltipParam {
  seriesId?: string
  seriesName?: string
  value?: unknown
  dataIndex: number
  marker?: unknown
}

/** The axis tooltip: the month, then each series' exact value; the overlay names its month. */
export function tooltipFormatter(months: string[], previousMonths: string[], metric: Metric, words: TrendWords) {
  return (raw: unknown) => {
    const params = (Array.isArray(raw) ? raw : [raw]) as TooltipParam[]
    if (!params.length) return ''
    const i = params[0].dataIndex
    const rows = params.map((p) => {
      const earlier = String(p.seriesId ?? '').startsWith(PREVIOUS_ID)
      const label = earlier ? `${p.seriesName}（${words.yearEarlier} ${previousMonths[i] ?? ''}）` : p.seriesName
      return tooltipRow(p.marker, String(label ?? ''), tooltipValue(Number(p.value ?? 0), metric, words))
    })
    return tooltipTitle(months[i] ?? '') + rows.join('')
  }
}

const baseGrid = { left: 56, right: 24, top: 56, bottom: 36, containLabel: true }

/** The 采购趋势 chart. */
/**
 * The signal marks of a chart in words, "伺服电机：连续下降 2026-10；…" — the chart's accessible
 * description, read from the built series so it says exactly what is drawn.
 */
export function marksText(series: ChartSeries[]): string {
  return series.flatMap((s) => (s.markPoint?.data ?? []).map((p) => `${s.name}：${p.value} ${p.coord[0]}`)).join('；')
}

export function buildTrendOption(data: TrendData, view: TrendView, words: TrendWords) {
  const shown = shownSeries(data, view, words)
  const stacked = view.chart === 'stacked'
  const stackValues = shown.map(({ s }) => values(s, view.metric))
  const series: ChartSeries[] = shown.map(({ s, name, color }, i) => {
    const base: ChartSeries = {
      id: `cur:${name}`,
      name,
      type: stacked ? 'bar' : 'line',
      data: [...stackValues[i]],
      color,
      emphasis: { focus: 'series' },
    }
    if (stacked) {
      base.stack = 'total'
      base.barMaxWidth = 36
    } else {
      base.symbol = 'circle'
      base.symbolSize = 5
      base.lineStyle = { type: 'solid', width: 2 }
    }
    if (view.by === 'product') {
      const marks = signalMarks(
        data.signals,
        s.name,
        data.months,
        (m) => markerHeight(stackValues, i, m, stacked),
        words,
        !stacked,
      )
      if (marks.points.length) {
        // The pin carries the kind's short name above it, in the severity's colour; hovering
        // it shows the signal's explanation.
        base.markPoint = {
          symbol: 'pin',
          symbolSize: 26,
          data: marks.points,
          label: {
            position: 'top',
            formatter: '{c}',
            fontSize: 11,
            fontWeight: 600,
            textBorderColor: '#fff',
            textBorderWidth: 3,
          },
          tooltip: { trigger: 'item', formatter: (p: { name?: string }) => escapeHtml(p.name) },
        }
      }
      if (marks.areas.length) base.markArea = { silent: true, data: marks.areas }
    }
    return base
  })
  if (view.yoy) series.push(...overlay(shown, view, words))
  const max = largest(series.map((s) => s.data))
  return {
    animation: shown.length <= 20,
    color: PALETTE,
    grid: baseGrid,
    legend: { type: 'scroll', top: 0, left: 0, right: 0, data: shown.map((x) => x.name) },
    tooltip: {
      trigger: 'axis',
      confine: true,
      axisPointer: { type: stacked ? 'shadow' : 'line' },
      formatter: tooltipFormatter(data.months, data.previousMonths, view.metric, words),
    },
    xAxis: { type: 'category', data: data.months, boundaryGap: stacked, axisTick: { alignWithLabel: true } },
    yAxis: valueAxis(view.metric, max, words),
    series,
  }
}

/**
 * The same months a year earlier, dashed: one line per series (a line chart), or the total of
 * the shown series (a stacked chart, whose top is the total). A line shares its series' name,
 * so the legend shows and hides both together.
 */
function overlay(shown: ReturnType<typeof shownSeries>, view: TrendView, words: TrendWords): ChartSeries[] {
  const dashed = (id: string, name: string, data: number[], color: string): ChartSeries => ({
    id: `${PREVIOUS_ID}${id}`,
    name,
    type: 'line',
    data,
    color,
    symbol: 'none',
    lineStyle: { type: 'dashed', width: 1.5, opacity: 0.75 },
    z: 1,
  })
  if (view.chart === 'line')
    return shown.map(({ s, name, color }) => dashed(name, name, [...previous(s, view.metric)], color))
  const months = shown[0] ? previous(shown[0].s, view.metric).length : 0
  const total = Array.from({ length: months }, (_, m) =>
    shown.reduce((sum, { s }) => sum + (previous(s, view.metric)[m] ?? 0), 0),
  )
  return shown.length ? [dashed('total', words.total, total, '#4b5563')] : []
}

/** Each category's share of the month's total (100 % stacked areas). */
export function buildShareOption(data: TrendData, words: TrendWords) {
  const series: ChartSeries[] = data.categoryShares.map((c, i) => ({
    id: `share:${c.category}`,
    name: c.category || words.uncategorised,
    type: 'line',
    data: [...c.sharePct],
    stack: 'share',
    color: PALETTE[i % PALETTE.length],
    areaStyle: { opacity: 0.85 },
    symbol: 'none',
    lineStyle: { type: 'solid', width: 0.5 },
  }))
  const pct = (v: unknown) => `${Math.round(Number(v ?? 0) * 10) / 10}%`
  return {
    color: PALETTE,
    grid: { ...baseGrid, top: 40 },
    legend: { type: 'scroll', top: 0, left: 0, right: 0 },
    tooltip: {
      trigger: 'axis',
      confine: true,
      formatter: (raw: unknown) => {
        const params = raw as TooltipParam[]
        if (!params.length) return ''
        const rows = params.map((p) => tooltipRow(p.marker, p.seriesName ?? '', pct(p.value)))
        return tooltipTitle(data.months[params[0].dataIndex] ?? '') + rows.join('')
      },
    },
    xAxis: { type: 'category', data: data.months, boundaryGap: false },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series,
  }
}

/** The home page's chart: all customers' purchases by month, a year earlier dashed. */
export function buildPortfolioOption(p: PortfolioTrend, words: TrendWords) {
  const series: ChartSeries[] = [
    { id: 'cur:total', name: words.total, type: 'bar', data: [...p.total], color: PALETTE[0], barMaxWidth: 28 },
    {
      id: `${PREVIOUS_ID}total`,
      name: words.total,
      type: 'line',
      data: [...p.previousTotal],
      color: '#4b5563',
      symbol: 'none',
      lineStyle: { type: 'dashed', width: 1.5, opacity: 0.75 },
    },
  ]
  const previousMonths = p.months.map((m) => `${Number(m.slice(0, 4)) - 1}${m.slice(4)}`)
  return {
    color: PALETTE,
    grid: { ...baseGrid, top: 36 },
    tooltip: {
      trigger: 'axis',
      confine: true,
      axisPointer: { type: 'shadow' },
      formatter: tooltipFormatter(p.months, previousMonths, 'amount', words),
    },
    xAxis: { type: 'category', data: p.months, axisTick: { alignWithLabel: true } },
    yAxis: valueAxis('amount', largest([p.total, p.previousTotal]), words),
    series,
  }
}
