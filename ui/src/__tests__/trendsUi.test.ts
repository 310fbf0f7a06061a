// The purchase trends' screens with the IPC mocked: the records grid (returns, other
// currencies, future months, the core's refusal under the field it names, delete after
// confirmation), the tab (a signal click shows only its product, the route's ?product=), the
// home feed (the core's order kept, filters sent, a click opens the customer's trends) and the
// trend thresholds in 设置. The ECharts canvas is stubbed (happy-dom has none); the option it
// would draw is checked instead.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { ElDatePicker, ElInputNumber, ElMessageBox, ElRadioGroup, ElSelect } from 'element-plus'
import type { HomeData, Purchase, SignalFeed as Feed, TrendData, TrendSignal } from '../bindings'
import { coreError, makeRouter, mockBackupCard, mountWith, settingsFixture } from './helpers'

const api = await vi.hoisted(() => import('./apiMock').then((m) => m.apiMock()))
vi.mock('../api', () => ({ api }))
api.logFolder.mockResolvedValue('')

import PurchaseGrid from '../features/trends/PurchaseGrid.vue'
import TrendsTab from '../features/trends/TrendsTab.vue'
import TrendControls from '../features/trends/TrendControls.vue'
import HomeView from '../features/home/HomeView.vue'
import SettingsView from '../features/settings/SettingsView.vue'
import type { ChartSeries, TrendView } from '../features/trends/options'

vi.setConfig({ testTimeout: 30000 })

/** Stands in for the chart card: shows the series names it was asked to draw. */
const ChartStub = defineComponent({
  props: { option: { type: Object, default: () => ({}) }, title: String },
  setup: (p) => () =>
    h('div', { class: 'chart-stub' }, ((p.option.series ?? []) as ChartSeries[]).map((s) => s.id).join('|')),
})
const stubs = { ChartCard: ChartStub, TodayResults: true }

function purchase(id: number, over: Partial<Purchase> = {}): Purchase {
  return {
    id,
    customerId: 1,
    future: false,
    month: '2026-05',
    day: '',
    product: '伺服电机',
    category: '驱动',
    quantity: 10,
    amount: 120_000,
    currency: 'CNY',
    ...over,
  }
}

function sig(
  customerId: number,
  customerName: string,
  product: string,
  kind: TrendSignal['kind'],
  text: string,
): TrendSignal {
  return {
    customerId,
    customerName,
    kind,
    severity: kind === 'decline' ? 'high' : 'low',
    product,
    category: '',
    metric: null,
    months: ['2026-05'],
    values: [1],
    baselineMonths: [],
    from: 0,
    to: 0,
    changePct: null,
    impact: 0,
    text,
  }
}

function trendData(): TrendData {
  const s = (name: string, amount: number[]) => ({
    name,
    category: '',
    amount,
    quantity: amount,
    previousAmount: amount,
    previousQuantity: amount,
    totalAmount: 0,
    totalQuantity: 0,
    records: 1,
  })
  return {
    customerId: 1,
    customerName: '华东精密',
    months: ['2026-04', '2026-05'],
    previousMonths: ['2025-04', '2025-05'],
    products: [s('伺服电机', [700_000, 520_000]), s('变频器', [300_000, 310_000])],
    categories: [s('驱动', [1_000_000, 830_000])],
    total: s('', [1_000_000, 830_000]),
    categoryShares: [{ category: '驱动', sharePct: [100, 100] }],
    signals: [sig(1, '华东精密', '伺服电机', 'decline', '伺服电机 连续 3 个月下降：120 → 95 → 70 → 52 万元')],
    evaluatedMonth: '2026-05',
    otherCurrencies: [{ currency: 'USD', records: 2, amount: 3000 }],
    returnRecords: 1,
    futureRecords: 1,
  }
}

/** 今日 with nothing due, red or closing (the home page's other panel). */
const emptyHome: HomeData = {
  today: '2026-11-23',
  dueToday: [],
  dueTodayTotal: 0,
  overdue: [],
  overdueTotal: 0,
  redCustomers: [],
  redTotal: 0,
  closing: [],
  closingTotal: 0,
  closingAmount: 0,
  closingWeighted: 0,
  wonOverdue: [],
  wonOverdueTotal: 0,
}

