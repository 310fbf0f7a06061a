// The offset pager in its two looks (small page buttons inside a panel; total + page size +
// pages under a full-height table) and the customer list, which pages through it: the offset
// and limit the list sends to the core come from the pager's events.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { ElSelect } from 'element-plus'
import type { CustomerQuery, CustomerRow } from '../bindings'
import { mountWith } from './helpers'

const api = await vi.hoisted(() => import('./apiMock').then((m) => m.apiMock()))
vi.mock('../api', () => ({ api }))

import OffsetPager from '../components/OffsetPager.vue'
import CustomerListView from '../features/customers/CustomerListView.vue'

const clickPage = async (w: VueWrapper, n: number) => {
  const li = w.findAll('.el-pager li').find((l) => l.text() === String(n))!
  await li.trigger('click')
  await flushPromises()
}

describe('OffsetPager', () => {
  it('inside a panel: hidden on a single page, otherwise page buttons only; a page is an offset', async () => {
    const { wrapper: one } = await mountWith(OffsetPager, { props: { total: 20, limit: 20, offset: 0 } })
    expect(one.find('[data-testid="offset-pager"]').exists()).toBe(false)
    one.unmount()

    const { wrapper } = await mountWith(OffsetPager, { props: { total: 45, limit: 20, offset: 20 } })
    const pager = wrapper.get('[data-testid="offset-pager"]')
    expect(pager.find('.el-pager li.is-active').text()).toBe('2')
    expect(pager.find('.el-pagination__total').exists()).toBe(false)
    expect(pager.find('[data-testid="offset-pager-size"]').exists()).toBe(false)
    await clickPage(wrapper, 3)
    expect(wrapper.emitted('update:offset')).toEqual([[40]])
    expect(wrapper.emitted('change')).toHaveLength(1)
    wrapper.unmount()
  })

  it('under a table: the total and the page size even on one page; a new size is a limit from the first page', async () => {
    const { wrapper } = await mountWith(OffsetPager, { props: { total: 5, limit: 50, offset: 0, table: true } })
    const pager = wrapper.get('[data-testid="offset-pager"]')
    expect(pager.get('.el-pagination__total').text()).toContain('5')
    const size = wrapper.getComponent(ElSelect)
    expect(size.find('input').attributes('aria-label')).toBe('每页条数')
    size.vm.$emit('update:modelValue', 20)
    await flushPromises()
    expect(wrapper.emitted('update:limit')).toEqual([[20]])
    expect(wrapper.emitted('update:offset')).toEqual([[0]])
    expect(wrapper.emitted('change')).toHaveLength(1)

    await wrapper.setProps({ total: 0 })
    expect(wrapper.find('[data-testid="offset-pager"]').exists()).toBe(false)
    wrapper.unmount()
  })
})

describe('customer list paging', () => {
  const row = (id: number): CustomerRow => ({
    id,
    name: `客户${id}`,
    shortName: '',
    grade: 'B',
    lifecycle: 'existing',
    industry: '化工',
    region: '',
    owner: '李明',
    completeness: 30,
    contactCount: 0,
    updatedAt: '2025-02-11 09:00:00',
    powerStatus: 'unknown',
  })
  const lastQuery = (): CustomerQuery => api.listCustomers.mock.calls.at(-1)![0]

  beforeEach(() => {
    vi.clearAllMocks()
    api.customerFacets.mockResolvedValue({ industries: [], owners: [], dealOwners: [] })
    api.customerRisks.mockResolvedValue({ evaluatedOn: '2026-11-23', customers: [], opportunities: [] })
    api.listCustomers.mockResolvedValue({ total: 120, rows: [row(1), row(2)] })
  })

  it('a page asks the core for its offset; a page size starts again from the first page', async () => {
    const { wrapper } = await mountWith(CustomerListView)
    expect(lastQuery()).toMatchObject({ offset: 0, limit: 50 })
    expect(wrapper.get('[data-testid="offset-pager"] .el-pagination__total').text()).toContain('120')

    await clickPage(wrapper, 3)
    expect(lastQuery()).toMatchObject({ offset: 100, limit: 50 })
    expect(wrapper.get('.el-pager li.is-active').text()).toBe('3')

    wrapper.get('[data-testid="offset-pager"]').findComponent(ElSelect).vm.$emit('update:modelValue', 20)
    await flushPromises()
    expect(lastQuery()).toMatchObject({ offset: 0, limit: 20 })
    expect(wrapper.get('.el-pager li.is-active').text()).toBe('1')
    wrapper.unmount()
  })
})
