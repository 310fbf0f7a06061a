// The action reminder's decisions (the text, when the daily one is due and when not to send) and
// its runner with a fake clock, settings, counts, sender and storage — including a laptop that
// sleeps through the chosen time (the clock jumps, timers do not run); the plugin call itself
// must swallow a refusal or a missing notification service.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { NotifySettings } from '../bindings'

const plugin = vi.hoisted(() => ({
  isPermissionGranted: vi.fn(),
  requestPermission: vi.fn(),
  sendNotification: vi.fn(),
}))
vi.mock('@tauri-apps/plugin-notification', () => plugin)
const api = await vi.hoisted(() => import('./apiMock').then((m) => m.apiMock()))
vi.mock('../api', () => ({ api }))

import {
  QUIET_AFTER_STARTUP_MS,
  markSent,
  mayRemind,
  reminderText,
  remind,
  rescheduleDueReminders,
  sendDesktop,
  startDueReminders,
  timeToday,
  type DueCounts,
  type ReminderDeps,
} from '../features/reminders/dueNotifications'
import { i18n } from '../i18n'
import { CHECK_EVERY_MS, localDay } from '../lib/wallClock'

const at = (d: string) => new Date(d) // local time (no Z)
const t = (key: string, values: Record<string, unknown>) => i18n.global.t(key, values)
const on: NotifySettings = { enabled: true, time: '09:00', owners: [] }

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
  vi.clearAllMocks()
})

describe('pure decisions', () => {
  it('reads the chosen time as that moment of the local day', () => {
    expect(timeToday(at('2026-11-23T08:00:00'), '09:00')).toEqual(at('2026-11-23T09:00:00'))
    expect(timeToday(at('2026-11-30T23:59:00'), '7:05')).toEqual(at('2026-11-30T07:05:00'))
    expect(timeToday(at('2026-11-23T08:00:00'), '24:00')).toBeNull()
    expect(timeToday(at('2026-11-23T08:00:00'), '')).toBeNull()
  })

  it('the daily one is due once its time came while watched for, however late that is noticed', () => {
    const since = at('2026-11-23T07:00:00') // the app started
    expect(mayRemind(on, 'daily', at('2026-11-23T08:59:59'), null, since)).toBe(false)
    expect(mayRemind(on, 'daily', at('2026-11-23T09:00:00'), null, since)).toBe(true)
    // Asleep from 08:00 to 10:30: still due on waking, that day…
    expect(mayRemind(on, 'daily', at('2026-11-23T10:30:00'), null, since)).toBe(true)
    expect(mayRemind(on, 'daily', at('2026-11-23T23:59:00'), null, since)).toBe(true)
    // …but sent, or checked since (nothing was due), it is not due again until the next day.
    expect(
      mayRemind(on, 'daily', at('2026-11-23T10:31:00'), markSent(null, 'daily', at('2026-11-23T10:30:00')), since),
    ).toBe(false)
    expect(mayRemind(on, 'daily', at('2026-11-23T10:31:00'), null, at('2026-11-23T10:30:00'))).toBe(false)
    expect(mayRemind(on, 'daily', at('2026-11-24T09:00:00'), null, at('2026-11-23T10:30:00'))).toBe(true)
    // Started at 14:00, or 09:00 chosen at 10:00: not a missed 09:00.
    expect(mayRemind(on, 'daily', at('2026-11-23T14:00:30'), null, at('2026-11-23T14:00:00'))).toBe(false)
    expect(mayRemind(on, 'daily', at('2026-11-23T09:00:00'), null, at('2026-11-23T09:00:00'))).toBe(false)
    expect(mayRemind({ enabled: false, time: '09:00' }, 'daily', at('2026-11-23T09:00:00'), null, since)).toBe(false)
    expect(mayRemind({ enabled: true, time: 'nine' }, 'daily', at('2026-11-23T09:00:00'), null, since)).toBe(false)
  })

  it('says how many are due and overdue, and nothing when nothing is', () => {
    expect(reminderText(t, { dueToday: 3, overdue: 2 })).toBe('今天有 3 项行动到期，2 项已逾期')
    expect(reminderText(t, { dueToday: 1, overdue: 0 })).toBe('今天有 1 项行动到期')
    expect(reminderText(t, { dueToday: 0, overdue: 4 })).toBe('有 4 项行动已逾期')
    expect(reminderText(t, { dueToday: 0, overdue: 0 })).toBeNull()
    i18n.global.locale.value = 'en'
    expect(reminderText(t, { dueToday: 3, overdue: 2 })).toBe('3 actions due today, 2 overdue')
  })

  it('sends each reminder once a day, the start-up one not after the daily one, nothing when switched off', () => {
    const morning = at('2026-11-23T08:50:00')
    const since = at('2026-11-23T07:00:00')
    expect(mayRemind({ enabled: false, time: '09:00' }, 'startup', morning, null, morning)).toBe(false)
    expect(mayRemind(on, 'startup', morning, null, morning)).toBe(true)
    const log = markSent(null, 'startup', morning)
    expect(log.day).toBe('2026-11-23')
    expect(mayRemind(on, 'startup', at('2026-11-23T14:00:00'), log, since)).toBe(false) // restarted the same day
    // A start-up one within the hour before the daily time stands for it all day (not a second at 09:50)…
    expect(mayRemind(on, 'daily', at('2026-11-23T09:00:00'), log, since)).toBe(false)
    expect(mayRemind(on, 'daily', new Date(morning.getTime() + QUIET_AFTER_STARTUP_MS), log, since)).toBe(false)
    const early = markSent(null, 'startup', new Date(at('2026-11-23T09:00:00').getTime() - QUIET_AFTER_STARTUP_MS))
    expect(mayRemind(on, 'daily', at('2026-11-23T09:00:00'), early, since)).toBe(true)
    const both = markSent(early, 'daily', at('2026-11-23T09:00:00'))
    expect(mayRemind(on, 'daily', at('2026-11-23T18:05:00'), both, since)).toBe(false)
    // …and a new day starts over.
    expect(mayRemind(on, 'startup', at('2026-11-24T08:00:00'), both, since)).toBe(true)
    expect(mayRemind(on, 'daily', at('2026-11-24T09:00:00'), both, since)).toBe(true)
    expect(markSent(both, 'daily', at('2026-11-24T09:00:00')).sent).toEqual({
      daily: at('2026-11-24T09:00:00').getTime(),
    })
    expect(
      mayRemind(on, 'startup', at('2026-11-24T10:00:00'), markSent(null, 'daily', at('2026-11-24T09:00:00')), since),
    ).toBe(false)
    expect(localDay(at('2026-01-05T23:59:00'))).toBe('2026-01-05')
  })
})

