import { beforeEach, describe, expect, it, vi } from 'vitest'
import { DOMWrapper, flushPromises } from '@vue/test-utils'
import type { WeeklyView } from '../bindings'
import { aNextAction, aVisit, anOpportunityRow, chosenFile, coreError, mountWith } from './helpers'
import { expectErrorToast } from './setup'

const api = await vi.hoisted(() => import('./apiMock').then((m) => m.apiMock()))
vi.mock('../api', () => ({ api }))

import WeeklyViewPage from '../features/weekly/WeeklyView.vue'
import CustomerListView from '../features/customers/CustomerListView.vue'

function aWeek(over: Partial<WeeklyView> = {}): WeeklyView {
  return {
    from: '2026-11-23',
    to: '2026-11-29',
    endEvaluatedOn: '2026-11-25',
    knownOwners: ['张伟', '李娜'],
    summary: {
      records: 1,
      moves: 1,
      atRisk: 1,
      won: 0,
      wonAmount: 0,
      lost: 0,
      lostAmount: 0,
      newRed: 1,
      clearedRed: 0,
      overdue: 1,
      payments: 1,
      receivedAmount: 300000,
      milestones: 1,
      lateMilestones: 1,
      forecastStart: 400000,
      forecastEnd: 600000,
    },
    records: [aVisit(3, { summary: '客户确认试点范围', commitments: ['两周内给出接口方案'] })],
    moves: [
      {
        opportunityId: 1,
        customerId: 1,
        customerName: '华东精密',
        opportunityName: 'MES 二期',
        owner: '张伟',
        from: 'quote',
        to: 'negotiation',
        changedOn: '2026-11-24',
        amount: 1000000,
        stageNow: 'negotiation',
      },
    ],
    atRisk: [
      anOpportunityRow({
        risk: {
          level: 'red',
          reasons: [
            {
              rule: 'stuck_in_stage',
              level: 'red',
              opportunityId: 1,
              opportunityName: 'MES 二期',
              days: 40,
              count: 1,
              since: '2026-10-16',
              yellowDays: 14,
              redDays: 28,
              signal: '',
              stage: 'solution',
              installment: null,
              amount: null,
              milestone: '',
              months: null,
            },
          ],
        },
      }),
    ],
    won: [],
    lost: [],
    newRed: [
      {
        customerId: 2,
        customerName: '长江汽配',
        owner: '李娜',
        grade: 'A',
        risk: { level: 'red', reasons: [] },
      },
    ],
    clearedRed: [],
    overdueByOwner: [{ owner: '张伟', count: 1, earliest: '2026-11-20' }],
    overdue: [aNextAction({ owner: '张伟', dueDate: '2026-11-20', overdue: true })],
    forecast: [{ stage: 'quote', startCount: 1, startWeighted: 400000, endCount: 0, endWeighted: 0 }],
    payments: [
      {
        paymentId: 5,
        customerId: 2,
        customerName: '华东精密',
        opportunityId: 7,
        opportunityName: 'MES 二期',
        owner: '张伟',
        receivedOn: '2026-11-24',
        amount: 300000,
        note: '',
      },
    ],
    milestones: [
      {
        customerId: 3,
        customerName: '长江汽配',
        opportunityId: 8,
        opportunityName: '焊装线改造',
        owner: '赵工',
        name: '验收',
        plannedDate: '2026-11-01',
        actualDate: '',
        status: 'in_progress',
        late: true,
        daysLate: 22,
      },
    ],
    ...over,
  }
}

const body = () => new DOMWrapper(document.body)
const click = async (id: string) => {
  await body().get(`[data-testid="${id}"]`).trigger('click')
  await flushPromises()
  // What the click shows may be loaded when first shown (the report's period filter).
  await vi.dynamicImportSettled()
  await flushPromises()
}
const lastQuery = () => api.weeklyView.mock.calls[api.weeklyView.mock.calls.length - 1][0]

beforeEach(() => {
  vi.clearAllMocks()
  document.body.innerHTML = ''
  api.weeklyView.mockResolvedValue(aWeek())
})

