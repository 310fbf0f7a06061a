// 业绩 with the core mocked: the owners' and the team's figures against their targets, the
// month chart's series, the forecast split and its deals, the review's tabs, the presets and a
// refused custom period, the target dialog (what it sends, a refusal under the box it names),
// and 今日's card; the pure figures (units, completion, the tooltip escaping names).
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { DOMWrapper, flushPromises } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import type { Metric, MetricResult, ResultsView, TargetSheet, TodayResults } from '../bindings'
import { anOpportunityRow, coreError, mountWith } from './helpers'

const api = await vi.hoisted(() => import('./apiMock').then((m) => m.apiMock()))
vi.mock('../api', () => ({ api }))

import ResultsPage from '../features/results/ResultsView.vue'
import TodayResultsCard from '../features/results/TodayResults.vue'
import {
  buildMonthsOption,
  completionStatus,
  completionText,
  figure,
  type ResultWords,
} from '../features/results/figures'

vi.setConfig({ testTimeout: 30000 })

function m(metric: Metric, actual: number, target: number | null): MetricResult {
  return { metric, actual, target, completion: target ? actual / target : null }
}

const figures = (signed: [number, number | null], collected: [number, number | null], deals = 0, records = 0) => [
  m('signed', ...signed),
  m('collected', ...collected),
  m('new_deals', deals, null),
  m('follow_ups', records, null),
]

function aView(over: Partial<ResultsView> = {}): ResultsView {
  return {
    fromMonth: '2026-12',
    toMonth: '2026-12',
    fromDay: '2026-12-01',
    toDay: '2026-12-31',
    owners: [
      { owner: '李娜', metrics: figures([900000, 1200000], [300000, null], 2, 5) },
      { owner: '王强', metrics: figures([0, 600000], [0, null], 1, 3) },
    ],
    total: { owner: '', metrics: figures([900000, 1800000], [300000, 400000], 3, 8) },
    months: [{ month: '2026-12', metrics: figures([900000, 1800000], [300000, 400000], 3, 8) }],
    forecast: [
      {
        basis: 'backed',
        count: 1,
        amount: 1000000,
        weighted: 400000,
        deals: [
          {
            opportunityId: 7,
            customerId: 1,
            customerName: '华东精密',
            name: 'MES 二期',
            owner: '李娜',
            stage: 'solution',
            amount: 1000000,
            weighted: 400000,
            expectedClose: '2026-12-20',
            lastFollowUp: '2026-12-04',
            level: 'green',
          },
        ],
      },
      { basis: 'stuck', count: 2, amount: 500000, weighted: 100000, deals: [] },
      { basis: 'red', count: 0, amount: 0, weighted: 0, deals: [] },
    ],
    forecastDays: 3,
    review: {
      moved: [],
      movedCount: 0,
      stalled: [
        {
          opportunityId: 9,
          customerId: 2,
          customerName: '南方制药',
          name: '仓储系统',
          owner: '王强',
          stage: 'initiation',
          amount: 60000,
          stageSince: '2026-10-01',
          noFollowUp: true,
          overdueActions: 2,
        },
      ],
      stalledCount: 1,
      won: [],
      wonCount: 0,
      wonAmount: 0,
      lost: [],
      lostCount: 0,
      lostAmount: 0,
    },
    knownOwners: ['李娜', '王强'],
    ...over,
  }
}

/** Stands in for the chart card (happy-dom has no canvas): the series ids and their data. */
const ChartStub = defineComponent({
  props: { option: { type: Object, default: () => ({}) }, chartTestid: String },
  setup:
    (p, { slots }) =>
    () =>
      h('div', { class: 'chart-stub', 'data-testid': p.chartTestid }, [
        ((p.option.series ?? []) as { id: string; data: unknown[] }[])
          .map((s) => `${s.id}:${JSON.stringify(s.data)}`)
          .join('|'),
        slots.actions?.(),
      ]),
})
const stubs = { ChartCard: ChartStub }

const body = () => new DOMWrapper(document.body)
const click = async (id: string) => {
  await body().get(`[data-testid="${id}"]`).trigger('click')
  await flushPromises()
}
const lastQuery = () => api.results.mock.calls[api.results.mock.calls.length - 1][0]

beforeEach(() => {
  vi.clearAllMocks()
  document.body.innerHTML = ''
  api.results.mockResolvedValue(aView())
})

