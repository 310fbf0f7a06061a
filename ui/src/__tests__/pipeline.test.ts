// 商机管道 with the IPC mocked: the forecast, funnel and lost-deal option builders on real
// figures (gap months kept, conversion rates, the largest bar on top), the kanban's columns,
// sums and risk lights, a drag (or the card menu) opening the shared stage move dialog with the
// column's stage as its target and the board reloading after the move, the table's query, and
// the analytics tabs' totals and lost reviews.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DOMWrapper, flushPromises, type VueWrapper } from '@vue/test-utils'
import { ElOption, ElSelect } from 'element-plus'
import { defineComponent, h } from 'vue'
import type {
  BoardColumn,
  ForecastRow,
  FunnelStep,
  OpportunityRow,
  PipelineAnalytics,
  RiskLight,
  Stage,
  StageDwell,
  StageStats,
} from '../bindings'
import { coreError, makeRouter, mountWith } from './helpers'
import {
  MAX_FILLED_MONTHS,
  buildForecastOption,
  buildFunnelOption,
  buildLostOption,
  forecastColumns,
  funnelRows,
  monthsBetween,
} from '../features/pipeline/options'
import { pipelineWords } from '../features/pipeline/words'
import { buildDwellOption, buildLostMonthsOption, daysText, percent, winText } from '../features/pipeline/stageOptions'
import { STAGES } from '../lib/enums'
import { dataChanged } from '../stores/app'

const api = await vi.hoisted(() => import('./apiMock').then((m) => m.apiMock()))
vi.mock('../api', () => ({ api }))

import PipelineView from '../features/pipeline/PipelineView.vue'
import StageMoveDialog from '../features/opportunities/StageMoveDialog.vue'
import RiskBadge from '../features/risk/RiskBadge.vue'

vi.setConfig({ testTimeout: 30000 })

const body = () => new DOMWrapper(document.body)
const RED: RiskLight = {
  level: 'red',
  reasons: [
    {
      rule: 'quote_idle',
      level: 'red',
      opportunityId: 1,
      opportunityName: '2026 MES 项目',
      days: 6,
      count: 1,
      since: '2026-11-27',
      yellowDays: null,
      redDays: 5,
      signal: '',
      stage: null,
      installment: null,
      amount: null,
      milestone: '',
      months: null,
    },
  ],
}
const GREEN: RiskLight = { level: 'green', reasons: [] }

function opp(id: number, stage: Stage, over: Partial<OpportunityRow> = {}): OpportunityRow {
  return {
    risk: GREEN,
    id,
    customerId: id * 10,
    customerName: '华东精密机械股份有限公司',
    effectiveProbability: 60,
    weighted: 0,
    stageSince: '2026-11-27',
    createdAt: '2026-10-01 10:00:00',
    updatedAt: '2026-11-27 10:00:00',
    name: `商机 ${id}`,
    owner: '李明',
    amount: 100_000,
    stage,
    probability: null,
    expectedClose: '2026-12-28',
    scopeId: null,
    keyPersons: [],
    budget: null,
    competitors: [],
    needs: '',
    quoteAmount: null,
    quoteDate: '',
    contractAmount: null,
    contractDate: '',
    notes: '',
    ownFollowUpRequired: false,
    lostReview: null,
    ...over,
  }
}

const mes = opp(1, 'quote', {
  name: '2026 MES 项目',
  amount: 1_280_000,
  weighted: 768_000,
  risk: RED,
  quoteAmount: 1_250_000,
  quoteDate: '2026-11-27',
})
const welding = opp(2, 'solution', {
  name: '焊装线自动化改造',
  customerName: '长江汽车零部件有限公司',
  customerId: 2,
  amount: 860_000,
  weighted: 344_000,
})
const substation = opp(3, 'lost', {
  name: '变电站智能监控',
  customerName: '中恒电力工程集团有限公司',
  customerId: 3,
  amount: 2_400_000,
  lostReview: {
    lostTo: '西门子',
    reason: 'price',
    text: '对方报价低 18%，且有集团框架协议',
    stageLostAt: 'quote',
    next: '跟进明年二期招标',
  },
})