beforeEach(() => {
  vi.clearAllMocks()
  api.listPurchases.mockResolvedValue({
    rows: [
      purchase(1),
      purchase(2, { product: '变频器', quantity: -2, amount: -24_000 }),
      purchase(3, { currency: 'USD', amount: 1_500 }),
      purchase(4, { month: '2027-01', future: true }),
    ],
    total: 4,
  })
  api.trendData.mockResolvedValue(trendData())
  api.customerFacets.mockResolvedValue({ industries: [], owners: ['李明', '王芳'], dealOwners: [] })
  api.portfolioTrend.mockResolvedValue({
    months: ['2026-05'],
    total: [1],
    previousTotal: [1],
    movers: [],
    otherCurrencyRecords: 0,
  })
})
afterEach(() => {
  document.body.innerHTML = ''
})

const rows = (w: VueWrapper) => w.findAll('.purchase-row')

describe('purchase records grid', () => {
  it('shows returns, other currencies (left out of totals) and future months', async () => {
    const { wrapper } = await mountWith(PurchaseGrid, {
      props: { customerId: 1, product: null, products: [], categories: [] },
    })
    expect(api.listPurchases).toHaveBeenCalledWith(1, { product: '', from: '', to: '', offset: 0, limit: 20 })
    const r = rows(wrapper)
    expect(r).toHaveLength(4)
    expect(r[0].text()).toContain('120,000')
    expect(r[0].find('[data-testid="purchase-return"]').exists()).toBe(false)
    expect(r[1].get('[data-testid="purchase-return"]').text()).toBe('退货')
    expect(r[1].text()).toContain('-24,000')
    expect(r[2].text()).toContain('USD 1,500')
    expect(r[2].text()).toContain('不计入合计')
    expect(r[3].text()).toContain('未来月份')
    wrapper.unmount()
  })

  it('a refused record shows the core’s reason under the field it names and stays open; once saved the row closes and the grid reloads', async () => {
    const { wrapper } = await mountWith(PurchaseGrid, {
      props: { customerId: 1, product: null, products: ['伺服电机'], categories: [] },
    })
    await wrapper.get('[data-testid="purchase-add"]').trigger('click')
    await flushPromises()
    expect(rows(wrapper)).toHaveLength(5)
    await wrapper.get('[data-testid="purchase-product"] input').setValue('伺服电机')
    api.addPurchase.mockRejectedValueOnce(
      coreError({
        type: 'validation',
        data: { field: 'amount', reason: 'required', detail: { kind: 'none' } },
      }),
    )
    await wrapper.get('[data-testid="purchase-save"]').trigger('click')
    await flushPromises()
    expect(wrapper.get('[data-testid="purchase-error-amount"]').text()).toBe('金额或数量至少填一项')
    expect(wrapper.find('[data-testid="purchase-error-product"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="purchase-amount"]').classes()).toContain('is-invalid')
    expect(wrapper.get('[data-testid="purchase-product"]').classes()).not.toContain('is-invalid')
    expect(api.addPurchase.mock.calls[0][1]).toMatchObject({
      product: '伺服电机',
      amount: null,
      quantity: null,
      currency: 'CNY',
      day: '',
    })

    api.addPurchase.mockResolvedValueOnce(purchase(9))
    wrapper.get('[data-testid="purchase-amount"]').findComponent(ElInputNumber).vm.$emit('update:modelValue', 50_000)
    await flushPromises()
    await wrapper.get('[data-testid="purchase-save"]').trigger('click')
    await flushPromises()
    expect(api.addPurchase.mock.calls[1][1]).toMatchObject({ amount: 50_000 })
    expect(wrapper.find('[data-testid="purchase-save"]').exists()).toBe(false)
    expect(api.listPurchases).toHaveBeenCalledTimes(2)
    expect(wrapper.emitted('changed')).toHaveLength(1)
    wrapper.unmount()
  })

  it('a day outside the month is refused on the day field when editing', async () => {
    const { wrapper } = await mountWith(PurchaseGrid, {
      props: { customerId: 1, product: null, products: [], categories: [] },
    })
    await rows(wrapper)[0].get('[data-testid="purchase-edit"]').trigger('click')
    await flushPromises()
    api.updatePurchase.mockRejectedValueOnce(
      coreError({
        type: 'validation',
        data: { field: 'day', reason: 'invalid_date', detail: { kind: 'text', text: '2026-05' } },
      }),
    )
    await wrapper.get('[data-testid="purchase-save"]').trigger('click')
    await flushPromises()
    expect(api.updatePurchase).toHaveBeenCalledWith(
      1,
      expect.objectContaining({ month: '2026-05', product: '伺服电机', amount: 120_000 }),
    )
    expect(wrapper.get('[data-testid="purchase-error-day"]').text()).toContain('2026-05')
    expect(wrapper.emitted('changed')).toBeUndefined()
    wrapper.unmount()
  })

  it('deletes only after the confirmation, then reloads', async () => {
    const confirm = vi.spyOn(ElMessageBox, 'confirm').mockRejectedValueOnce('cancel')
    const { wrapper } = await mountWith(PurchaseGrid, {
      props: { customerId: 1, product: null, products: [], categories: [] },
    })
    await rows(wrapper)[1].get('[data-testid="purchase-delete"]').trigger('click')
    await flushPromises()
    expect(confirm).toHaveBeenCalledTimes(1)
    expect(String(confirm.mock.calls[0][0])).toContain('变频器')
    expect(api.deletePurchase).not.toHaveBeenCalled()

    confirm.mockResolvedValueOnce('confirm' as never)
    api.deletePurchase.mockResolvedValue(null)
    await rows(wrapper)[1].get('[data-testid="purchase-delete"]').trigger('click')
    await flushPromises()
    expect(api.deletePurchase).toHaveBeenCalledWith(2)
    expect(wrapper.emitted('changed')).toHaveLength(1)
    wrapper.unmount()
  })
})

