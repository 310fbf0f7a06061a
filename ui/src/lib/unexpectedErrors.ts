// An error nothing else caught — a component that threw, a promise nobody awaited — is shown to
// the person in words and written to the log file (api.logUiError) instead of failing silently.
// The log gets the error's kind and where it happened, never its message text, which can carry
// a customer's or a contact's data.
import type { App } from 'vue'
import { ElMessage } from 'element-plus'
import { api } from '../api'
import { errorMessage } from '../errors'

/** The error's kind for the log: a CoreError's `type`, an exception's class name. */
export function errorKind(e: unknown): string {
  if (e && typeof e === 'object' && 'type' in e && typeof (e as { type: unknown }).type === 'string')
    return `core:${(e as { type: string }).type}`
  if (e instanceof Error) return e.name || 'Error'
  return typeof e
}

/** Where it happened: the first frame of the stack (a source file and line), else `fallback`. */
export function errorPlace(e: unknown, fallback: string): string {
  const stack = e instanceof Error ? (e.stack ?? '') : ''
  const frame = stack
    .split('\n')
    .map((l) => l.trim())
    .find((l) => /\.(js|ts|vue)(\?[^:]*)?:\d+/.test(l))
  const file = frame?.match(/([\w.-]+\.(?:js|ts|vue))(?:\?[^:]*)?:(\d+)/)
  return file ? `${file[1]}:${file[2]}` : fallback
}

/** Shows `e` to the person (one message for a burst of the same) and logs its kind and place. */
export function reportUnexpected(e: unknown, fallbackPlace: string) {
  ElMessage.error({ message: errorMessage(e), grouping: true, duration: 6000, showClose: true })
  void api.logUiError(errorKind(e), errorPlace(e, fallbackPlace)).catch(() => {})
}

/** Installs the handlers on the Vue app and the window. */
export function catchUnexpected(app: App, target: Window = window) {
  app.config.errorHandler = (e, instance, info) => {
    reportUnexpected(e, `${instance?.$options.name ?? instance?.$options.__name ?? 'component'} (${info})`)
  }
  target.addEventListener('unhandledrejection', (event) => {
    event.preventDefault()
    reportUnexpected(event.reason, 'promise')
  })
  target.addEventListener('error', (event) => {
    if (isResizeObserverLoop(event)) return
    reportUnexpected(event.error ?? event.message, 'window')
  })
}

/**
 * The browser's note that a ResizeObserver callback changed a size and the rest of that frame's
 * notifications wait for the next one (tables and charts that fit themselves to their box do
 * this). Nothing failed, so nothing is shown: it appeared as 操作失败 after a page reload.
 */
function isResizeObserverLoop(event: ErrorEvent): boolean {
  return !event.error && /^ResizeObserver loop/.test(event.message ?? '')
}
