import { beforeEach, describe, expect, it, vi } from 'vitest'
import { KeepAlive, defineComponent, h, ref } from 'vue'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import type { CustomerPage, CustomerQuery, PortfolioRisk } from '../bindings'
import { coreError, mountWith } from './helpers'
import { expectErrorToast } from './setup'

const api = await vi.hoisted(() => import('./apiMock').then((m) => m.apiMock()))
vi.mock('../api', () => ({ api }))

import CustomerListView from '../features/customers/CustomerListView.vue'

const page: CustomerPage = {
  total: 2,
  rows: [
    {
      id: 1,
      name: '华东精密机械有限公司',
      shortName: '华东精密',
      grade: 'A',
      lifecycle: 'negotiating',
      industry: '机械制造',
      region: '苏州',
      owner: '李明',
      completeness: 72,
      contactCount: 3,
      updatedAt: '2025-03-01 10:00:00',
      powerStatus: 'unknown',
    },
    {
      id: 2,
      name: '北方化工集团',
      shortName: '',
      grade: 'B',
      lifecycle: 'existing',
      industry: '化工',
      region: '天津',
      owner: '王芳',
      completeness: 30,
      contactCount: 1,
      updatedAt: '2025-02-11 09:00:00',
      powerStatus: 'unknown',
    },
  ],
}
const gradeSelect = (w: VueWrapper) => w.getComponent('[data-testid="filter-grade"]') as unknown as VueWrapper
const lastQuery = (): CustomerQuery => api.listCustomers.mock.calls.at(-1)![0]

beforeEach(() => {
  vi.clearAllMocks()
  api.customerFacets.mockResolvedValue({ industries: ['化工', '机械制造'], owners: ['李明', '王芳'], dealOwners: [] })
  api.customerRisks.mockResolvedValue({ evaluatedOn: '2026-11-23', customers: [], opportunities: [] })
})

