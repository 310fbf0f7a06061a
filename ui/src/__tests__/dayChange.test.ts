// A page left open overnight: the day-change watch fires once when the local date changes (on a
// tick or when the window comes back after sleep), not on every check, and 首页 → 今日 reloads
// its lists (the repurchase prompts too) for the new day.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { HomeData } from '../bindings'
import { makeRouter, mountWith, settingsFixture } from './helpers'

const api = await vi.hoisted(() => import('./apiMock').then((m) => m.apiMock()))
vi.mock('../api', () => ({ api }))

import { watchDayChange } from '../composables/useDayChange'
import { CHECK_EVERY_MS } from '../lib/wallClock'
import HomeView from '../features/home/HomeView.vue'

const at = (d: string) => new Date(d) // local time (no Z)

afterEach(() => {
  vi.useRealTimers()
  document.body.innerHTML = ''
})

describe('watchDayChange', () => {
  beforeEach(() => vi.useFakeTimers())

  it('calls back once when the date changes, not on every tick', async () => {
    vi.setSystemTime(at('2026-11-30T23:59:00'))
    const changed = vi.fn()
    const stop = watchDayChange(changed)
    await vi.advanceTimersByTimeAsync(CHECK_EVERY_MS)
    expect(changed).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(CHECK_EVERY_MS) // 00:00, a new month too
    expect(changed).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(10 * CHECK_EVERY_MS)
    window.dispatchEvent(new Event('focus'))
    expect(changed).toHaveBeenCalledTimes(1)
    stop()
  })

  it('a laptop woken on another day notices at once, on focus or visibility', async () => {
    vi.setSystemTime(at('2026-11-23T18:00:00'))
    const changed = vi.fn()
    const stop = watchDayChange(changed)
    vi.setSystemTime(at('2026-11-24T08:30:00')) // asleep overnight: no timer ran
    document.dispatchEvent(new Event('visibilitychange')) // shown again, without a focus event
    expect(changed).toHaveBeenCalledTimes(1)
    window.dispatchEvent(new Event('focus'))
    expect(changed).toHaveBeenCalledTimes(1)
    vi.setSystemTime(at('2026-11-26T08:30:00'))
    window.dispatchEvent(new Event('focus'))
    expect(changed).toHaveBeenCalledTimes(2)
    stop()
    vi.setSystemTime(at('2026-11-27T08:30:00'))
    window.dispatchEvent(new Event('focus'))
    await vi.advanceTimersByTimeAsync(CHECK_EVERY_MS)
    expect(changed).toHaveBeenCalledTimes(2) // stopped
  })
})

function home(today: string, what: string): HomeData {
  return {
    today,
    dueToday: [],
    dueTodayTotal: 0,
    overdue: [],
    overdueTotal: 0,
    redCustomers: [],
    redTotal: 0,
    closing: [],
    closingTotal: 0,
    closingAmount: 0,
    closingWeighted: 0,
    wonOverdue: [],
    wonOverdueTotal: 0,
    ...(what
      ? {
          dueToday: [
            {
              id: 1,
              customerId: 1,
              customerName: '华东精密',
              visitId: null,
              opportunityId: null,
              opportunityName: '',
              what,
              owner: '李明',
              dueDate: today,
              status: 'todo',
              overdue: false,
              doneOn: '',
              createdAt: '',
            },
          ],
          dueTodayTotal: 1,
        }
      : {}),
  }
}

describe('首页 → 今日 left open overnight', () => {
  it('reloads its lists for the new day once the day turns over, and only then', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] })
    vi.setSystemTime(at('2026-11-23T23:50:00'))
    api.customerFacets.mockResolvedValue({ industries: [], owners: ['李明'], dealOwners: [] })
    api.getSettings.mockResolvedValue(settingsFixture())
    api.homeData.mockResolvedValue(home('2026-11-23', '发送报价单'))
    // 今日's 复购提醒 card: due from a month's start, so it reloads with the rest.
    api.signalFeed.mockResolvedValue({ signals: [], total: 0, evaluatedMonth: '2026-10' })
    const router = makeRouter()
    await router.push('/home')
    const { wrapper } = await mountWith(
      HomeView,
      { global: { stubs: { SignalFeed: true, PortfolioPanel: true, TodayResults: true } } },
      router,
    )
    expect(api.homeData).toHaveBeenCalledTimes(1)
    expect(wrapper.get('[data-testid="home-today"]').text()).toContain('2026-11-23')

    window.dispatchEvent(new Event('focus')) // the same day: nothing to reload
    await vi.advanceTimersByTimeAsync(CHECK_EVERY_MS)
    await flushPromises()
    expect(api.homeData).toHaveBeenCalledTimes(1)

    api.homeData.mockResolvedValue(home('2026-11-24', ''))
    vi.setSystemTime(at('2026-11-24T07:45:00')) // the laptop slept through midnight
    window.dispatchEvent(new Event('focus'))
    await flushPromises()
    expect(api.homeData).toHaveBeenCalledTimes(2)
    expect(api.signalFeed).toHaveBeenCalledTimes(2)
    expect(api.homeData).toHaveBeenLastCalledWith({ owners: [], limit: 20 })
    const today = wrapper.get('[data-testid="home-today"]')
    expect(today.text()).toContain('2026-11-24')
    expect(today.text()).not.toContain('发送报价单')
    wrapper.unmount()

    vi.setSystemTime(at('2026-11-25T07:45:00')) // left the page: no more reloads
    window.dispatchEvent(new Event('focus'))
    await flushPromises()
    expect(api.homeData).toHaveBeenCalledTimes(2)
  })
})
