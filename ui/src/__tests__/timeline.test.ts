// The 时间线 tab with the IPC mocked: entries grouped under their local day (UTC change
// timestamps moved to local time), the kind filter sent to the core (an answer for an older
// filter dropped), 加载更多 asking for the next page and appending it, the empty states, and an
// entry opening the tab of its source on the customer page.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { ElDatePicker } from 'element-plus'
import type { TimelineEntry, TimelinePage } from '../bindings'
import { aVisit, makeRouter, mountWith, profile } from './helpers'
import { entryTarget, groupByDay, TIMELINE_PAGE_SIZE } from '../features/timeline/timeline'
import { localWhen } from '../lib/format'

const api = await vi.hoisted(() => import('./apiMock').then((m) => m.apiMock()))
vi.mock('../api', () => ({ api }))

import TimelineTab from '../features/timeline/TimelineTab.vue'
import CustomerView from '../features/customers/CustomerView.vue'

vi.setConfig({ testTimeout: 30000 })

function entry(kind: TimelineEntry['kind'], at: string, over: Partial<TimelineEntry> = {}): TimelineEntry {
  return {
    kind,
    at,
    refId: 1,
    opportunityId: null,
    title: '',
    detail: '',
    from: '',
    to: '',
    urgent: false,
    progress: null,
    salesActions: [],
    amount: null,
    ...over,
  }
}

const visit = entry('visit', '2026-11-20T14:30', {
  refId: 3,
  title: '确认二期需求',
  detail: '客户希望月底前看到方案',
  from: 'meeting',
  to: 'sent',
  urgent: true,
})
const action = entry('action', '2026-11-26', {
  refId: 11,
  title: '发送报价单',
  detail: '李明',
  from: '2026-11-26',
  to: 'todo',
})
const stage = entry('stage', '2026-11-20T02:00:00Z', {
  refId: 5,
  opportunityId: 5,
  title: 'MES',
  from: 'quote',
  to: 'negotiation',
})
const power = entry('power_map', '2026-11-19T03:00:00Z', { refId: 7, title: '王芳', detail: '', to: 'assessment' })
const section = entry('profile', '2026-11-18T03:00:00Z', { refId: 0, title: 'financials' })
const lifecycle = entry('profile', '2026-11-18T04:00:00Z', {
  refId: 7,
  opportunityId: 3,
  title: 'lifecycle',
  detail: 'deal_won',
  from: 'negotiating',
  to: 'won',
})

const page = (entries: TimelineEntry[], total = entries.length): TimelinePage => ({ entries, total })
const tz = process.env.TZ

beforeEach(() => {
  vi.clearAllMocks()
  process.env.TZ = 'Asia/Shanghai'
})
afterEach(() => {
  process.env.TZ = tz
  document.body.innerHTML = ''
})

describe('timeline rules', () => {
  it('puts a UTC change on its local day and time, a visit on its own date and time', () => {
    expect(localWhen('2026-11-20T20:30:00Z')).toEqual({ day: '2026-11-21', time: '04:30' })
    expect(localWhen('2026-11-20T14:30')).toEqual({ day: '2026-11-20', time: '14:30' })
    expect(localWhen('2026-11-26')).toEqual({ day: '2026-11-26', time: '' })
  })

  it('groups consecutive entries by local day, keeping the core’s order', () => {
    const late = entry('profile', '2026-11-19T17:00:00Z') // 2026-11-20 01:00 in Shanghai
    const groups = groupByDay([action, visit, stage, late, power])
    expect(groups.map((g) => [g.day, g.entries.length])).toEqual([
      ['2026-11-26', 1],
      ['2026-11-20', 3],
      ['2026-11-19', 1],
    ])
  })

  it('links each kind to where its source lives', () => {
    expect(entryTarget(visit)).toEqual({ tab: 'visits', visit: visit.refId })
    expect(entryTarget(action)).toEqual({ tab: 'visits' })
    expect(entryTarget({ ...action, opportunityId: 5 })).toEqual({ tab: 'visits', deal: 5 })
    expect(entryTarget(stage)).toEqual({ tab: 'deals' })
    expect(entryTarget(power)).toEqual({ tab: 'map' })
    expect(entryTarget(section)).toEqual({ tab: 'profile', section: 'financials' })
    expect(entryTarget(lifecycle)).toEqual({ tab: 'profile', section: 'overview' })
    expect(entryTarget(entry('after_sale', '2026-11-20', { from: 'payment' }))).toEqual({ tab: 'deals' })
  })
})