describe('采购趋势 tab', () => {
  it('lists the signals and notes; a signal click shows only its product and filters the grid', async () => {
    const router = makeRouter()
    await router.push('/customers/1?tab=trends')
    const { wrapper } = await mountWith(
      TrendsTab,
      { props: { customerId: 1, customerName: '华东精密' }, global: { stubs } },
      router,
    )
    expect(api.trendData).toHaveBeenCalledWith(1, { kind: 'last', months: 12 })
    expect(wrapper.get('.chart-stub').text()).toBe('cur:伺服电机|cur:变频器')
    expect(wrapper.get('[data-testid="trends-note-currency"]').text()).toContain(
      '2 条外币记录未计入金额合计（USD 3,000）',
    )
    expect(wrapper.get('[data-testid="trends-note-future"]').text()).toContain('1 条记录的月份晚于本月')
    const entries = wrapper.findAll('[data-testid="trend-signal"]')
    expect(entries).toHaveLength(1)
    expect(entries[0].text()).toContain('重要')
    expect(entries[0].text()).toContain('伺服电机 连续 3 个月下降：120 → 95 → 70 → 52 万元')

    await entries[0].trigger('click')
    await flushPromises()
    expect(wrapper.get('.chart-stub').text()).toBe('cur:伺服电机')
    await vi.waitFor(() => expect(router.currentRoute.value.query).toEqual({ tab: 'trends', product: '伺服电机' }))
    expect(api.listPurchases).toHaveBeenLastCalledWith(1, expect.objectContaining({ product: '伺服电机' }))

    await wrapper.get('[data-testid="trend-signal"]').trigger('click') // again: everything
    await flushPromises()
    expect(wrapper.get('.chart-stub').text()).toBe('cur:伺服电机|cur:变频器')
    wrapper.unmount()
  })

  it('opened again, draws its chart and records at once with the answers it had, and asks again', async () => {
    const open = () => mountWith(TrendsTab, { props: { customerId: 1, customerName: '华东精密' }, global: { stubs } })
    const first = (await open()).wrapper
    expect(rows(first)).toHaveLength(4)
    first.unmount()

    // The answers of the second opening never come: what it draws is what it had.
    api.trendData.mockReturnValue(new Promise(() => {}))
    api.listPurchases.mockReturnValue(new Promise(() => {}))
    const { wrapper } = await open()
    expect(api.trendData).toHaveBeenCalledTimes(2)
    expect(api.listPurchases).toHaveBeenCalledTimes(2)
    expect(wrapper.get('.chart-stub').text()).toBe('cur:伺服电机|cur:变频器')
    expect(rows(wrapper)).toHaveLength(4)
    expect(wrapper.find('.el-loading-mask').exists()).toBe(false)
    wrapper.unmount()
  })

  it('builds the category shares (below the fold) once its first frame is painted', async () => {
    api.trendData.mockResolvedValue({
      ...trendData(),
      categoryShares: [
        { category: '驱动', sharePct: [60, 70] },
        { category: '控制', sharePct: [40, 30] },
      ],
    })
    const frames: FrameRequestCallback[] = []
    const raf = vi.spyOn(window, 'requestAnimationFrame').mockImplementation((f) => frames.push(f))
    const { wrapper } = await mountWith(TrendsTab, {
      props: { customerId: 1, customerName: '华东精密' },
      global: { stubs },
    })
    const charts = () => wrapper.findAll('.chart-stub').length
    expect(charts()).toBe(1)
    frames.splice(0).forEach((f) => f(performance.now()))
    await vi.waitFor(() => expect(charts()).toBe(2))
    raf.mockRestore()
    wrapper.unmount()
  })

  it('with no records at all, explains how to get some', async () => {
    api.trendData.mockResolvedValue({
      ...trendData(),
      products: [],
      categories: [],
      signals: [],
      categoryShares: [],
      otherCurrencies: [],
      futureRecords: 0,
    })
    api.listPurchases.mockResolvedValue({ rows: [], total: 0 })
    const { wrapper } = await mountWith(TrendsTab, {
      props: { customerId: 1, customerName: '华东精密' },
      global: { stubs },
    })
    expect(wrapper.get('[data-testid="trends-empty"]').text()).toContain('添加记录')
    expect(wrapper.find('.chart-stub').exists()).toBe(false)
    expect(wrapper.find('[data-testid="purchase-add"]').exists()).toBe(true)
    wrapper.unmount()
  })
})