describe('customer list', () => {
  it('renders the rows of the page with translated labels and the total', async () => {
    api.listCustomers.mockResolvedValue(page)
    const { wrapper } = await mountWith(CustomerListView)
    expect(lastQuery()).toMatchObject({
      sort: 'updated_at',
      descending: true,
      offset: 0,
      limit: 50,
      grades: [],
      text: '',
    })
    const text = wrapper.text()
    expect(text).toContain('华东精密机械有限公司')
    expect(text).toContain('北方化工集团')
    expect(text).toContain('谈判中')
    expect(text).toContain('老客户')
    expect(wrapper.get('[data-testid="list-total"]').text()).toBe('共 2 个客户')
    expect(wrapper.find('[data-testid="welcome"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('the grade filter and the sort go into CustomerQuery; a row opens its customer', async () => {
    api.listCustomers.mockResolvedValue(page)
    const { wrapper, router } = await mountWith(CustomerListView)
    const grade = gradeSelect(wrapper)
    grade.vm.$emit('update:modelValue', ['A', 'B'])
    await flushPromises()
    expect(lastQuery()).toMatchObject({ grades: ['A', 'B'], offset: 0 })

    const header = (n: number) => wrapper.findAll('th.is-sortable button')[n]
    await header(5).trigger('click') // 完整度
    await flushPromises()
    expect(lastQuery()).toMatchObject({ grades: ['A', 'B'], sort: 'completeness', descending: false, offset: 0 })
    expect(wrapper.get('th[aria-sort]').text()).toBe('完整度')

    await header(0).trigger('click') // 客户名称
    await header(0).trigger('click')
    await flushPromises()
    expect(lastQuery()).toMatchObject({ sort: 'name', descending: true })
    expect(wrapper.get('th[aria-sort]').attributes('aria-sort')).toBe('descending')

    // A click on a row opens its customer.
    const push = vi.spyOn(router, 'push')
    await wrapper.findAll('.customer-row')[1].trigger('click')
    expect(push).toHaveBeenCalledWith({ name: 'customer', params: { id: 2 } })
    wrapper.unmount()
  })

  it('the text box asks at once for a name that arrives whole, and once for letters typed in quick succession', async () => {
    vi.useFakeTimers()
    try {
      api.listCustomers.mockResolvedValue(page)
      const { wrapper } = await mountWith(CustomerListView)
      const box = wrapper.get('.f-text input')
      // A name from an input method: one input, asked without a pause.
      let calls = api.listCustomers.mock.calls.length
      await box.setValue('华东')
      await flushPromises()
      expect(api.listCustomers.mock.calls.length).toBe(calls + 1)
      expect(lastQuery().text).toBe('华东')

      // After a pause, letters typed 50 ms apart: the first at once, the rest as one query
      // once the typing stops.
      vi.advanceTimersByTime(200)
      calls = api.listCustomers.mock.calls.length
      for (const typed of ['h', 'hd', 'hdj', 'hdjm']) {
        await box.setValue(typed)
        vi.advanceTimersByTime(50)
        await flushPromises()
      }
      expect(api.listCustomers.mock.calls.length).toBe(calls + 1)
      expect(lastQuery().text).toBe('h')
      vi.advanceTimersByTime(50)
      await flushPromises()
      expect(api.listCustomers.mock.calls.length).toBe(calls + 2)
      expect(lastQuery().text).toBe('hdjm')
      wrapper.unmount()
    } finally {
      vi.useRealTimers()
    }
  })

  it('is kept while another page is shown: back on it, the rows stay and are asked for again', async () => {
    // App.vue keeps the page alive by this name.
    expect((CustomerListView as { name?: string }).name).toBe('CustomerListView')
    api.listCustomers.mockResolvedValue(page)
    const shown = ref(true)
    const Other = defineComponent({ render: () => h('p', 'other page') })
    const Host = defineComponent({
      setup: () => () => h(KeepAlive, null, [shown.value ? h(CustomerListView) : h(Other)]),
    })
    const { wrapper } = await mountWith(Host)
    await wrapper.get('.f-text input').setValue('华东')
    await new Promise((r) => setTimeout(r, 150))
    await flushPromises()
    const lists = api.listCustomers.mock.calls.length
    const risks = api.customerRisks.mock.calls.length
    const row = wrapper.get('.customer-row').element

    shown.value = false
    await flushPromises()
    expect(wrapper.find('.customer-row').exists()).toBe(false)
    shown.value = true
    await flushPromises()
    // The same page, its filter as it was, asked again with its lights; an unchanged answer
    // leaves the drawn rows as they are.
    expect((wrapper.get('.f-text input').element as HTMLInputElement).value).toBe('华东')
    expect(api.listCustomers.mock.calls.length).toBe(lists + 1)
    expect(lastQuery().text).toBe('华东')
    expect(api.customerRisks.mock.calls.length).toBe(risks + 1)
    expect(wrapper.get('.customer-row').element).toBe(row)

    // A change made meanwhile shows.
    shown.value = false
    await flushPromises()
    api.listCustomers.mockResolvedValue({ total: 1, rows: [{ ...page.rows[1], name: '北方化工（新名）' }] })
    shown.value = true
    await flushPromises()
    expect(wrapper.text()).toContain('北方化工（新名）')
    wrapper.unmount()
  })

  it('a filtered empty result offers to clear the filters', async () => {
    api.listCustomers.mockResolvedValue(page)
    const { wrapper } = await mountWith(CustomerListView)
    api.listCustomers.mockResolvedValue({ rows: [], total: 0 })
    gradeSelect(wrapper).vm.$emit('update:modelValue', ['D'])
    await flushPromises()
    expect(wrapper.find('[data-testid="welcome"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="list-empty"]').text()).toContain('没有符合筛选条件的客户')
    await wrapper.get('[data-testid="clear-filters"]').trigger('click')
    await flushPromises()
    expect(lastQuery().grades).toEqual([])
    wrapper.unmount()
  })

  it('an empty database shows the welcome panel; 载入示例数据 loads the sample data and shows the list', async () => {
    api.listCustomers.mockResolvedValue({ rows: [], total: 0 })
    api.loadSampleData.mockResolvedValue({
      customers: 2,
      contacts: 5,
      financialPeriods: 4,
      suppliers: 3,
      roleAssessments: 2,
      purchases: 0,
    })
    const { wrapper } = await mountWith(CustomerListView)
    const welcome = wrapper.get('[data-testid="welcome"]')
    expect(welcome.text()).toContain('欢迎使用大客户档案')
    expect(welcome.get('[data-testid="new-customer"]').text()).toBe('新建客户')
    const sample = welcome.get('[data-testid="load-sample"]')
    expect(sample.text()).toBe('载入示例数据')

    api.listCustomers.mockResolvedValue(page)
    await sample.trigger('click')
    await flushPromises()
    expect(api.loadSampleData).toHaveBeenCalledTimes(1)
    expect(wrapper.find('[data-testid="welcome"]').exists()).toBe(false)
    expect(wrapper.text()).toContain('华东精密机械有限公司')
    wrapper.unmount()
  })

  it('shows each row’s risk light from one customer_risks call for the page, reasons on hover', async () => {
    api.listCustomers.mockResolvedValue(page)
    const lights: PortfolioRisk = {
      evaluatedOn: '2026-11-23',
      customers: [
        {
          customerId: 1,
          customerName: '华东精密机械有限公司',
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
            ],
          },
        },
      ],
      opportunities: [],
    }
    api.customerRisks.mockResolvedValue(lights)
    const { wrapper } = await mountWith(CustomerListView)
    expect(api.customerRisks).toHaveBeenCalledTimes(1)
    expect(api.customerRisks).toHaveBeenCalledWith([1, 2])
    const cells = wrapper.findAll('[data-testid="list-risk"]')
    expect(cells.map((c) => c.attributes('data-level'))).toEqual(['red', 'green']) // not listed = green
    expect(cells[0].text()).toBe('红灯')
    await cells[0].get('[data-testid="risk-badge"]').trigger('mouseenter')
    await new Promise((r) => setTimeout(r, 300))
    expect(document.body.querySelector('[data-testid="risk-reasons"]')?.textContent).toContain('报价后 6 天无动作')

    // The next page asks for its own rows' lights.
    api.listCustomers.mockResolvedValue({ total: 60, rows: [{ ...page.rows[1], id: 51 }] })
    api.customerRisks.mockResolvedValue({ evaluatedOn: '2026-11-23', customers: [], opportunities: [] })
    gradeSelect(wrapper).vm.$emit('update:modelValue', ['B'])
    await flushPromises()
    expect(api.customerRisks).toHaveBeenLastCalledWith([51])
    expect(wrapper.findAll('[data-testid="list-risk"]').map((c) => c.attributes('data-level'))).toEqual(['green'])
    wrapper.unmount()
  })

  it('the rows show even when the lights cannot be evaluated', async () => {
    api.listCustomers.mockResolvedValue(page)
    api.customerRisks.mockRejectedValue(coreError({ type: 'database', data: { detail: 'locked' } }))
    expectErrorToast('locked')
    const { wrapper } = await mountWith(CustomerListView)
    expect(wrapper.text()).toContain('北方化工集团')
    expect(wrapper.find('[data-testid="list-risk"]').exists()).toBe(false)
    expect(document.body.querySelector('.el-message--error')?.textContent).toContain('locked')
    wrapper.unmount()
  })
})
