// The 商机 screens with the IPC mocked: the stage move dialog asks for exactly the fields the
// core's stage gate names, saves them and moves; the lost review cannot be sent without its
// reason; the opportunity form shows the core's refusal by the field it names; the tab's empty
// state explains what a 商机 is.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DOMWrapper, flushPromises } from '@vue/test-utils'
import { ElDatePicker, ElInputNumber, ElSelect } from 'element-plus'
import type { Opportunity, OpportunityRow, RiskLight } from '../bindings'
import { contact, coreError, makeRouter, mountWith, profile, settingsFixture } from './helpers'
import { appState } from '../stores/app'
import { blankOpportunity, gateMissing } from '../features/opportunities/stages'
import { i18n } from '../i18n'

const api = await vi.hoisted(() => import('./apiMock').then((m) => m.apiMock()))
vi.mock('../api', () => ({ api }))

import StageMoveDialog from '../features/opportunities/StageMoveDialog.vue'
import OpportunityDialog from '../features/opportunities/OpportunityDialog.vue'
import OpportunitiesTab from '../features/opportunities/OpportunitiesTab.vue'
import CustomerView from '../features/customers/CustomerView.vue'

vi.setConfig({ testTimeout: 30000 })

const body = () => new DOMWrapper(document.body)
// Element Plus shows a field's error after a short debounce.
const settle = () => new Promise((r) => setTimeout(r, 150))

function opp(id: number, over: Partial<Opportunity> = {}): Opportunity {
  return {
    ...blankOpportunity(),
    id,
    customerId: 1,
    customerName: '长江汽配',
    effectiveProbability: 40,
    weighted: 344000,
    stageSince: '2026-11-30',
    createdAt: '2026-11-01 10:00:00',
    updatedAt: '2026-11-30 10:00:00',
    name: '焊装线自动化改造',
    owner: '王强',
    amount: 860000,
    stage: 'solution',
    expectedClose: '2027-01-11',
    competitors: ['汇川技术'],
    needs: '焊装线节拍从 60 秒提升到 52 秒',
    ...over,
  }
}

const risk = (level: 'green' | 'red' = 'green'): RiskLight => ({
  level,
  reasons:
    level === 'red'
      ? [
          {
            rule: 'quote_idle',
            level,
            opportunityId: 3,
            opportunityName: '',
            days: 9,
            count: 0,
            since: '',
            yellowDays: null,
            redDays: 5,
            signal: '',
            stage: null,
            installment: null,
            amount: null,
            milestone: '',
            months: null,
          },
        ]
      : [],
})
const row = (o: Opportunity, level: 'green' | 'red' = 'green'): OpportunityRow => ({ ...o, risk: risk(level) })
const page = (rows: OpportunityRow[]) => ({ rows, total: rows.length })
const zhang = contact(7, '张伟', { title: '设备部经理' })

const gate = (fields: string[]) =>
  coreError({
    type: 'validation',
    data: { field: fields[0]!, reason: 'required', detail: { kind: 'missingFields', fields } },
  })

beforeEach(() => {
  vi.clearAllMocks()
  // The core's default probabilities: 10, 20, 40, 60, 75, 90.
  api.getSettings.mockResolvedValue(settingsFixture())
  api.powerScopes.mockResolvedValue([{ id: null, name: '', light: 'unknown' }])
  api.stageHistory.mockResolvedValue([])
})
afterEach(() => {
  document.body.innerHTML = ''
})

