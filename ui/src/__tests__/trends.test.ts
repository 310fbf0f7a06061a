// The purchase trends' chart options, built without a canvas (happy-dom has none): the series
// per product or category, zero months kept as zeros, the year-earlier overlay, the signals'
// marks at their months, stacked columns and the categories' shares; and the amount format
// shared with the core's explanations.
import { describe, expect, it } from 'vitest'
import type { TrendData, TrendSeries, TrendSignal } from '../bindings'
import { amountUnit, exact, formatAmount } from '../features/trends/format'
import {
  buildPortfolioOption,
  buildShareOption,
  buildTrendOption,
  markerHeight,
  marksText,
  PALETTE,
  SEVERITY_COLORS,
  tooltipFormatter,
  type ChartSeries,
  type TrendView,
} from '../features/trends/options'
import { trendWords } from '../features/trends/words'

const MONTHS = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']
const PREVIOUS = MONTHS.map((m) => `2025${m.slice(4)}`)

function series(name: string, category: string, amount: number[], previousAmount = amount.map(() => 0)): TrendSeries {
  return {
    name,
    category,
    amount,
    quantity: amount.map((a) => a / 1000),
    previousAmount,
    previousQuantity: previousAmount.map((a) => a / 1000),
    totalAmount: amount.reduce((s, a) => s + a, 0),
    totalQuantity: 0,
    records: amount.filter((a) => a !== 0).length,
  }
}

function signal(
  kind: TrendSignal['kind'],
  product: string,
  months: string[],
  extra: Partial<TrendSignal> = {},
): TrendSignal {
  return {
    customerId: 1,
    customerName: '华东精密',
    kind,
    severity: kind === 'decline' || kind === 'stopped' ? 'high' : 'low',
    product,
    category: '驱动',
    metric: null,
    months,
    values: months.map(() => 0),
    baselineMonths: [],
    from: 0,
    to: 0,
    changePct: null,
    impact: 0,
    text: `${product} ${kind}`,
    ...extra,
  }
}

function data(): TrendData {
  // 伺服电机 falls from March; PLC控制器 has no purchase in February (a zero, not a gap).
  const servo = series(
    '伺服电机',
    '驱动',
    [1_100_000, 1_200_000, 950_000, 700_000, 520_000, 500_000],
    [900_000, 950_000, 1_000_000, 1_050_000, 1_100_000, 1_150_000],
  )
  const plc = series(
    'PLC控制器',
    '控制',
    [300_000, 0, 320_000, 310_000, 330_000, 340_000],
    [280_000, 290_000, 0, 300_000, 310_000, 320_000],
  )
  const cable = series('工业线缆', '', [50_000, 60_000, 55_000, 65_000, 60_000, 70_000])
  return {
    customerId: 1,
    customerName: '华东精密机械有限公司',
    months: MONTHS,
    previousMonths: PREVIOUS,
    products: [servo, plc, cable],
    categories: [
      series('驱动', '', servo.amount, servo.previousAmount),
      series('控制', '', plc.amount, plc.previousAmount),
      series('', '', cable.amount),
    ],
    total: series(
      '',
      '',
      MONTHS.map(() => 0),
    ),
    categoryShares: [
      { category: '驱动', sharePct: [75.9, 95.2, 71.7, 65.4, 57.8, 54.9] },
      { category: '控制', sharePct: [20.7, 0, 24.2, 28.8, 36.7, 37.4] },
      { category: '', sharePct: [3.4, 4.8, 4.1, 5.8, 5.5, 7.7] },
    ],
    signals: [
      signal('decline', '伺服电机', ['2026-02', '2026-03', '2026-04', '2026-05'], { severity: 'high' }),
      signal('surge', 'PLC控制器', ['2026-06'], { severity: 'low' }),
      signal('stopped', '伺服电机', ['2025-03', '2025-04'], { severity: 'high' }), // wholly before the range: not marked
      signal('financial', '', ['2024', '2025'], { severity: 'medium', metric: 'inventory_days' }),
    ],
    evaluatedMonth: '2026-06',
    otherCurrencies: [],
    returnRecords: 0,
    futureRecords: 0,
  }
}

const view = (over: Partial<TrendView> = {}): TrendView => ({
  metric: 'amount',
  by: 'product',
  chart: 'line',
  yoy: false,
  focus: null,
  ...over,
})
const build = (v: Partial<TrendView> = {}, d = data()) => buildTrendOption(d, view(v), trendWords())
const seriesOf = (o: ReturnType<typeof build>) => o.series as ChartSeries[]

