// Changing things from the 跟进记录 list and deleting a customer, with the IPC mocked: a next
// action's status set from its select (saved, list reloaded, the page told so it refreshes the
// risk light), an overdue action in red, a visit deleted only after asking (naming how many
// actions go and that it goes to the 回收站 for the set days) and offered back by the undo banner,
// and the customer delete asking with what goes (customer_removal) — nothing deleted when the
// count fails or the user backs out.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DOMWrapper, flushPromises } from '@vue/test-utils'
import { ElMessageBox, ElSelect } from 'element-plus'
import type { CustomerRemoval, Visit } from '../bindings'
import { blankVisit } from '../features/visits/visitForm'
import { removalLines } from '../features/customers/customerRemoval'
import { appState } from '../stores/app'
import { aNextAction, contact, coreError, makeRouter, mountWith, profile, settingsFixture } from './helpers'
import { expectErrorToast } from './setup'

const api = await vi.hoisted(() => import('./apiMock').then((m) => m.apiMock()))
vi.mock('../api', () => ({ api }))

import VisitsTab from '../features/visits/VisitsTab.vue'
import CustomerView from '../features/customers/CustomerView.vue'

vi.setConfig({ testTimeout: 30000 })

const body = () => new DOMWrapper(document.body)

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
const withActions = visit(3, {
  actions: [
    { id: 11, what: '发送报价单', owner: '李明', dueDate: '2026-11-01', status: 'todo' },
    { id: 12, what: '安排技术交流', owner: '张伟', dueDate: '2026-12-10', status: 'doing' },
  ],
  overdueActions: [11],
})

function removal(over: Partial<CustomerRemoval> = {}): CustomerRemoval {
  return {
    customerId: 1,
    name: '华东精密机械有限公司',
    contacts: 3,
    opportunities: 2,
    openOpportunities: 1,
    openAmount: 1_200_000,
    visits: 5,
    actions: 4,
    openActions: 2,
    purchases: 0,
    powerScopes: 0,
    ...over,
  }
}

beforeEach(() => {
  vi.clearAllMocks()
  vi.restoreAllMocks()
  appState.lastDeleted = null
  api.getSettings.mockResolvedValue(settingsFixture({ trashDays: 21 }))
  api.listOpportunities.mockResolvedValue({ rows: [], total: 0 })
})
afterEach(() => {
  document.body.innerHTML = ''
})

describe('visit list', () => {
  it('sets a next action’s status from its select, reloads and tells the page; an overdue action is red', async () => {
    api.listVisits.mockResolvedValue({ rows: [withActions], total: 1 })
    api.setActionStatus.mockResolvedValue(
      aNextAction({ id: 11, what: '发送报价单', status: 'done', doneOn: '2026-11-02' }),
    )
    const { wrapper } = await mountWith(VisitsTab, { props: { customerId: 1, contacts: [] } })
    const rows = wrapper.findAll('[data-testid="visit-action"]')
    expect(rows[0]!.classes()).toContain('overdue')
    expect(rows[1]!.classes()).not.toContain('overdue')
    // The selects are built on the first hover; until then each shows its status.
    expect(wrapper.findAllComponents(ElSelect)).toHaveLength(0)
    const standIns = wrapper.findAll('[data-testid="visit-action-status"]')
    expect(standIns.map((s) => s.text())).toEqual(['待执行', '进行中'])
    for (const s of standIns) await s.trigger('mouseenter')
    const selects = wrapper
      .findAllComponents(ElSelect)
      .filter((s) => s.attributes('data-testid') === 'visit-action-status')
    expect(selects.map((s) => s.props('modelValue'))).toEqual(['todo', 'doing'])

    api.listVisits.mockClear()
    selects[0]!.vm.$emit('update:modelValue', 'done')
    await flushPromises()
    expect(api.setActionStatus).toHaveBeenCalledWith(11, 'done')
    expect(api.listVisits).toHaveBeenCalledWith(1, null, 0, 20)
    expect(wrapper.emitted('changed')).toHaveLength(1)
    expect(body().get('.el-message--success').text()).toContain('「发送报价单」已改为已完成')

    // Picking the status it already has saves nothing.
    selects[1]!.vm.$emit('update:modelValue', 'doing')
    await flushPromises()
    expect(api.setActionStatus).toHaveBeenCalledTimes(1)
    wrapper.unmount()
  })

  it('opened again, shows the page of summaries it had at once, without a loading mask, and asks again', async () => {
    api.listVisits.mockResolvedValue({ rows: [withActions], total: 1 })
    const open = () => mountWith(VisitsTab, { props: { customerId: 1, contacts: [] } })
    ;(await open()).wrapper.unmount()

    api.listVisits.mockReturnValue(new Promise(() => {}))
    const { wrapper } = await open()
    expect(api.listVisits).toHaveBeenCalledTimes(2)
    expect(wrapper.findAll('[data-testid="visit-item"]')).toHaveLength(1)
    expect(wrapper.find('.el-loading-mask').exists()).toBe(false)
    wrapper.unmount()
  })

  it('deletes a visit only after asking, saying its actions go with it, then offers it back', async () => {
    api.listVisits.mockResolvedValue({ rows: [withActions], total: 1 })
    api.deleteVisit.mockResolvedValue(null)
    const confirm = vi.spyOn(ElMessageBox, 'confirm').mockRejectedValueOnce('cancel')
    const { wrapper } = await mountWith(VisitsTab, { props: { customerId: 1, contacts: [] } })

    await wrapper.get('[data-testid="visit-delete"]').trigger('click')
    await flushPromises()
    expect(confirm).toHaveBeenCalledTimes(1)
    const [message, title] = confirm.mock.calls[0]!
    expect(title).toBe('删除跟进记录')
    expect(message).toBe(
      '删除 2026-11-20 的跟进记录「确认二期需求」？其中的 2 条下一步行动也会一并删除。删除后会移到回收站，保留 21 天，期间可以恢复。',
    )
    expect(api.deleteVisit).not.toHaveBeenCalled()

    confirm.mockResolvedValueOnce('confirm' as never)
    api.listVisits.mockResolvedValue({ rows: [], total: 0 })
    await wrapper.get('[data-testid="visit-delete"]').trigger('click')
    await flushPromises()
    expect(api.deleteVisit).toHaveBeenCalledWith(3)
    expect(wrapper.find('[data-testid="visits-empty"]').exists()).toBe(true)
    expect(wrapper.emitted('changed')).toHaveLength(1)
    expect(appState.lastDeleted).toEqual({ name: '2026-11-20 确认二期需求', page: '/' })
    wrapper.unmount()
  })
})