function board(): BoardColumn[] {
  const cards: Partial<Record<Stage, OpportunityRow[]>> = { quote: [mes], solution: [welding], lost: [substation] }
  return STAGES.map((stage) => {
    const c = cards[stage] ?? []
    return {
      stage,
      count: c.length,
      amount: c.reduce((s, o) => s + (o.amount ?? 0), 0),
      weighted: c.reduce((s, o) => s + o.weighted, 0),
      cards: c,
    }
  })
}

const FUNNEL: FunnelStep[] = [
  { stage: 'initiation', count: 2, amount: 300_000, reached: 20 },
  { stage: 'needs', count: 3, amount: 400_000, reached: 16 },
  { stage: 'solution', count: 4, amount: 500_000, reached: 12 },
  { stage: 'quote', count: 2, amount: 600_000, reached: 6 },
  { stage: 'negotiation', count: 1, amount: 700_000, reached: 3 },
  { stage: 'contract', count: 0, amount: 0, reached: 2 },
  { stage: 'won', count: 2, amount: 900_000, reached: 2 },
  { stage: 'lost', count: 6, amount: 1_000_000, reached: 6 },
]

function analytics(): PipelineAnalytics {
  return {
    byMonth: [
      { key: '', count: 1, amount: 50_000, weighted: 5_000 },
      { key: '2026-12', count: 2, amount: 1_380_000, weighted: 788_000 },
      { key: '2027-02', count: 1, amount: 860_000, weighted: 344_000 },
    ],
    byOwner: [
      { key: '李明', count: 3, amount: 1_430_000, weighted: 793_000 },
      { key: '王芳', count: 1, amount: 860_000, weighted: 344_000 },
    ],
    total: { key: '', count: 4, amount: 2_290_000, weighted: 1_137_000 },
    funnel: FUNNEL,
    lostByReason: [{ key: 'price', count: 1, amount: 2_400_000 }],
    lostByCompetitor: [{ key: '西门子', count: 1, amount: 2_400_000 }],
    lostByStage: [{ key: 'quote', count: 1, amount: 2_400_000 }],
  }
}

/** Stands in for the chart card (happy-dom has no canvas): the series ids and their data. */
const ChartStub = defineComponent({
  props: { option: { type: Object, default: () => ({}) }, title: String, chartTestid: String },
  setup: (p) => () =>
    h(
      'div',
      { class: 'chart-stub', 'data-testid': p.chartTestid },
      ((p.option.series ?? []) as { id: string; data: unknown[] }[])
        .map((s) => `${s.id}:${JSON.stringify(s.data)}`)
        .join('|'),
    ),
})
const stubs = { ChartCard: ChartStub }

async function openPipeline(view = '') {
  const router = makeRouter()
  await router.push(view ? `/pipeline?view=${view}` : '/pipeline')
  const { wrapper } = await mountWith(PipelineView, { global: { stubs } }, router)
  await flushPromises()
  return { wrapper, router }
}

/** The page's owner filter (Element Plus puts the testid on its wrapper). */
const ownerSelect = (wrapper: VueWrapper) =>
  wrapper.findAllComponents(ElSelect).find((s) => s.element.closest('[data-testid="pipeline-filter-owner"]'))!
const gradeSelect = (wrapper: VueWrapper) =>
  wrapper.findAllComponents(ElSelect).find((s) => s.element.closest('[data-testid="pipeline-filter-grade"]'))!
const column = (stage: Stage) => body().get(`[data-testid="pipeline-column"][data-stage="${stage}"]`)
const card = (id: number) => body().get(`[data-testid="pipeline-card"][data-id="${id}"]`)

