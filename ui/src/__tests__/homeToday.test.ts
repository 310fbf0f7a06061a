// 今日 on the home page with home_data mocked: the four cards (overdue with how late, due today,
// red customers with their reasons on hover, deals closing this month with the month's totals),
// "showing n of N" when the core cut a list, the empty states, ticking an action done (written,
// then the cards reload), the page's owner filter sent to the core, and a failure shown in place.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DOMWrapper, flushPromises } from '@vue/test-utils'
import { ElSelect } from 'element-plus'
import type { CustomerRisk, HomeData, NextAction, OpportunityRow } from '../bindings'
import { coreError, makeRouter, mountWith, settingsFixture } from './helpers'
import { expectErrorToast } from './setup'

const api = await vi.hoisted(() => import('./apiMock').then((m) => m.apiMock()))
vi.mock('../api', () => ({ api }))

import HomeView from '../features/home/HomeView.vue'

vi.setConfig({ testTimeout: 30000 })
// The feed, the portfolio chart, the repurchase card and the 业绩 card have their own tests
// (trendsUi, repurchase, results).
const stubs = { SignalFeed: true, PortfolioPanel: true, TodayRepurchase: true, TodayResults: true }

function action(id: number, what: string, dueDate: string, over: Partial<NextAction> = {}): NextAction {
  return {
    id,
    customerId: 1,
    customerName: '华东精密',
    visitId: 4,
    opportunityId: null,
    opportunityName: '',
    what,
    owner: '李明',
    dueDate,
    status: 'todo',
    overdue: dueDate < '2026-11-23',
    doneOn: '',
    createdAt: '2026-11-01 10:00:00',
    ...over,
  }
}

const red: CustomerRisk = {
  customerId: 1,
  customerName: '华东精密',
  owner: '李明',
  grade: 'A',
  risk: {
    level: 'red',
    reasons: [
      {
        rule: 'quote_idle',
        level: 'red',
        opportunityId: 3,
        opportunityName: 'MES 二期',
        days: 6,
        count: 1,
        since: '2026-11-17',
        yellowDays: null,
        redDays: 5,
        signal: '',
        stage: null,
        installment: null,
        amount: null,
        milestone: '',
        months: null,
      },
      {
        rule: 'overdue_action',
        level: 'red',
        opportunityId: null,
        opportunityName: '',
        days: null,
        count: 1,
        since: '2026-11-20',
        yellowDays: null,
        redDays: null,
        signal: '',
        stage: null,
        installment: null,
        amount: null,
        milestone: '',
        months: null,
      },
    ],
  },
}

const deal: OpportunityRow = {
  risk: { level: 'green', reasons: [] },
  id: 3,
  customerId: 2,
  customerName: '长江汽配',
  effectiveProbability: 40,
  weighted: 320_000,
  stageSince: '2026-11-01',
  createdAt: '',
  updatedAt: '',
  name: '焊装线改造',
  owner: '王芳',
  amount: 800_000,
  stage: 'solution',
  probability: null,
  expectedClose: '2026-11-28',
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
}

function home(over: Partial<HomeData> = {}): HomeData {
  return {
    today: '2026-11-23',
    dueToday: [action(11, '发送报价单', '2026-11-23')],
    dueTodayTotal: 1,
    overdue: [
      action(10, '约王总看样机', '2026-11-20', {
        customerId: 2,
        customerName: '长江汽配',
        owner: '王芳',
        opportunityName: '焊装线改造',
      }),
    ],
    overdueTotal: 25,
    redCustomers: [red],
    redTotal: 1,
    closing: [deal],
    closingTotal: 2,
    closingAmount: 1_300_000,
    closingWeighted: 620_000,
    wonOverdue: [],
    wonOverdueTotal: 0,
    ...over,
  }
}

const body = () => new DOMWrapper(document.body)

beforeEach(() => {
  vi.clearAllMocks()
  api.customerFacets.mockResolvedValue({ industries: [], owners: ['李明', '王芳'], dealOwners: [] })
  api.getSettings.mockResolvedValue(settingsFixture())
})
afterEach(() => {
  document.body.innerHTML = ''
})