describe('range switch', () => {
  it('sends 12/24/36 months or a custom span, and refuses a span the core cannot chart', async () => {
    const view: TrendView = { metric: 'amount', by: 'product', chart: 'line', yoy: false, focus: null }
    const { wrapper } = await mountWith(TrendControls, { props: { view, range: { kind: 'last', months: 12 } } })
    const range = wrapper.findAllComponents(ElRadioGroup).find((g) => g.attributes('data-testid') === 'trends-range')!
    range.vm.$emit('update:modelValue', 24)
    await flushPromises()
    expect(wrapper.emitted('update:range')).toEqual([[{ kind: 'last', months: 24 }]])
    range.vm.$emit('update:modelValue', 'custom')
    await flushPromises()
    const picker = wrapper.get('[data-testid="trends-range-custom"]').findComponent(ElDatePicker)
    picker.vm.$emit('update:modelValue', ['2024-03', '2026-05'])
    await flushPromises()
    expect(wrapper.emitted('update:range')!.at(-1)).toEqual([{ kind: 'custom', from: '2024-03', to: '2026-05' }])
    picker.vm.$emit('update:modelValue', ['2010-01', '2026-05'])
    await flushPromises()
    expect(wrapper.emitted('update:range')).toHaveLength(2)
    expect(document.body.textContent).toContain('时间范围最多 120 个月')
    wrapper.unmount()
  })
})

