// The 回收站 page (TrashView.vue) and its wording (features/trash/words.ts): entries newest first with
// what went with them, restore in any order with a way to the record, 永久删除 and 清空回收站
// only after asking, the empty trash explained, refusals worded from the typed errors.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DOMWrapper, flushPromises } from '@vue/test-utils'
import type { TrashContents, TrashEntry, TrashPage } from '../bindings'
import { coreError, mountWith, settingsFixture } from './helpers'
import { expectErrorToast } from './setup'
import { i18n } from '../i18n'

const api = await vi.hoisted(() => import('./apiMock').then((m) => m.apiMock()))
vi.mock('../api', () => ({ api }))

import TrashView from '../features/trash/TrashView.vue'
import { contentsText, restoredTarget } from '../features/trash/words'
import { localTime } from '../lib/format'

vi.setConfig({ testTimeout: 20000 })

const none: TrashContents = { contacts: 0, opportunities: 0, visits: 0, actions: 0, purchases: 0, powerScopes: 0 }
const customer: TrashEntry = {
  id: 12,
  kind: 'customer',
  recordId: 5,
  customerId: 5,
  customerName: '华东精密机械有限公司',
  name: '华东精密机械有限公司',
  deletedAt: '2026-03-04T10:05:00Z',
  expiresAt: '2026-04-03T10:05:00Z',
  importId: null,
  contents: { ...none, contacts: 3, opportunities: 2, visits: 5, actions: 4, purchases: 120, powerScopes: 1 },
}
const contact: TrashEntry = {
  id: 11,
  kind: 'contact',
  recordId: 21,
  customerId: 8,
  customerName: '北方化工集团',
  name: '王芳',
  deletedAt: '2026-03-03T09:00:00Z',
  expiresAt: '2026-04-02T09:00:00Z',
  importId: null,
  contents: none,
}
const visit: TrashEntry = {
  id: 10,
  kind: 'visit',
  recordId: 40,
  customerId: 5,
  customerName: '华东精密机械有限公司',
  name: '2026-03-01 确认二期需求',
  deletedAt: '2026-03-02T09:00:00Z',
  expiresAt: '2026-04-01T09:00:00Z',
  importId: null,
  contents: { ...none, actions: 2 },
}
const pageOf = (entries: TrashEntry[], total = entries.length): TrashPage => ({ entries, total })

const body = () => new DOMWrapper(document.body)
const rowOf = (name: string) =>
  body()
    .findAll('.el-table__body-wrapper tr')
    .find((r) => r.find('[data-testid="trash-name"]').exists() && r.get('[data-testid="trash-name"]').text() === name)!
const clickIn = async (name: string, id: string) => {
  await rowOf(name).get(`[data-testid="${id}"]`).trigger('click')
  await flushPromises()
}
const boxButton = async (label: string) => {
  await body()
    .findAll('.el-message-box__btns button')
    .find((b) => b.text() === label)!
    .trigger('click')
  await flushPromises()
}

beforeEach(() => {
  vi.clearAllMocks()
  api.getSettings.mockResolvedValue(settingsFixture({ trashDays: 30 }))
  api.listTrash.mockResolvedValue(pageOf([customer, contact, visit]))
})
afterEach(() => {
  i18n.global.locale.value = 'zh-CN'
  document.body.innerHTML = ''
})

describe('trash wording', () => {
  it('says what went with an entry, in order, only the kinds there are', () => {
    expect(contentsText(customer.contents)).toBe(
      '含 3 位联系人、2 个商机、5 条跟进记录、4 条下一步行动、120 条采购记录、1 个权力地图范围',
    )
    expect(contentsText({ ...none, contacts: 3, opportunities: 2, visits: 5 })).toBe(
      '含 3 位联系人、2 个商机、5 条跟进记录',
    )
    expect(contentsText(none)).toBe('')
    i18n.global.locale.value = 'en'
    expect(contentsText({ ...none, contacts: 3, opportunities: 1, visits: 5 })).toBe(
      'With 3 contacts, 1 deal, 5 follow-up records',
    )
  })

  it('opens a restored record where it lives', () => {
    expect(restoredTarget({ kind: 'customer', id: 5, customerId: 5, name: 'x' })).toEqual({
      name: 'customer',
      params: { id: 5 },
    })
    expect(restoredTarget({ kind: 'contact', id: 21, customerId: 8, name: 'x' })).toEqual({
      name: 'customer',
      params: { id: 8 },
      query: { contact: '21' },
    })
    expect(restoredTarget({ kind: 'visit', id: 41, customerId: 5, name: 'x' })).toEqual({
      name: 'customer',
      params: { id: 5 },
      query: { tab: 'visits', visit: '41' },
    })
    expect(restoredTarget({ kind: 'opportunity', id: 3, customerId: 5, name: 'x' })).toEqual({
      name: 'customer',
      params: { id: 5 },
      query: { tab: 'deals' },
    })
  })

  it('shows UTC timestamps in local time', () => {
    const d = new Date('2026-03-04T10:05:00Z')
    const pad = (n: number) => String(n).padStart(2, '0')
    expect(localTime('2026-03-04T10:05:00Z')).toBe(
      `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`,
    )
  })
})