describe('a stage gate refusal', () => {
  it('is read from the typed list of missing fields, never from text', () => {
    expect(gateMissing(gate(['quoteAmount', 'quoteDate']))).toEqual(['quoteAmount', 'quoteDate'])
    expect(gateMissing(gate(['lostReview.reason', 'lostReview.text']))).toEqual([
      'lostReview.reason',
      'lostReview.text',
    ])
    const plain = (detail: object) => ({ type: 'validation', data: { field: 'name', reason: 'required', detail } })
    expect(gateMissing(plain({ kind: 'none' }))).toEqual([])
    expect(gateMissing(plain({ kind: 'text', text: 'quoteAmount,quoteDate' }))).toEqual([])
  })

  it('names the missing fields in English too', async () => {
    api.moveOpportunity.mockRejectedValueOnce(gate(['quoteAmount', 'quoteDate']))
    const { wrapper } = await mountWith(StageMoveDialog, {
      props: { modelValue: true, opportunity: opp(3), target: 'quote' },
    })
    i18n.global.locale.value = 'en'
    try {
      await flushPromises()
      expect(body().get('[data-testid="stage-move-missing"]').text()).toContain(
        'Before “Quote”, fill in: Quote amount, Quote date',
      )
    } finally {
      i18n.global.locale.value = 'zh-CN'
      wrapper.unmount()
    }
  })
})

