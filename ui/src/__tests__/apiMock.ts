// The api module as tests see it: every function of src/api.ts as a vi.fn with the real
// signature, so `api.x.mockResolvedValue(...)` only accepts what the Rust command returns
// (vue-tsc checks src/__tests__ too). A function the test did not mock rejects with
// "unmocked api call: x" and is recorded; src/__tests__/setup.ts fails the test that made
// the call. Each test file replaces the module with:
//
//   const api = await vi.hoisted(() => import('./apiMock').then((m) => m.apiMock()))
//   vi.mock('../api', () => ({ api }))
import { vi, type Mock } from 'vitest'
import type { api as realApi } from '../api'

type Api = typeof realApi
export type ApiMock = { [K in keyof Api]: Mock<Api[K]> }

/** The names of the api functions called without a mock, in order, since the last `takeUnmockedCalls`. */
const unmocked: string[] = []

export function takeUnmockedCalls(): string[] {
  return unmocked.splice(0)
}

/**
 * A fresh mock of every function of the real api. The default implementation is restored by
 * `mockReset`, so a reset function is unmocked again rather than answering undefined.
 */
export async function apiMock(): Promise<ApiMock> {
  const { api } = await vi.importActual<typeof import('../api')>('../api')
  const mocks = Object.keys(api).map((name) => [
    name,
    vi
      .fn(() => {
        unmocked.push(name)
        return Promise.reject(new Error(`unmocked api call: ${name}`))
      })
      .mockName(`api.${name}`),
  ])
  return Object.fromEntries(mocks) as ApiMock
}
