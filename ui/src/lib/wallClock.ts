// Checks that follow the wall clock rather than a timer. While a laptop sleeps its timers stop
// (WebKitGTK also stretches them), so one long setTimeout to "09:00" or to midnight fires hours
// late, or on a day that has already moved on. Whatever depends on the time of day instead looks
// at the real clock briefly and often, and at once when the window comes back (a woken laptop, a
// window brought to the front), and decides from that.

/** How often the clock is looked at: a reminder goes out at most this late, and checking costs
 * nothing but reading the clock (and localStorage). */
export const CHECK_EVERY_MS = 30_000

/** Local YYYY-MM-DD of `d` (the core's "today" is the laptop's local day too, clock.rs). */
export function localDay(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/** Calls `check` every CHECK_EVERY_MS and whenever the window is shown or focused again (on
 * waking both can come at once: `check` must be harmless to repeat); returns the stop function. */
export function onWallClock(check: () => void): () => void {
  const id = setInterval(check, CHECK_EVERY_MS)
  const shown = () => {
    if (document.visibilityState === 'visible') check()
  }
  document.addEventListener('visibilitychange', shown)
  window.addEventListener('focus', check)
  return () => {
    clearInterval(id)
    document.removeEventListener('visibilitychange', shown)
    window.removeEventListener('focus', check)
  }
}
