import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import { makeRouter, mountWith } from './helpers'
import { appState, offerUndo } from '../stores/app'
import { useUndoDelete } from '../composables/useUndoDelete'

const api = await vi.hoisted(() => import('./apiMock').then((m) => m.apiMock()))
vi.mock('../api', () => ({ api }))

import UndoBanner from '../components/UndoBanner.vue'

vi.setConfig({ testTimeout: 20000 })

beforeEach(() => {
  vi.clearAllMocks()
  appState.lastDeleted = null
})
afterEach(() => {
  appState.lastDeleted = null
  document.body.innerHTML = ''
})

async function mountBanner() {
  const router = makeRouter()
  await router.push('/customers')
  const { wrapper } = await mountWith(UndoBanner, {}, router)
  return { wrapper, router }
}

describe('undo banner', () => {
  it('appears after a delete with the deleted name', async () => {
    const { wrapper } = await mountBanner()
    expect(wrapper.find('[data-testid="undo-banner"]').exists()).toBe(false)
    offerUndo('华东精密机械有限公司', '/customers')
    await flushPromises()
    // In the trash, not gone: the banner says so and links there.
    expect(wrapper.get('[data-testid="undo-banner"]').text()).toContain('已将「华东精密机械有限公司」移到回收站')
    expect(wrapper.get('[data-testid="undo-banner"]').text()).not.toContain('已删除')
    expect(wrapper.get('[data-testid="undo-button"]').text()).toBe('撤销')
    expect(wrapper.get('[data-testid="undo-open-trash"]').text()).toBe('查看回收站')
    wrapper.unmount()
  })

  it('查看回收站 opens the trash', async () => {
    const { wrapper, router } = await mountBanner()
    const push = vi.spyOn(router, 'push').mockResolvedValue(undefined)
    offerUndo('王芳', '/customers')
    await flushPromises()
    await wrapper.get('[data-testid="undo-open-trash"]').trigger('click')
    expect(push).toHaveBeenCalledWith({ name: 'trash' })
    wrapper.unmount()
  })

  it('撤销 calls undo_delete, reports the restored customer and opens it', async () => {
    api.undoDelete.mockResolvedValue({ kind: 'customer', id: 5, customerId: 5, name: '华东精密机械有限公司' })
    const { wrapper, router } = await mountBanner()
    const push = vi.spyOn(router, 'push').mockResolvedValue(undefined)
    const version = appState.dataVersion
    offerUndo('华东精密机械有限公司', '/customers')
    await flushPromises()
    await wrapper.get('[data-testid="undo-button"]').trigger('click')
    await flushPromises()
    expect(api.undoDelete).toHaveBeenCalledTimes(1)
    expect(document.body.textContent).toContain('已恢复 华东精密机械有限公司')
    expect(wrapper.find('[data-testid="undo-banner"]').exists()).toBe(false)
    expect(appState.dataVersion).toBe(version + 1)
    expect(push).toHaveBeenCalledWith({ name: 'customer', params: { id: 5 } })
    wrapper.unmount()
  })

  it('a restored contact is reported by name and the page stays', async () => {
    api.undoDelete.mockResolvedValue({ kind: 'contact', id: 21, customerId: 3, name: '王芳' })
    const { wrapper, router } = await mountBanner()
    offerUndo('王芳', '/customers')
    await flushPromises()
    await wrapper.get('[data-testid="undo-button"]').trigger('click')
    await flushPromises()
    expect(document.body.textContent).toContain('已恢复 王芳')
    expect(router.currentRoute.value.fullPath).toBe('/customers')
    wrapper.unmount()
  })

  it('says so when there is nothing left to undo', async () => {
    api.undoDelete.mockResolvedValue(null)
    const { wrapper } = await mountBanner()
    offerUndo('北方化工集团', '/customers')
    await flushPromises()
    await wrapper.get('[data-testid="undo-button"]').trigger('click')
    await flushPromises()
    expect(document.body.textContent).toContain('没有可撤销的删除')
    wrapper.unmount()
  })
})

// Ctrl/Cmd+Z (useGlobalShortcuts → useUndoDelete) outside text fields, while the delete's page is open.
describe('Ctrl+Z', () => {
  const Page = defineComponent({
    setup() {
      useUndoDelete()
      return () => h('input', { 'data-testid': 'field' })
    },
  })
  const ctrlZ = (target: EventTarget = window) =>
    target.dispatchEvent(new KeyboardEvent('keydown', { key: 'z', ctrlKey: true, bubbles: true, cancelable: true }))

  async function mountPage() {
    const router = makeRouter()
    await router.push('/customers')
    const { wrapper } = await mountWith(Page, {}, router)
    return { wrapper, router }
  }

  it('restores the last delete while its page is open', async () => {
    api.undoDelete.mockResolvedValue({ kind: 'contact', id: 21, customerId: 3, name: '王芳' })
    const { wrapper } = await mountPage()
    offerUndo('王芳', '/customers')
    ctrlZ()
    await flushPromises()
    expect(api.undoDelete).toHaveBeenCalledTimes(1)
    expect(document.body.textContent).toContain('已恢复 王芳')
    // Once: a second Ctrl+Z does not reach further back into the trash.
    ctrlZ()
    await flushPromises()
    expect(api.undoDelete).toHaveBeenCalledTimes(1)
    wrapper.unmount()
  })

  it('in a text field it is the field’s own undo', async () => {
    const { wrapper } = await mountPage()
    offerUndo('王芳', '/customers')
    ctrlZ(wrapper.get('[data-testid="field"]').element)
    await flushPromises()
    expect(api.undoDelete).not.toHaveBeenCalled()
    expect(appState.lastDeleted).not.toBeNull()
    wrapper.unmount()
  })

  it('does nothing once the page is left', async () => {
    const { wrapper, router } = await mountPage()
    offerUndo('王芳', '/customers')
    await router.push('/imports')
    await flushPromises()
    expect(appState.lastDeleted).toBeNull()
    ctrlZ()
    await flushPromises()
    expect(api.undoDelete).not.toHaveBeenCalled()
    wrapper.unmount()
  })

  it('a delete that leads to another page is undoable there', async () => {
    api.undoDelete.mockResolvedValue(null)
    const { wrapper, router } = await mountPage()
    offerUndo('华东精密机械有限公司', '/imports')
    ctrlZ()
    await flushPromises()
    expect(api.undoDelete).not.toHaveBeenCalled()
    await router.push('/imports')
    await flushPromises()
    ctrlZ()
    await flushPromises()
    expect(api.undoDelete).toHaveBeenCalledTimes(1)
    wrapper.unmount()
  })
})