beforeEach(() => {
  vi.clearAllMocks()
  api.pipelineBoard.mockResolvedValue(board())
  api.pipelineAnalytics.mockResolvedValue(analytics())
  api.customerFacets.mockResolvedValue({ industries: [], owners: ['李明', '王芳'], dealOwners: ['李明', '赵强'] })
  api.listOpportunities.mockResolvedValue({ rows: [mes, welding], total: 2 })
})
afterEach(() => {
  document.body.innerHTML = ''
})

describe('pipeline option builders', () => {
  const words = pipelineWords()

  it('counts the months across a year end', () => {
    expect(monthsBetween('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02'])
    expect(monthsBetween('2026-11', '')).toEqual([])
  })

  it('forecast: a span of years (a stale deal, a mistyped year) draws only the months with deals', () => {
    const row = (key: string, weighted: number): ForecastRow => ({ key, count: 1, amount: weighted * 2, weighted })
    const rows = [row('2026-12', 100), row('2027-01', 200), row('2926-12', 300)]
    expect(forecastColumns(rows).map((c) => c.month)).toEqual(['2026-12', '2027-01', '2926-12'])
    // Up to MAX_FILLED_MONTHS the empty months are still drawn.
    const near = [row('2026-01', 1), row('2028-12', 2)]
    expect(forecastColumns(near)).toHaveLength(MAX_FILLED_MONTHS)
  })

  it('forecast: every month from the first to the last close (empty ones at 0), undated deals last', () => {
    const rows: ForecastRow[] = analytics().byMonth
    expect(forecastColumns(rows).map((c) => [c.month, c.weighted])).toEqual([
      ['2026-12', 788_000],
      ['2027-01', 0],
      ['2027-02', 344_000],
      ['', 5_000],
    ])
    const option = buildForecastOption(rows, words)
    expect(option.xAxis.data).toEqual(['2026-12', '2027-01', '2027-02', '未填日期'])
    expect(option.series.map((s) => [s.id, s.data])).toEqual([
      ['amount', [1_380_000, 0, 860_000, 50_000]],
      ['weighted', [788_000, 0, 344_000, 5_000]],
    ])
    // Amounts on a 万元 axis (the largest is 138 万).
    expect(option.yAxis.name).toBe('万元')
    expect(option.yAxis.axisLabel.formatter(1_380_000)).toBe('138')
    const tip = option.tooltip.formatter([
      { dataIndex: 0, seriesName: '金额', value: 1_380_000 },
      { dataIndex: 0, seriesName: '加权预测', value: 788_000 },
    ])
    expect(tip).toContain('2026-12 · 2 个')
    expect(tip).toContain('78.8 万元（788,000 元）')
  })

  it('funnel: conversion from the stage before and from the start; 成交 from the start is the win rate', () => {
    const rows = funnelRows(FUNNEL)
    const by = Object.fromEntries(rows.map((r) => [r.stage, r]))
    expect(by.initiation).toMatchObject({ stepRate: null, overallRate: 100 })
    expect(by.needs).toMatchObject({ stepRate: 80, overallRate: 80 })
    expect(by.quote).toMatchObject({ stepRate: 50, overallRate: 30 })
    expect(by.negotiation).toMatchObject({ stepRate: 50, overallRate: 15 })
    expect(by.contract).toMatchObject({ stepRate: 66.7, overallRate: 10 })
    expect(by.won).toMatchObject({ stepRate: 100, overallRate: 10 })
    expect(by.lost).toMatchObject({ count: 6, stepRate: null, overallRate: null })
    // No deals: no rates rather than NaN.
    expect(funnelRows(FUNNEL.map((s) => ({ ...s, reached: 0 })))[1]).toMatchObject({
      stepRate: null,
      overallRate: null,
    })

    const option = buildFunnelOption(FUNNEL, words)
    const series = option.series[0]
    expect(series.sort).toBe('none')
    expect(series.data).toEqual([
      { name: '立项', value: 20 },
      { name: '需求确认', value: 16 },
      { name: '方案', value: 12 },
      { name: '报价', value: 6 },
      { name: '谈判', value: 3 },
      { name: '合同', value: 2 },
      { name: '成交', value: 2 },
    ])
    expect(series.label.formatter({ dataIndex: 3 })).toBe('报价 6 · 50%')
    const tip = option.tooltip.formatter({ dataIndex: 3 })
    expect(tip).toContain('当前：2 个 · 60 万元')
    expect(tip).toContain('累计转化率：30%')
  })

  it('lost deals: the largest on top, the amount in the tooltip, a missing key named', () => {
    const option = buildLostOption(
      [
        { key: '西门子', count: 3, amount: 5_000_000 },
        { key: '', count: 2, amount: 300_000 },
        { key: 'ABB', count: 1, amount: 80_000 },
      ],
      (k) => k,
      words,
    )
    expect(option.yAxis.data).toEqual(['ABB', '未填', '西门子'])
    expect(option.series[0].data).toEqual([1, 2, 3])
    expect(option.tooltip.formatter([{ dataIndex: 2 }])).toContain('3 个 · 500 万元')
  })
})

