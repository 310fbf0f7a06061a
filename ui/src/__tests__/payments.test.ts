// 回款 and 交付 of a won deal with the IPC mocked: the figures, the progress and the plan's
// difference from the contract in words; a refusal shown under the cell it names, nothing else
// changed; a plan above the contract asked first and sent with confirmOver; a payment deleted
// after a confirmation and brought back with 撤销; the usual milestones offered; the new risk
// reasons and 今日's overdue card in words.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { ElDatePicker, ElMessageBox } from 'element-plus'
import type { Milestone, PaymentPlan, RiskReason, WonOverdue } from '../bindings'
import { anOpportunityRow, coreError, mountWith } from './helpers'
import { i18n } from '../i18n'
import { reasonLine } from '../features/risk/riskReason'

const api = await vi.hoisted(() => import('./apiMock').then((m) => m.apiMock()))
vi.mock('../api', () => ({ api }))

import PaymentsPanel from '../features/payments/PaymentsPanel.vue'
import MilestonesPanel from '../features/payments/MilestonesPanel.vue'
import TodayWonOverdue from '../features/home/TodayWonOverdue.vue'
import OpportunityItem from '../features/opportunities/OpportunityItem.vue'

vi.setConfig({ testTimeout: 30000 })

// Element Plus shows a field's error after a short debounce.
const settle = () => new Promise((r) => setTimeout(r, 150))

function plan(over: Partial<PaymentPlan> = {}): PaymentPlan {
  return {
    opportunityId: 5,
    won: true,
    contractAmount: 100_000,
    contractDate: '2026-09-01',
    installments: [
      {
        id: 1,
        seq: 1,
        amount: 30_000,
        dueDate: '2026-10-01',
        condition: '签约后',
        note: '',
        covered: 30_000,
        overdue: 0,
        daysOverdue: null,
      },
      {
        id: 2,
        seq: 2,
        amount: 60_000,
        dueDate: '2026-11-20',
        condition: '验收后',
        note: '',
        covered: 10_000,
        overdue: 50_000,
        daysOverdue: 3,
      },
    ],
    payments: [
      { id: 8, receivedOn: '2026-11-01', amount: 25_000, note: '' },
      { id: 7, receivedOn: '2026-09-20', amount: 15_000, note: '首付' },
    ],
    plannedTotal: 90_000,
    receivedTotal: 40_000,
    outstanding: 60_000,
    overdueAmount: 50_000,
    planDifference: -10_000,
    ...over,
  }
}

const refusal = (field: string, reason: 'out_of_range' | 'invalid_date' | 'over_contract', text = '') =>
  coreError({
    type: 'validation',
    data: { field, reason, detail: text ? { kind: 'text', text } : { kind: 'none' } },
  })

beforeEach(() => {
  api.paymentPlan.mockResolvedValue(plan())
  api.milestones.mockResolvedValue([])
})
afterEach(() => {
  vi.restoreAllMocks()
  document.body.innerHTML = ''
  i18n.global.locale.value = 'zh-CN'
})

