// The 跟进记录 screens with the IPC mocked: the form sends the summary the core expects
// (contacts picked with their titles, empty rows left out), a refusal is shown under the field
// the core names, the quality warnings are listed after the save (and saving again updates the
// same record), and the list's 共识确认 copies the recap and marks the summary sent.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DOMWrapper, flushPromises } from '@vue/test-utils'
import { ElDatePicker, ElSelect } from 'element-plus'
import type { QualityWarning, Stage, Visit } from '../bindings'
import { anOpportunityRow, contact, coreError, makeRouter, mountWith, profile } from './helpers'
import { expectErrorToast } from './setup'
import { blankVisit, warningText } from '../features/visits/visitForm'

const api = await vi.hoisted(() => import('./apiMock').then((m) => m.apiMock()))
vi.mock('../api', () => ({ api }))

import VisitDialog from '../features/visits/VisitDialog.vue'
import VisitsTab from '../features/visits/VisitsTab.vue'
import CustomerView from '../features/customers/CustomerView.vue'

vi.setConfig({ testTimeout: 30000 })

const wang = contact(7, '王芳', { title: '采购总监' })
const body = () => new DOMWrapper(document.body)
// Element Plus shows a field's error after a short debounce.
const settle = () => new Promise((r) => setTimeout(r, 150))

function visit(id: number, over: Partial<Visit> = {}): Visit {
  return {
    ...blankVisit(),
    id,
    customerId: 1,
    customerName: '华东精密',
    opportunityName: '',
    confirmation: 'draft',
    sentOn: '',
    confirmedOn: '',
    overdueActions: [],
    createdAt: '2026-11-20 10:00:00',
    updatedAt: '2026-11-20 10:00:00',
    date: '2026-11-20',
    time: '14:30',
    goal: '确认二期需求',
    summary: '客户希望月底前看到方案',
    ...over,
  }
}

const openForm = (v: Visit | null = null) =>
  mountWith(VisitDialog, { props: { modelValue: true, customerId: 1, contacts: [wang], visit: v } })

/** The inputs of the list `field`'s row `i`. */
const rowInputs = (field: string, i = 0) =>
  body().findAll(`[data-testid="visit-form-${field}-row"]`)[i]!.findAll('input')

beforeEach(() => {
  vi.clearAllMocks()
  // The form's deal picker and the customer page's risk light.
  api.listOpportunities.mockResolvedValue({ rows: [], total: 0 })
  api.customerRisk.mockResolvedValue({ level: 'green', reasons: [] })
})
afterEach(() => {
  document.body.innerHTML = ''
})