describe('stage move dialog', () => {
  it('方案 → 报价 without a quote: names the missing fields, saves them, then moves', async () => {
    const deal = opp(3)
    api.moveOpportunity.mockRejectedValueOnce(gate(['quoteAmount', 'quoteDate']))
    api.updateOpportunity.mockImplementation(async (id: number, f) => ({ ...deal, ...f, id }))
    api.moveOpportunity.mockResolvedValueOnce(opp(3, { stage: 'quote', quoteAmount: 820000, quoteDate: '2026-12-01' }))
    const { wrapper } = await mountWith(StageMoveDialog, {
      props: { modelValue: true, opportunity: deal, target: 'quote' },
    })
    await flushPromises()

    // The move was tried first, and refused.
    expect(api.moveOpportunity).toHaveBeenCalledWith(3, 'quote', null)
    expect(body().get('[data-testid="stage-move-missing"]').text()).toContain(
      '进入「报价」前需要填写：报价金额、报价日期',
    )
    expect(body().find('[data-testid="stage-move-field-quoteAmount"]').exists()).toBe(true)
    expect(body().find('[data-testid="stage-move-field-quoteDate"]').exists()).toBe(true)
    // Exactly those: nothing about the contract.
    expect(body().find('[data-testid="stage-move-field-contractAmount"]').exists()).toBe(false)

    // Without the date the dialog says so under the field and sends nothing.
    wrapper.findComponent(ElInputNumber).vm.$emit('update:modelValue', 820000)
    await flushPromises()
    await body().get('[data-testid="stage-move-confirm"]').trigger('click')
    await flushPromises()
    await settle()
    expect(body().get('[data-testid="stage-move-field-quoteDate"] .el-form-item__error').text()).toBe('必填')
    expect(api.updateOpportunity).not.toHaveBeenCalled()

    wrapper.findComponent(ElDatePicker).vm.$emit('update:modelValue', '2026-12-01')
    await flushPromises()
    await body().get('[data-testid="stage-move-confirm"]').trigger('click')
    await flushPromises()

    // Saved at the current stage with every other field as it was, then moved.
    expect(api.updateOpportunity).toHaveBeenCalledTimes(1)
    const [id, fields] = api.updateOpportunity.mock.calls[0]!
    expect(id).toBe(3)
    expect(fields).toMatchObject({
      stage: 'solution',
      quoteAmount: 820000,
      quoteDate: '2026-12-01',
      name: '焊装线自动化改造',
      competitors: ['汇川技术'],
    })
    expect(api.moveOpportunity).toHaveBeenLastCalledWith(3, 'quote', null)
    expect(api.updateOpportunity.mock.invocationCallOrder[0]!).toBeLessThan(
      api.moveOpportunity.mock.invocationCallOrder[1]!,
    )
    expect(wrapper.emitted('moved')?.[0]?.[0]).toMatchObject({ id: 3, stage: 'quote' })
    expect(wrapper.emitted('update:modelValue')?.at(-1)).toEqual([false])
    expect(wrapper.emitted('cancel')).toBeUndefined()
    wrapper.unmount()
  })

  it('a move the gate lets pass needs no dialog: moved at once', async () => {
    api.moveOpportunity.mockResolvedValue(opp(3, { stage: 'needs' }))
    const { wrapper } = await mountWith(StageMoveDialog, {
      props: { modelValue: true, opportunity: opp(3), target: 'needs' },
    })
    await flushPromises()
    expect(wrapper.emitted('moved')).toHaveLength(1)
    expect(body().find('[data-testid="stage-move-confirm"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('the lost review refuses to submit without a reason, then sends the review', async () => {
    api.moveOpportunity.mockResolvedValue(opp(3, { stage: 'lost' }))
    const { wrapper } = await mountWith(StageMoveDialog, {
      props: { modelValue: true, opportunity: opp(3), target: 'lost' },
    })
    await flushPromises()
    // Nothing tried before the review is written; the stage lost at is the current one.
    expect(api.moveOpportunity).not.toHaveBeenCalled()
    expect(body().get('[data-testid="lost-review-stage"]').text()).toContain('方案')
    // Clearing 输给谁 leaves an empty name (Element Plus's default would be undefined, which
    // made the submit throw).
    const lostTo = wrapper
      .findAllComponents(ElSelect)
      .find((s) => s.element.closest('[data-testid="lost-review-lostTo"]'))!
    expect(lostTo.props('valueOnClear')).toBe('')

    await body().get('[data-testid="lost-review-text"] textarea').setValue('对方报价低 18%')
    await body().get('[data-testid="stage-move-confirm"]').trigger('click')
    await flushPromises()
    await settle()
    expect(body().get('[data-testid="lost-review-reason"] .el-form-item__error').text()).toBe('必填')
    expect(body().find('[data-testid="lost-review-text"] .el-form-item__error').exists()).toBe(false)
    expect(api.moveOpportunity).not.toHaveBeenCalled()
    expect(wrapper.emitted('moved')).toBeUndefined()

    await body().get('[data-testid="lost-review-reason-price"] input').setValue(true)
    await body().get('[data-testid="stage-move-confirm"]').trigger('click')
    await flushPromises()
    expect(api.moveOpportunity).toHaveBeenCalledWith(3, 'lost', {
      lostTo: '',
      reason: 'price',
      text: '对方报价低 18%',
      stageLostAt: 'solution',
      next: '',
    })
    expect(wrapper.emitted('moved')).toHaveLength(1)
    wrapper.unmount()
  })

  it('while a move is under way the dialog cannot be cancelled (the core would still move it)', async () => {
    let finish: (o: Opportunity) => void = () => {}
    api.moveOpportunity.mockReturnValue(new Promise<Opportunity>((r) => (finish = r)))
    const { wrapper } = await mountWith(StageMoveDialog, {
      props: { modelValue: true, opportunity: opp(3), target: 'needs' },
    })
    // A slow move shows the dialog with its spinner after 300 ms.
    await new Promise((r) => setTimeout(r, 400))
    await flushPromises()
    expect(body().get('[data-testid="stage-move-cancel"]').attributes('disabled')).toBeDefined()
    wrapper.findComponent({ name: 'ElDialog' }).vm.$emit('update:modelValue', false)
    await flushPromises()
    expect(wrapper.emitted('cancel')).toBeUndefined()
    finish(opp(3, { stage: 'needs' }))
    await flushPromises()
    expect(wrapper.emitted('moved')).toHaveLength(1)
    wrapper.unmount()
  })

  it('成交 asks for the contract; a refusal for the quote then asks for it too, naming only what is missing', async () => {
    const deal = opp(3)
    api.updateOpportunity.mockImplementation(async (id: number, f) => ({ ...deal, ...f, id }))
    api.moveOpportunity.mockRejectedValueOnce(gate(['quoteAmount', 'quoteDate']))
    const { wrapper } = await mountWith(StageMoveDialog, {
      props: { modelValue: true, opportunity: deal, target: 'won' },
    })
    await flushPromises()
    // Asked before anything is tried.
    expect(api.moveOpportunity).not.toHaveBeenCalled()
    expect(body().find('[data-testid="stage-move-missing"]').exists()).toBe(false)
    wrapper.findComponent(ElInputNumber).vm.$emit('update:modelValue', 850000)
    wrapper.findComponent(ElDatePicker).vm.$emit('update:modelValue', '2026-12-02')
    await flushPromises()
    await body().get('[data-testid="stage-move-confirm"]').trigger('click')
    await flushPromises()
    expect(api.updateOpportunity).toHaveBeenCalledWith(
      3,
      expect.objectContaining({ stage: 'solution', contractAmount: 850000, contractDate: '2026-12-02' }),
    )
    expect(api.moveOpportunity).toHaveBeenCalledWith(3, 'won', null)
    expect(body().get('[data-testid="stage-move-missing"]').text()).toContain(
      '进入「成交」前需要填写：报价金额、报价日期',
    )
    expect(body().find('[data-testid="stage-move-field-quoteAmount"]').exists()).toBe(true)
    expect(body().find('[data-testid="stage-move-field-contractAmount"]').exists()).toBe(true)
    expect(wrapper.emitted('moved')).toBeUndefined()
    wrapper.unmount()
  })

  it('closing without moving says cancel', async () => {
    const { wrapper } = await mountWith(StageMoveDialog, {
      props: { modelValue: true, opportunity: opp(3), target: 'lost' },
    })
    await flushPromises()
    await body().get('[data-testid="stage-move-cancel"]').trigger('click')
    expect(wrapper.emitted('cancel')).toHaveLength(1)
    expect(wrapper.emitted('update:modelValue')?.at(-1)).toEqual([false])
    expect(wrapper.emitted('moved')).toBeUndefined()
    wrapper.unmount()
  })
})

describe('opportunity form', () => {
  const openForm = (o: Opportunity | null = null) =>
    mountWith(OpportunityDialog, {
      props: { modelValue: true, customerId: 1, contacts: [zhang], opportunity: o, defaultOwner: '王强' },
    })

  it('shows the core’s refusal next to the field it names', async () => {
    api.createOpportunity.mockRejectedValue(
      coreError({
        type: 'validation',
        data: { field: 'amount', reason: 'out_of_range', detail: { kind: 'text', text: '> 0' } },
      }),
    )
    const { wrapper } = await openForm()
    await body().get('[data-testid="opp-form-name"] input').setValue('二期扩产')
    wrapper.findAllComponents(ElInputNumber)[0]!.vm.$emit('update:modelValue', -5)
    await flushPromises()
    await body().get('[data-testid="opp-save"]').trigger('click')
    await flushPromises()
    await settle()
    expect(api.createOpportunity).toHaveBeenCalledWith(
      1,
      expect.objectContaining({ name: '二期扩产', amount: -5, owner: '王强', probability: null }),
    )
    expect(body().get('[data-testid="opp-form-amount"] .el-form-item__error').text()).toBe('超出范围 > 0')
    expect(body().find('[data-testid="opp-form-name"] .el-form-item__error').exists()).toBe(false)
    expect(wrapper.emitted('update:modelValue')).toBeUndefined()
    wrapper.unmount()
  })

  it('a stage gate refusal marks every field the stage needs, and names them', async () => {
    api.createOpportunity.mockRejectedValue(gate(['quoteAmount', 'quoteDate']))
    const { wrapper } = await openForm()
    await body().get('[data-testid="opp-form-name"] input').setValue('二期扩产')
    await flushPromises()
    await body().get('[data-testid="opp-save"]').trigger('click')
    await flushPromises()
    await settle()
    expect(body().get('[data-testid="opp-form-quoteAmount"] .el-form-item__error').text()).toBe('必填')
    expect(body().get('[data-testid="opp-form-quoteDate"] .el-form-item__error').text()).toBe('必填')
    expect(body().get('[data-testid="opp-form-alert"]').text()).toContain('报价金额、报价日期')
    wrapper.unmount()
  })

  it('需单独跟进 is a switch with its help, sent with the deal', async () => {
    api.updateOpportunity.mockImplementation(async (id: number, f) => ({ ...opp(id), ...f }))
    const { wrapper } = await openForm(opp(3))
    const field = body().get('[data-testid="opp-form-ownFollowUpRequired"]')
    expect(field.text()).toContain('只有关联到这个商机的跟进记录才算跟进')
    await field.get('.el-switch').trigger('click')
    await body().get('[data-testid="opp-save"]').trigger('click')
    await flushPromises()
    expect(api.updateOpportunity).toHaveBeenCalledWith(3, expect.objectContaining({ ownFollowUpRequired: true }))
    wrapper.unmount()
  })

  it('the probability follows the stage’s default from 设置 unless set by hand', async () => {
    api.updateOpportunity.mockImplementation(async (id: number, f) => ({ ...opp(id), ...f }))
    const { wrapper } = await openForm(opp(3))
    expect(body().get('[data-testid="opp-form-probability-default"]').text()).toContain('40%')
    await body().get('[data-testid="opp-form-probability-custom"] input').setValue(true)
    await flushPromises()
    const pct = wrapper
      .findAllComponents(ElInputNumber)
      .find((c) => c.element.closest('[data-testid="opp-form-probability"]'))!
    expect(pct.props('modelValue')).toBe(40)
    pct.vm.$emit('update:modelValue', 55)
    await flushPromises()
    await body().get('[data-testid="opp-save"]').trigger('click')
    await flushPromises()
    expect(api.updateOpportunity).toHaveBeenCalledWith(
      3,
      expect.objectContaining({ probability: 55, stage: 'solution', needs: '焊装线节拍从 60 秒提升到 52 秒' }),
    )
    wrapper.unmount()
  })
})

describe('opportunities tab', () => {
  it('explains what a 商机 is when there is none', async () => {
    api.listOpportunities.mockResolvedValue(page([]))
    const { wrapper } = await mountWith(OpportunitiesTab, { props: { customerId: 1, contacts: [] } })
    expect(api.listOpportunities).toHaveBeenCalledWith(expect.objectContaining({ customerId: 1 }))
    const empty = wrapper.get('[data-testid="opp-empty"]')
    expect(empty.text()).toContain('还没有商机')
    expect(empty.text()).toContain('新建商机')
    expect(wrapper.find('[data-testid="opp-item"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('groups open and closed deals, and a move through the dialog reloads the list and tells the page', async () => {
    const open = opp(3, { keyPersons: [7] })
    const lost = opp(4, {
      name: '变电站智能监控',
      stage: 'lost',
      effectiveProbability: 0,
      weighted: 0,
      stageSince: '2026-10-01',
      lostReview: { lostTo: '西门子', reason: 'price', text: '对方报价低 18%', stageLostAt: 'quote', next: '跟进二期' },
    })
    api.listOpportunities.mockResolvedValue(page([row(open, 'red'), row(lost)]))
    api.moveOpportunity.mockResolvedValue(opp(3, { stage: 'needs' }))
    const { wrapper } = await mountWith(OpportunitiesTab, { props: { customerId: 1, contacts: [zhang] } })

    const openItems = wrapper.findAll('[data-testid="opp-open"] [data-testid="opp-item"]')
    expect(openItems).toHaveLength(1)
    const item = openItems[0]!
    expect(item.get('[data-testid="opp-amount"]').text()).toBe('86 万元')
    expect(item.get('[data-testid="opp-weighted"]').text()).toBe('加权 34.4 万元')
    expect(item.get('[data-testid="opp-probability"]').text()).toBe('成交概率 40%')
    expect(item.get('[data-testid="opp-risk"] [data-testid="risk-badge"]').attributes('data-level')).toBe('red')
    expect(item.get('[data-testid="opp-step-solution"]').attributes('data-state')).toBe('current')
    expect(item.get('[data-testid="opp-step-needs"]').attributes('data-state')).toBe('done')
    expect(item.text()).toContain('关键人：张伟')
    const closed = wrapper.get('[data-testid="opp-closed"] [data-testid="opp-item"]')
    expect(closed.get('[data-testid="opp-lost-review"]').text()).toContain('在「报价」输给 西门子 · 价格')
    expect(closed.find('[data-testid="opp-move"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="opp-summary"]').text()).toBe('1 个进行中 · 金额 86 万元 · 加权 34.4 万元')

    // Moving back to 需求确认 by the stepper: the gate lets it pass, no questions asked.
    await item.get('[data-testid="opp-step-needs"]').trigger('click')
    await flushPromises()
    expect(api.moveOpportunity).toHaveBeenCalledWith(3, 'needs', null)
    expect(api.listOpportunities).toHaveBeenCalledTimes(2)
    expect(wrapper.emitted('changed')).toHaveLength(1)
    wrapper.unmount()
  })

  it('shows the stage history on demand', async () => {
    api.listOpportunities.mockResolvedValue(page([row(opp(3))]))
    api.stageHistory.mockResolvedValue([
      { opportunityId: 3, from: null, to: 'initiation', changedOn: '2026-11-01' },
      { opportunityId: 3, from: 'initiation', to: 'needs', changedOn: '2026-11-16' },
    ])
    const { wrapper } = await mountWith(OpportunitiesTab, { props: { customerId: 1, contacts: [] } })
    expect(api.stageHistory).not.toHaveBeenCalled()
    await wrapper.get('[data-testid="opp-history"]').trigger('click')
    await flushPromises()
    expect(api.stageHistory).toHaveBeenCalledWith(3)
    const lines = wrapper.findAll('[data-testid="opp-history-row"]').map((r) => r.text())
    expect(lines).toEqual(['2026-11-01创建于「立项」', '2026-11-16立项 → 需求确认'])
    wrapper.unmount()
  })

  it('deletes only after asking, to the 回收站, and offers it back', async () => {
    api.listOpportunities.mockResolvedValue(page([row(opp(3))]))
    api.deleteOpportunity.mockResolvedValue(null)
    api.getSettings.mockResolvedValue(settingsFixture({ trashDays: 30 }))
    const { wrapper } = await mountWith(OpportunitiesTab, { props: { customerId: 1, contacts: [] } })
    await wrapper.get('[data-testid="opp-delete"]').trigger('click')
    await flushPromises()
    expect(body().get('.el-message-box').text()).toContain(
      '删除商机「焊装线自动化改造」？与它相关的跟进记录和行动仍保留在客户名下。删除后会移到回收站，保留 30 天，期间可以恢复。',
    )
    expect(body().get('.el-message-box').text()).not.toContain('不能恢复')
    expect(api.deleteOpportunity).not.toHaveBeenCalled()
    await body().get('.el-message-box .el-button--danger').trigger('click')
    await flushPromises()
    await settle()
    expect(api.deleteOpportunity).toHaveBeenCalledWith(3)
    expect(appState.lastDeleted?.name).toBe('焊装线自动化改造')
    wrapper.unmount()
  })

  it('a deal’s 跟进记录 opens the visits tab filtered to it', async () => {
    api.getCustomer.mockResolvedValue(profile({ contacts: [zhang] }))
    api.customerRisk.mockResolvedValue(risk())
    api.listOpportunities.mockResolvedValue(page([row(opp(3))]))
    api.listVisits.mockResolvedValue({ rows: [], total: 0 })
    const router = makeRouter()
    await router.push('/customers/1?tab=deals')
    const { wrapper } = await mountWith(CustomerView, { props: { id: 1 } }, router)
    await wrapper.get('[data-testid="opp-item"] [data-testid="opp-visits"]').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.query).toMatchObject({ tab: 'visits', deal: '3' })
    wrapper.unmount()
  })

  it('is the 商机 tab of the customer page (?tab=deals)', async () => {
    api.getCustomer.mockResolvedValue(profile({ contacts: [zhang] }))
    api.customerRisk.mockResolvedValue(risk())
    api.listOpportunities.mockResolvedValue(page([]))
    const router = makeRouter()
    await router.push('/customers/1?tab=deals')
    const { wrapper } = await mountWith(CustomerView, { props: { id: 1 } }, router)
    expect(wrapper.get('[data-testid="customer-tab-deals"]').text()).toBe('商机')
    expect(wrapper.find('[data-testid="opp-tab"]').exists()).toBe(true)
    wrapper.unmount()
  })
})