describe('回款与交付 on the timeline', () => {
  it('says how much was received and where a milestone stands', async () => {
    const paid = entry('after_sale', '2026-11-20', {
      from: 'payment',
      title: 'MES 二期',
      detail: '首付款',
      amount: 594000,
      opportunityId: 5,
    })
    const late = entry('after_sale', '2026-11-18', {
      from: 'milestone',
      title: 'MES 二期',
      detail: '验收',
      to: 'overdue',
    })
    const done = entry('after_sale', '2026-11-10', { from: 'milestone', title: 'MES 二期', detail: '交付', to: 'done' })
    api.customerTimeline.mockResolvedValue(page([paid, late, done]))
    const { wrapper } = await mountWith(TimelineTab, { props: { customerId: 1 } })
    const items = wrapper.findAll('[data-testid="timeline-item"]')
    expect(items[0]!.text()).toContain('回款与交付')
    expect(items[0]!.text()).toContain('收到回款 ¥594,000（MES 二期）')
    expect(items[0]!.text()).toContain('首付款')
    expect(items[1]!.text()).toContain('交付里程碑「验收」（MES 二期）')
    const status = (i: number) => items[i]!.get('[data-testid="timeline-milestone-status"]')
    expect([status(1).text(), status(1).get('.el-tag').classes()]).toEqual([
      '逾期',
      expect.arrayContaining(['el-tag--danger']),
    ])
    expect(status(2).text()).toBe('已完成')
    expect(items[0]!.find('[data-testid="timeline-milestone-status"]').exists()).toBe(false)
    wrapper.unmount()
  })
})

describe('a lifecycle change', () => {
  it('says from what to what and why', async () => {
    api.customerTimeline.mockResolvedValue(
      page([lifecycle, { ...lifecycle, refId: 8, detail: 'hand', from: 'won', to: '' }]),
    )
    const { wrapper } = await mountWith(TimelineTab, { props: { customerId: 1 } })
    const items = wrapper.findAll('[data-testid="timeline-item"]')
    expect(items[0]!.text()).toContain('生命周期：谈判中 → 已成交')
    expect(items[0]!.text()).toContain('商机成交')
    expect(items[1]!.text()).toContain('生命周期：已成交 → 未设置')
    expect(items[1]!.text()).toContain('手动修改')
    wrapper.unmount()
  })
})