describe('kanban', () => {
  it('one column per stage with count and sums; cards carry stage and risk level, the reasons on the light', async () => {
    await openPipeline()
    expect(
      body()
        .findAll('[data-testid="pipeline-column"]')
        .map((c) => c.attributes('data-stage')),
    ).toEqual(STAGES)
    expect(api.pipelineBoard).toHaveBeenCalledWith(
      expect.objectContaining({ owners: [], stages: [], closeFrom: '', closeTo: '', limit: 50 }),
    )

    const quote = column('quote')
    expect(quote.get('[data-testid="pipeline-column-count"]').text()).toBe('1')
    expect(quote.get('[data-testid="pipeline-column-sums"]').text()).toContain('Σ 128 万元')
    expect(quote.get('[data-testid="pipeline-column-sums"]').text()).toContain('加权 76.8 万元')
    const red = card(1)
    expect(red.attributes('data-stage')).toBe('quote')
    expect(red.attributes('data-level')).toBe('red')
    expect(red.text()).toContain('2026 MES 项目')
    expect(red.text()).toContain('华东精密机械股份有限公司')
    expect(red.text()).toContain('128 万元')
    expect(red.text()).toContain('2026-12-28')
    expect(red.get('[data-testid="risk-badge"]').text()).toBe('红灯')
    expect(card(2).attributes('data-level')).toBe('green')
    expect(card(2).attributes('data-stage')).toBe('solution')

    // 成交 / 丢单 are compact until opened.
    expect(column('lost').find('[data-testid="pipeline-card"]').exists()).toBe(false)
    expect(column('lost').text()).toContain('拖到这里标记丢单')
    await column('lost').get('[data-testid="pipeline-column-toggle-lost"]').trigger('click')
    expect(card(3).attributes('data-stage')).toBe('lost')
  })

  it('a card dropped on another column opens the stage move dialog for that stage; the board reloads after the move', async () => {
    api.moveOpportunity.mockResolvedValue({ ...mes, stage: 'negotiation' })
    const { wrapper } = await openPipeline()
    expect(api.pipelineBoard).toHaveBeenCalledTimes(1)

    await card(1).trigger('dragstart')
    // Its own column does not take it.
    const same = new Event('dragover', { cancelable: true })
    column('quote').element.dispatchEvent(same)
    expect(same.defaultPrevented).toBe(false)
    const other = new Event('dragover', { cancelable: true })
    column('negotiation').element.dispatchEvent(other)
    expect(other.defaultPrevented).toBe(true)
    await flushPromises()
    expect(column('negotiation').classes()).toContain('over')
    await column('negotiation').trigger('drop')
    await flushPromises()

    const dialog = wrapper.findComponent(StageMoveDialog)
    expect(dialog.props('target')).toBe('negotiation')
    expect(dialog.props('opportunity')).toMatchObject({ id: 1, stage: 'quote' })
    expect(api.moveOpportunity).toHaveBeenCalledWith(1, 'negotiation', null)
    await flushPromises()
    expect(api.pipelineBoard).toHaveBeenCalledTimes(2)
  })

  it("the gate's refusal comes back in the dialog naming the missing quote fields", async () => {
    api.moveOpportunity.mockRejectedValue(
      coreError({
        type: 'validation',
        data: {
          field: 'quoteAmount',
          reason: 'required',
          detail: { kind: 'missingFields', fields: ['quoteAmount', 'quoteDate'] },
        },
      }),
    )
    await openPipeline()
    await card(2).trigger('dragstart')
    await column('quote').trigger('drop')
    await flushPromises()
    expect(api.moveOpportunity).toHaveBeenCalledWith(2, 'quote', null)
    const missing = body().get('[data-testid="stage-move-missing"]').text()
    expect(missing).toContain('报价')
    expect(body().find('[data-testid="stage-move-field-quoteAmount"]').exists()).toBe(true)
    expect(body().find('[data-testid="stage-move-field-quoteDate"]').exists()).toBe(true)
    // Nothing moved: the board was not reloaded.
    expect(api.pipelineBoard).toHaveBeenCalledTimes(1)
  })

  it('the card menu moves without dragging: 丢单 opens the dialog on the lost review', async () => {
    const { wrapper } = await openPipeline()
    await card(2).get('[data-testid="pipeline-card-menu"]').trigger('click')
    await flushPromises()
    await body().get('[data-testid="pipeline-card-move-lost"]').trigger('click')
    await flushPromises()
    expect(wrapper.findComponent(StageMoveDialog).props('target')).toBe('lost')
    expect(body().find('[data-testid="lost-review"]').exists()).toBe(true)
    // The review comes first: nothing is sent yet.
    expect(api.moveOpportunity).not.toHaveBeenCalled()
  })

  it("clicking a card opens its customer's 商机 tab", async () => {
    const { router } = await openPipeline()
    // The customer page itself is not loaded here: the navigation is what matters.
    const push = vi.spyOn(router, 'push').mockResolvedValue(undefined)
    await card(2).trigger('click')
    expect(push).toHaveBeenCalledWith({ name: 'customer', params: { id: 2 }, query: { tab: 'deals' } })
    // The card's menu button does not open the customer.
    push.mockClear()
    await card(2).get('[data-testid="pipeline-card-menu"]').trigger('click')
    expect(push).not.toHaveBeenCalled()
  })

  it('says where deals come from when there are none, and that the filters leave none', async () => {
    api.pipelineBoard.mockResolvedValue(STAGES.map((stage) => ({ stage, count: 0, amount: 0, weighted: 0, cards: [] })))
    const { wrapper } = await openPipeline()
    expect(body().get('[data-testid="pipeline-empty"]').text()).toContain('还没有商机')
    expect(body().get('[data-testid="pipeline-empty"]').text()).toContain('「商机」标签')
    expect(body().find('[data-testid="pipeline-empty-customers"]').exists()).toBe(true)
    ownerSelect(wrapper).vm.$emit('update:modelValue', ['王芳'])
    await flushPromises()
    expect(body().get('[data-testid="pipeline-empty"]').text()).toContain('没有符合筛选条件的商机')
    expect(body().find('[data-testid="pipeline-clear-filters"]').exists()).toBe(true)
  })

  it('a column with more deals than cards offers the table on that stage', async () => {
    const cols = board()
    cols.find((c) => c.stage === 'quote')!.count = 80
    api.pipelineBoard.mockResolvedValue(cols)
    const { router } = await openPipeline()
    await column('quote').get('[data-testid="pipeline-column-more"] button').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.query.view).toBe('table')
    expect(api.listOpportunities).toHaveBeenLastCalledWith(expect.objectContaining({ stages: ['quote'], offset: 0 }))
  })
})