describe('deleting a customer', () => {
  it('lists what goes: only the kinds there are, open deals with their amount, open actions', () => {
    expect(removalLines(removal())).toEqual([
      '客户档案及其各部分内容',
      '联系人 3 位',
      '商机 2 个，其中进行中 1 个，金额合计 120 万元',
      '跟进记录 5 条',
      '下一步行动 4 条（未完成 2 条）',
    ])
    expect(
      removalLines(
        removal({
          contacts: 0,
          opportunities: 1,
          openOpportunities: 0,
          openAmount: 0,
          visits: 0,
          actions: 1,
          openActions: 0,
          purchases: 24,
          powerScopes: 2,
        }),
      ),
    ).toEqual(['客户档案及其各部分内容', '商机 1 个', '下一步行动 1 条', '采购记录 24 条', '权力地图范围 2 个'])
  })

  async function openCustomer() {
    api.getCustomer.mockResolvedValue(profile())
    api.customerRisk.mockResolvedValue({ level: 'green', reasons: [] })
    const router = makeRouter()
    await router.push('/customers/1')
    const mounted = await mountWith(CustomerView, { props: { id: 1 } }, router)
    return { ...mounted, router }
  }

  it('asks with the preview, then deletes and offers undo', async () => {
    api.customerRemoval.mockResolvedValue(removal())
    api.deleteCustomer.mockResolvedValue(null)
    const { wrapper, router } = await openCustomer()
    await wrapper.get('[data-testid="customer-delete"]').trigger('click')
    await flushPromises()
    expect(api.customerRemoval).toHaveBeenCalledWith(1)
    const preview = body().get('[data-testid="customer-delete-preview"]')
    expect(preview.text()).toContain('删除客户「华东精密机械有限公司」？以下内容会一并删除：')
    expect(preview.findAll('li').map((li) => li.text())).toContain('商机 2 个，其中进行中 1 个，金额合计 120 万元')
    expect(preview.text()).toContain(
      '以上内容会一起移到回收站，保留 21 天，期间可以在回收站中恢复，或立即按 Ctrl+Z 撤销。',
    )
    expect(api.deleteCustomer).not.toHaveBeenCalled()

    await body().get('.el-message-box__btns .el-button--danger').trigger('click')
    await flushPromises()
    expect(api.deleteCustomer).toHaveBeenCalledWith(1)
    // Undoable on the customer list, where the page goes.
    expect(appState.lastDeleted).toEqual({ name: '华东精密机械有限公司', page: '/customers' })
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('customers'))
    wrapper.unmount()
  })

  it('a contact is deleted to the 回收站 for the set days, undoable on its customer page', async () => {
    const wang = contact(21, '王芳')
    api.getCustomer.mockResolvedValue(profile({ contacts: [wang] }))
    api.customerRisk.mockResolvedValue({ level: 'green', reasons: [] })
    api.contactRemoval.mockResolvedValue({ contact: { id: 21, name: '王芳' }, edges: [], assessments: [] })
    api.deleteContact.mockResolvedValue(profile())
    const confirm = vi.spyOn(ElMessageBox, 'confirm').mockResolvedValueOnce('confirm' as never)
    const router = makeRouter()
    await router.push('/customers/1')
    const { wrapper } = await mountWith(CustomerView, { props: { id: 1 } }, router)
    await wrapper.get('[data-testid="contact-delete"]').trigger('click')
    await flushPromises()
    expect(confirm.mock.calls[0]![0]).toBe('删除联系人「王芳」？删除后会移到回收站，保留 21 天，期间可以恢复。')
    expect(api.deleteContact).toHaveBeenCalledWith(21)
    expect(appState.lastDeleted).toEqual({ name: '王芳', page: '/customers/1' })
    wrapper.unmount()
  })

  it('deletes nothing when the user backs out or the count fails', async () => {
    const confirm = vi.spyOn(ElMessageBox, 'confirm').mockRejectedValueOnce('cancel')
    api.customerRemoval.mockResolvedValueOnce(removal())
    const { wrapper } = await openCustomer()
    await wrapper.get('[data-testid="customer-delete"]').trigger('click')
    await flushPromises()
    expect(confirm).toHaveBeenCalledTimes(1)

    api.customerRemoval.mockRejectedValueOnce(coreError({ type: 'notFound', data: { entity: 'customer', id: 1 } }))
    expectErrorToast('无法统计要删除的内容')
    await wrapper.get('[data-testid="customer-delete"]').trigger('click')
    await flushPromises()
    expect(confirm).toHaveBeenCalledTimes(1)
    expect(body().get('.el-message--error').text()).toContain('无法统计要删除的内容')
    expect(api.deleteCustomer).not.toHaveBeenCalled()
    wrapper.unmount()
  })
})