describe('the 回收站 page', () => {
  it('lists the entries newest first with kind, name, customer, contents and both dates', async () => {
    const { wrapper } = await mountWith(TrashView)
    expect(api.listTrash).toHaveBeenCalledWith(20, 0)
    expect(wrapper.findAll('[data-testid="trash-name"]').map((n) => n.text())).toEqual([
      '华东精密机械有限公司',
      '王芳',
      '2026-03-01 确认二期需求',
    ])
    expect(wrapper.findAll('[data-testid="trash-kind"]').map((n) => n.text())).toEqual(['客户', '联系人', '跟进记录'])
    expect(rowOf('华东精密机械有限公司').get('[data-testid="trash-contents"]').text()).toContain(
      '含 3 位联系人、2 个商机、5 条跟进记录',
    )
    expect(rowOf('王芳').text()).toContain('客户：北方化工集团')
    expect(rowOf('2026-03-01 确认二期需求').get('[data-testid="trash-contents"]').text()).toBe('含 2 条下一步行动')
    expect(rowOf('王芳').get('[data-testid="trash-deleted-at"]').text()).toBe(localTime(contact.deletedAt))
    expect(rowOf('王芳').get('[data-testid="trash-expires-at"]').text()).toBe(localTime(contact.expiresAt))
    expect(wrapper.get('[data-testid="trash-lead"]').text()).toContain('保留 30 天')
    wrapper.unmount()
  })

  it('an empty trash explains what comes there and for how long', async () => {
    api.getSettings.mockResolvedValue(settingsFixture({ trashDays: 45 }))
    api.listTrash.mockResolvedValue(pageOf([]))
    const { wrapper } = await mountWith(TrashView)
    const empty = wrapper.get('[data-testid="trash-empty"]').text()
    expect(empty).toContain('回收站是空的')
    expect(empty).toContain('保留 45 天')
    expect(empty).toContain('联系人、跟进记录和商机')
    expect(wrapper.get('[data-testid="trash-empty-all"]').attributes('disabled')).toBeDefined()
    wrapper.unmount()
  })

  it('恢复 restores that entry (any one) and offers to open it', async () => {
    api.restoreTrash.mockResolvedValue({ kind: 'contact', id: 21, customerId: 8, name: '王芳' })
    const { wrapper, router } = await mountWith(TrashView)
    await clickIn('王芳', 'trash-restore')
    expect(api.restoreTrash).toHaveBeenCalledWith(11)
    expect(wrapper.get('[data-testid="trash-restored"]').text()).toContain('已恢复联系人「王芳」。')
    expect(api.listTrash).toHaveBeenCalledTimes(2) // reloaded
    const push = vi.spyOn(router, 'push').mockResolvedValue(undefined)
    await wrapper.get('[data-testid="trash-restored-open"]').trigger('click')
    expect(push).toHaveBeenCalledWith({ name: 'customer', params: { id: 8 }, query: { contact: '21' } })
    wrapper.unmount()
  })

  it('a restored customer says its contacts and map came back with it', async () => {
    api.restoreTrash.mockResolvedValue({ kind: 'customer', id: 5, customerId: 5, name: '华东精密机械有限公司' })
    const { wrapper } = await mountWith(TrashView)
    await clickIn('华东精密机械有限公司', 'trash-restore')
    expect(api.restoreTrash).toHaveBeenCalledWith(12)
    expect(wrapper.get('[data-testid="trash-restored"]').text()).toContain(
      '已恢复客户「华东精密机械有限公司」，连同其联系人、商机、跟进记录、采购记录和权力地图。',
    )
    expect(wrapper.get('[data-testid="trash-restored-open"]').text()).toBe('打开客户')
    wrapper.unmount()
  })

  it('永久删除 asks first, saying it cannot be undone and, for a customer, what goes with it', async () => {
    api.purgeTrash.mockResolvedValue(null)
    const { wrapper } = await mountWith(TrashView)
    await clickIn('华东精密机械有限公司', 'trash-purge')
    const message = body().get('[data-testid="trash-purge-message"]').text()
    expect(message).toContain('永久删除客户「华东精密机械有限公司」？此操作不能撤销。')
    expect(message).toContain('含 3 位联系人')
    expect(message).toContain('它的联系人、跟进记录和商机在回收站中的条目也会一并永久删除。')
    await boxButton('取消')
    expect(api.purgeTrash).not.toHaveBeenCalled()

    await clickIn('华东精密机械有限公司', 'trash-purge')
    await boxButton('永久删除')
    expect(api.purgeTrash).toHaveBeenCalledWith(12)
    expect(body().text()).toContain('已永久删除「华东精密机械有限公司」')
    wrapper.unmount()
  })

  it('a contact’s 永久删除 does not speak of entries going with it', async () => {
    const { wrapper } = await mountWith(TrashView)
    await clickIn('王芳', 'trash-purge')
    const message = body().get('[data-testid="trash-purge-message"]').text()
    expect(message).toBe('永久删除联系人「王芳」？此操作不能撤销。')
    await boxButton('取消')
    wrapper.unmount()
  })

  it('清空回收站 asks with the count, then purges everything', async () => {
    api.emptyTrash.mockResolvedValue(3)
    const { wrapper } = await mountWith(TrashView)
    await wrapper.get('[data-testid="trash-empty-all"]').trigger('click')
    await flushPromises()
    expect(body().get('.el-message-box').text()).toContain('清空回收站？其中的 3 条记录将被永久删除，此操作不能撤销。')
    expect(api.emptyTrash).not.toHaveBeenCalled()
    api.listTrash.mockResolvedValue(pageOf([]))
    await boxButton('清空回收站')
    expect(api.emptyTrash).toHaveBeenCalledTimes(1)
    expect(wrapper.find('[data-testid="trash-empty"]').exists()).toBe(true)
    wrapper.unmount()
  })

  it('a record whose customer is in the trash offers to restore that customer first, then the record', async () => {
    api.restoreTrash
      .mockRejectedValueOnce({ type: 'customerInTrash', data: { customerId: 8, name: '北方化工集团', trashId: 9 } })
      .mockResolvedValueOnce({ kind: 'customer', id: 8, customerId: 8, name: '北方化工集团' })
      .mockResolvedValueOnce({ kind: 'contact', id: 21, customerId: 8, name: '王芳' })
    const { wrapper } = await mountWith(TrashView)
    await clickIn('王芳', 'trash-restore')
    expect(body().get('.el-message-box').text()).toContain(
      '「王芳」所属的客户「北方化工集团」也在回收站中，需要先恢复该客户。',
    )
    expect(api.restoreTrash).toHaveBeenCalledTimes(1)
    await boxButton('恢复客户和「王芳」')
    expect(api.restoreTrash.mock.calls.map((c) => c[0])).toEqual([11, 9, 11])
    expect(wrapper.get('[data-testid="trash-restored"]').text()).toContain('已恢复联系人「王芳」。')
    wrapper.unmount()
  })

  it('declining to restore the customer restores nothing', async () => {
    api.restoreTrash.mockRejectedValueOnce(
      coreError({
        type: 'customerInTrash',
        data: { customerId: 8, name: '北方化工集团', trashId: 9 },
      }),
    )
    const { wrapper } = await mountWith(TrashView)
    await clickIn('王芳', 'trash-restore')
    await boxButton('取消')
    expect(api.restoreTrash).toHaveBeenCalledTimes(1)
    expect(wrapper.find('[data-testid="trash-restored"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('a customer whose name was taken meanwhile names the customer that took it', async () => {
    api.restoreTrash.mockRejectedValue(
      coreError({
        type: 'validation',
        data: { field: 'name', reason: 'duplicate', detail: { kind: 'text', text: '华东精密机械股份有限公司' } },
      }),
    )
    expectErrorToast('已有同名客户「华东精密机械股份有限公司」')
    const { wrapper } = await mountWith(TrashView)
    await clickIn('华东精密机械有限公司', 'trash-restore')
    expect(body().text()).toContain(
      '无法恢复客户「华东精密机械有限公司」：已有同名客户「华东精密机械股份有限公司」。请先把那个客户改名，再恢复。',
    )
    expect(wrapper.find('[data-testid="trash-restored"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('pages with the offset pager', async () => {
    api.listTrash.mockResolvedValue(pageOf([customer, contact, visit], 45))
    const { wrapper } = await mountWith(TrashView)
    await wrapper.get('[data-testid="offset-pager"] .el-pager li:nth-child(2)').trigger('click')
    await flushPromises()
    expect(api.listTrash).toHaveBeenLastCalledWith(20, 20)
    wrapper.unmount()
  })
})