describe('业绩', () => {
  it('opens on this month for everyone: each owner and the team against the targets', async () => {
    const { wrapper } = await mountWith(ResultsPage, { global: { stubs } })
    expect(api.results).toHaveBeenCalledWith({ preset: 'this_month', from: '', to: '', owners: [] })
    expect(body().get('[data-testid="results-range"]').text()).toBe('2026-12-01 至 2026-12-31')
    const owners = body()
      .findAll('[data-testid="results-owner"]')
      .map((x) => x.text())
    expect(owners).toEqual(['李娜', '王强'])
    expect(body().get('[data-testid="results-total"]').text()).toBe('团队合计')
    const collected = body()
      .findAll('[data-testid="results-cell-collected"]')
      .map((x) => x.text())
    // The actual and the target are two spans, set apart by the layout.
    expect(collected[0]).toBe('30 万元/ 未设目标')
    expect(collected[2]).toContain('30 万元/ 40 万元')
    expect(collected[2]).toContain('75%')
    expect(body().findAll('[data-testid="results-cell-follow_ups"]')[2].text()).toBe('8 次/ 未设目标')
    expect(body().find('[data-testid="results-no-targets"]').exists()).toBe(false)
    // The chart: collected by month, actual bars and the target line.
    expect(body().get('[data-testid="results-chart"]').text()).toContain('actual:[300000]|target:[400000]')
    wrapper.unmount()
  })

  it('shows what the forecast rests on and why deals stalled', async () => {
    const { wrapper } = await mountWith(ResultsPage, { global: { stubs } })
    expect(body().get('[data-testid="results-forecast-backed"]').text()).toContain('加权 40 万元')
    expect(body().get('[data-testid="results-forecast-backed"]').text()).toContain('占加权预测 80%')
    expect(body().get('[data-testid="results-forecast-stuck"]').text()).toContain('缺少行动支撑')
    expect(body().get('[data-testid="results-forecast-stuck"]').text()).toContain('2 个商机')
    expect(body().get('[data-testid="results-forecast-deals"]').text()).toContain('华东精密')
    expect(body().get('[data-testid="results-forecast-deals"]').text()).toContain('2026-12-04')
    await click('results-review-stalled')
    const review = body().get('[data-testid="results-review"]').text()
    expect(review).toContain('南方制药')
    expect(review).toContain('期间内无跟进')
    expect(review).toContain('2 项行动逾期')
    expect(body().get('[data-testid="results-review-moved"]').text()).toBe('推进的商机（0）')
    wrapper.unmount()
  })

  it('lists the deals won in the period with their contract amount', async () => {
    const won = anOpportunityRow({ stage: 'won', contractAmount: 860000, stageSince: '2026-12-03' })
    const view = aView()
    api.results.mockResolvedValue(aView({ review: { ...view.review, won: [won], wonCount: 1, wonAmount: 900000 } }))
    const { wrapper } = await mountWith(ResultsPage, { global: { stubs } })
    await click('results-review-won')
    const review = body().get('[data-testid="results-review"]').text()
    expect(review).toContain('2026-12-03')
    expect(review).toContain(won.name)
    expect(review).toContain('86 万元')
    wrapper.unmount()
  })

  it('presets and owners reload it; a custom period waits for both months and shows the refusal', async () => {
    const { wrapper } = await mountWith(ResultsPage, { global: { stubs } })
    await click('results-preset-this_quarter')
    expect(lastQuery().preset).toBe('this_quarter')
    const calls = api.results.mock.calls.length
    await click('results-preset-custom')
    expect(api.results.mock.calls.length).toBe(calls)
    api.results.mockRejectedValue(
      coreError({
        type: 'validation',
        data: { field: 'to', reason: 'out_of_range', detail: { kind: 'text', text: '≥ 2026-10' } },
      }),
    )
    wrapper.findComponent({ name: 'ElDatePicker' }).vm.$emit('update:modelValue', ['2026-10', '2026-09'])
    await flushPromises()
    expect(lastQuery()).toEqual({ preset: 'custom', from: '2026-10', to: '2026-09', owners: [] })
    expect(body().get('[data-testid="results-period-error"]').text()).toBe('结束月份：超出范围 ≥ 2026-10')
    wrapper.unmount()
  })

  it('without targets says how to set them', async () => {
    api.results.mockResolvedValue(
      aView({ total: { owner: '', metrics: figures([0, null], [0, null]) }, owners: [], months: [] }),
    )
    const { wrapper } = await mountWith(ResultsPage, { global: { stubs } })
    expect(body().get('[data-testid="results-no-targets"]').text()).toContain('设置目标')
    wrapper.unmount()
  })
})

