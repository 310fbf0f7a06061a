// The desktop reminder of next actions (docs/home.md): one notification at start-up and one
// at the time chosen in 设置 each day while the app runs, saying how many actions are due today
// and how many are overdue. The daily one is not a timer to that time (a sleeping laptop makes it
// fire hours late): the wall clock is checked often and on waking (wallClock.ts) and mayRemind
// decides from the real time whether it is due now. The decisions are pure functions (tested
// without timers); the runner takes its clock, settings, counts, sender and storage as arguments
// for the same reason.
// A notification never breaks anything: no permission, no notification service (tests, E2E,
// a desktop without one) and a failed count are swallowed — the home page lists the actions.
import { onBeforeUnmount, onMounted } from 'vue'
import { isPermissionGranted, requestPermission, sendNotification } from '@tauri-apps/plugin-notification'
import { api } from '../../api'
import type { NotifySettings } from '../../bindings'
import { i18n } from '../../i18n'
import { localDay, onWallClock } from '../../lib/wallClock'

export type ReminderSlot = 'startup' | 'daily'

/** What was sent today (kept in localStorage), so a restart or a second check does not repeat it. */
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
/** The daily reminder is skipped when the start-up one went out less than this before its time. */
export const QUIET_AFTER_STARTUP_MS = 60 * 60 * 1000

/** "09:05" → [9, 5]; null for anything else. */
export function parseTime(time: string): [number, number] | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(time.trim())
  if (!m) return null
  const h = Number(m[1])
  const min = Number(m[2])
  return h < 24 && min < 60 ? [h, min] : null
}

/** The daily reminder's moment on `now`'s local day; null for a time that is not one. */
export function timeToday(now: Date, time: string): Date | null {
  const hm = parseTime(time)
  return hm ? new Date(now.getFullYear(), now.getMonth(), now.getDate(), hm[0], hm[1], 0, 0) : null
}

/** "今天有 3 项行动到期,2 项已逾期"; null when nothing is due (nothing to send). */
export function reminderText(t: Translate, c: DueCounts): string | null {
  if (c.dueToday > 0 && c.overdue > 0) return t('reminder.both', { due: c.dueToday, overdue: c.overdue })
  if (c.dueToday > 0) return t('reminder.dueOnly', { due: c.dueToday })
  if (c.overdue > 0) return t('reminder.overdueOnly', { overdue: c.overdue })
  return null
}

/** Whether `slot` may go out at `now`: the reminder is on, the slot was not sent today (restarting
 * the app does not repeat the start-up one), and the start-up one not after the daily one.
 * The daily one is due once its time has come today, however late that is noticed (a laptop
 * asleep at 09:00 reminds on waking, if still that day), but only when the time came while the
 * app watched for it — after `since`: the start, a new time saved in 设置, or the last daily
 * check — so starting at 14:00, or choosing 09:00 at 10:00, is not a missed 09:00, and it is
 * checked once a day, not again every minute when nothing was due. It is skipped for the day when
 * the start-up one went out less than an hour before its time (starting the app at 08:50 with
 * 09:00 chosen gives one reminder, not a second at 09:50). `since` means nothing to start-up. */
export function mayRemind(
  settings: Pick<NotifySettings, 'enabled' | 'time'>,
  slot: ReminderSlot,
  now: Date,
  log: SentLog | null,
  since: Date,
): boolean {
  if (!settings.enabled) return false
  const sent: SentLog['sent'] = log && log.day === localDay(now) ? log.sent : {}
  if (sent[slot] !== undefined) return false
  if (slot === 'startup') return sent.daily === undefined
  const at = timeToday(now, settings.time)?.getTime()
  if (at === undefined || at > now.getTime() || at <= since.getTime()) return false
  return sent.startup === undefined || at - sent.startup >= QUIET_AFTER_STARTUP_MS
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

/** What a reminder attempt came to: sent; nothing to send (switched off, already sent, nothing
 * due); or failed (the settings or the count could not be read, the sender threw) — worth trying
 * again on the next check, so a busy database at 09:00 does not cost the day's reminder. */
export type RemindOutcome = 'sent' | 'nothing' | 'failed'

/** Sends the `slot` reminder if it may go out (`since`: see mayRemind) and something is due. */
export async function remind(slot: ReminderSlot, deps: ReminderDeps, since: Date): Promise<RemindOutcome> {
  try {
    const settings = await deps.settings()
    if (!mayRemind(settings, slot, deps.now(), readLog(deps.storage), since)) return 'nothing'
    const body = reminderText(deps.t, await deps.counts(settings.owners))
    if (!body) return 'nothing'
    await deps.send(deps.t('reminder.title', {}), body)
    deps.storage.setItem(STORAGE_KEY, JSON.stringify(markSent(readLog(deps.storage), slot, deps.now())))
    return 'sent'
  } catch {
    return 'failed'
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

/** The running reminder: the settings last read and since when the daily time is watched for. */
interface Runner {
  deps: ReminderDeps
  settings: NotifySettings | null
  since: Date
  /** A reminder is being counted and sent: a check meanwhile would send it twice. */
  busy: boolean
}

let running: Runner | null = null

/** Reads the settings (at the start, and after 设置 saved them) and checks at once. A changed time,
 * or the reminder switched back on, is watched for from now on; a failed read keeps the last one
 * (none: no daily reminder until the next save — the home page lists the actions anyway). */
async function readSettings(r: Runner) {
  let read: NotifySettings
  try {
    read = await r.deps.settings()
  } catch {
    return
  }
  if (running !== r) return // stopped, or restarted, while the settings were read
  const was = r.settings
  if (was && (was.time !== read.time || was.enabled !== read.enabled)) r.since = r.deps.now()
  r.settings = read
  await check(r)
}

/** The wall-clock check: sends the daily reminder when mayRemind says it is due now, then watches
 * for the next day's. */
async function check(r: Runner) {
  if (r.busy || running !== r || !r.settings) return
  const now = r.deps.now()
  if (!mayRemind(r.settings, 'daily', now, readLog(r.deps.storage), r.since)) return
  r.busy = true
  try {
    // Sent or nothing to send: watch for the next day's. Failed: the next check tries again.
    // `since` never goes back: 设置 may have moved it on while the reminder was counted.
    if ((await remind('daily', r.deps, r.since)) !== 'failed' && r.since.getTime() < now.getTime()) r.since = now
  } finally {
    r.busy = false
  }
}

/** Sends the start-up reminder and watches for the daily one; returns the stop function. */
export function startDueReminders(deps: ReminderDeps = liveDeps()): () => void {
  const r: Runner = { deps, settings: null, since: deps.now(), busy: true }
  running = r
  void remind('startup', deps, r.since).finally(() => (r.busy = false))
  void readSettings(r)
  const stopClock = onWallClock(() => void check(r))
  return () => {
    stopClock()
    if (running === r) running = null
  }
}

/** After 设置 saved (a new time, the reminder switched on or off, other owners): re-read the
 * settings, so the change takes effect without a restart. */
export function rescheduleDueReminders() {
  if (running) void readSettings(running)
}

/** For the app shell: reminders while the shell (an open database) is shown. */
export function useDueReminders() {
  let stop: (() => void) | null = null
  onMounted(() => (stop = startDueReminders()))
  onBeforeUnmount(() => stop?.())
}