describe('table and analytics', () => {
  it('the table lists the deals with stage, probability, weighted amount and light; sorting asks the core', async () => {
    await openPipeline('table')
    expect(api.listOpportunities).toHaveBeenCalledWith(
      expect.objectContaining({ sort: 'expected_close', descending: false, limit: 50 }),
    )
    expect(body().get('[data-testid="pipeline-table-total"]').text()).toBe('共 2 个商机')
    const rows = body().findAll('.pipeline-row')
    expect(rows).toHaveLength(2)
    expect(rows[0].text()).toContain('报价')
    expect(rows[0].text()).toContain('60%')
    expect(rows[0].get('[data-testid="pipeline-row-weighted"]').text()).toBe('76.8 万元')
    expect(rows[0].get('[data-testid="risk-badge"]').attributes('data-level')).toBe('red')
    await body().findAll('th.is-sortable')[2]!.trigger('click') // 金额
    await flushPromises()
    expect(api.listOpportunities).toHaveBeenLastCalledWith(
      expect.objectContaining({ sort: 'amount', descending: false }),
    )
    // The stage column sorts too: the core orders stages as the pipeline runs.
    await body().findAll('th.is-sortable')[1]!.trigger('click') // 阶段
    await flushPromises()
    expect(api.listOpportunities).toHaveBeenLastCalledWith(
      expect.objectContaining({ sort: 'stage', descending: false }),
    )
  })

  it('the forecast shows the open totals and the owners with their share', async () => {
    await openPipeline('forecast')
    expect(api.pipelineAnalytics).toHaveBeenCalledTimes(1)
    expect(body().get('[data-testid="pipeline-forecast-count"]').text()).toBe('4 个')
    expect(body().get('[data-testid="pipeline-forecast-weighted"]').text()).toBe('113.7 万元')
    const owners = body().get('[data-testid="pipeline-forecast-owners"]').text()
    expect(owners).toContain('李明')
    expect(owners).toContain('69.7%') // 793,000 / 1,137,000
    expect(body().get('[data-testid="pipeline-forecast-chart"]').text()).toContain('weighted:[788000,0,344000,5000]')
  })

  it('the funnel states the win rate; switching to it from the forecast reuses the analytics', async () => {
    const { router } = await openPipeline('forecast')
    await router.replace('/pipeline?view=funnel')
    await flushPromises()
    expect(api.pipelineAnalytics).toHaveBeenCalledTimes(1)
    expect(body().get('[data-testid="pipeline-win-rate"]').text()).toContain('赢单率 10%（成交 2 / 全部 20）')
    expect(body().get('[data-testid="pipeline-funnel-table"]').text()).toContain('66.7%')
  })

  it('the lost analysis lists the lost deals with their review', async () => {
    api.listOpportunities.mockResolvedValue({ rows: [substation], total: 1 })
    await openPipeline('lost')
    expect(api.listOpportunities).toHaveBeenCalledWith(
      expect.objectContaining({ stages: ['lost'], sort: 'updated_at', descending: true }),
    )
    expect(body().get('[data-testid="pipeline-lost-total"]').text()).toBe('丢单 1 个，金额合计 240 万元')
    const table = body().get('[data-testid="pipeline-lost-table"]').text()
    expect(table).toContain('西门子')
    expect(table).toContain('价格')
    expect(table).toContain('对方报价低 18%')
    expect(body().get('[data-testid="pipeline-lost-reason-chart"]').text()).toBe('lost:[1]')
  })

  it('the lost deals page by 20: a page asks the core for its offset', async () => {
    api.listOpportunities.mockResolvedValue({ rows: [substation], total: 45 })
    await openPipeline('lost')
    expect(api.listOpportunities).toHaveBeenLastCalledWith(
      expect.objectContaining({ stages: ['lost'], offset: 0, limit: 20 }),
    )
    const pager = body().get('[data-testid="offset-pager"]')
    await pager
      .findAll('.el-pager li')
      .find((li) => li.text() === '3')!
      .trigger('click')
    await flushPromises()
    expect(api.listOpportunities).toHaveBeenLastCalledWith(
      expect.objectContaining({ stages: ['lost'], offset: 40, limit: 20 }),
    )
  })

  it('the owner filter offers the deals’ owners and reaches every query; so does the grade filter', async () => {
    const { wrapper } = await openPipeline()
    // 赵强 owns a deal but no customer; 王芳 owns customers but no deal.
    expect(
      ownerSelect(wrapper)
        .findAllComponents(ElOption)
        .map((o) => o.props('label')),
    ).toEqual(['李明', '赵强'])
    ownerSelect(wrapper).vm.$emit('update:modelValue', ['赵强'])
    await flushPromises()
    expect(api.pipelineBoard).toHaveBeenLastCalledWith(expect.objectContaining({ owners: ['赵强'], grades: [] }))
    gradeSelect(wrapper).vm.$emit('update:modelValue', ['A'])
    await flushPromises()
    expect(api.pipelineBoard).toHaveBeenLastCalledWith(expect.objectContaining({ owners: ['赵强'], grades: ['A'] }))
    expect(wrapper.find('[data-testid="pipeline-clear-filters"]').exists()).toBe(true)
    // A change elsewhere (an import, a new deal) can bring a new owner: the choices are re-read.
    api.customerFacets.mockResolvedValue({ industries: [], owners: [], dealOwners: ['李明', '赵强', '孙悦'] })
    dataChanged()
    await flushPromises()
    expect(
      ownerSelect(wrapper)
        .findAllComponents(ElOption)
        .map((o) => o.props('label')),
    ).toEqual(['李明', '赵强', '孙悦'])
  })
})