describe('visit summary form', () => {
  it('words each quality warning, a late record and the source articles’ vague phrases included', () => {
    const w = (issue: QualityWarning['issue'], field: string, phrase = ''): QualityWarning => ({
      issue,
      field,
      phrase,
      suggestion: '',
    })
    expect(warningText(w('late_record', 'date'))).toBe('沟通后超过 24 小时才写记录')
    expect(warningText(w('vague_phrase', 'summary', '已沟通'))).toContain('「已沟通」太笼统')
  })

  it('sends the summary: the picked contact with its title, the next action, and no empty rows', async () => {
    api.createVisit.mockResolvedValue({ visit: visit(5), warnings: [] })
    const { wrapper } = await openForm()
    await body().get('[data-testid="visit-form-goal"] textarea').setValue('确认二期需求')
    await body().get('[data-testid="visit-form-place"] input').setValue('客户会议室 3F')
    const people = wrapper
      .findAllComponents(ElSelect)
      .find((s) => s.element.closest('[data-testid="visit-form-customerParticipants"]'))!
    people.vm.$emit('update:modelValue', [7])
    await body().get('[data-testid="visit-form-urgent"] .el-switch').trigger('click')

    await body().get('[data-testid="visit-form-actions-add"]').trigger('click')
    await rowInputs('actions')[0]!.setValue('  发送报价单 ')
    await rowInputs('actions')[1]!.setValue('李明')
    // The action's due date: the last date picker (the first is the visit's date).
    wrapper.findAllComponents(ElDatePicker).at(-1)!.vm.$emit('update:modelValue', '2026-12-01')
    await body().get('[data-testid="visit-form-needs-add"]').trigger('click')
    await rowInputs('needs')[0]!.setValue('支持多数据源实时对接')
    await body().get('[data-testid="visit-form-decisions-add"]').trigger('click') // left empty
    await flushPromises()

    await body().get('[data-testid="visit-save"]').trigger('click')
    await flushPromises()

    expect(api.createVisit).toHaveBeenCalledTimes(1)
    const [customerId, fields] = api.createVisit.mock.calls[0]!
    expect(customerId).toBe(1)
    expect(fields).toMatchObject({
      goal: '确认二期需求',
      place: '客户会议室 3F',
      method: 'meeting',
      urgent: true,
      customerParticipants: [{ contactId: 7, name: '王芳', title: '采购总监' }],
      actions: [{ id: null, what: '发送报价单', owner: '李明', dueDate: '2026-12-01', status: 'todo' }],
      needs: [{ text: '支持多数据源实时对接', kind: 'core', priority: 'medium' }],
      decisions: [],
    })
    // No warnings: the dialog closes.
    expect(wrapper.emitted('update:modelValue')?.at(-1)).toEqual([false])
    wrapper.unmount()
  })

  it('suggests what to add to a very short summary without keeping it from being saved', async () => {
    api.createVisit.mockResolvedValue({ visit: visit(5), warnings: [] })
    const { wrapper } = await openForm()
    const hint = () => body().find('[data-testid="visit-form-summary-hint"]')
    expect(hint().exists()).toBe(false) // an empty form is not nagged
    const summary = body().get('[data-testid="visit-form-summary"] textarea')
    await summary.setValue('已跟进，客户说再等等')
    expect(hint().text()).toContain('客户的核心需求和疑虑')
    await summary.setValue('客户确认一车间先行试点，预算 50 万以内，王总下周三前给答复，我们周五前发方案')
    expect(hint().exists()).toBe(false)
    await summary.setValue('已跟进')
    await body().get('[data-testid="visit-save"]').trigger('click')
    await flushPromises()
    expect(api.createVisit.mock.calls[0]![1]).toMatchObject({ summary: '已跟进' })
    wrapper.unmount()
  })

  it('sends the template’s parts: our side with roles, progress, sales actions, solution, internal support', async () => {
    api.createVisit.mockResolvedValue({ visit: visit(5), warnings: [] })
    const { wrapper } = await openForm()
    await body().get('[data-testid="visit-form-ourParticipants-add"]').trigger('click')
    await rowInputs('ourParticipants')[0]!.setValue(' 张伟 ')
    const select = (testid: string) =>
      wrapper.findAllComponents(ElSelect).find((s) => s.element.closest(`[data-testid="${testid}"]`))!
    select('visit-form-ourParticipants').vm.$emit('update:modelValue', 'lead')
    select('visit-form-customerType').vm.$emit('update:modelValue', 'churn_risk')
    const progress = body().findAll('[data-testid="visit-form-progress"] .el-radio-button')
    expect(progress.map((b) => b.text())).toEqual(['达成意向', '存在疑虑', '需补充资料', '暂无进展', '已拒绝'])
    await progress[2]!.find('input').setValue(true)
    const actions = body().findAll('[data-testid="visit-form-salesActions"] .el-checkbox-button')
    await actions
      .find((b) => b.text() === '产品演示')!
      .find('input')
      .setValue(true)
    await actions
      .find((b) => b.text() === '报价')!
      .find('input')
      .setValue(true)
    await body().get('[data-testid="visit-form-solution"] textarea').setValue('一车间先行，二期再扩')
    const support = body().findAll('[data-testid="visit-form-internalSupport"] .el-checkbox')
    await support
      .find((b) => b.text() === '法务审核')!
      .find('input')
      .setValue(true)
    await body().get('[data-testid="visit-form-internalSupport"] .el-input input').setValue('周五前审完合同')
    await body().get('[data-testid="visit-form-notes"] textarea').setValue('交付部人手紧')
    await body().get('[data-testid="visit-save"]').trigger('click')
    await flushPromises()
    expect(api.createVisit.mock.calls[0]![1]).toMatchObject({
      ourParticipants: [{ name: '张伟', role: 'lead' }],
      customerType: 'churn_risk',
      progress: 'needs_material',
      salesActions: ['demo', 'quote'],
      solution: '一车间先行，二期再扩',
      internalSupport: ['legal'],
      supportNote: '周五前审完合同',
      notes: '交付部人手紧',
    })
    wrapper.unmount()
  })

  it('ties the summary to one of the customer’s deals (open ones first, closed ones marked)', async () => {
    const row = (id: number, name: string, stage: Stage) => anOpportunityRow({ id, name, stage })
    api.listOpportunities.mockResolvedValue({
      rows: [row(11, '旧产线改造', 'won'), row(12, 'MES 二期', 'quote')],
      total: 2,
    })
    api.createVisit.mockResolvedValue({
      visit: visit(5, { opportunityId: 12, opportunityName: 'MES 二期' }),
      warnings: [],
    })
    const { wrapper } = await openForm()
    expect(api.listOpportunities).toHaveBeenCalledWith(expect.objectContaining({ customerId: 1 }))
    const select = wrapper
      .findAllComponents(ElSelect)
      .find((s) => s.element.closest('[data-testid="visit-form-opportunity"]'))!
    await flushPromises()
    const options = body()
      .findAll('.el-select-dropdown__item')
      .map((o) => o.text())
    expect(options.filter((t) => t.includes('MES') || t.includes('旧产线'))).toEqual([
      'MES 二期',
      '旧产线改造（已结束）',
    ])
    select.vm.$emit('update:modelValue', 12)
    await body().get('[data-testid="visit-form-summary"] textarea').setValue('评审报价')
    await body().get('[data-testid="visit-save"]').trigger('click')
    await flushPromises()
    expect(api.createVisit.mock.calls[0]![1]).toMatchObject({ opportunityId: 12 })
    wrapper.unmount()
  })

  it('shows the core’s refusal under the field it names', async () => {
    api.createVisit.mockRejectedValue(
      coreError({
        type: 'validation',
        data: { field: 'needs.0.text', reason: 'required', detail: { kind: 'none' } },
      }),
    )
    const { wrapper } = await openForm()
    await body().get('[data-testid="visit-form-needs-add"]').trigger('click')
    await rowInputs('needs')[0]!.setValue('x')
    await body().get('[data-testid="visit-save"]').trigger('click')
    await flushPromises()
    await settle()
    expect(body().get('[data-testid="visit-form-needs"] .el-form-item__error').text()).toBe('必填')
    expect(body().find('[data-testid="visit-form-goal"] .el-form-item__error').exists()).toBe(false)
    expect(body().find('[data-testid="visit-alert"]').exists()).toBe(false)
    expect(wrapper.emitted('update:modelValue')).toBeUndefined()
    wrapper.unmount()
  })

  it('lists the quality warnings after the save, stays open, and saving again updates the record', async () => {
    const warnings: QualityWarning[] = [
      { issue: 'no_next_action', field: 'actions', phrase: '', suggestion: '至少写一条下一步行动' },
      {
        issue: 'vague_phrase',
        field: 'summary',
        phrase: '继续保持联系',
        suggestion: '写清下一步：联系谁、做什么、哪天之前',
      },
    ]
    api.createVisit.mockResolvedValue({ visit: visit(9, { summary: '继续保持联系' }), warnings })
    api.updateVisit.mockResolvedValue({ visit: visit(9), warnings: [] })
    const { wrapper } = await openForm()
    await body().get('[data-testid="visit-form-summary"] textarea').setValue('继续保持联系')
    await body().get('[data-testid="visit-save"]').trigger('click')
    await flushPromises()

    const box = body().get('[data-testid="visit-warnings"]')
    const items = box.findAll('[data-testid="visit-warning"]').map((w) => w.text())
    expect(items).toHaveLength(2)
    expect(items[0]).toContain('没有下一步行动')
    expect(items[0]).toContain('至少写一条下一步行动')
    expect(items[1]).toContain('沟通纪要中的「继续保持联系」太笼统')
    expect(wrapper.emitted('saved')).toHaveLength(1)
    expect(wrapper.emitted('update:modelValue')).toBeUndefined()

    await body().get('[data-testid="visit-save"]').trigger('click')
    await flushPromises()
    expect(api.createVisit).toHaveBeenCalledTimes(1)
    // The form now holds the saved record (the core's answer).
    expect(api.updateVisit).toHaveBeenCalledWith(
      9,
      expect.objectContaining({ summary: '继续保持联系', goal: '确认二期需求', time: '14:30' }),
    )
    expect(body().find('[data-testid="visit-warnings"]').exists()).toBe(false)
    wrapper.unmount()
  })
})

