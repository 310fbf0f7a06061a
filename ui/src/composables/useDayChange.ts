// A page left open overnight (今日 on the home page) must notice that "today" moved on: what is
// due today, overdue or closing this month is the core's answer for the day it was asked. The
// local calendar day is compared on the wall-clock checks (wallClock.ts), so a laptop that slept
// through midnight notices on waking, not at its next stretched timer.
import { onBeforeUnmount, onMounted } from 'vue'
import { localDay, onWallClock } from '../lib/wallClock'

/** Calls `changed` once each time the local day differs from the one last seen (from `now()` at
 * the start); returns the stop function. */
export function watchDayChange(changed: () => void, now: () => Date = () => new Date()): () => void {
  let day = localDay(now())
  return onWallClock(() => {
    const today = localDay(now())
    if (today === day) return
    day = today
    changed()
  })
}

/** For a component: `changed` when the day turns over while it is shown. */
export function useDayChange(changed: () => void) {
  let stop: (() => void) | null = null
  onMounted(() => (stop = watchDayChange(changed)))
  onBeforeUnmount(() => stop?.())
}
