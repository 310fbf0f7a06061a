// The desktop reminder of next actions (issue 6 item 8): one notification at start-up and one
// at the time chosen in 设置 each day while the app runs, saying how many actions are due today
// and how many are overdue. The decisions are pure functions (tested without timers); the
// runner takes its clock, settings, counts, sender and storage as arguments for the same reason.
// A notification never breaks anything: no permission, no notification service (tests, E2E,
// a desktop without one) and a failed count are swallowed — the home page lists the actions.
import { onBeforeUnmount, onMounted } from 'vue'
import { isPermissionGranted, requestPermission, sendNotification } from '@tauri-apps/plugin-notification'
import { api } from '../api'
import type { NotifySettings } from '../bindings'
import { i18n } from '../i18n'

export type ReminderSlot = 'startup' | 'daily'

/** What was sent today (kept in localStorage), so a restart or a late timer does not repeat it. */
export interface SentLog {
  /** Local date, YYYY-MM-DD. */
  day: string
  /** When each slot was sent, ms since the epoch. */
  sent: Partial<Record<ReminderSlot, number>>
}

export interface DueCounts {
  dueToday: number
  overdue: number
}

type Translate = (key: string, values: Record<string, unknown>) => string

const STORAGE_KEY = 'dossier.reminder'
/** The daily reminder is skipped when the start-up one went out less than this before it. */
export const QUIET_AFTER_STARTUP_MS = 60 * 60 * 1000

/** Local YYYY-MM-DD of `d`. */
export function localDay(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/** "09:05" → [9, 5]; null for anything else. */
export function parseTime(time: string): [number, number] | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(time.trim())
  if (!m) return null
  const h = Number(m[1])
  const min = Number(m[2])
  return h < 24 && min < 60 ? [h, min] : null
}

/** The next daily reminder: today at `time` if that is still ahead, else tomorrow at `time`. */
export function nextFireTime(now: Date, time: string): Date | null {
  const hm = parseTime(time)
  if (!hm) return null
  const at = new Date(now.getFullYear(), now.getMonth(), now.getDate(), hm[0], hm[1], 0, 0)
  if (at.getTime() <= now.getTime()) at.setDate(at.getDate() + 1)
  return at
}

/** "今天有 3 项行动到期,2 项已逾期"; null when nothing is due (nothing to send). */
export function reminderText(t: Translate, c: DueCounts): string | null {
  if (c.dueToday > 0 && c.overdue > 0) return t('reminder.both', { due: c.dueToday, overdue: c.overdue })
  if (c.dueToday > 0) return t('reminder.dueOnly', { due: c.dueToday })
  if (c.overdue > 0) return t('reminder.overdueOnly', { overdue: c.overdue })
  return null
}

/** Whether `slot` may go out now: the reminder is on, the slot was not sent today, the start-up
 * one only once a day (restarting the app does not repeat it), and the daily one not within an
 * hour of the start-up one (starting the app at 08:50 with 09:00 chosen gives one reminder). */
export function mayRemind(settings: Pick<NotifySettings, 'enabled'>, slot: ReminderSlot, now: Date, log: SentLog | null): boolean {
  if (!settings.enabled) return false
  if (!log || log.day !== localDay(now)) return true
  if (log.sent[slot] !== undefined) return false
  if (slot === 'startup') return log.sent.daily === undefined
  const startup = log.sent.startup
  return startup === undefined || now.getTime() - startup >= QUIET_AFTER_STARTUP_MS
}

/** The log after `slot` went out at `now` (a new day starts a new log). */
export function markSent(log: SentLog | null, slot: ReminderSlot, now: Date): SentLog {
  const day = localDay(now)
  const sent = log && log.day === day ? { ...log.sent } : {}
  sent[slot] = now.getTime()
  return { day, sent }
}

export interface ReminderDeps {
  now: () => Date
  settings: () => Promise<NotifySettings>
  counts: (owners: string[]) => Promise<DueCounts>
  send: (title: string, body: string) => Promise<void>
  storage: Pick<Storage, 'getItem' | 'setItem'>
  t: Translate
}

function readLog(storage: ReminderDeps['storage']): SentLog | null {
  try {
    const v = JSON.parse(storage.getItem(STORAGE_KEY) ?? 'null')
    return v && typeof v.day === 'string' && typeof v.sent === 'object' ? (v as SentLog) : null
  } catch {
    return null
  }
}

/** Sends the `slot` reminder if it may go out and something is due; true when it was sent. */
export async function remind(slot: ReminderSlot, deps: ReminderDeps): Promise<boolean> {
  try {
    const settings = await deps.settings()
    if (!mayRemind(settings, slot, deps.now(), readLog(deps.storage))) return false
    const body = reminderText(deps.t, await deps.counts(settings.owners))
    if (!body) return false
    await deps.send(deps.t('reminder.title', {}), body)
    deps.storage.setItem(STORAGE_KEY, JSON.stringify(markSent(readLog(deps.storage), slot, deps.now())))
    return true
  } catch {
    return false
  }
}

/** Through the notification plugin, asking for permission once; never throws. */
export async function sendDesktop(title: string, body: string): Promise<void> {
  try {
    let granted = await isPermissionGranted()
    if (!granted) granted = (await requestPermission()) === 'granted'
    if (granted) sendNotification({ title, body })
  } catch {
    /* no permission or no notification service: the home page still lists the actions */
  }
}

const liveDeps = (): ReminderDeps => ({
  now: () => new Date(),
  settings: async () => (await api.getSettings()).notify,
  counts: async (owners) => {
    const h = await api.homeData({ owners, limit: 1 })
    return { dueToday: h.dueTodayTotal, overdue: h.overdueTotal }
  },
  send: sendDesktop,
  storage: localStorage,
  t: (key, values) => i18n.global.t(key, values),
})

let timer: ReturnType<typeof setTimeout> | null = null
let running: ReminderDeps | null = null

/** (Re)arms the timer for the next daily reminder from the stored time. */
async function schedule(deps: ReminderDeps) {
  if (timer) clearTimeout(timer)
  timer = null
  let time = '09:00'
  try {
    time = (await deps.settings()).time
  } catch {
    /* keep the default */
  }
  if (running !== deps) return // stopped, or restarted, while the settings were read
  const at = nextFireTime(deps.now(), time)
  if (!at) return
  timer = setTimeout(async () => {
    timer = null
    await remind('daily', deps)
    if (running === deps) schedule(deps)
  }, at.getTime() - deps.now().getTime())
}

/** Sends the start-up reminder and arms the daily one; returns the stop function. */
export function startDueReminders(deps: ReminderDeps = liveDeps()): () => void {
  running = deps
  void remind('startup', deps)
  void schedule(deps)
  return () => {
    if (running === deps) running = null
    if (timer) clearTimeout(timer)
    timer = null
  }
}

/** After 设置 saved a new time (or switched the reminder back on): re-arm the daily timer. */
export function rescheduleDueReminders() {
  if (running) void schedule(running)
}

/** For the app shell: reminders while the shell (an open database) is shown. */
export function useDueReminders() {
  let stop: (() => void) | null = null
  onMounted(() => (stop = startDueReminders()))
  onBeforeUnmount(() => stop?.())
}