describe('visits tab', () => {
  it('is a tab of the customer page (?tab=visits), offering the customer’s contacts', async () => {
    api.getCustomer.mockResolvedValue(profile({ contacts: [wang] }))
    api.listVisits.mockResolvedValue({ rows: [], total: 0 })
    const router = makeRouter()
    await router.push('/customers/1?tab=visits')
    const { wrapper } = await mountWith(CustomerView, { props: { id: 1 } }, router)
    expect(wrapper.get('[data-testid="customer-tab-visits"]').text()).toBe('跟进记录')
    expect(wrapper.find('[data-testid="visits-tab"]').exists()).toBe(true)
    expect(api.listVisits).toHaveBeenCalledWith(1, null, 0, 20)
    expect(wrapper.findComponent(VisitDialog).props('contacts')).toEqual([wang])
    wrapper.unmount()
  })

  it('?deal= shows one deal’s summaries, a new one starts tied to it, and 全部跟进记录 lifts the filter', async () => {
    api.listOpportunities.mockResolvedValue({
      rows: [anOpportunityRow({ id: 12, name: 'MES 二期', stage: 'quote' })],
      total: 1,
    })
    api.listVisits.mockResolvedValue({ rows: [], total: 0 })
    api.createVisit.mockResolvedValue({
      visit: visit(5, { opportunityId: 12, opportunityName: 'MES 二期' }),
      warnings: [],
    })
    const router = makeRouter()
    await router.push('/customers/1?tab=visits&deal=12')
    const { wrapper } = await mountWith(VisitsTab, { props: { customerId: 1, contacts: [wang] } }, router)
    expect(api.listVisits).toHaveBeenLastCalledWith(1, 12, 0, 20)
    expect(wrapper.find('[data-testid="visits-empty-deal"]').exists()).toBe(true)

    await wrapper.get('[data-testid="visit-new"]').trigger('click')
    await flushPromises()
    await body().get('[data-testid="visit-form-summary"] textarea').setValue('评审报价')
    await body().get('[data-testid="visit-save"]').trigger('click')
    await flushPromises()
    expect(api.createVisit.mock.calls[0]![1]).toMatchObject({ opportunityId: 12 })

    const filter = wrapper
      .findAllComponents(ElSelect)
      .find((s) => s.attributes('data-testid') === 'visits-deal-filter')!
    filter.vm.$emit('update:modelValue', '')
    await flushPromises()
    expect(router.currentRoute.value.query.deal).toBeUndefined()
    expect(api.listVisits).toHaveBeenLastCalledWith(1, null, 0, 20)
    // '' is the 全部跟进记录 choice, shown as such (not as an empty select's 请选择).
    expect(filter.text()).toContain('全部跟进记录（不限商机）')
    wrapper.unmount()
  })

  it('编辑 in the list opens the form filled with that summary, lists and actions included', async () => {
    const v = visit(8, {
      needs: [{ text: '节拍提升到 45 秒', kind: 'core', priority: 'high' }],
      actions: [{ id: 21, what: '发送报价单', owner: '李明', dueDate: '2026-11-28', status: 'todo' }],
    })
    api.listVisits.mockResolvedValue({ rows: [v], total: 1 })
    const { wrapper } = await mountWith(VisitsTab, { props: { customerId: 1, contacts: [wang] } })
    await wrapper.get('[data-testid="visit-edit"]').trigger('click')
    await flushPromises()
    expect(wrapper.findComponent(VisitDialog).props('modelValue')).toBe(true)
    expect((body().get('[data-testid="visit-form-goal"] textarea').element as HTMLTextAreaElement).value).toBe(
      '确认二期需求',
    )
    expect(rowInputs('needs')[0]!.element.value).toBe('节拍提升到 45 秒')
    expect(rowInputs('actions')[0]!.element.value).toBe('发送报价单')
    wrapper.unmount()
  })

  it('the list shows the template’s parts that are filled in, our side with their roles', async () => {
    const v = visit(8, {
      ourParticipants: [
        { name: '张伟', role: 'lead' },
        { name: '李娜', role: null },
      ],
      progress: 'doubts',
      customerType: 'churn_risk',
      salesActions: ['demo', 'quote'],
      solution: '一车间先行',
      internalSupport: ['legal', 'pricing'],
      supportNote: '周五前',
      notes: '交付部人手紧',
    })
    api.listVisits.mockResolvedValue({ rows: [v, visit(9, { goal: '电话回访' })], total: 2 })
    const { wrapper } = await mountWith(VisitsTab, { props: { customerId: 1, contacts: [wang] } })
    const [full, bare] = wrapper.findAll('[data-testid="visit-item"]')
    expect(full!.text()).toContain('张伟（主谈）、李娜')
    expect(full!.get('[data-testid="visit-progress"]').text()).toBe('存在疑虑')
    expect(full!.get('[data-testid="visit-customer-type"]').text()).toBe('流失预警')
    expect(full!.get('[data-testid="visit-sales-actions"]').text()).toBe('销售动作：产品演示、报价')
    expect(full!.get('[data-testid="visit-solution"]').text()).toBe('解决方案概述：一车间先行')
    expect(full!.get('[data-testid="visit-internal-support"]').text()).toBe('需内部支持：法务审核、价格审批 — 周五前')
    expect(full!.get('[data-testid="visit-notes"]').text()).toBe('附加备注 / 协作进展：交付部人手紧')
    for (const part of ['progress', 'customer-type', 'sales-actions', 'solution', 'internal-support', 'notes']) {
      expect(bare!.find(`[data-testid="visit-${part}"]`).exists(), part).toBe(false)
    }
    wrapper.unmount()
  })

  it('?visit= (a timeline entry) opens that summary’s form, once, and drops the parameter', async () => {
    api.listVisits.mockResolvedValue({ rows: [], total: 0 })
    api.getVisit.mockResolvedValue(visit(41, { goal: '评审二期方案' }))
    const router = makeRouter()
    await router.push('/customers/1?tab=visits&visit=41')
    const { wrapper } = await mountWith(VisitsTab, { props: { customerId: 1, contacts: [wang] } }, router)
    await flushPromises()
    expect(api.getVisit).toHaveBeenCalledWith(41)
    const dialog = wrapper.findComponent(VisitDialog)
    expect(dialog.props('modelValue')).toBe(true)
    expect(dialog.props('visit')).toMatchObject({ id: 41, goal: '评审二期方案' })
    expect(router.currentRoute.value.query).toEqual({ tab: 'visits' })
    expect(api.getVisit).toHaveBeenCalledTimes(1)
    wrapper.unmount()
  })

  it('?visit= of another customer’s summary opens nothing; a missing one says why', async () => {
    api.listVisits.mockResolvedValue({ rows: [], total: 0 })
    api.getVisit.mockResolvedValueOnce(visit(41, { customerId: 2 }))
    const router = makeRouter()
    await router.push('/customers/1?tab=visits&visit=41')
    const { wrapper } = await mountWith(VisitsTab, { props: { customerId: 1, contacts: [wang] } }, router)
    await flushPromises()
    expect(wrapper.findComponent(VisitDialog).props('modelValue')).toBe(false)
    api.getVisit.mockRejectedValueOnce(coreError({ type: 'notFound', data: { entity: 'visit', id: 99 } }))
    expectErrorToast('记录不存在')
    await router.replace('/customers/1?tab=visits&visit=99')
    await flushPromises()
    expect(wrapper.findComponent(VisitDialog).props('modelValue')).toBe(false)
    expect(body().find('.el-message--error').exists()).toBe(true)
    wrapper.unmount()
  })

  it('explains what to do when there are no summaries', async () => {
    api.listVisits.mockResolvedValue({ rows: [], total: 0 })
    const { wrapper } = await mountWith(VisitsTab, { props: { customerId: 1, contacts: [wang] } })
    expect(wrapper.get('[data-testid="visits-empty"]').text()).toContain('还没有跟进记录')
    expect(wrapper.get('[data-testid="visit-new"]').text()).toBe('新建跟进记录')
    expect(api.listVisits).toHaveBeenCalledWith(1, null, 0, 20)
    wrapper.unmount()
  })

  it('shows urgent and overdue in the list; 共识确认 copies the recap and marks it sent', async () => {
    const v = visit(3, {
      urgent: true,
      actions: [
        { id: 11, what: '发送报价单', owner: '李明', dueDate: '2026-11-01', status: 'todo' },
        { id: 12, what: '安排技术交流', owner: '张伟', dueDate: '2026-12-10', status: 'doing' },
      ],
      overdueActions: [11],
      opportunityId: 12,
      opportunityName: 'MES 二期',
    })
    api.listVisits.mockResolvedValue({ rows: [v], total: 1 })
    api.visitRecap.mockResolvedValue({ visitId: 3, text: '【共识确认】\n1. 11月28日前发送报价单（李明）' })
    api.setVisitConfirmation.mockResolvedValue({ ...v, confirmation: 'sent', sentOn: '2026-11-23' })
    const writeText = vi.fn().mockResolvedValue(undefined)
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })

    const { wrapper } = await mountWith(VisitsTab, { props: { customerId: 1, contacts: [wang] } })
    const item = wrapper.get('[data-testid="visit-item"]')
    expect(item.classes()).toContain('urgent')
    expect(item.get('[data-testid="visit-confirmation"]').text()).toBe('草稿')
    expect(item.get('[data-testid="visit-opportunity"]').text()).toBe('商机：MES 二期')
    const actions = item.findAll('[data-testid="visit-action"]')
    expect(actions[0]!.find('[data-testid="visit-action-overdue"]').text()).toBe('已逾期')
    expect(actions[1]!.find('[data-testid="visit-action-overdue"]').exists()).toBe(false)
    expect(actions[1]!.text()).toContain('进行中')

    await item.get('[data-testid="visit-recap-open"]').trigger('click')
    await flushPromises()
    expect(api.visitRecap).toHaveBeenCalledWith(3)
    expect(body().get('[data-testid="visit-recap"]').text()).toContain('11月28日前发送报价单')

    await body().get('[data-testid="visit-recap-copy"]').trigger('click')
    await flushPromises()
    expect(writeText).toHaveBeenCalledWith('【共识确认】\n1. 11月28日前发送报价单（李明）')

    api.listVisits.mockClear()
    await body().get('[data-testid="visit-mark-sent"]').trigger('click')
    await flushPromises()
    expect(api.setVisitConfirmation).toHaveBeenCalledWith(3, 'sent')
    expect(body().get('[data-testid="visit-recap-status"]').text()).toBe('已发送')
    expect(body().get('[data-testid="visit-mark-sent"]').attributes('disabled')).toBeDefined()
    expect(api.listVisits).toHaveBeenCalled()
    wrapper.unmount()
  })
})
