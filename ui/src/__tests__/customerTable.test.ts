import { describe, expect, it, vi } from 'vitest'
import { h, nextTick, reactive } from 'vue'
import type { CustomerRow, RiskLight } from '../bindings'
import { mountWith } from './helpers'
import CustomerTable from '../features/customers/CustomerTable.vue'
import CustomerRows from '../features/customers/CustomerRows.vue'
import { DEFAULT_ORDER, nextOrder, type ListOrder } from '../features/customers/listOrder'

const LONG = '华东精密机械制造集团股份有限公司苏州工业园区第二分公司（精密零部件事业部）'
const row = (id: number, name: string, extra: Partial<CustomerRow> = {}): CustomerRow => ({
  id,
  name,
  shortName: '',
  grade: 'B',
  lifecycle: 'existing',
  industry: '机械制造',
  region: '苏州',
  owner: '李明',
  completeness: 40,
  contactCount: 1,
  updatedAt: '2025-03-01 10:00:00',
  powerStatus: 'unknown',
  ...extra,
})
const ROWS = [row(1, LONG, { shortName: '华东精密', grade: 'A' }), row(2, '北方化工集团')]

async function mountTable(
  props: Partial<{
    rows: CustomerRow[]
    order: ListOrder
    loading: boolean
    risks: Map<number, RiskLight> | null
  }> = {},
) {
  const order = reactive<ListOrder>({ ...DEFAULT_ORDER, ...props.order })
  const { wrapper, router } = await mountWith(CustomerTable, {
    props: { rows: ROWS, risks: null, loading: false, ...props, order },
    slots: { empty: () => h('p', { 'data-testid': 'empty' }, '没有客户') },
  })
  return { wrapper, router, order }
}
const sortButtons = (w: Awaited<ReturnType<typeof mountTable>>['wrapper']) => w.findAll('th.is-sortable button')

describe('nextOrder (a click on a header)', () => {
  it('sorts another column ascending, then descending, then goes back to the default order', () => {
    expect(nextOrder(DEFAULT_ORDER, 'name')).toEqual({ sort: 'name', descending: false })
    expect(nextOrder({ sort: 'name', descending: false }, 'name')).toEqual({ sort: 'name', descending: true })
    expect(nextOrder({ sort: 'name', descending: true }, 'name')).toEqual(DEFAULT_ORDER)
    expect(nextOrder({ sort: 'name', descending: true }, 'grade')).toEqual({ sort: 'grade', descending: false })
  })

  it('turns the default column round, so that its click changes the order too', () => {
    expect(nextOrder(DEFAULT_ORDER, 'updated_at')).toEqual({ sort: 'updated_at', descending: false })
    expect(nextOrder({ sort: 'updated_at', descending: false }, 'updated_at')).toEqual(DEFAULT_ORDER)
  })
})