describe('trend chart option', () => {
  it('draws one line per product over the core months, largest first, in stable colours', () => {
    const o = build()
    const s = seriesOf(o)
    expect(s.map((x) => x.name)).toEqual(['伺服电机', 'PLC控制器', '工业线缆'])
    expect(s.every((x) => x.type === 'line' && x.stack === undefined)).toBe(true)
    expect(o.xAxis.data).toEqual(MONTHS)
    expect(s[0].data).toEqual([1_100_000, 1_200_000, 950_000, 700_000, 520_000, 500_000])
    expect(s.map((x) => x.color)).toEqual(PALETTE.slice(0, 3))
    expect(o.legend.data).toEqual(['伺服电机', 'PLC控制器', '工业线缆'])
  })

  it('keeps a month without purchases as 0, not as a gap', () => {
    const plc = seriesOf(build()).find((x) => x.name === 'PLC控制器')!
    expect(plc.data[1]).toBe(0)
    expect(plc.data.every((v) => typeof v === 'number' && !Number.isNaN(v))).toBe(true)
  })

  it('switches to quantities, to categories (uncategorised named), and to stacked columns', () => {
    expect(seriesOf(build({ metric: 'quantity' }))[0].data).toEqual([1100, 1200, 950, 700, 520, 500])
    expect(build({ metric: 'quantity' }).yAxis.name).toBe('数量')
    expect(build().yAxis.name).toBe('万元')
    const byCategory = seriesOf(build({ by: 'category' }))
    expect(byCategory.map((x) => x.name)).toEqual(['驱动', '控制', '未分类'])
    const stacked = seriesOf(build({ chart: 'stacked' }))
    expect(stacked.every((x) => x.type === 'bar' && x.stack === 'total')).toBe(true)
  })

  it('overlays the same months a year earlier, dashed, one per line (sharing its legend entry)', () => {
    const s = seriesOf(build({ yoy: true }))
    expect(s).toHaveLength(6)
    const earlier = s.filter((x) => x.id.startsWith('prev:'))
    expect(earlier.map((x) => x.name)).toEqual(['伺服电机', 'PLC控制器', '工业线缆'])
    expect(earlier[0].data).toEqual([900_000, 950_000, 1_000_000, 1_050_000, 1_100_000, 1_150_000])
    expect(earlier[1].data[2]).toBe(0)
    expect(earlier.every((x) => x.lineStyle?.type === 'dashed' && x.type === 'line')).toBe(true)
    expect(earlier[0].color).toBe(s[0].color)
    expect(seriesOf(build({ yoy: false })).some((x) => x.id.startsWith('prev:'))).toBe(false)
  })

  it('overlays the stacked columns with the total a year earlier', () => {
    const s = seriesOf(build({ chart: 'stacked', yoy: true }))
    const earlier = s.filter((x) => x.id.startsWith('prev:'))
    expect(earlier).toHaveLength(1)
    expect(earlier[0].name).toBe('合计')
    expect(earlier[0].data[0]).toBe(900_000 + 280_000 + 0)
    expect(earlier[0].data[2]).toBe(1_000_000 + 0 + 0)
  })

  it('says in words what it marks (the chart’s accessible description), and nothing when nothing is marked', () => {
    expect(marksText(seriesOf(build()))).toBe('伺服电机：连续下降 2026-05；PLC控制器：激增 2026-06')
    expect(marksText(seriesOf(build({ by: 'category' })))).toBe('')
    expect(marksText(seriesOf(build({ focus: 'PLC控制器' })))).toBe('PLC控制器：激增 2026-06')
  })

  it('marks a signal on its product: a band over its months and a pin at the last one, in the severity colour', () => {
    const s = seriesOf(build())
    const servo = s[0]
    expect(servo.markArea!.data).toEqual([
      [{ xAxis: '2026-02', itemStyle: { color: SEVERITY_COLORS.high, opacity: 0.1 } }, { xAxis: '2026-05' }],
    ])
    expect(servo.markPoint!.data).toHaveLength(1) // the stop of 2025 is outside the range
    expect(servo.markPoint!.data[0]).toMatchObject({
      coord: ['2026-05', 520_000],
      value: '连续下降',
      name: '伺服电机 decline',
    })
    // Hovering the pin: the explanation, as text.
    const pinTip = servo.markPoint!.tooltip as { trigger: string; formatter: (p: { name: string }) => string }
    expect(pinTip.trigger).toBe('item')
    expect(pinTip.formatter({ name: '伺服电机 <下降>' })).toBe('伺服电机 &lt;下降&gt;')
    const plc = s[1]
    expect(plc.markArea).toBeUndefined()
    expect(plc.markPoint!.data[0]).toMatchObject({
      coord: ['2026-06', 340_000],
      value: '激增',
      itemStyle: { color: SEVERITY_COLORS.low },
    })
    expect(s[2].markPoint).toBeUndefined()
  })

  it('puts a pin on top of the product’s part of a stacked column, at the quantity when quantities are shown', () => {
    const stacked = seriesOf(build({ chart: 'stacked' }))
    const plc = stacked[1]
    expect(plc.markPoint!.data[0].coord).toEqual(['2026-06', 500_000 + 340_000])
    expect(stacked[0].markPoint!.data[0].coord).toEqual(['2026-05', 520_000])
    expect(stacked[0].markArea).toBeUndefined() // a band would start and end mid-column
    const qty = seriesOf(build({ metric: 'quantity' }))[1]
    expect(qty.markPoint!.data[0].coord).toEqual(['2026-06', 340])
    expect(
      markerHeight(
        [
          [5, -2],
          [3, -4],
        ],
        1,
        1,
        true,
      ),
    ).toBe(-6)
  })

  it('does not mark signals when the lines are categories', () => {
    expect(seriesOf(build({ by: 'category' })).some((x) => x.markPoint || x.markArea)).toBe(false)
  })

  it('focusing a product draws only it (with its marks and its year-earlier line)', () => {
    const s = seriesOf(build({ focus: 'PLC控制器', yoy: true }))
    expect(s.map((x) => x.id)).toEqual(['cur:PLC控制器', 'prev:PLC控制器'])
    expect(s[0].color).toBe(PALETTE[1])
    expect(s[0].markPoint!.data).toHaveLength(1)
  })

  it('the tooltip gives exact values and names the year-earlier month', () => {
    const f = tooltipFormatter(MONTHS, PREVIOUS, 'amount', trendWords())
    const html = f([
      { seriesId: 'cur:伺服电机', seriesName: '伺服电机', value: 520_000, dataIndex: 4, marker: '' },
      { seriesId: 'prev:伺服电机', seriesName: '伺服电机', value: 1_100_000, dataIndex: 4, marker: '' },
      { seriesId: 'cur:工业线缆', seriesName: '工业线缆', value: 0, dataIndex: 4, marker: '' },
    ])
    expect(html).toContain('2026-05')
    expect(html).toContain('伺服电机：<b>52 万元（520,000 元）</b>')
    expect(html).toContain('伺服电机（一年前 2025-05）：<b>110 万元（1,100,000 元）</b>')
    expect(html).toContain('工业线缆：<b>0 元</b>')
    expect(
      tooltipFormatter(MONTHS, PREVIOUS, 'quantity', trendWords())([{ seriesName: 'x', value: 1250.5, dataIndex: 0 }]),
    ).toContain('<b>1,250.5</b>')
  })
})