describe('home feed', () => {
  const feed = (): Feed => ({
    signals: [
      sig(3, '蓝海食品', '减速机', 'stopped', '减速机 已连续 3 个月未采购'),
      sig(1, '华东精密', '伺服电机', 'decline', '伺服电机 连续 3 个月下降'),
      sig(2, '长江汽配', '变频器', 'surge', '变频器 激增'),
    ],
    total: 3,
    evaluatedMonth: '2026-10',
  })

  it('keeps the core’s order, sends the filters, and opens the customer’s trends at the product', async () => {
    api.signalFeed.mockResolvedValue(feed())
    api.getSettings.mockResolvedValue(settingsFixture())
    api.homeData.mockResolvedValue(emptyHome)
    const router = makeRouter()
    await router.push('/home')
    // 今日's repurchase card calls the feed too (repurchase.test.ts).
    const { wrapper } = await mountWith(HomeView, { global: { stubs: { ...stubs, TodayRepurchase: true } } }, router)
    expect(api.signalFeed).toHaveBeenCalledWith({ grades: [], owners: [], kinds: [], offset: 0, limit: 20 })
    const entries = wrapper.findAll('[data-testid="home-signal"]')
    expect(entries.map((e) => e.attributes('data-product'))).toEqual(['减速机', '伺服电机', '变频器'])
    expect(entries[0].text()).toContain('蓝海食品')

    const selects = wrapper.findAllComponents(ElSelect)
    const bySel = (id: string) => selects.find((s) => s.attributes('data-testid') === id)!
    bySel('home-filter-grade').vm.$emit('update:modelValue', ['A'])
    await flushPromises()
    bySel('home-filter-owner').vm.$emit('update:modelValue', ['王芳'])
    await flushPromises()
    expect(api.signalFeed).toHaveBeenLastCalledWith({
      grades: ['A'],
      owners: ['王芳'],
      kinds: [],
      offset: 0,
      limit: 20,
    })
    expect(api.portfolioTrend).toHaveBeenLastCalledWith(expect.objectContaining({ grades: ['A'], owners: ['王芳'] }))

    await wrapper.findAll('[data-testid="home-signal"]')[1].trigger('click')
    await flushPromises()
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('customer'), { timeout: 10000 })
    expect(router.currentRoute.value.params.id).toBe('1')
    expect(router.currentRoute.value.query).toEqual({ tab: 'trends', product: '伺服电机' })
    wrapper.unmount()
  })
})

describe('trend thresholds in 设置', () => {
  const stored = settingsFixture()
  const input = (w: VueWrapper, key: string) =>
    w.findAllComponents(ElInputNumber).find((c) => c.attributes('data-testid') === `threshold-${key}`)!

  it('shows and saves the detectors’ thresholds; a refused one shows its reason under that field', async () => {
    api.getSettings.mockResolvedValue({ ...stored })
    mockBackupCard(api)
    api.saveSettings.mockImplementation(async (s) => s)
    const { wrapper } = await mountWith(SettingsView)
    expect(wrapper.text()).toContain('连续下降月数')
    expect(input(wrapper, 'declineMonths').props('modelValue')).toBe(3)
    expect(input(wrapper, 'surgePct').props('modelValue')).toBe(50)
    input(wrapper, 'declineMonths').vm.$emit('update:modelValue', 4)
    await flushPromises()
    await wrapper.get('[data-testid="settings-save"]').trigger('click')
    await flushPromises()
    expect(api.saveSettings).toHaveBeenCalledWith({ ...stored, declineMonths: 4 })

    api.saveSettings.mockRejectedValueOnce(
      coreError({
        type: 'validation',
        data: { field: 'yoyPct', reason: 'out_of_range', detail: { kind: 'text', text: '1–1000' } },
      }),
    )
    await wrapper.get('[data-testid="settings-save"]').trigger('click')
    await flushPromises()
    await new Promise((r) => setTimeout(r, 150)) // Element Plus shows a field's error after a short debounce
    expect(input(wrapper, 'yoyPct').element.closest('.el-form-item')!.textContent).toContain('超出范围 1–1000')
    expect(input(wrapper, 'surgePct').element.closest('.el-form-item')!.textContent).not.toContain('超出范围')
    wrapper.unmount()
  })
})