describe('设置目标', () => {
  const sheet: TargetSheet = {
    period: '2026-Q4',
    owners: ['李娜'],
    targets: [{ owner: '', metric: 'collected', period: '2026-Q4', value: 400000 }],
  }

  it('opens on the page’s quarter with the stored targets and sends every box', async () => {
    api.targetSheet.mockResolvedValue(sheet)
    api.saveTargets.mockResolvedValue(sheet)
    const { wrapper } = await mountWith(ResultsPage, { global: { stubs } })
    await click('results-set-targets')
    expect(api.targetSheet).toHaveBeenCalledWith('2026-Q4')
    expect(body().get('[data-testid="target-period"]').text()).toBe('2026-Q4')
    const boxes = wrapper.findAllComponents({ name: 'ElInputNumber' })
    expect(boxes).toHaveLength(8)
    expect(boxes[1].props('modelValue')).toBe(400000)
    boxes[4].vm.$emit('update:modelValue', 1200000)
    await flushPromises()
    await click('target-save')
    const sent = api.saveTargets.mock.calls[0][0]
    expect(sent.period).toBe('2026-Q4')
    expect(sent.targets).toHaveLength(8)
    expect(sent.targets[1]).toEqual({ owner: '', metric: 'collected', value: 400000 })
    expect(sent.targets[4]).toEqual({ owner: '李娜', metric: 'signed', value: 1200000 })
    expect(sent.targets[5]).toEqual({ owner: '李娜', metric: 'collected', value: null })
    wrapper.unmount()
  })

  it('keeps the boxes closed until the chosen period’s targets arrive, dropping a late answer for another', async () => {
    let answerQuarter!: (s: TargetSheet) => void
    api.targetSheet.mockImplementation((period: string) =>
      period === '2026-Q4'
        ? new Promise<TargetSheet>((r) => (answerQuarter = r))
        : Promise.resolve({ period, owners: [], targets: [{ owner: '', metric: 'signed', period, value: 5 }] }),
    )
    const { wrapper } = await mountWith(ResultsPage, { global: { stubs } })
    await click('results-set-targets')
    const boxes = () => wrapper.findAllComponents({ name: 'ElInputNumber' })
    expect(boxes()[0].props('disabled')).toBe(true)
    expect(body().get('[data-testid="target-save"]').attributes('disabled')).toBeDefined()
    await click('target-kind-month')
    answerQuarter(sheet)
    await flushPromises()
    expect(body().get('[data-testid="target-period"]').text()).toBe('2026-12')
    expect(boxes()[0].props('disabled')).toBe(false)
    expect(boxes()[0].props('modelValue')).toBe(5)
    expect(boxes()[1].props('modelValue')).toBeUndefined()
    wrapper.unmount()
  })

  it('shows the core’s refusal under the box it names and stays open', async () => {
    api.targetSheet.mockResolvedValue(sheet)
    api.saveTargets.mockRejectedValue(
      coreError({
        type: 'validation',
        data: { field: 'targets.6.value', reason: 'out_of_range', detail: { kind: 'text', text: '≥ 0' } },
      }),
    )
    const { wrapper } = await mountWith(ResultsPage, { global: { stubs } })
    await click('results-set-targets')
    await click('target-save')
    const error = body().get('[data-testid="target-error"]')
    expect(error.text()).toBe('超出范围 ≥ 0')
    const row = body().findAll('[data-testid="target-row"]')[0]
    expect(row.findAll('td')[2].find('[data-testid="target-error"]').exists()).toBe(true)
    expect(body().find('[data-testid="target-grid"]').isVisible()).toBe(true)
    wrapper.unmount()
  })
})

describe('今日 → 本月业绩', () => {
  it('shows the month and the quarter against the targets and opens 业绩', async () => {
    const today: TodayResults = {
      month: '2026-12',
      quarter: '2026-Q4',
      monthResults: { owner: '', metrics: figures([0, null], [300000, 400000], 1, 4) },
      quarterResults: { owner: '', metrics: figures([900000, null], [700000, 900000], 3, 12) },
    }
    api.todayResults.mockResolvedValue(today)
    const { wrapper } = await mountWith(TodayResultsCard, { props: { owners: ['李娜'] } })
    expect(api.todayResults).toHaveBeenCalledWith(['李娜'])
    expect(body().get('[data-testid="home-results-month"]').text()).toContain('本月 2026-12')
    expect(body().get('[data-testid="home-results-month-collected"]').text()).toContain('30 万元 / 40 万元')
    expect(body().get('[data-testid="home-results-month-collected"]').text()).toContain('75%')
    expect(body().get('[data-testid="home-results-quarter-follow_ups"]').text()).toContain('12 次')
    expect(body().get('[data-testid="home-results-open"]').attributes('href')).toContain('/results')
    wrapper.unmount()
  })
})

describe('业绩 figures', () => {
  const words: ResultWords = {
    metric: (x) => x,
    actual: '实际',
    target: '目标',
    completion: '完成率',
    money: (v) => `${v / 10000} 万元`,
    count: (x, n) => `${n} ${x === 'follow_ups' ? '次' : '个'}`,
    none: '未设目标',
  }

  it('writes each metric in its unit and the completion as a rounded rate', () => {
    expect(figure('signed', 120000, words)).toBe('12 万元')
    expect(figure('new_deals', 3, words)).toBe('3 个')
    expect(figure('collected', null, words)).toBe('未设目标')
    expect(completionText(0.756)).toBe('76%')
    expect(completionText(null)).toBe('—')
    expect([1.2, 0.7, 0.4, 0.1, null].map(completionStatus)).toEqual(['success', '', 'warning', 'exception', ''])
  })

  it('draws the actual by month against the target, a month without one drawing none', () => {
    const months = [
      { month: '2026-10', metrics: figures([100000, 200000], [0, null]) },
      { month: '<b>x</b>', metrics: figures([0, null], [0, null]) },
    ]
    const option = buildMonthsOption(months, 'signed', words)
    expect(option.series.map((s) => s.data)).toEqual([
      [100000, 0],
      [200000, null],
    ])
    const tip = option.tooltip.formatter([{ dataIndex: 1 }])
    expect(tip).toContain('&lt;b&gt;x&lt;/b&gt;')
    expect(tip).not.toContain('<b>x</b>')
    expect(option.tooltip.formatter([{ dataIndex: 0 }])).toContain('50%')
  })
})