function memoryStorage() {
  const m = new Map<string, string>()
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) }
}

function deps(over: Partial<ReminderDeps> & { clock?: { now: Date }; due?: DueCounts } = {}) {
  const clock = over.clock ?? { now: at('2026-11-23T08:00:00') }
  const due = over.due ?? { dueToday: 3, overdue: 2 }
  const d: ReminderDeps & { sent: [string, string][] } = {
    sent: [],
    now: () => clock.now,
    settings: vi.fn(async () => ({ ...on, owners: ['李明'] })),
    counts: vi.fn(async () => due),
    send: vi.fn(async (title: string, body: string) => void d.sent.push([title, body])),
    storage: memoryStorage(),
    t,
    ...over,
  }
  return d
}

describe('the runner', () => {
  it('counts the chosen owners’ actions and sends one notification, not twice the same day', async () => {
    const d = deps()
    expect(await remind('startup', d, d.now())).toBe('sent')
    expect(d.counts).toHaveBeenCalledWith(['李明'])
    expect(d.sent).toEqual([['大客户档案 · 今日行动', '今天有 3 项行动到期，2 项已逾期']])
    expect(await remind('startup', d, d.now())).toBe('nothing')
    expect(d.sent).toHaveLength(1)
  })

  it('sends nothing when switched off or nothing is due, and does not count it as sent', async () => {
    const off = deps({ settings: vi.fn(async () => ({ ...on, enabled: false })) })
    expect(await remind('startup', off, off.now())).toBe('nothing')
    expect(off.counts).not.toHaveBeenCalled()

    const idle = deps({ due: { dueToday: 0, overdue: 0 }, clock: { now: at('2026-11-23T09:00:00') } })
    const since = at('2026-11-23T07:00:00')
    expect(await remind('daily', idle, since)).toBe('nothing')
    expect(idle.send).not.toHaveBeenCalled()
    idle.counts = vi.fn(async () => ({ dueToday: 1, overdue: 0 }))
    expect(await remind('daily', idle, since)).toBe('sent') // not counted as sent: a later check may send
  })

  it('a failing count or sender never throws: it says it failed', async () => {
    const since = at('2026-11-23T08:00:00')
    expect(
      await remind(
        'startup',
        deps({ counts: vi.fn(async () => Promise.reject({ type: 'database', data: {} })) }),
        since,
      ),
    ).toBe('failed')
    expect(
      await remind('startup', deps({ send: vi.fn(async () => Promise.reject(new Error('no dbus'))) }), since),
    ).toBe('failed')
  })

  it('start-up reminder at once, the daily one at the chosen time, then again the next day', async () => {
    await withClock('2026-11-23T07:00:00', async (d) => {
      const stop = startDueReminders(d)
      await vi.advanceTimersByTimeAsync(10)
      expect(d.sent).toHaveLength(1) // start-up, 07:00
      await vi.advanceTimersByTimeAsync(2 * 3600_000) // 09:00 daily
      expect(d.sent).toHaveLength(2)
      await vi.advanceTimersByTimeAsync(24 * 3600_000) // the next day's 09:00
      expect(d.sent).toHaveLength(3)
      stop()
      await vi.advanceTimersByTimeAsync(24 * 3600_000)
      expect(d.sent).toHaveLength(3)
    })
  })
})

