// The action reminder's decisions (next fire time, the text, when not to send) and its runner
// with a fake clock, settings, counts, sender and storage; the plugin call itself must swallow
// a refusal or a missing notification service.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { NotifySettings } from '../bindings'

const plugin = vi.hoisted(() => ({ isPermissionGranted: vi.fn(), requestPermission: vi.fn(), sendNotification: vi.fn() }))
vi.mock('@tauri-apps/plugin-notification', () => plugin)
vi.mock('../api', () => ({ api: {} }))

import {
  QUIET_AFTER_STARTUP_MS,
  localDay,
  markSent,
  mayRemind,
  nextFireTime,
  reminderText,
  remind,
  sendDesktop,
  startDueReminders,
  type DueCounts,
  type ReminderDeps,
} from '../composables/dueNotifications'
import { i18n } from '../i18n'

const at = (d: string) => new Date(d) // local time (no Z)
const t = (key: string, values: Record<string, unknown>) => i18n.global.t(key, values)
const on: NotifySettings = { enabled: true, time: '09:00', owners: [] }

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
  vi.clearAllMocks()
})

describe('pure decisions', () => {
  it('fires today at the chosen time while it is ahead, else tomorrow (across a month end)', () => {
    expect(nextFireTime(at('2026-11-23T08:00:00'), '09:00')).toEqual(at('2026-11-23T09:00:00'))
    expect(nextFireTime(at('2026-11-23T09:00:00'), '09:00')).toEqual(at('2026-11-24T09:00:00'))
    expect(nextFireTime(at('2026-11-30T18:31:00'), '18:30')).toEqual(at('2026-12-01T18:30:00'))
    expect(nextFireTime(at('2026-11-23T08:00:00'), '7:05')).toEqual(at('2026-11-24T07:05:00'))
    expect(nextFireTime(at('2026-11-23T08:00:00'), '24:00')).toBeNull()
    expect(nextFireTime(at('2026-11-23T08:00:00'), '')).toBeNull()
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
    expect(mayRemind({ enabled: false }, 'startup', morning, null)).toBe(false)
    expect(mayRemind(on, 'startup', morning, null)).toBe(true)
    const log = markSent(null, 'startup', morning)
    expect(log.day).toBe('2026-11-23')
    expect(mayRemind(on, 'startup', at('2026-11-23T14:00:00'), log)).toBe(false) // restarted the same day
    // The daily one waits an hour after the start-up one…
    expect(mayRemind(on, 'daily', at('2026-11-23T09:00:00'), log)).toBe(false)
    expect(mayRemind(on, 'daily', new Date(morning.getTime() + QUIET_AFTER_STARTUP_MS), log)).toBe(true)
    const both = markSent(log, 'daily', at('2026-11-23T18:00:00'))
    expect(mayRemind(on, 'daily', at('2026-11-23T18:05:00'), both)).toBe(false)
    // …and a new day starts over.
    expect(mayRemind(on, 'startup', at('2026-11-24T08:00:00'), both)).toBe(true)
    expect(markSent(both, 'daily', at('2026-11-24T09:00:00')).sent).toEqual({ daily: at('2026-11-24T09:00:00').getTime() })
    expect(mayRemind(on, 'startup', at('2026-11-24T10:00:00'), markSent(null, 'daily', at('2026-11-24T09:00:00')))).toBe(false)
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
    expect(await remind('startup', d)).toBe(true)
    expect(d.counts).toHaveBeenCalledWith(['李明'])
    expect(d.sent).toEqual([['大客户档案 · 今日行动', '今天有 3 项行动到期，2 项已逾期']])
    expect(await remind('startup', d)).toBe(false)
    expect(d.sent).toHaveLength(1)
  })

  it('sends nothing when switched off or nothing is due, and does not count it as sent', async () => {
    const off = deps({ settings: vi.fn(async () => ({ ...on, enabled: false })) })
    expect(await remind('startup', off)).toBe(false)
    expect(off.counts).not.toHaveBeenCalled()

    const idle = deps({ due: { dueToday: 0, overdue: 0 } })
    expect(await remind('daily', idle)).toBe(false)
    expect(idle.send).not.toHaveBeenCalled()
    idle.counts = vi.fn(async () => ({ dueToday: 1, overdue: 0 }))
    expect(await remind('daily', idle)).toBe(true) // a later check that day may still send
  })

  it('a failing count or sender never throws', async () => {
    expect(await remind('startup', deps({ counts: vi.fn(async () => Promise.reject({ type: 'database', data: {} })) }))).toBe(false)
    expect(await remind('startup', deps({ send: vi.fn(async () => Promise.reject(new Error('no dbus'))) }))).toBe(false)
  })

  it('start-up reminder at once, the daily one at the chosen time, then again the next day', async () => {
    vi.useFakeTimers()
    try {
      vi.setSystemTime(at('2026-11-23T07:00:00'))
      const clock = { get now() { return new Date() } }
      const d = deps({ clock })
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
    } finally {
      vi.useRealTimers()
    }
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
