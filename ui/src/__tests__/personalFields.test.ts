// Presentation mode hides exactly the core's personal contact fields (PERSONAL_FIELDS, generated
// from PersonalField in model.rs), on the card and in the form, and the export dialog names them.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DOMWrapper, flushPromises } from '@vue/test-utils'
import { contact, mountWith } from './helpers'
import { PERSONAL_FIELDS } from '../bindings'
import { presentation } from '../stores/presentation'
import ContactCard from '../features/customers/contacts/ContactCard.vue'
import ContactDialog from '../features/customers/contacts/ContactDialog.vue'
import ExportDialog from '../components/ExportDialog.vue'
import zh from '../i18n/zh-CN'

const marker = (f: string) => `标记-${f}-内容`
const person = contact(5, '赵敏', {
  title: '生产总监',
  department: '制造部',
  phone: '13700001111',
  wechat: 'zhaomin_wx',
  isKeyPerson: true,
  lastContact: '2026-10-01',
  ...Object.fromEntries(PERSONAL_FIELDS.map((f) => [f, marker(f)])),
})
const body = () => new DOMWrapper(document.body)

beforeEach(() => {
  presentation.on = false
})
afterEach(() => {
  presentation.on = false
  document.body.innerHTML = ''
})

describe('personal contact fields', () => {
  it('the set is the whole background card but the contact details (key person, last contact stay)', () => {
    expect([...PERSONAL_FIELDS].sort()).toEqual([
      'career',
      'communicationStyle',
      'family',
      'hobbies',
      'iceBreakers',
      'notes',
      'painPoints',
      'preferences',
      'traits',
    ])
  })

  it('the card shows every personal field, marked 敏感, and hides each in presentation mode', async () => {
    const { wrapper } = await mountWith(ContactCard, { props: { contact: person, detailed: true } })
    for (const f of PERSONAL_FIELDS) expect(wrapper.text()).toContain(marker(f))
    expect(wrapper.findAll('.badge').length).toBe(PERSONAL_FIELDS.length)

    presentation.on = true
    await flushPromises()
    const text = wrapper.text()
    for (const f of PERSONAL_FIELDS) expect(text, f).not.toContain(marker(f))
    for (const kept of ['赵敏', '生产总监', '制造部', '13700001111', 'zhaomin_wx', '2026-10-01'])
      expect(text).toContain(kept)
    expect(wrapper.findAll('.hidden-value').length).toBe(PERSONAL_FIELDS.length)
    wrapper.unmount()
  })

  it('the form in presentation mode holds no personal value in any field', async () => {
    presentation.on = true
    const { wrapper } = await mountWith(ContactDialog, {
      props: { modelValue: true, mode: 'edit', customerId: 1, contact: person, contacts: [person] },
    })
    const form = body().get('[data-testid="contact-form"]')
    const values = [...form.findAll('textarea'), ...form.findAll('input')].map(
      (t) => (t.element as HTMLInputElement).value,
    )
    for (const f of PERSONAL_FIELDS) expect(values, f).not.toContain(marker(f))
    expect(form.text()).not.toContain('标记-')
    expect(form.findAll('.hidden-field').length).toBe(PERSONAL_FIELDS.length)
    expect(values).toContain('13700001111')
    wrapper.unmount()
  })

  it('the export dialog names every personal field in its checkbox and warning', async () => {
    const { wrapper } = await mountWith(ExportDialog, {
      props: { modelValue: true, title: '导出', fileName: 'a.xlsx', run: async () => null },
    })
    const labels = PERSONAL_FIELDS.map((f) => zh.fields[f])
    const box = body().get('[data-testid="export-personal"]').text()
    const warning = body().get('[data-testid="export-personal-warning"]').text()
    for (const l of labels) {
      expect(box).toContain(l)
      expect(warning).toContain(l)
    }
    expect(warning).toContain('性格特征、破冰话题、爱好')
    wrapper.unmount()
  })

  it('a closed export dialog leaves the page, so a kept-alive page does not keep a second one', async () => {
    const { wrapper } = await mountWith(ExportDialog, {
      props: { modelValue: true, title: '导出', fileName: 'a.xlsx', run: async () => null },
      // The real closing transition, whose end removes the content.
      global: { stubs: { transition: false } },
    })
    expect(body().findAll('[data-testid="export-dialog"]')).toHaveLength(1)
    await wrapper.setProps({ modelValue: false })
    await vi.waitFor(() => expect(body().findAll('[data-testid="export-dialog"]')).toHaveLength(0))
    wrapper.unmount()
  })
})