describe('周会', () => {
  it('opens on this week for everyone and shows each section', async () => {
    const { wrapper } = await mountWith(WeeklyViewPage)
    expect(api.weeklyView).toHaveBeenCalledWith({
      period: { preset: 'this_week', from: '', to: '' },
      owners: [],
      limit: 100,
    })
    expect(body().get('[data-testid="weekly-range"]').text()).toContain('2026-11-23 至 2026-11-29')
    expect(body().get('[data-testid="weekly-range"]').text()).toContain('负责人：全部')
    expect(body().get('[data-testid="weekly-record-summary"]').text()).toBe('客户确认试点范围')
    expect(body().get('[data-testid="weekly-records"]').text()).toContain('两周内给出接口方案')
    expect(body().get('[data-testid="weekly-move"]').text()).toBe('报价 → 谈判')
    expect(body().get('[data-testid="weekly-at-risk"]').text()).toContain('在「方案」阶段已停留 40 天')
    expect(body().get('[data-testid="weekly-new-red"]').text()).toContain('长江汽配')
    expect(body().get('[data-testid="weekly-overdue-owner"]').text()).toBe('张伟 · 1')
    expect(body().get('[data-testid="weekly-tile-forecast"]').text()).toContain('期初 40 万元 → 期末 60 万元')
    expect(body().find('[data-testid="weekly-empty"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('lists the won deals’ payments received and the late milestones first', async () => {
    const { wrapper } = await mountWith(WeeklyViewPage)
    expect(body().get('[data-testid="weekly-tile-received"]').text()).toContain('30 万元')
    expect(body().get('[data-testid="weekly-tile-received"]').text()).toContain('1 笔')
    expect(body().get('[data-testid="weekly-payments"]').text()).toContain('华东精密')
    expect(body().get('[data-testid="weekly-payment-amount"]').text()).toBe('30 万元')
    expect(body().get('[data-testid="weekly-milestones"]').text()).toContain('验收')
    expect(body().get('[data-testid="weekly-milestone-status"]').text()).toBe('逾期 22 天')
    expect(body().get('[data-testid="weekly-tile-lateMilestones"]').text()).toContain('1')
    wrapper.unmount()
  })

  it('上周, 本月 and owners reload the view with what was picked', async () => {
    const { wrapper } = await mountWith(WeeklyViewPage)
    await click('weekly-period-last_week')
    expect(lastQuery().period.preset).toBe('last_week')
    await click('weekly-period-this_month')
    expect(lastQuery().period.preset).toBe('this_month')
    const select = wrapper.findComponent({ name: 'ElSelect' })
    select.vm.$emit('update:modelValue', ['李娜'])
    await flushPromises()
    expect(lastQuery()).toEqual({ period: { preset: 'this_month', from: '', to: '' }, owners: ['李娜'], limit: 100 })
    expect(body().get('[data-testid="weekly-range"]').text()).toContain('负责人：李娜')
    wrapper.unmount()
  })

  it('a custom period waits for both days and shows the core’s refusal under the end date', async () => {
    const { wrapper } = await mountWith(WeeklyViewPage)
    const calls = api.weeklyView.mock.calls.length
    await click('weekly-period-custom')
    expect(api.weeklyView.mock.calls.length).toBe(calls)
    api.weeklyView.mockRejectedValue(
      coreError({
        type: 'validation',
        data: { field: 'to', reason: 'out_of_range', detail: { kind: 'text', text: '≥ 2026-11-25' } },
      }),
    )
    const pickers = wrapper.findAllComponents({ name: 'ElDatePicker' })
    pickers[0].vm.$emit('update:modelValue', '2026-11-25')
    await flushPromises()
    pickers[1].vm.$emit('update:modelValue', '2026-11-24')
    await flushPromises()
    expect(lastQuery().period).toEqual({ preset: 'custom', from: '2026-11-25', to: '2026-11-24' })
    expect(body().get('[data-testid="weekly-period-to-error"]').text()).toBe('结束日期：超出范围 ≥ 2026-11-25')
    expect(body().find('[data-testid="weekly-period-from-error"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('an empty period says what to do', async () => {
    const nothing = aWeek({
      summary: {
        ...aWeek().summary,
        records: 0,
        moves: 0,
        atRisk: 0,
        newRed: 0,
        overdue: 0,
        payments: 0,
        milestones: 0,
        lateMilestones: 0,
      },
      records: [],
      moves: [],
      atRisk: [],
      newRed: [],
      overdue: [],
      overdueByOwner: [],
      payments: [],
      milestones: [],
    })
    api.weeklyView.mockResolvedValue(nothing)
    const { wrapper } = await mountWith(WeeklyViewPage)
    expect(body().get('[data-testid="weekly-empty"]').text()).toContain('在客户页的「跟进记录」里写一条')
    expect(body().get('[data-testid="weekly-records-empty"]').text()).toBe('这段时间没有跟进记录。')
    wrapper.unmount()
  })

  it('exports the period and owners on the page', async () => {
    api.chooseFile.mockResolvedValue(chosenFile('/tmp/周会.xlsx'))
    api.exportWeekly.mockResolvedValue(null)
    const { wrapper } = await mountWith(WeeklyViewPage)
    await click('weekly-period-last_week')
    await click('weekly-export')
    await click('export-confirm')
    expect(api.chooseFile).toHaveBeenCalledWith('xlsx', '周会-2026-11-23-2026-11-29.xlsx', 'Excel 工作簿')
    expect(api.exportWeekly).toHaveBeenCalledWith(
      'token:/tmp/周会.xlsx',
      { period: { preset: 'last_week', from: '', to: '' }, owners: [], limit: 100 },
      { language: 'zh', includePersonal: false },
    )
    wrapper.unmount()
  })
})

describe('team report filters', () => {
  beforeEach(() => {
    api.listCustomers.mockResolvedValue({
      total: 1,
      rows: [
        {
          id: 1,
          name: '华东精密机械有限公司',
          shortName: '华东精密',
          grade: 'A',
          lifecycle: 'negotiating',
          industry: '机械制造',
          region: '苏州',
          owner: '张伟',
          completeness: 72,
          contactCount: 3,
          updatedAt: '2025-03-01 10:00:00',
          powerStatus: 'unknown',
        },
      ],
    })
    api.customerFacets.mockResolvedValue({ industries: [], owners: ['张伟'], dealOwners: ['李娜'] })
    api.customerRisks.mockResolvedValue({ evaluatedOn: '2026-11-23', customers: [], opportunities: [] })
    api.chooseFile.mockResolvedValue(chosenFile('/tmp/r.xlsx'))
  })

  it('all time and everyone by default; 本周 and an owner are sent as the filter', async () => {
    api.exportTeamReport.mockResolvedValue(null)
    const { wrapper } = await mountWith(CustomerListView)
    await click('export-team-report')
    await click('export-confirm')
    expect(api.exportTeamReport).toHaveBeenLastCalledWith(
      'token:/tmp/r.xlsx',
      { language: 'zh', includePersonal: false },
      { period: null, owners: [] },
    )
    await click('export-team-report')
    await click('report-filter-this_week')
    const owners = wrapper
      .findAllComponents({ name: 'ElSelect' })
      .find((s) => s.attributes('data-testid') === 'report-filter-owners')
    owners!.vm.$emit('update:modelValue', ['李娜'])
    await flushPromises()
    await click('export-confirm')
    expect(api.exportTeamReport).toHaveBeenLastCalledWith(
      'token:/tmp/r.xlsx',
      { language: 'zh', includePersonal: false },
      { period: { preset: 'this_week', from: '', to: '' }, owners: ['李娜'] },
    )
    wrapper.unmount()
  })

  it('a refused custom period shows under its field as well as in the message', async () => {
    api.exportTeamReport.mockRejectedValue(
      coreError({
        type: 'validation',
        data: { field: 'from', reason: 'invalid_date', detail: { kind: 'text', text: 'YYYY-MM-DD' } },
      }),
    )
    expectErrorToast('日期无效，应为 YYYY-MM-DD')
    const { wrapper } = await mountWith(CustomerListView)
    await click('export-team-report')
    await click('report-filter-custom')
    await click('export-confirm')
    expect(body().get('[data-testid="report-filter-from-error"]').text()).toBe('开始日期：日期无效，应为 YYYY-MM-DD')
    wrapper.unmount()
  })
})