describe('CustomerTable', () => {
  it('is a table with a header for each column; the sortable ones are buttons, aria-sort on the sorted one', async () => {
    const { wrapper } = await mountTable()
    expect(wrapper.findAll('thead th').map((th) => th.text())).toEqual([
      '客户名称',
      '分级',
      '风险',
      '权力地图',
      '生命周期',
      '行业',
      '负责人',
      '完整度',
      '更新时间',
    ])
    expect(wrapper.findAll('thead th').every((th) => th.attributes('scope') === 'col')).toBe(true)
    const buttons = sortButtons(wrapper)
    expect(buttons.map((b) => b.text())).toEqual([
      '客户名称',
      '分级',
      '生命周期',
      '行业',
      '负责人',
      '完整度',
      '更新时间',
    ])
    expect(buttons.every((b) => b.element.tagName === 'BUTTON' && b.attributes('type') === 'button')).toBe(true)
    const sorted = wrapper.findAll('th[aria-sort]')
    expect(sorted.map((th) => [th.text(), th.attributes('aria-sort')])).toEqual([['更新时间', 'descending']])
    wrapper.unmount()
  })

  it('a header’s click emits the next order; the headers follow the order they are given', async () => {
    const { wrapper, order } = await mountTable()
    await sortButtons(wrapper)[3].trigger('click') // 行业
    expect(wrapper.emitted('sort')).toEqual([[{ sort: 'industry', descending: false }]])
    // The table does not sort by itself: its headers show the order the list asked for.
    expect(wrapper.get('th[aria-sort]').text()).toBe('更新时间')

    Object.assign(order, { sort: 'industry', descending: false })
    await nextTick()
    expect(wrapper.get('th[aria-sort]').text()).toBe('行业')
    expect(wrapper.get('th[aria-sort]').attributes('aria-sort')).toBe('ascending')
    expect(wrapper.get('th[aria-sort] button').classes()).toContain('ascending')
    await sortButtons(wrapper)[3].trigger('click')
    expect(wrapper.emitted('sort')![1]).toEqual([{ sort: 'industry', descending: true }])
    wrapper.unmount()
  })

  it('a new order redraws the headers only, not the rows', async () => {
    const { wrapper, order } = await mountTable()
    const rows = wrapper.getComponent(CustomerRows)
    const drawn = rows.vm.$.subTree
    order.sort = 'name'
    await nextTick()
    expect(wrapper.get('th[aria-sort]').text()).toBe('客户名称')
    expect(rows.vm.$.subTree).toBe(drawn)
    wrapper.unmount()
  })

  it('a new page or order fills the rows already drawn rather than building them again', async () => {
    const { wrapper } = await mountTable()
    const drawn = wrapper.findAll('.customer-row').map((r) => r.element)
    await wrapper.setProps({ rows: [row(7, '南方电气'), row(8, '西部物流')] })
    const rows = wrapper.findAll('.customer-row')
    expect(rows.map((r) => r.get('.name').text())).toEqual(['南方电气', '西部物流'])
    expect(rows.map((r) => r.element)).toEqual(drawn)
    await rows[0].trigger('click')
    expect((wrapper.emitted('open')![0][0] as CustomerRow).id).toBe(7)
    wrapper.unmount()
  })

  it('the keyboard reaches each sort button and each customer’s link', async () => {
    const { wrapper, router } = await mountTable()
    const button = sortButtons(wrapper)[0].element as HTMLButtonElement
    button.focus()
    expect(document.activeElement).toBe(button)
    expect(button.tabIndex).toBe(0)
    const link = wrapper.findAll('.customer-row a')[1]
    expect(link.attributes('href')).toBe(router.resolve({ name: 'customer', params: { id: 2 } }).href)
    ;(link.element as HTMLAnchorElement).focus()
    expect(document.activeElement).toBe(link.element)
    wrapper.unmount()
  })

  it('a click on a row emits open with its customer; the link opens it alone', async () => {
    const { wrapper, router } = await mountTable()
    const push = vi.spyOn(router, 'push').mockResolvedValue(undefined)
    await wrapper.findAll('.customer-row')[1].trigger('click')
    expect(wrapper.emitted('open')).toEqual([[ROWS[1]]])
    await wrapper.findAll('.customer-row a')[0].trigger('click')
    expect(push).toHaveBeenCalledWith({ name: 'customer', params: { id: 1 } })
    expect(wrapper.emitted('open')).toHaveLength(1)
    wrapper.unmount()
  })

  it('a long name is clipped with an ellipsis, the whole name as its title', async () => {
    const { wrapper } = await mountTable()
    const first = wrapper.findAll('.customer-row')[0]
    expect(first.get('.name').text()).toBe(LONG)
    expect(first.get('a').classes()).toContain('clip')
    expect(first.get('a').attributes('title')).toBe(LONG)
    expect(first.get('.short').attributes('title')).toBe('华东精密')
    expect(wrapper.findAll('.customer-row')[1].find('.short').exists()).toBe(false)
    wrapper.unmount()
  })

  it('shows the lights once given, a row missing green', async () => {
    const red: RiskLight = { level: 'red', reasons: [] }
    const { wrapper } = await mountTable()
    expect(wrapper.find('[data-testid="list-risk"]').exists()).toBe(false)
    await wrapper.setProps({ risks: new Map([[1, red]]) })
    expect(wrapper.findAll('[data-testid="list-risk"]').map((c) => c.attributes('data-level'))).toEqual([
      'red',
      'green',
    ])
    wrapper.unmount()
  })

  it('without rows shows the empty slot under the headers; loading masks the rows', async () => {
    const { wrapper } = await mountTable({ rows: [] })
    expect(wrapper.findAll('.customer-row')).toHaveLength(0)
    expect(wrapper.get('[data-testid="empty"]').text()).toBe('没有客户')
    expect(wrapper.findAll('thead th')).toHaveLength(9)
    expect(wrapper.find('.el-loading-mask').exists()).toBe(false)
    await wrapper.setProps({ rows: ROWS, loading: true })
    await nextTick()
    expect(wrapper.find('[data-testid="empty"]').exists()).toBe(false)
    expect(wrapper.find('.customer-table .el-loading-mask').exists()).toBe(true)
    wrapper.unmount()
  })
})
