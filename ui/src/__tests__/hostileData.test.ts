// Data is text, never HTML: a product, category or competitor name written as markup (from an
// imported purchase file, a lost-deal review) shows in ECharts' HTML tooltips as the characters
// typed, and no element is created from it.
import { describe, expect, it } from 'vitest'
import { escapeHtml, tooltipRow, tooltipTitle } from '../lib/chartTooltip'
import { buildForecastOption, buildLostOption } from '../features/pipeline/options'
import { pipelineWords } from '../features/pipeline/words'
import { buildShareOption, buildTrendOption, tooltipFormatter, type ChartSeries } from '../features/trends/options'
import { trendWords } from '../features/trends/words'
import type { TrendData, TrendSeries } from '../bindings'

const IMG = '<img src=x onerror="window.__pwned=1">'
const SCRIPT = "<script>window.__pwned='2'</script>"

/** Renders a tooltip's HTML as ECharts does (innerHTML) and returns what an element tree holds. */
function render(html: string) {
  const box = document.createElement('div')
  box.innerHTML = html
  return { text: box.textContent ?? '', elements: [...box.querySelectorAll('img,script,iframe,svg,a')] }
}

function series(name: string, category: string): TrendSeries {
  const amount = [100, 200]
  return {
    name,
    category,
    amount,
    quantity: amount,
    previousAmount: [0, 0],
    previousQuantity: [0, 0],
    totalAmount: 300,
    totalQuantity: 300,
    records: 2,
  }
}

function hostileTrend(): TrendData {
  const product = series(IMG, SCRIPT)
  return {
    customerId: 1,
    customerName: SCRIPT,
    months: ['2026-05', '2026-06'],
    previousMonths: ['2025-05', '2025-06'],
    products: [product],
    categories: [series(SCRIPT, '')],
    total: series('', ''),
    categoryShares: [{ category: SCRIPT, sharePct: [100, 100] }],
    signals: [
      {
        customerId: 1,
        customerName: SCRIPT,
        kind: 'surge',
        severity: 'low',
        product: IMG,
        category: SCRIPT,
        metric: null,
        months: ['2026-06'],
        values: [200],
        baselineMonths: [],
        from: 100,
        to: 200,
        changePct: 100,
        impact: 100,
        text: `${IMG} 激增`,
      },
    ],
    evaluatedMonth: '2026-06',
    otherCurrencies: [],
    returnRecords: 0,
    futureRecords: 0,
  }
}

describe('hostile data in chart tooltips', () => {
  it('escapeHtml turns every markup character into an entity', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    )
    expect(escapeHtml(null)).toBe('')
    expect(render(tooltipTitle(IMG) + tooltipRow('', SCRIPT, IMG)).elements).toHaveLength(0)
  })

  it('the purchase-trend tooltip shows a product named as markup as text', () => {
    const f = tooltipFormatter(['2026-05', '2026-06'], ['2025-05', '2025-06'], 'amount', trendWords())
    const out = render(
      f([{ seriesId: 'cur:x', seriesName: IMG, value: 100, dataIndex: 0, marker: '<span class="m"></span>' }]),
    )
    expect(out.elements).toHaveLength(0)
    expect(out.text).toContain(IMG)
  })

  it("a signal pin's tooltip (its explanation) and the category-share tooltip are text", () => {
    const option = buildTrendOption(
      hostileTrend(),
      { metric: 'amount', by: 'product', chart: 'line', yoy: false, focus: null },
      trendWords(),
    )
    const pin = (option.series as ChartSeries[])[0].markPoint!
    const formatter = (pin.tooltip as { formatter: (p: { name: string }) => string }).formatter
    const out = render(formatter({ name: pin.data[0].name as string }))
    expect(out.elements).toHaveLength(0)
    expect(out.text).toContain(IMG)
    const share = buildShareOption(hostileTrend(), trendWords())
    const tip = render(
      (share.tooltip.formatter as (p: unknown) => string)([{ seriesName: SCRIPT, value: 100, dataIndex: 0 }]),
    )
    expect(tip.elements).toHaveLength(0)
    expect(tip.text).toContain(SCRIPT)
  })

  it('a lost-to competitor and a series named as markup stay text', () => {
    const lost = buildLostOption([{ key: IMG, count: 1, amount: 1000 }], (k) => k, pipelineWords())
    const out = render(lost.tooltip.formatter([{ dataIndex: 0 }]))
    expect(out.elements).toHaveLength(0)
    expect(out.text).toContain(IMG)
    const forecast = buildForecastOption([{ key: '2026-07', count: 1, amount: 1000, weighted: 500 }], pipelineWords())
    const tip = render(forecast.tooltip.formatter([{ seriesName: SCRIPT, value: 1000, dataIndex: 0 }]))
    expect(tip.elements).toHaveLength(0)
    expect(tip.text).toContain(SCRIPT)
  })
})