describe('category shares and portfolio', () => {
  it('draws each category’s share as 100% stacked areas', () => {
    const o = buildShareOption(data(), trendWords())
    const s = o.series as ChartSeries[]
    expect(s.map((x) => x.name)).toEqual(['驱动', '控制', '未分类'])
    expect(s.every((x) => x.stack === 'share' && x.areaStyle && x.type === 'line')).toBe(true)
    expect(s[1].data[1]).toBe(0)
    expect(o.yAxis).toMatchObject({ min: 0, max: 100 })
  })

  it('draws the portfolio total as columns with the year earlier dashed', () => {
    const o = buildPortfolioOption(
      {
        months: ['2026-05', '2026-06'],
        total: [3_000_000, 0],
        previousTotal: [2_500_000, 2_000_000],
        movers: [],
        otherCurrencyRecords: 0,
      },
      trendWords(),
    )
    const s = o.series as ChartSeries[]
    expect(s[0]).toMatchObject({ type: 'bar', data: [3_000_000, 0] })
    expect(s[1]).toMatchObject({ type: 'line', data: [2_500_000, 2_000_000], lineStyle: { type: 'dashed' } })
    expect(o.yAxis.name).toBe('万元')
  })
})

describe('amounts like the core writes them', () => {
  const units = trendWords().units
  it('one unit by size, trailing zeros dropped', () => {
    expect(formatAmount(520_000, units)).toBe('52 万元')
    expect(formatAmount(125_000, units)).toBe('12.5 万元')
    expect(formatAmount(8_500.4, units)).toBe('8500 元')
    expect(formatAmount(125_000_000, units)).toBe('1.25 亿元')
    expect(formatAmount(-20_000, units)).toBe('-2 万元')
    expect(formatAmount(0, units)).toBe('0 元')
    expect(amountUnit(9_999, units).label).toBe('元')
    expect(exact(-1234567.891)).toBe('-1,234,567.89')
  })

  it('in English, in thousands and millions', () => {
    const en = { ...units, scale: 'west' as const, yuan: 'CNY', k: 'K CNY', m: 'M CNY' }
    expect(formatAmount(2_800_000, en)).toBe('2.8M CNY')
    expect(formatAmount(125_000_000, en)).toBe('125M CNY')
    expect(formatAmount(890_000, en)).toBe('890K CNY')
    expect(formatAmount(12_345, en)).toBe('12.3K CNY')
    expect(formatAmount(850, en)).toBe('850 CNY')
    expect(amountUnit(999_999, en).label).toBe('K CNY')
  })
})
