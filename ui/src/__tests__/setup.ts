// Runs before every test file (vite.config.ts `test.setupFiles`). A test fails when, without
// saying it expected to, it
// - shows an error toast (ElMessage.error, which is also how unexpectedErrors.ts reports),
// - writes to console.error (Vue's unhandled errors, a failed render),
// - calls an api function it did not mock (apiMock.ts).
// Each test starts with no remembered answers (lib/rememberedAnswers.ts).
// A file ends with no message left on screen (below).
// A test that checks an error toast declares it with `expectErrorToast(text)` from here.
import { afterAll, afterEach, beforeEach, expect } from 'vitest'
import { ElMessage } from 'element-plus'
import { takeUnmockedCalls } from './apiMock'
import { forgetAnswers } from '../lib/rememberedAnswers'

let toasts: string[] = []
let consoleErrors: string[] = []
let expectedToasts: string[] = []

/**
 * This test shows error toasts on purpose: each toast must contain one of `texts`, and each of
 * `texts` must have been shown by the end of the test.
 */
export function expectErrorToast(...texts: string[]) {
  expectedToasts.push(...texts)
}

const text = (x: unknown): string => {
  if (typeof x === 'string') return x
  if (x instanceof Error) return `${x.name}: ${x.message}`
  if (x && typeof x === 'object' && 'message' in x) return String((x as { message: unknown }).message)
  try {
    return JSON.stringify(x)
  } catch {
    return String(x)
  }
}

// Wrapped once for the file, not spied per test: a test's vi.restoreAllMocks() must not undo it.
const showError = ElMessage.error
ElMessage.error = ((...args: Parameters<typeof showError>) => {
  toasts.push(text(args[0]))
  return showError(...args)
}) as typeof showError
const writeError = console.error.bind(console)
console.error = (...args: unknown[]) => {
  consoleErrors.push(args.map(text).join(' '))
  writeError(...args)
}

beforeEach(() => {
  toasts = []
  consoleErrors = []
  expectedToasts = []
  takeUnmockedCalls()
  forgetAnswers()
})

afterEach(() => {
  expect(takeUnmockedCalls(), 'api functions called without a mock').toEqual([])
  const unexpected = toasts.filter((t) => !expectedToasts.some((x) => t.includes(x)))
  expect(unexpected, 'error toasts the test did not expect').toEqual([])
  const missing = expectedToasts.filter((x) => !toasts.some((t) => t.includes(x)))
  expect(missing, 'expected error toasts that were not shown').toEqual([])
  expect(consoleErrors, 'console.error calls').toEqual([])
})

// A message still shown when a file's tests end (a 已复制 shown last, for 3 s) closed on its own
// timer after the file's window was gone, and its fading out then called requestAnimationFrame
// there: an unhandled error that failed the run, now and then, whatever the tests said. Closed
// here, with the frames of its fading out, while the window is still there.
afterAll(async () => {
  ElMessage.closeAll()
  await new Promise((resolve) => setTimeout(resolve, 100))
})
