// The date field built on first hover, focus or click (components/HoverDatePicker.vue): before,
// it is the closed picker's markup with the date or the placeholder and no el-date-picker (whose
// calendar is built at mount); a hover builds it in place, a click builds and opens it, keyboard
// focus builds and focuses it, and a picked or cleared date is handed on.
import { afterEach, describe, expect, it } from 'vitest'
import { defineComponent, h, ref } from 'vue'
import { ElDatePicker } from 'element-plus'
import { flushPromises } from '@vue/test-utils'
import { mountWith } from './helpers'
import HoverDatePicker from '../components/HoverDatePicker.vue'

const Field = (initial: string) =>
  defineComponent({
    setup() {
      const value = ref(initial)
      return () =>
        h('div', [
          h(HoverDatePicker, {
            modelValue: value.value,
            placeholder: '截至日期',
            'data-testid': 'as-of',
            'onUpdate:modelValue': (v: string) => (value.value = v),
          }),
          h('output', { 'data-testid': 'value' }, value.value),
        ])
    },
  })
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms))
/** Whether a calendar panel is shown (a closed picker's popper is hidden). */
const calendarShown = () =>
  [...document.body.querySelectorAll('.el-picker-panel')].some(
    (e) => (e.closest('.el-popper') as HTMLElement | null)?.style.display !== 'none',
  )

describe('hover date picker', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('is the closed picker’s look, without an el-date-picker, until hovered; then the real one in its place', async () => {
    const { wrapper } = await mountWith(Field('2026-11-30'))
    const standIn = wrapper.get('[data-testid="as-of"]')
    expect(wrapper.findComponent(ElDatePicker).exists()).toBe(false)
    expect(document.body.querySelector('.el-picker-panel')).toBeNull()
    expect(standIn.classes()).toEqual(expect.arrayContaining(['el-date-editor', 'el-date-editor--date']))
    expect(standIn.attributes('data-stand-in')).toBeDefined()
    expect((standIn.get('input').element as HTMLInputElement).value).toBe('2026-11-30')
    await standIn.trigger('mouseenter')
    await flushPromises()
    const picker = wrapper.findComponent(ElDatePicker)
    expect(picker.exists()).toBe(true)
    expect(picker.props('modelValue')).toBe('2026-11-30')
    picker.vm.$emit('update:modelValue', '2026-10-01')
    await flushPromises()
    expect(wrapper.get('[data-testid="value"]').text()).toBe('2026-10-01')
    // Cleared: the empty string, as before the first pick.
    picker.vm.$emit('update:modelValue', null)
    await flushPromises()
    expect(wrapper.get('[data-testid="value"]').text()).toBe('')
    wrapper.unmount()
  })

  it('shows the placeholder when empty; a click builds it and opens its calendar', async () => {
    const { wrapper } = await mountWith(Field(''))
    expect(wrapper.get('[data-testid="as-of"] input').attributes('placeholder')).toBe('截至日期')
    await wrapper.get('[data-testid="as-of"]').trigger('click')
    await flushPromises()
    await wait(50)
    expect(wrapper.findComponent(ElDatePicker).exists()).toBe(true)
    expect(calendarShown()).toBe(true)
    wrapper.unmount()
  })

  it('keyboard focus builds it and moves the focus into it', async () => {
    const { wrapper } = await mountWith(Field(''))
    await wrapper.get('[data-testid="as-of"] input').trigger('focusin')
    await flushPromises()
    await wait(20)
    expect(wrapper.findComponent(ElDatePicker).exists()).toBe(true)
    expect(wrapper.find('[data-stand-in]').exists()).toBe(false)
    const focused = document.activeElement as HTMLElement
    expect(focused.closest('.el-date-editor')).not.toBeNull()
    expect(wrapper.element.contains(focused)).toBe(true)
    wrapper.unmount()
  })
})