async function mountHome() {
  const router = makeRouter()
  await router.push('/home')
  return mountWith(HomeView, { global: { stubs } }, router)
}

describe('今日', () => {
  it('lists overdue and due actions, red customers and this month’s deals, each linking to its customer', async () => {
    api.homeData.mockResolvedValue(home())
    const { wrapper } = await mountHome()
    expect(api.homeData).toHaveBeenCalledWith({ owners: [], limit: 20 })
    const today = wrapper.get('[data-testid="home-today"]')
    expect(today.text()).toContain('2026-11-23')

    const overdue = today.get('[data-testid="home-overdue"]')
    const late = overdue.get('[data-testid="home-action"]')
    expect(late.attributes('data-action-id')).toBe('10')
    expect(late.text()).toContain('约王总看样机')
    expect(late.text()).toContain('商机：焊装线改造')
    expect(late.text()).toContain('王芳')
    expect(late.get('[data-testid="home-action-late"]').text()).toBe('应于 2026-11-20 · 逾期 3 天')
    expect(late.get('a').attributes('href')).toBe('/customers/2?tab=visits')
    expect(overdue.get('[data-testid="home-count"]').text()).toBe('25')
    expect(overdue.get('[data-testid="home-more"]').text()).toBe('显示前 1 项，共 25 项')

    const due = today.get('[data-testid="home-due"]')
    expect(due.findAll('[data-testid="home-action"]').map((a) => a.attributes('data-action-id'))).toEqual(['11'])
    expect(due.find('[data-testid="home-action-late"]').exists()).toBe(false)
    expect(due.find('[data-testid="home-more"]').exists()).toBe(false)

    const customer = today.get('[data-testid="home-red"]').get('[data-testid="home-red-customer"]')
    expect(customer.attributes('data-customer-id')).toBe('1')
    expect(customer.text()).toContain('商机「MES 二期」报价后 6 天无动作')
    expect(customer.text()).toContain('2 条原因')
    expect(customer.get('a').attributes('href')).toBe('/customers/1')
    await customer.get('.red-row').trigger('mouseenter')
    await new Promise((r) => setTimeout(r, 300))
    expect(body().get('[data-testid="home-red-reasons"]').text()).toContain('1 项行动已逾期')

    const closing = today.get('[data-testid="home-closing"]')
    const item = closing.get('[data-testid="home-closing-item"]')
    expect(item.text()).toContain('焊装线改造')
    expect(item.text()).toContain('方案 · 40%')
    expect(item.text()).toContain('80 万元')
    expect(item.text()).toContain('加权 32 万元')
    expect(item.get('a').attributes('href')).toBe('/customers/2?tab=deals')
    expect(closing.get('[data-testid="home-closing-totals"]').text()).toBe(
      '共 2 个，金额 130 万元，加权 62 万元 · 显示前 1 项，共 2 项',
    )
    // The feed and the portfolio stay below.
    expect(wrapper.find('signal-feed-stub').exists()).toBe(true)
    wrapper.unmount()
  })

  it('explains each empty card', async () => {
    api.homeData.mockResolvedValue(
      home({
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
      }),
    )
    const { wrapper } = await mountHome()
    const text = (id: string) => wrapper.get(`[data-testid="${id}"] [data-testid="home-empty"]`).text()
    expect(text('home-overdue')).toBe('没有逾期的行动。')
    expect(text('home-due')).toContain('今天没有到期的行动')
    expect(text('home-red')).toContain('没有红灯客户')
    expect(text('home-closing')).toContain('本月没有预计成交的商机')
    expect(wrapper.find('[data-testid="home-closing-totals"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="home-action"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('ticking an action marks it 已完成 and reloads the cards', async () => {
    api.homeData.mockResolvedValueOnce(home())
    api.setActionStatus.mockResolvedValue({ ...action(10, '约王总看样机', '2026-11-20'), status: 'done' })
    const { wrapper } = await mountHome()
    api.homeData.mockResolvedValueOnce(home({ overdue: [], overdueTotal: 24, redCustomers: [], redTotal: 0 }))
    await wrapper.get('[data-testid="home-overdue"] [data-testid="home-action-done"] input').setValue(true)
    await flushPromises()
    expect(api.setActionStatus).toHaveBeenCalledWith(10, 'done')
    expect(api.homeData).toHaveBeenCalledTimes(2)
    expect(wrapper.get('[data-testid="home-overdue"] [data-testid="home-count"]').text()).toBe('24')
    expect(wrapper.find('[data-testid="home-red-customer"]').exists()).toBe(false)
    expect(document.body.textContent).toContain('已完成：约王总看样机')
    wrapper.unmount()
  })

  it('a refused status change is shown and the action stays', async () => {
    api.homeData.mockResolvedValue(home())
    api.setActionStatus.mockRejectedValue(coreError({ type: 'notFound', data: { entity: 'next_action', id: 10 } }))
    expectErrorToast('记录不存在')
    const { wrapper } = await mountHome()
    await wrapper.get('[data-testid="home-overdue"] [data-testid="home-action-done"] input').setValue(true)
    await flushPromises()
    expect(api.homeData).toHaveBeenCalledTimes(1)
    expect(wrapper.find('[data-testid="home-overdue"] [data-testid="home-action"]').exists()).toBe(true)
    expect(document.body.querySelector('.el-message--error')).not.toBeNull()
    wrapper.unmount()
  })

  it('follows the page’s owner filter', async () => {
    api.homeData.mockResolvedValue(home())
    const { wrapper } = await mountHome()
    const owner = wrapper.findAllComponents(ElSelect).find((s) => s.attributes('data-testid') === 'home-filter-owner')!
    owner.vm.$emit('update:modelValue', ['王芳'])
    await flushPromises()
    expect(api.homeData).toHaveBeenLastCalledWith({ owners: ['王芳'], limit: 20 })
    expect(wrapper.get('[data-testid="home-today-owners"]').text()).toBe('负责人：王芳')
    wrapper.unmount()
  })

  it('starts on the owners set as 「我的负责人姓名」 in 设置 (my actions), without loading everyone’s first; cleared, it shows everyone’s', async () => {
    const settings = settingsFixture()
    api.getSettings.mockResolvedValue({ ...settings, notify: { ...settings.notify, owners: ['王芳', '新同事'] } })
    api.homeData.mockResolvedValue(home())
    const { wrapper } = await mountHome()
    await flushPromises()
    expect(api.homeData.mock.calls.map((c) => c[0].owners)).toEqual([['王芳', '新同事']])
    const owner = wrapper.findAllComponents(ElSelect).find((s) => s.attributes('data-testid') === 'home-filter-owner')!
    expect(owner.props('modelValue')).toEqual(['王芳', '新同事'])
    // A name that owns no customer yet is still offered, so it can be unticked.
    await owner.trigger('click')
    expect(
      body()
        .findAll('.el-select-dropdown__item')
        .map((o) => o.text()),
    ).toEqual(expect.arrayContaining(['李明', '王芳', '新同事']))
    owner.vm.$emit('update:modelValue', [])
    await flushPromises()
    expect(api.homeData).toHaveBeenLastCalledWith({ owners: [], limit: 20 })
    wrapper.unmount()
  })

  it('a failed load is shown in place with a retry', async () => {
    api.homeData.mockRejectedValueOnce(coreError({ type: 'database', data: { detail: 'disk I/O error' } }))
    // useLatest (composables/latest.ts) also says it in a toast.
    expectErrorToast('disk I/O error')
    const { wrapper } = await mountHome()
    const error = wrapper.get('[data-testid="home-today-error"]')
    expect(error.text()).toContain('disk I/O error')
    api.homeData.mockResolvedValue(home())
    await error.get('button').trigger('click')
    await flushPromises()
    expect(wrapper.find('[data-testid="home-today-error"]').exists()).toBe(false)
    expect(wrapper.findAll('[data-testid="home-action"]')).toHaveLength(2)
    wrapper.unmount()
  })
})
