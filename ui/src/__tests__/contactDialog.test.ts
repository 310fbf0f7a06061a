import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DOMWrapper, flushPromises } from '@vue/test-utils'
import { contact, coreError, mountWith, profile } from './helpers'
import { presentation } from '../stores/presentation'

const api = await vi.hoisted(() => import('./apiMock').then((m) => m.apiMock()))
vi.mock('../api', () => ({ api }))

import ContactDialog from '../features/customers/contacts/ContactDialog.vue'

vi.setConfig({ testTimeout: 20000 })

const wang = contact(7, '王芳', {
  title: '采购总监',
  phone: '13800001234',
  traits: '务实，重数据',
  hobbies: '周末打网球',
  preferences: '只喝美式，不收贵重礼品',
  family: '女儿妞妞 8 岁，学钢琴',
  isKeyPerson: true,
})
const body = () => new DOMWrapper(document.body)
const open = (mode: 'view' | 'edit', c: typeof wang | null = wang) =>
  mountWith(ContactDialog, { props: { modelValue: true, mode, customerId: 1, contact: c, contacts: c ? [c] : [] } })

beforeEach(() => {
  vi.clearAllMocks()
  presentation.on = false
})
afterEach(() => {
  presentation.on = false
  document.body.innerHTML = ''
})

describe('contact dialog', () => {
  it('the background card shows the personal details, marked 敏感', async () => {
    const { wrapper } = await open('view')
    const text = body().text()
    expect(text).toContain('联系人背景卡')
    expect(text).toContain('女儿妞妞 8 岁，学钢琴')
    expect(text).toContain('只喝美式，不收贵重礼品')
    expect(body().get('[data-testid="contact-family"]').text()).toBe('女儿妞妞 8 岁，学钢琴')
    expect(text).toContain('敏感')
    wrapper.unmount()
  })

  it('in presentation mode the card hides the personal fields but keeps how to reach them', async () => {
    presentation.on = true
    const { wrapper } = await open('view')
    const text = body().text()
    expect(text).not.toContain('女儿妞妞')
    expect(text).not.toContain('只喝美式')
    expect(text).not.toContain('周末打网球')
    expect(body().get('[data-testid="contact-family"]').text()).toBe('已隐藏（演示模式）')
    expect(text).not.toContain('务实，重数据')
    expect(text).toContain('13800001234')
    expect(text).toContain('采购总监')
    wrapper.unmount()
  })

  it('editing in presentation mode does not show the sensitive values, and saving keeps them', async () => {
    presentation.on = true
    const saved = profile({ contacts: [wang] })
    api.updateContact.mockResolvedValue(saved)
    const { wrapper } = await open('edit')
    const form = body().get('[data-testid="contact-form"]')
    const values = form.findAll('textarea').map((t) => (t.element as HTMLTextAreaElement).value)
    expect(values).not.toContain('女儿妞妞 8 岁，学钢琴')
    expect(values).not.toContain('只喝美式，不收贵重礼品')
    expect(values).not.toContain('周末打网球')
    expect(values).not.toContain('务实，重数据')
    expect(form.text()).toContain('已隐藏（演示模式）')

    await form.get('[data-testid="contact-name-input"]').setValue('王芳芳')
    await body().get('[data-testid="contact-save"]').trigger('click')
    await flushPromises()
    expect(api.updateContact).toHaveBeenCalledTimes(1)
    const [id, fields] = api.updateContact.mock.calls[0]
    expect(id).toBe(7)
    expect(fields).toMatchObject({
      name: '王芳芳',
      hobbies: '周末打网球',
      preferences: '只喝美式，不收贵重礼品',
      family: '女儿妞妞 8 岁，学钢琴',
      traits: '务实，重数据',
      isKeyPerson: true,
    })
    expect(wrapper.emitted('saved')).toEqual([[saved]])
    expect(wrapper.emitted('update:modelValue')).toEqual([[false]])
    wrapper.unmount()
  })

  it('a blank name is refused without a call; a server error on email shows under the email field', async () => {
    api.createContact.mockRejectedValue(
      coreError({
        type: 'validation',
        data: { field: 'email', reason: 'invalid_email', detail: { kind: 'none' } },
      }),
    )
    const { wrapper } = await open('edit', null)
    expect(body().text()).toContain('新建联系人')
    await body().get('[data-testid="contact-save"]').trigger('click')
    await flushPromises()
    expect(api.createContact).not.toHaveBeenCalled()
    await new Promise((r) => setTimeout(r, 150)) // Element Plus shows a field's error after a short debounce
    expect(body().text()).toContain('必填')

    await body().get('[data-testid="contact-name-input"]').setValue('赵磊')
    await body().get('[data-testid="contact-save"]').trigger('click')
    await flushPromises()
    expect(api.createContact).toHaveBeenCalledWith(1, expect.objectContaining({ name: '赵磊' }))
    await new Promise((r) => setTimeout(r, 150))
    const email = body()
      .findAll('.el-form-item')
      .find((i) => i.find('label').text() === '邮箱')!
    expect(email.text()).toContain('邮箱格式不正确')
    expect(wrapper.emitted('update:modelValue')).toBeUndefined()
    wrapper.unmount()
  })
})
