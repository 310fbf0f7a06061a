// 彻底删除 of a contact: the dialog says what goes and that it cannot be undone, asks for the
// name typed out, erases, and says what was removed where.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DOMWrapper, flushPromises } from '@vue/test-utils'
import { contact, coreError, mountWith } from './helpers'
import { expectErrorToast } from './setup'
import type { EraseReport } from '../bindings'

const api = await vi.hoisted(() => import('./apiMock').then((m) => m.apiMock()))
vi.mock('../api', () => ({ api }))

import EraseContactDialog from '../features/customers/contacts/EraseContactDialog.vue'
import ContactCard from '../features/customers/contacts/ContactCard.vue'

vi.setConfig({ testTimeout: 20000 })

const person = contact(9, '欧阳震华', { title: '生产副总' })
const report: EraseReport = {
  contactId: 9,
  name: '欧阳震华',
  customerId: 1,
  customerName: '华东精密机械有限公司',
  assessments: 2,
  edges: 1,
  reportsCut: 1,
  historyRemoved: 6,
  historyRewritten: 1,
  visits: 2,
  opportunities: 0,
  importRows: 2,
  trashEntries: 0,
  textCells: 3,
  searchEntries: 1,
  backupsHolding: [],
  backupsChecked: true,
}
const body = () => new DOMWrapper(document.body)
const confirmButton = () => body().get('[data-testid="erase-confirm"]')
const open = () => mountWith(EraseContactDialog, { props: { modelValue: true, contact: person } })

beforeEach(() => vi.clearAllMocks())
afterEach(() => {
  document.body.innerHTML = ''
})

describe('erase a contact', () => {
  it('says what goes, that it cannot be undone, and waits for the name typed out', async () => {
    const { wrapper } = await open()
    const text = body().get('[data-testid="erase-dialog"]').text()
    expect(body().text()).toContain('彻底删除联系人「欧阳震华」')
    expect(text).toContain('权力地图')
    expect(text).toContain('跟进记录中的参与记录')
    expect(text).toContain('无法撤销，也无法从回收站恢复')
    expect(text).toContain('请输入联系人姓名「欧阳震华」以确认：')
    expect(confirmButton().attributes('disabled')).toBeDefined()
    await body().get('[data-testid="erase-name"]').setValue('欧阳')
    expect(confirmButton().attributes('disabled')).toBeDefined()
    await confirmButton().trigger('click')
    expect(api.eraseContact).not.toHaveBeenCalled()
    wrapper.unmount()
  })

  it('erases once the name matches and says what was removed where', async () => {
    api.eraseContact.mockResolvedValue(report)
    const { wrapper } = await open()
    await body().get('[data-testid="erase-name"]').setValue(' 欧阳震华 ')
    expect(confirmButton().attributes('disabled')).toBeUndefined()
    await confirmButton().trigger('click')
    await flushPromises()
    expect(api.eraseContact).toHaveBeenCalledWith(9)
    expect(wrapper.emitted('erased')).toEqual([[report]])
    expect(wrapper.emitted('update:modelValue')).toEqual([[false]])
    const message = body().get('.el-message').text()
    expect(message).toBe(
      '已彻底删除「欧阳震华」：评估 2 条、关系 1 条、下属的汇报关系 1 条、权力地图历史 7 条、参与跟进 2 次、导入记录 2 条、文字中的提及 3 处。',
    )
    wrapper.unmount()
  })

  it('backups taken before still holding the person are named and deleted when asked', async () => {
    const files = ['dossier-20261205T010000Z-daily.sqlite', 'dossier-20261206T020000Z-before-import.sqlite']
    api.eraseContact.mockResolvedValue({ ...report, backupsHolding: files })
    api.deleteSnapshots.mockResolvedValue(2)
    const { wrapper } = await open()
    await body().get('[data-testid="erase-name"]').setValue('欧阳震华')
    await confirmButton().trigger('click')
    await flushPromises()
    expect(body().get('.el-message-box').text()).toContain('有 2 份备份是在删除之前做的，仍含有「欧阳震华」的资料')
    await body().get('.el-message-box__btns .el-button--primary').trigger('click')
    await flushPromises()
    await flushPromises()
    expect(api.deleteSnapshots).toHaveBeenCalledWith(files)
    expect(body().text()).toContain('已删除 2 份备份。')
    wrapper.unmount()
  })

  it('an unreadable backup folder is said instead of a silent nothing', async () => {
    api.eraseContact.mockResolvedValue({ ...report, backupsChecked: false })
    const { wrapper } = await open()
    await body().get('[data-testid="erase-name"]').setValue('欧阳震华')
    await confirmButton().trigger('click')
    await flushPromises()
    expect(body().get('.el-message--warning').text()).toContain('不能确认备份中是否仍有此人的资料')
    expect(api.deleteSnapshots).not.toHaveBeenCalled()
    wrapper.unmount()
  })

  it('a refusal is shown in words and the dialog stays', async () => {
    api.eraseContact.mockRejectedValue(coreError({ type: 'notFound', data: { entity: 'contact', id: 9 } }))
    expectErrorToast('记录不存在')
    const { wrapper } = await open()
    await body().get('[data-testid="erase-name"]').setValue('欧阳震华')
    await confirmButton().trigger('click')
    await flushPromises()
    expect(wrapper.emitted('erased')).toBeUndefined()
    expect(wrapper.emitted('update:modelValue')).toBeUndefined()
    expect(body().find('.el-message--error').exists()).toBe(true)
    wrapper.unmount()
  })

  it('the contact card offers 彻底删除…', async () => {
    const { wrapper } = await mountWith(ContactCard, { props: { contact: person } })
    const button = wrapper.get('[data-testid="contact-erase"]')
    expect(button.attributes('title')).toBe('彻底删除…')
    await button.trigger('click')
    expect(wrapper.emitted('erase')).toEqual([[person]])
    wrapper.unmount()
  })
})