describe('timeline tab', () => {
  it('shows the entries by day with their kind, words and marks', async () => {
    api.customerTimeline.mockResolvedValue(page([action, visit, stage, power, section]))
    const { wrapper } = await mountWith(TimelineTab, { props: { customerId: 1 } })
    expect(api.customerTimeline).toHaveBeenCalledWith(1, {
      kinds: [],
      from: '',
      to: '',
      offset: 0,
      limit: TIMELINE_PAGE_SIZE,
    })
    expect(wrapper.get('[data-testid="timeline-total"]').text()).toBe('共 5 条')
    const days = wrapper.findAll('[data-testid="timeline-day"]')
    expect(days.map((d) => d.get('h4').text())).toEqual([
      '2026-11-26 周四',
      '2026-11-20 周五',
      '2026-11-19 周四',
      '2026-11-18 周三',
    ])
    const items = wrapper.findAll('[data-testid="timeline-item"]')
    expect(items.map((i) => i.attributes('data-kind'))).toEqual(['action', 'visit', 'stage', 'power_map', 'profile'])
    expect(items[0]!.text()).toContain('发送报价单')
    expect(items[0]!.text()).toContain('负责人 李明 · 截止 2026-11-26')
    expect(items[0]!.text()).toContain('待执行')
    expect(items[0]!.find('.el-tag--danger').exists()).toBe(false)
    expect(items[1]!.text()).toContain('面谈：确认二期需求')
    expect(items[1]!.text()).toContain('14:30')
    expect(items[1]!.text()).toContain('紧急')
    expect(items[1]!.text()).toContain('已发送')
    expect(items[1]!.classes()).toContain('urgent')
    expect(items[2]!.text()).toContain('商机MES：报价 → 谈判')
    expect(items[2]!.text()).toContain('10:00') // 02:00Z in Shanghai
    expect(items[3]!.text()).toContain('王芳 的角色评估有变化')
    expect(items[3]!.text()).toContain('范围：客户整体')
    expect(items[4]!.text()).toContain('修改了档案：财务状况')
    expect(wrapper.find('[data-testid="timeline-more"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('shows a record’s progress status as a tag coloured by meaning, and its sales actions on the same line', async () => {
    const doubts = { ...visit, progress: 'doubts' as const, salesActions: ['demo' as const, 'quote' as const] }
    const declined = { ...visit, refId: 4, urgent: false, progress: 'rejected' as const }
    api.customerTimeline.mockResolvedValue(page([doubts, declined, action]))
    const { wrapper } = await mountWith(TimelineTab, { props: { customerId: 1 } })
    const items = wrapper.findAll('[data-testid="timeline-item"]')
    const progress = items[0]!.get('[data-testid="timeline-progress"]')
    expect(progress.text()).toBe('存在疑虑')
    expect(progress.get('.el-tag').classes()).toContain('el-tag--warning')
    expect(items[0]!.get('.line [data-testid="timeline-sales-actions"]').text()).toBe('产品演示、报价')
    const rejected = items[1]!.get('[data-testid="timeline-progress"]')
    expect([rejected.text(), rejected.get('.el-tag').classes()]).toEqual([
      '已拒绝',
      expect.arrayContaining(['el-tag--danger']),
    ])
    expect(items[1]!.find('[data-testid="timeline-sales-actions"]').exists()).toBe(false)
    expect(items[2]!.find('[data-testid="timeline-progress"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('marks an action the core reports overdue in red', async () => {
    api.customerTimeline.mockResolvedValue(page([{ ...action, to: 'overdue' }]))
    const { wrapper } = await mountWith(TimelineTab, { props: { customerId: 1 } })
    const tag = wrapper.get('[data-testid="timeline-item"] .el-tag--danger')
    expect(tag.text()).toBe('已逾期')
    wrapper.unmount()
  })

  it('asks the core for the ticked kinds only, and drops an answer for an older filter', async () => {
    api.customerTimeline.mockResolvedValueOnce(page([action, visit, stage, power, section]))
    const { wrapper } = await mountWith(TimelineTab, { props: { customerId: 1 } })

    // Untick 档案: the answer comes late, after 权力地图 is unticked too.
    let answerOld!: (p: TimelinePage) => void
    api.customerTimeline.mockReturnValueOnce(new Promise<TimelinePage>((r) => (answerOld = r)))
    api.customerTimeline.mockResolvedValueOnce(page([action, visit, stage]))
    await wrapper.get('[data-testid="timeline-filter-profile"] input').setValue(false)
    await wrapper.get('[data-testid="timeline-filter-power_map"] input').setValue(false)
    await flushPromises()
    expect(api.customerTimeline).toHaveBeenNthCalledWith(2, 1, {
      kinds: ['visit', 'action', 'stage', 'after_sale', 'power_map'],
      from: '',
      to: '',
      offset: 0,
      limit: TIMELINE_PAGE_SIZE,
    })
    expect(api.customerTimeline).toHaveBeenNthCalledWith(3, 1, {
      kinds: ['visit', 'action', 'stage', 'after_sale'],
      from: '',
      to: '',
      offset: 0,
      limit: TIMELINE_PAGE_SIZE,
    })
    answerOld(page([action, visit, stage, power]))
    await flushPromises()
    const kinds = () => wrapper.findAll('[data-testid="timeline-item"]').map((i) => i.attributes('data-kind'))
    expect(kinds()).toEqual(['action', 'visit', 'stage'])

    // 显示全部 brings every kind back (sent as "all").
    api.customerTimeline.mockResolvedValueOnce(page([action, visit, stage, power, section]))
    await wrapper.get('[data-testid="timeline-filter-all"]').trigger('click')
    await flushPromises()
    expect(api.customerTimeline).toHaveBeenLastCalledWith(1, {
      kinds: [],
      from: '',
      to: '',
      offset: 0,
      limit: TIMELINE_PAGE_SIZE,
    })
    expect(kinds()).toHaveLength(5)
    expect(wrapper.find('[data-testid="timeline-filter-all"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('a range of days reaches the core; with nothing in it, 显示全部 clears it', async () => {
    api.customerTimeline.mockResolvedValueOnce(page([action, visit, stage, power, section]))
    const { wrapper } = await mountWith(TimelineTab, { props: { customerId: 1 } })
    api.customerTimeline.mockResolvedValueOnce(page([]))
    wrapper.findComponent(ElDatePicker).vm.$emit('update:modelValue', ['2026-12-01', '2026-12-31'])
    await flushPromises()
    expect(api.customerTimeline).toHaveBeenLastCalledWith(1, {
      kinds: [],
      from: '2026-12-01',
      to: '2026-12-31',
      offset: 0,
      limit: TIMELINE_PAGE_SIZE,
    })
    expect(wrapper.get('[data-testid="timeline-empty"]').text()).toContain('所选类型和日期范围内没有记录')
    api.customerTimeline.mockResolvedValueOnce(page([action, visit, stage, power, section]))
    await wrapper.get('[data-testid="timeline-filter-all"]').trigger('click')
    await flushPromises()
    expect(api.customerTimeline).toHaveBeenLastCalledWith(1, {
      kinds: [],
      from: '',
      to: '',
      offset: 0,
      limit: TIMELINE_PAGE_SIZE,
    })
    expect(wrapper.findAll('[data-testid="timeline-item"]')).toHaveLength(5)
    // A cleared picker (null) reads as all days.
    wrapper.findComponent(ElDatePicker).vm.$emit('update:modelValue', null)
    await flushPromises()
    expect(api.customerTimeline).toHaveBeenLastCalledWith(1, {
      kinds: [],
      from: '',
      to: '',
      offset: 0,
      limit: TIMELINE_PAGE_SIZE,
    })
    wrapper.unmount()
  })

  it('loads the next page after the shown entries and appends it, extending the last day', async () => {
    const first = Array.from({ length: TIMELINE_PAGE_SIZE }, (_, i) =>
      entry('action', '2026-11-20', { refId: 100 + i, title: `行动 ${i}` }),
    )
    api.customerTimeline.mockResolvedValueOnce(page(first, TIMELINE_PAGE_SIZE + 2))
    const { wrapper } = await mountWith(TimelineTab, { props: { customerId: 1 } })
    const more = wrapper.get('[data-testid="timeline-more"]')
    expect(more.text()).toBe('加载更多（还有 2 条）')

    api.customerTimeline.mockResolvedValueOnce(
      page([entry('action', '2026-11-20', { refId: 200, title: '同一天' }), section], TIMELINE_PAGE_SIZE + 2),
    )
    await more.trigger('click')
    await flushPromises()
    expect(api.customerTimeline).toHaveBeenLastCalledWith(1, {
      kinds: [],
      from: '',
      to: '',
      offset: TIMELINE_PAGE_SIZE,
      limit: TIMELINE_PAGE_SIZE,
    })
    expect(wrapper.findAll('[data-testid="timeline-item"]')).toHaveLength(TIMELINE_PAGE_SIZE + 2)
    expect(
      wrapper.findAll('[data-testid="timeline-day"]').map((d) => d.findAll('[data-testid="timeline-item"]').length),
    ).toEqual([TIMELINE_PAGE_SIZE + 1, 1])
    expect(wrapper.find('[data-testid="timeline-more"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('explains what fills the timeline when there is nothing, and what to do when the filter hides all', async () => {
    api.customerTimeline.mockResolvedValue(page([]))
    const { wrapper } = await mountWith(TimelineTab, { props: { customerId: 1 } })
    expect(wrapper.get('[data-testid="timeline-empty"]').text()).toContain('还没有任何往来记录')
    await wrapper.get('[data-testid="timeline-empty"] button').trigger('click')
    expect(wrapper.emitted('open')).toEqual([[{ tab: 'visits' }]])

    await wrapper.get('[data-testid="timeline-filter-visit"] input').setValue(false)
    await flushPromises()
    expect(wrapper.get('[data-testid="timeline-empty"]').text()).toContain('所选类型和日期范围内没有记录')
    wrapper.unmount()
  })

  it('is a tab of the customer page (?tab=timeline); an entry opens the tab of its source', async () => {
    api.getCustomer.mockResolvedValue(profile())
    api.customerRisk.mockResolvedValue({ level: 'green', reasons: [] })
    api.customerTimeline.mockResolvedValue(page([visit, power]))
    api.listVisits.mockResolvedValue({ rows: [], total: 0 })
    // The entry opens its summary (?visit=3) in the visits tab's form.
    api.getVisit.mockResolvedValue(aVisit(3))
    api.listOpportunities.mockResolvedValue({ rows: [], total: 0 })
    const router = makeRouter()
    await router.push('/customers/1?tab=timeline')
    const { wrapper } = await mountWith(CustomerView, { props: { id: 1 } }, router)
    expect(wrapper.get('[data-testid="customer-tab-timeline"]').text()).toBe('时间线')
    expect(wrapper.find('[data-testid="timeline-tab"]').exists()).toBe(true)

    const items = wrapper.findAll('[data-testid="timeline-item"]')
    expect(items[1]!.get('[data-testid="timeline-open"]').text()).toBe('查看权力地图')
    await items[0]!.get('[data-testid="timeline-open"]').trigger('click')
    // The tabs are loaded when first shown.
    await vi.dynamicImportSettled()
    await flushPromises()
    expect(router.currentRoute.value.query.tab).toBe('visits')
    expect(wrapper.find('[data-testid="visits-tab"]').exists()).toBe(true)
    expect(wrapper.find('[data-testid="timeline-tab"]').exists()).toBe(false)
    wrapper.unmount()
  })
})
