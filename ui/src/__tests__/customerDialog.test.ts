import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DOMWrapper, flushPromises } from '@vue/test-utils'
import { coreError, mountWith, profile } from './helpers'

const api = await vi.hoisted(() => import('./apiMock').then((m) => m.apiMock()))
vi.mock('../api', () => ({ api }))

import CustomerDialog from '../features/customers/CustomerDialog.vue'

// The dialog is teleported to <body>.
const body = () => new DOMWrapper(document.body)
const nameItem = () => body().get('[data-testid="customer-name-input"]').element.closest('.el-form-item') as HTMLElement
const nameError = () => nameItem().querySelector('.el-form-item__error')?.textContent?.trim() ?? ''
const dialogVisible = () => {
  const form = document.querySelector('[data-testid="customer-form"]')
  return !!form && (form.closest('.el-overlay') as HTMLElement | null)?.style.display !== 'none'
}

async function open() {
  return (await mountWith(CustomerDialog, { props: { modelValue: true, customer: null } })).wrapper
}
async function typeName(v: string) {
  await body().get('[data-testid="customer-name-input"]').setValue(v)
}
async function save() {
  await body().get('[data-testid="customer-save"]').trigger('click')
  await flushPromises()
  await settle()
}
// Element Plus shows (and hides) a field's error after a short debounce.
const settle = () => new Promise((r) => setTimeout(r, 150))

vi.setConfig({ testTimeout: 20000 })
beforeEach(() => vi.clearAllMocks())
// Unmounting leaves the teleported dialog behind while its leave transition runs.
afterEach(() => {
  document.body.innerHTML = ''
})

describe('customer dialog', () => {
  it('a blank name is refused before anything is sent, and the field says 必填', async () => {
    const wrapper = await open()
    expect(body().text()).toContain('新建客户')
    await typeName('   ')
    await save()
    expect(api.createCustomer).not.toHaveBeenCalled()
    expect(nameError()).toBe('必填')
    expect(wrapper.emitted('update:modelValue')).toBeUndefined()
    wrapper.unmount()
  })

  it('a duplicate name from the store shows under the name field and keeps the dialog open', async () => {
    api.createCustomer.mockRejectedValue(
      coreError({
        type: 'validation',
        data: { field: 'name', reason: 'duplicate', detail: { kind: 'text', text: '华东精密机械有限公司' } },
      }),
    )
    const wrapper = await open()
    await typeName('  华东精密机械有限公司 ')
    await save()
    expect(api.createCustomer).toHaveBeenCalledTimes(1)
    expect(api.createCustomer.mock.calls[0][0]).toMatchObject({ name: '华东精密机械有限公司', tags: [] })
    expect(nameError()).toBe('已存在同名客户（华东精密机械有限公司）')
    expect(wrapper.emitted('update:modelValue')).toBeUndefined()
    expect(wrapper.emitted('created')).toBeUndefined()
    expect(dialogVisible()).toBe(true)

    // Typing a new name clears the server's message.
    await typeName('华东精密机械(苏州)有限公司')
    await settle()
    expect(nameError()).toBe('')
    wrapper.unmount()
  })

  it('an error that names no field of the form shows as an alert at the top', async () => {
    api.createCustomer.mockRejectedValue(coreError({ type: 'database', data: { detail: 'database is locked' } }))
    const wrapper = await open()
    await typeName('北方化工集团')
    await save()
    expect(body().get('[data-testid="customer-form-alert"]').text()).toContain('database is locked')
    expect(wrapper.emitted('update:modelValue')).toBeUndefined()
    wrapper.unmount()
  })

  it('a valid customer is created, announced and the dialog closes', async () => {
    const created = profile().customer
    api.createCustomer.mockResolvedValue(created)
    const wrapper = await open()
    await typeName('华东精密机械有限公司')
    await save()
    expect(wrapper.emitted('created')).toEqual([[created]])
    expect(wrapper.emitted('update:modelValue')).toEqual([[false]])
    expect(document.body.textContent).toContain('已创建客户 华东精密机械有限公司')
    wrapper.unmount()
  })

  it('editing starts from the customer’s values and saves through update_customer', async () => {
    const p = profile()
    api.updateCustomer.mockResolvedValue(p)
    const wrapper = (await mountWith(CustomerDialog, { props: { modelValue: true, customer: p.customer } })).wrapper
    expect(body().text()).toContain('编辑客户')
    expect((body().get('[data-testid="customer-name-input"]').element as HTMLInputElement).value).toBe(
      '华东精密机械有限公司',
    )
    await save()
    expect(api.updateCustomer).toHaveBeenCalledWith(
      1,
      expect.objectContaining({ name: '华东精密机械有限公司', grade: 'A', tags: ['重点'] }),
    )
    expect(wrapper.emitted('updated')).toEqual([[p]])
    wrapper.unmount()
  })

  it('the customer’s notes (备注) are edited with the overview and saved with it', async () => {
    const p = profile()
    p.customer.notes = '年底集中采购'
    api.updateCustomer.mockResolvedValue(p)
    const wrapper = (await mountWith(CustomerDialog, { props: { modelValue: true, customer: p.customer } })).wrapper
    const notes = body().get('[data-testid="customer-notes"]')
    expect((notes.element as HTMLTextAreaElement).value).toBe('年底集中采购')
    await notes.setValue('只接受月结')
    await save()
    expect(api.updateCustomer).toHaveBeenCalledWith(1, expect.objectContaining({ notes: '只接受月结' }))
    wrapper.unmount()
  })
})
