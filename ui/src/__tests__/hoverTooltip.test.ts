// The tooltip built on first hover or focus (components/HoverTooltip.vue): nothing of
// el-tooltip exists before, the first hover opens it on the same element (a test or a screen
// reader holding it keeps it), leaving closes it, keyboard focus opens it too, a disabled one never.
import { describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { mountWith } from './helpers'
import HoverTooltip from '../components/HoverTooltip.vue'

const Lamp = (disabled = false) =>
  defineComponent({
    render: () =>
      h(
        HoverTooltip,
        { disabled },
        {
          default: () => h('button', { 'data-testid': 'lamp' }, '灯'),
          content: () => h('div', { 'data-testid': 'tip' }, '报价后 6 天无动作'),
        },
      ),
  })
const tip = () => document.body.querySelector('[data-testid="tip"]')
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('hover tooltip', () => {
  it('builds no tooltip until hovered, then opens on the first hover and closes on leaving', async () => {
    const { wrapper } = await mountWith(Lamp())
    const lamp = wrapper.get('[data-testid="lamp"]').element
    expect(wrapper.findComponent({ name: 'ElTooltip' }).exists()).toBe(false)
    await wrapper.get('[data-testid="lamp"]').trigger('mouseenter')
    await wait(300)
    expect(wrapper.findComponent({ name: 'ElTooltip' }).exists()).toBe(true)
    expect(tip()?.textContent).toBe('报价后 6 天无动作')
    expect(wrapper.get('[data-testid="lamp"]').element).toBe(lamp)
    await wrapper.get('[data-testid="lamp"]').trigger('mouseleave')
    await wait(500)
    expect((tip()?.closest('.el-popper') as HTMLElement | null)?.style.display).toBe('none')
    wrapper.unmount()
  })

  it('opens on keyboard focus', async () => {
    const { wrapper } = await mountWith(Lamp())
    await wrapper.get('[data-testid="lamp"]').trigger('focusin')
    await wait(300)
    expect(tip()?.textContent).toBe('报价后 6 天无动作')
    wrapper.unmount()
  })

  it('a disabled one is never built', async () => {
    const { wrapper } = await mountWith(Lamp(true))
    await wrapper.get('[data-testid="lamp"]').trigger('mouseenter')
    await wait(300)
    expect(wrapper.findComponent({ name: 'ElTooltip' }).exists()).toBe(false)
    expect(tip()).toBeNull()
    wrapper.unmount()
  })
})