/** Runs `body` with fake timers and a wall clock starting at `start`; vi.setSystemTime then moves
 * the clock without running any timer — a laptop asleep. */
async function withClock(
  start: string,
  body: (d: ReturnType<typeof deps>) => Promise<void>,
  over: Parameters<typeof deps>[0] = {},
) {
  vi.useFakeTimers()
  vi.setSystemTime(at(start))
  const d = deps({
    clock: {
      get now() {
        return new Date()
      },
    },
    ...over,
  })
  try {
    await body(d)
  } finally {
    vi.useRealTimers()
  }
}
const sleepUntil = (d: string) => vi.setSystemTime(at(d))
const tick = () => vi.advanceTimersByTimeAsync(CHECK_EVERY_MS)
async function wake() {
  window.dispatchEvent(new Event('focus'))
  document.dispatchEvent(new Event('visibilitychange'))
  await vi.advanceTimersByTimeAsync(0)
}

describe('a laptop that sleeps', () => {
  it('asleep through 09:00, the daily reminder goes out once on waking that day, and again the next day', async () => {
    await withClock('2026-11-23T07:30:00', async (d) => {
      const stop = startDueReminders(d)
      await vi.advanceTimersByTimeAsync(30 * 60_000) // 08:00
      expect(d.sent).toHaveLength(1) // the start-up one
      sleepUntil('2026-11-23T10:30:00')
      await wake() // focus and visibility together: still one
      expect(d.sent).toHaveLength(2)
      expect(d.sent[1]![1]).toBe('今天有 3 项行动到期，2 项已逾期')
      await tick()
      await tick()
      await vi.advanceTimersByTimeAsync(12 * 3600_000) // the rest of the day
      expect(d.sent).toHaveLength(2)
      // Asleep overnight, woken at 08:00: not yet; 09:00: the next day's.
      sleepUntil('2026-11-24T08:00:00')
      await wake()
      expect(d.sent).toHaveLength(2)
      sleepUntil('2026-11-24T09:00:10')
      await tick()
      expect(d.sent).toHaveLength(3)
      await wake()
      expect(d.sent).toHaveLength(3)
      stop()
    })
  })

  it('the next tick notices a late wake even without focus (timers resume after sleep)', async () => {
    await withClock('2026-11-23T07:30:00', async (d) => {
      const stop = startDueReminders(d)
      await tick()
      sleepUntil('2026-11-23T10:30:00')
      await tick()
      expect(d.sent).toHaveLength(2)
      stop()
    })
  })

  it('asleep through the whole day: one reminder on waking, not one per missed day', async () => {
    await withClock('2026-11-23T07:30:00', async (d) => {
      const stop = startDueReminders(d)
      await tick()
      sleepUntil('2026-11-25T11:00:00')
      await wake()
      await tick()
      expect(d.sent).toHaveLength(2)
      stop()
    })
  })

  it('switched off: nothing, asleep or not', async () => {
    await withClock(
      '2026-11-23T07:30:00',
      async (d) => {
        const stop = startDueReminders(d)
        await tick()
        sleepUntil('2026-11-23T10:30:00')
        await wake()
        await vi.advanceTimersByTimeAsync(24 * 3600_000)
        expect(d.sent).toHaveLength(0)
        expect(d.counts).not.toHaveBeenCalled()
        stop()
      },
      { settings: vi.fn(async () => ({ ...on, enabled: false })) },
    )
  })

  it('started after the chosen time, or within the hour before it: the start-up reminder is the day’s only one', async () => {
    await withClock('2026-11-23T14:00:00', async (d) => {
      const stop = startDueReminders(d)
      await vi.advanceTimersByTimeAsync(9 * 3600_000)
      expect(d.sent).toHaveLength(1)
      stop()
    })
    await withClock('2026-11-23T08:50:00', async (d) => {
      const stop = startDueReminders(d)
      await vi.advanceTimersByTimeAsync(3 * 3600_000) // past 09:00 and 09:50
      expect(d.sent).toHaveLength(1)
      await vi.advanceTimersByTimeAsync(24 * 3600_000) // the next day's 09:00
      expect(d.sent).toHaveLength(2)
      stop()
    })
  })

  it('nothing due at the chosen time: counted once, not again on every tick', async () => {
    await withClock(
      '2026-11-23T07:30:00',
      async (d) => {
        const stop = startDueReminders(d)
        await vi.advanceTimersByTimeAsync(3 * 3600_000)
        expect(d.counts).toHaveBeenCalledTimes(2) // start-up and 09:00
        expect(d.sent).toHaveLength(0)
        stop()
      },
      { due: { dueToday: 0, overdue: 0 } },
    )
  })

  it('a count that fails at the chosen time is tried again on the next check, and sent once', async () => {
    await withClock('2026-11-23T08:30:00', async (d) => {
      let fail = true
      d.counts = vi.fn(async () =>
        fail
          ? Promise.reject({ type: 'database', data: { detail: 'database is locked' } })
          : { dueToday: 2, overdue: 0 },
      )
      const stop = startDueReminders(d)
      await vi.advanceTimersByTimeAsync(35 * 60_000) // 09:05: the start-up and the 09:00 counts failed
      expect(d.sent).toHaveLength(0)
      fail = false
      await tick()
      expect(d.sent).toHaveLength(1)
      await vi.advanceTimersByTimeAsync(3600_000)
      expect(d.sent).toHaveLength(1)
      stop()
    })
  })

  it('a time saved in 设置 takes effect without a restart; a time already past is not a missed one', async () => {
    let time = '09:00'
    await withClock(
      '2026-11-23T09:30:00',
      async (d) => {
        const stop = startDueReminders(d)
        await tick()
        expect(d.sent).toHaveLength(1) // start-up only: 09:00 had passed
        time = '11:00'
        rescheduleDueReminders()
        await vi.advanceTimersByTimeAsync(60 * 60_000) // 10:31
        expect(d.sent).toHaveLength(1)
        time = '10:00' // already past
        rescheduleDueReminders()
        await tick()
        expect(d.sent).toHaveLength(1)
        time = '11:00'
        rescheduleDueReminders()
        await vi.advanceTimersByTimeAsync(30 * 60_000) // 11:01
        expect(d.sent).toHaveLength(2)
        stop()
      },
      { settings: vi.fn(async () => ({ ...on, time, owners: ['李明'] })) },
    )
  })
})

describe('the plugin call', () => {
  afterEach(() => vi.restoreAllMocks())

  it('asks for permission once and sends; a refusal or a missing service is swallowed', async () => {
    plugin.isPermissionGranted.mockResolvedValue(false)
    plugin.requestPermission.mockResolvedValue('granted')
    await sendDesktop('标题', '正文')
    expect(plugin.sendNotification).toHaveBeenCalledWith({ title: '标题', body: '正文' })

    vi.clearAllMocks()
    plugin.isPermissionGranted.mockResolvedValue(false)
    plugin.requestPermission.mockResolvedValue('denied')
    await sendDesktop('标题', '正文')
    expect(plugin.sendNotification).not.toHaveBeenCalled()

    plugin.isPermissionGranted.mockRejectedValue(new Error('window.Notification is undefined'))
    await expect(sendDesktop('标题', '正文')).resolves.toBeUndefined()
    plugin.isPermissionGranted.mockResolvedValue(true)
    plugin.sendNotification.mockImplementation(() => {
      throw new TypeError('Notification is not a constructor')
    })
    await expect(sendDesktop('标题', '正文')).resolves.toBeUndefined()
  })
})
