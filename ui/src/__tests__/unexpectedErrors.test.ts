// An error nothing caught is shown in words and logged by kind and place, never by its text.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createApp, defineComponent, h, nextTick } from 'vue'
import { DOMWrapper, flushPromises } from '@vue/test-utils'
import { i18n } from '../i18n'

import { expectErrorToast } from './setup'
const api = await vi.hoisted(() => import('./apiMock').then((m) => m.apiMock()))
vi.mock('../api', () => ({ api }))

import { catchUnexpected, errorKind, errorPlace } from '../lib/unexpectedErrors'

const body = () => new DOMWrapper(document.body)

beforeEach(() => {
  vi.clearAllMocks()
  api.logUiError.mockResolvedValue(null)
})
afterEach(() => {
  document.body.innerHTML = ''
})

describe('unexpected errors', () => {
  it('names a CoreError by its type and an exception by its class; the place is a source line', () => {
    expect(errorKind({ type: 'database', data: { detail: '张伟 的电话' } })).toBe('core:database')
    expect(errorKind(new TypeError('x is undefined'))).toBe('TypeError')
    const e = new Error('客户 华东精密')
    e.stack = 'Error: 客户 华东精密\n    at save (http://localhost/assets/VisitDialog-abc.js?v=1:120:7)'
    expect(errorPlace(e, 'here')).toBe('VisitDialog-abc.js:120')
    expect(errorPlace('boom', 'here')).toBe('here')
  })

  it("a component that throws shows a message and logs the error's kind, not its text", async () => {
    const Broken = defineComponent({
      setup() {
        return () =>
          h(
            'button',
            {
              'data-testid': 'broken',
              onClick: () => {
                throw new RangeError('联系人 李芳 13800000000')
              },
            },
            'x',
          )
      },
    })
    expectErrorToast('操作失败')
    const root = document.createElement('div')
    document.body.appendChild(root)
    const app = createApp(Broken).use(i18n)
    catchUnexpected(app, new EventTarget() as unknown as Window)
    app.mount(root)
    await body().get('[data-testid="broken"]').trigger('click')
    await flushPromises()
    expect(body().get('.el-message--error').text()).toContain('操作失败')
    expect(api.logUiError).toHaveBeenCalledTimes(1)
    const [kind, place] = api.logUiError.mock.calls[0]
    expect(kind).toBe('RangeError')
    expect(`${kind} ${place}`).not.toContain('李芳')
    app.unmount()
  })

  it('a rejected promise nobody awaited is shown and logged, a CoreError in its own words', async () => {
    expectErrorToast('正在使用的数据库文件')
    const target = new EventTarget()
    catchUnexpected(createApp(defineComponent({ render: () => null })), target as unknown as Window)
    const event = Object.assign(new Event('unhandledrejection', { cancelable: true }), {
      reason: { type: 'wouldOverwriteDatabase', data: { path: '/home/am/dossier.sqlite' } },
    })
    target.dispatchEvent(event)
    await nextTick()
    await flushPromises()
    expect(event.defaultPrevented).toBe(true)
    expect(body().get('.el-message--error').text()).toContain('正在使用的数据库文件')
    expect(api.logUiError).toHaveBeenCalledWith('core:wouldOverwriteDatabase', 'promise')
  })

  it("the browser's ResizeObserver loop note is not an error; a script error on the window is", async () => {
    expectErrorToast('操作失败')
    const target = new EventTarget()
    catchUnexpected(createApp(defineComponent({ render: () => null })), target as unknown as Window)
    const note = 'ResizeObserver loop completed with undelivered notifications.'
    target.dispatchEvent(new ErrorEvent('error', { message: note }))
    await flushPromises()
    expect(document.querySelector('.el-message')).toBeNull()
    expect(api.logUiError).not.toHaveBeenCalled()
    target.dispatchEvent(new ErrorEvent('error', { message: 'x', error: new TypeError('x is undefined') }))
    await flushPromises()
    expect(body().get('.el-message--error').text()).toContain('操作失败')
    expect(api.logUiError).toHaveBeenCalledWith('TypeError', expect.any(String))
  })
})
