import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { makeRouter, mountWith } from './helpers'
import { appState, offerUndo } from '../stores/app'

const api = vi.hoisted(() => ({ undoDelete: vi.fn() }))
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
    offerUndo('华东精密机械有限公司')
    await flushPromises()
    expect(wrapper.get('[data-testid="undo-banner"]').text()).toContain('已删除 华东精密机械有限公司')
    expect(wrapper.get('[data-testid="undo-button"]').text()).toBe('撤销')
    wrapper.unmount()
  })

  it('撤销 calls undo_delete, reports the restored customer and opens it', async () => {
    api.undoDelete.mockResolvedValue({ kind: 'customer', id: 5, customerId: 5, name: '华东精密机械有限公司' })
    const { wrapper, router } = await mountBanner()
    const push = vi.spyOn(router, 'push').mockResolvedValue(undefined)
    const version = appState.dataVersion
    offerUndo('华东精密机械有限公司')
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
    offerUndo('王芳')
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
    offerUndo('北方化工集团')
    await flushPromises()
    await wrapper.get('[data-testid="undo-button"]').trigger('click')
    await flushPromises()
    expect(document.body.textContent).toContain('没有可撤销的删除')
    wrapper.unmount()
  })
})