describe('compact risk light', () => {
  it('names yellow and red without the prefix; green is the lamp alone', async () => {
    const { wrapper } = await mountWith(RiskBadge, { props: { risk: RED, compact: true } })
    expect(wrapper.get('[data-testid="risk-badge"]').text()).toBe('红灯')
    await wrapper.setProps({ risk: GREEN })
    expect(wrapper.get('[data-testid="risk-badge"]').text()).toBe('')
    expect(wrapper.get('[data-testid="risk-badge"]').attributes('aria-label')).toBe('风险 · 绿灯')
  })
})

describe('阶段分析', () => {
  const dwell = (stage: Stage, over: Partial<StageDwell> = {}): StageDwell => ({
    stage,
    entered: 0,
    advanced: 0,
    lost: 0,
    back: 0,
    stillThere: 0,
    conversion: null,
    medianDays: null,
    averageDays: null,
    ...over,
  })
  const STATS: StageStats = {
    stages: [
      dwell('initiation', { entered: 10, advanced: 9, stillThere: 1, conversion: 1, medianDays: 3, averageDays: 4.25 }),
      dwell('needs', {
        entered: 9,
        advanced: 6,
        lost: 1,
        back: 0,
        stillThere: 2,
        conversion: 6 / 7,
        medianDays: 12.5,
        averageDays: 14,
      }),
      dwell('solution', { entered: 6, stillThere: 6 }),
    ],
    cycle: { won: 2, medianDays: 61, averageDays: 73.5 },
    byOwner: [{ key: '李明', won: 2, lost: 1, rate: 2 / 3 }],
    byIndustry: [],
    byGrade: [
      { key: 'A', won: 1, lost: 0, rate: 1 },
      { key: '', won: 1, lost: 1, rate: 0.5 },
    ],
    bySource: [],
    byCompetitor: [],
    lostByMonth: [
      { month: '2026-10', reason: 'price', count: 2, amount: 300000 },
      { month: '2026-11', reason: 'price', count: 1, amount: 100000 },
      { month: '2026-11', reason: null, count: 1, amount: 50000 },
    ],
  }

  it('lost reasons month by month: a stacked bar per month, a series per reason, the amount in the tooltip', () => {
    const option = buildLostMonthsOption(
      STATS.lostByMonth,
      (r) => r ?? '<未填写>',
      (n, v) => `${n} 个，${v / 10000} 万元`,
    )
    expect(option.xAxis.data).toEqual(['2026-10', '2026-11'])
    // A month without a lost deal keeps its place.
    const gap = buildLostMonthsOption(
      [STATS.lostByMonth[0], { ...STATS.lostByMonth[1], month: '2026-12' }],
      (r) => r ?? '',
      (n) => String(n),
    )
    expect(gap.xAxis.data).toEqual(['2026-10', '2026-11', '2026-12'])
    expect(gap.series[0].data).toEqual([2, 0, 1])
    expect(option.series.map((s) => [s.id, s.stack, s.data])).toEqual([
      ['price', 'lost', [2, 1]],
      ['none', 'lost', [0, 1]],
    ])
    const tip = option.tooltip.formatter([{ dataIndex: 1 }, { dataIndex: 1 }])
    expect(tip).toContain('1 个，10 万元')
    expect(tip).toContain('&lt;未填写&gt;')
    expect(option.tooltip.formatter([{ dataIndex: 0 }, { dataIndex: 0 }])).not.toContain('未填写')
  })

  it('rates and days read as people write them; the chart draws the median and mean, nothing where none ended', () => {
    expect(percent(6 / 7)).toBe('85.7%')
    expect(percent(null)).toBe('—')
    expect(winText({ key: '李明', won: 2, lost: 1, rate: 2 / 3 })).toBe('2 / 3（66.7%）')
    const words = {
      stage: (s: Stage) => s,
      median: '中位天数',
      mean: '平均天数',
      days: (n: number) => `${n} 天`,
      none: '—',
    }
    expect(daysText(14.04, words)).toBe('14 天')
    expect(daysText(null, words)).toBe('—')
    const option = buildDwellOption(STATS.stages, words)
    expect(option.series.map((s) => s.data)).toEqual([
      [3, 12.5, null],
      [4.3, 14, null],
    ])
    const tip = option.tooltip.formatter([{ dataIndex: 1 }])
    expect(tip).toContain('needs')
    expect(tip).toContain('12.5 天')
  })

  it('shows the stages, the cycle and the win rates under the page filters', async () => {
    api.stageStats.mockResolvedValue(STATS)
    const { wrapper } = await openPipeline('stages')
    expect(api.stageStats).toHaveBeenCalledWith({ from: '', to: '', owners: [], grades: [] })
    expect(body().get('[data-testid="pipeline-stages-cycle"]').text()).toContain('中位 61 天，平均 73.5 天（2 个成交）')
    const table = body().get('[data-testid="pipeline-stages-table"]').text()
    expect(table).toContain('需求确认')
    expect(table).toContain('85.7%')
    expect(table).toContain('12.5 天')
    expect(body().get('[data-testid="pipeline-stages-rates"]').text()).toContain('2 / 3（66.7%）')
    await body().get('[data-testid="pipeline-stages-byGrade"]').trigger('click')
    await flushPromises()
    const grades = body().get('[data-testid="pipeline-stages-rates"]').text()
    expect(grades).toContain('A 类')
    expect(grades).toContain('未填写')
    expect(body().get('[data-testid="pipeline-stages-lost-chart"]').text()).toContain('price:[2,1]|none:[0,1]')

    ownerSelect(wrapper).vm.$emit('update:modelValue', ['李明'])
    await flushPromises()
    expect(api.stageStats).toHaveBeenLastCalledWith({ from: '', to: '', owners: ['李明'], grades: [] })
  })

  it('an empty history says so', async () => {
    api.stageStats.mockResolvedValue({ ...STATS, stages: STATS.stages.map((s) => dwell(s.stage)) })
    await openPipeline('stages')
    expect(body().find('[data-testid="pipeline-stages-table"]').exists()).toBe(false)
    expect(body().get('[data-testid="pipeline-stages"]').text()).not.toBe('')
  })
})
