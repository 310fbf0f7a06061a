// A page loaded again after WebKit's web process died says so once, and drops the mark.
import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { i18n } from '../i18n'
import { announceRecovery } from '../lib/pageRecovered'

afterEach(() => {
  document.body.innerHTML = ''
  window.history.replaceState(null, '', '/')
})

describe('a page loaded again after a crash', () => {
  it('tells the person what was kept and what was lost, keeps the route and drops the mark', async () => {
    i18n.global.locale.value = 'zh-CN'
    window.history.replaceState({ at: 3 }, '', '/?recovered=1#/customers/12')
    expect(announceRecovery()).toBe(true)
    await flushPromises()
    expect(document.body.textContent).toContain('界面意外中断，已重新载入')
    expect(window.location.search).toBe('')
    expect(window.location.hash).toBe('#/customers/12')
    expect(window.history.state).toEqual({ at: 3 })
    // A reload after that (or any ordinary start) says nothing.
    document.body.innerHTML = ''
    expect(announceRecovery()).toBe(false)
    await flushPromises()
    expect(document.body.textContent).not.toContain('界面意外中断')
  })
})
