// The select built on first hover, focus or click (components/HoverSelect.vue): before, it is
// the closed select's markup with the chosen label and no el-select; a hover builds it in
// place, a click builds and opens it, keyboard focus builds and focuses it, and a choice is
// handed on; a disabled one opens nothing.
import { afterEach, describe, expect, it } from 'vitest'
import { defineComponent, h, ref } from 'vue'
import { ElSelect } from 'element-plus'
import { flushPromises } from '@vue/test-utils'
import { mountWith } from './helpers'
import HoverSelect from '../components/HoverSelect.vue'

const OPTIONS = [
  { value: 'todo', label: '待执行' },
  { value: 'done', label: '已完成' },
]
const Status = (disabled = false) =>
  defineComponent({
    setup() {
      const value = ref('todo')
      return () =>
        h('div', [
          h(HoverSelect, {
            modelValue: value.value,
            options: OPTIONS,
            disabled,
            ariaLabel: '状态',
            'data-testid': 'status',
            'onUpdate:modelValue': (v: string | number) => (value.value = String(v)),
          }),
          h('output', { 'data-testid': 'value' }, value.value),
        ])
    },
  })
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms))
/** The options of an open dropdown (a closed one's popper is hidden). */
const dropdownItems = () =>
  [...document.body.querySelectorAll('.el-select-dropdown__item')]
    .filter((e) => (e.closest('.el-popper') as HTMLElement | null)?.style.display !== 'none')
    .map((e) => e.textContent)

describe('hover select', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('is the closed select’s look, without an el-select, until hovered; then the real one in its place', async () => {
    const { wrapper } = await mountWith(Status())
    const standIn = wrapper.get('[data-testid="status"]')
    expect(wrapper.findComponent(ElSelect).exists()).toBe(false)
    expect(standIn.classes()).toEqual(expect.arrayContaining(['el-select', 'el-select--small']))
    expect(standIn.get('.el-select__placeholder').text()).toBe('待执行')
    expect(standIn.get('[role="combobox"]').attributes('aria-label')).toBe('状态')
    await standIn.trigger('mouseenter')
    await flushPromises()
    const select = wrapper.findComponent(ElSelect)
    expect(select.exists()).toBe(true)
    expect(select.props('modelValue')).toBe('todo')
    expect(select.attributes('data-testid')).toBe('status')
    select.vm.$emit('update:modelValue', 'done')
    await flushPromises()
    expect(wrapper.get('[data-testid="value"]').text()).toBe('done')
    wrapper.unmount()
  })

  it('a click builds it and opens its options', async () => {
    const { wrapper } = await mountWith(Status())
    await wrapper.get('[data-testid="status"]').trigger('click')
    await flushPromises()
    await wait(50)
    expect(wrapper.findComponent(ElSelect).exists()).toBe(true)
    expect(dropdownItems()).toEqual(['待执行', '已完成'])
    wrapper.unmount()
  })

  it('keyboard focus builds it and moves the focus into it', async () => {
    const { wrapper } = await mountWith(Status())
    await wrapper.get('[data-testid="status"] [role="combobox"]').trigger('focusin')
    await flushPromises()
    expect(document.activeElement?.closest('[data-testid="status"]')).not.toBeNull()
    expect(wrapper.findComponent(ElSelect).exists()).toBe(true)
    wrapper.unmount()
  })

  it('a disabled one looks disabled, cannot be reached by Tab and opens nothing when clicked', async () => {
    const { wrapper } = await mountWith(Status(true))
    const box = wrapper.get('[data-testid="status"] [role="combobox"]')
    expect(box.classes()).toContain('is-disabled')
    expect(box.attributes('tabindex')).toBe('-1')
    await wrapper.get('[data-testid="status"]').trigger('click')
    await flushPromises()
    await wait(50)
    expect(dropdownItems()).toEqual([])
    wrapper.unmount()
  })
})