describe('回款 panel', () => {
  it('shows the figures, the received share of the contract, the difference in words and the overdue installment', async () => {
    const { wrapper } = await mountWith(PaymentsPanel, { props: { opportunityId: 5 } })
    expect(api.paymentPlan).toHaveBeenCalledWith(5)
    expect(wrapper.get('[data-testid="pay-contract"]').text()).toBe('合同金额 ¥100,000')
    expect(wrapper.get('[data-testid="pay-planned"]').text()).toBe('¥90,000')
    expect(wrapper.get('[data-testid="pay-received"]').text()).toBe('¥40,000')
    expect(wrapper.get('[data-testid="pay-outstanding"]').text()).toBe('¥60,000')
    expect(wrapper.get('[data-testid="pay-overdue"]').text()).toBe('¥50,000')
    expect(wrapper.get('[data-testid="pay-progress"]').text()).toContain('已回款 40%')
    expect(wrapper.get('[data-testid="pay-difference"]').text()).toBe('分期合计比合同金额少 ¥10,000')
    const rows = wrapper.findAll('[data-testid="pay-installment"]')
    expect(rows.map((r) => r.classes('late'))).toEqual([false, true])
    expect(rows[1]!.get('[data-testid="pay-installment-overdue"]').text()).toBe('逾期 3 天')
    expect(wrapper.findAll('[data-testid="pay-payment"]')).toHaveLength(2)
    wrapper.unmount()
  })

  it('shows a refused installment amount under its cell and keeps the draft', async () => {
    api.savePaymentPlan.mockRejectedValueOnce(refusal('installments.1.amount', 'out_of_range', '> 0'))
    const { wrapper } = await mountWith(PaymentsPanel, { props: { opportunityId: 5 } })
    await wrapper.get('[data-testid="pay-edit"]').trigger('click')
    expect(wrapper.findAll('[data-testid="pay-draft-row"]')).toHaveLength(2)
    expect(wrapper.get('[data-testid="pay-draft-difference"]').text()).toBe('分期合计比合同金额少 ¥10,000')
    await wrapper.get('[data-testid="pay-draft-save"]').trigger('click')
    await flushPromises()
    await settle()
    const rows = wrapper.findAll('[data-testid="pay-draft-row"]')
    expect(rows[1]!.find('.el-form-item__error').text()).toBe('超出范围 > 0')
    expect(rows[0]!.find('.el-form-item__error').exists()).toBe(false)
    expect(wrapper.find('[data-testid="pay-draft"]').exists()).toBe(true)
    wrapper.unmount()
  })

  it('asks before saving a plan above the contract and sends it confirmed', async () => {
    const confirm = vi.spyOn(ElMessageBox, 'confirm').mockResolvedValue('confirm' as never)
    api.savePaymentPlan
      .mockRejectedValueOnce(refusal('installments', 'over_contract', '100000'))
      .mockResolvedValueOnce(plan({ plannedTotal: 110_000, planDifference: 10_000 }))
    const { wrapper } = await mountWith(PaymentsPanel, { props: { opportunityId: 5 } })
    await wrapper.get('[data-testid="pay-edit"]').trigger('click')
    await wrapper.get('[data-testid="pay-draft-add"]').trigger('click')
    await wrapper.get('[data-testid="pay-draft-save"]').trigger('click')
    await flushPromises()
    expect(confirm).toHaveBeenCalledOnce()
    expect(String(confirm.mock.calls[0]![0])).toBe('分期合计 ¥90,000 超过合同金额 ¥100,000。仍要保存吗？')
    expect(api.savePaymentPlan.mock.calls.map((c) => c[1].confirmOver)).toEqual([false, true])
    expect(api.savePaymentPlan.mock.calls[1]![1].installments).toHaveLength(3)
    expect(wrapper.get('[data-testid="pay-difference"]').text()).toBe('分期合计比合同金额多 ¥10,000')
    wrapper.unmount()
  })

  it('shows a refused payment date under the date and a payment deleted can be undone', async () => {
    api.addPayment.mockRejectedValueOnce(refusal('receivedOn', 'out_of_range', '2026-09-01–2026-11-23'))
    const { wrapper } = await mountWith(PaymentsPanel, { props: { opportunityId: 5 } })
    const add = wrapper.get('[data-testid="pay-add"]')
    add.findComponent(ElDatePicker).vm.$emit('update:modelValue', '2026-08-01')
    await wrapper.get('[data-testid="pay-add-submit"]').trigger('click')
    await flushPromises()
    await settle()
    expect(add.find('.el-form-item__error').text()).toBe('超出范围 2026-09-01–2026-11-23')
    expect(api.addPayment).toHaveBeenCalledWith(5, { receivedOn: '2026-08-01', amount: null, note: '' })

    const confirm = vi.spyOn(ElMessageBox, 'confirm').mockResolvedValue('confirm' as never)
    api.deletePayment.mockResolvedValueOnce(plan({ payments: [plan().payments[1]!], receivedTotal: 15_000 }))
    await wrapper.findAll('[data-testid="pay-payment-delete"]')[0]!.trigger('click')
    await flushPromises()
    expect(String(confirm.mock.calls[0]![0])).toBe('删除 2026-11-01 的回款 ¥25,000？删除后可以撤销。')
    expect(api.deletePayment).toHaveBeenCalledWith(8)
    expect(wrapper.get('[data-testid="pay-received"]').text()).toBe('¥15,000')
    expect(wrapper.get('[data-testid="pay-undo"]').text()).toContain('已删除回款 ¥25,000')
    api.addPayment.mockResolvedValueOnce(plan())
    await wrapper.get('[data-testid="pay-undo-button"]').trigger('click')
    await flushPromises()
    expect(api.addPayment).toHaveBeenLastCalledWith(5, { receivedOn: '2026-11-01', amount: 25_000, note: '' })
    expect(wrapper.find('[data-testid="pay-undo"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('a cancelled delete deletes nothing', async () => {
    vi.spyOn(ElMessageBox, 'confirm').mockRejectedValueOnce('cancel')
    const { wrapper } = await mountWith(PaymentsPanel, { props: { opportunityId: 5 } })
    await wrapper.findAll('[data-testid="pay-payment-delete"]')[0]!.trigger('click')
    await flushPromises()
    expect(api.deletePayment).not.toHaveBeenCalled()
    wrapper.unmount()
  })
})

describe('a deal in the 商机 tab', () => {
  it('offers 回款与交付 on a won deal only, with its light', async () => {
    const open = await mountWith(OpportunityItem, { props: { row: anOpportunityRow(), contacts: [] } })
    expect(open.wrapper.find('[data-testid="opp-after-sale"]').exists()).toBe(false)
    open.wrapper.unmount()
    const reason: RiskReason = {
      rule: 'overdue_payment',
      level: 'yellow',
      opportunityId: 1,
      opportunityName: 'MES 二期',
      days: 3,
      count: 1,
      since: '2026-11-20',
      yellowDays: 1,
      redDays: 30,
      signal: '',
      stage: null,
      installment: 2,
      amount: 50_000,
      milestone: '',
      months: null,
    }
    const row = anOpportunityRow({ stage: 'won', risk: { level: 'yellow', reasons: [reason] } })
    const { wrapper } = await mountWith(OpportunityItem, { props: { row, contacts: [] } })
    expect(wrapper.find('[data-testid="opp-risk"]').exists()).toBe(true)
    expect(wrapper.find('[data-testid="opp-after-sale-panels"]').exists()).toBe(false)
    await wrapper.get('[data-testid="opp-after-sale"]').trigger('click')
    await flushPromises()
    expect(api.paymentPlan).toHaveBeenCalledWith(1)
    expect(api.milestones).toHaveBeenCalledWith(1)
    expect(wrapper.find('[data-testid="payments-panel"]').exists()).toBe(true)
    expect(wrapper.find('[data-testid="milestones-panel"]').exists()).toBe(true)
    wrapper.unmount()
  })
})

describe('交付 panel', () => {
  it('offers the usual milestones and shows a refused actual date under its row', async () => {
    api.saveMilestones.mockRejectedValueOnce(refusal('milestones.1.actualDate', 'out_of_range', '≤ 2026-11-23'))
    // Twelve date pickers take jsdom half a minute to render; the dates are not what is tested.
    const { wrapper } = await mountWith(MilestonesPanel, {
      props: { opportunityId: 5, defaultOwner: '李娜' },
      global: { stubs: { ElDatePicker: true } },
    })
    expect(wrapper.get('[data-testid="ms-empty"]').text()).toContain('还没有交付里程碑。')
    await wrapper.get('[data-testid="ms-suggest"]').trigger('click')
    const rows = wrapper.findAll('[data-testid="ms-draft-row"]')
    expect(rows.map((r) => (r.get('input').element as HTMLInputElement).value)).toEqual([
      '签约',
      '交付',
      '安装/上线',
      '验收',
      '培训',
      '回访',
    ])
    await wrapper.get('[data-testid="ms-save"]').trigger('click')
    await flushPromises()
    await settle()
    const sent = api.saveMilestones.mock.calls[0]![1]
    expect(sent[0]).toEqual({ name: '签约', plannedDate: '', actualDate: '', owner: '李娜', status: 'not_started' })
    expect(rows[1]!.find('.el-form-item__error').text()).toBe('超出范围 ≤ 2026-11-23')
    wrapper.unmount()
  })

  it('marks an overdue milestone', async () => {
    const m = (id: number, name: string, overdue: boolean): Milestone => ({
      id,
      seq: id,
      name,
      plannedDate: '2026-11-20',
      actualDate: '',
      owner: '王工',
      status: overdue ? 'in_progress' : 'done',
      overdue,
    })
    api.milestones.mockResolvedValue([m(1, '交付', false), m(2, '验收', true)])
    const { wrapper } = await mountWith(MilestonesPanel, { props: { opportunityId: 5 } })
    const rows = wrapper.findAll('[data-testid="ms-row"]')
    expect(rows.map((r) => r.find('[data-testid="ms-overdue"]').exists())).toEqual([false, true])
    expect(rows[1]!.text()).toContain('进行中')
    wrapper.unmount()
  })
})

describe('回款 and 交付 in words', () => {
  const reason = (over: Partial<RiskReason>): RiskReason => ({
    rule: 'overdue_payment',
    level: 'yellow',
    opportunityId: 5,
    opportunityName: 'MES 二期',
    days: 12,
    count: 1,
    since: '2026-11-20',
    yellowDays: 1,
    redDays: 30,
    signal: '',
    stage: null,
    installment: 2,
    amount: 50_000,
    milestone: '',
    months: null,
    ...over,
  })

  it('words the overdue installment and milestone as the core does', () => {
    expect(reasonLine(reason({}))).toBe('商机「MES 二期」第 2 期回款 ¥50,000 已逾期 12 天（应于 2026-11-20 回款）')
    expect(reasonLine(reason({ count: 3 }))).toBe(
      '商机「MES 二期」第 2 期回款 ¥50,000 已逾期 12 天（应于 2026-11-20 回款；共 3 期逾期）',
    )
    const milestone = reason({ rule: 'overdue_milestone', installment: null, amount: null, milestone: '验收' })
    expect(reasonLine(milestone)).toBe('商机「MES 二期」交付里程碑「验收」已逾期 12 天（计划 2026-11-20 完成）')
    i18n.global.locale.value = 'en'
    expect(reasonLine(reason({}))).toBe(
      'Deal “MES 二期”: installment 2 of ¥50,000 overdue for 12 days (due 2026-11-20)',
    )
  })

  it('lists 今日’s overdue installments and milestones', async () => {
    const item = (over: Partial<WonOverdue>): WonOverdue => ({
      kind: 'installment',
      customerId: 1,
      customerName: '华东精密',
      opportunityId: 5,
      opportunityName: 'MES 二期',
      owner: '李娜',
      installment: 2,
      milestone: '',
      amount: 50_000,
      dueDate: '2026-11-20',
      days: 3,
      ...over,
    })
    const items = [item({}), item({ kind: 'milestone', installment: null, amount: null, milestone: '验收', days: 1 })]
    const { wrapper } = await mountWith(TodayWonOverdue, { props: { items, total: 2 } })
    const rows = wrapper.findAll('[data-testid="home-won-overdue-item"]')
    expect(rows.map((r) => r.get('.what').text())).toEqual(['第 2 期回款 ¥50,000', '交付里程碑「验收」'])
    expect(rows[0]!.text()).toContain('逾期 3 天')
    expect(rows[0]!.text()).toContain('华东精密')
    wrapper.unmount()
  })
})
