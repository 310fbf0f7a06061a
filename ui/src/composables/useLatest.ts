// For views that fetch again whenever a filter changes: only the latest request's answer is
// kept (an older one arriving late would show data for filters no longer chosen), `loading`
// while one runs, and a failure is shown as a message (and kept in `error` until the next
// answer, for a view that shows it in place; `quiet` leaves the showing to that view). `slow`
// turns on only once a request has run for SLOW_MS: most answers take a few ms, and a loading
// mask that fades in and out over the rows for each of them costs frames and flickers.
// `keepSame` keeps the shown answer when the new one is equal to it (as JSON): a page asked again
// with nothing changed then redraws nothing (fifty rows of a table take most of a frame).
// `remember` names the answer (lib/rememberedAnswers.ts): a view built again starts with the answer
// its key was last given, and asks again, an equal answer redrawing nothing.
import { ref, shallowRef } from 'vue'
import { ElMessage } from 'element-plus'
import { errorMessage } from '../errors'
import { recalled, remember, sameAnswer } from '../lib/rememberedAnswers'

/** How long a request runs before `slow` shows it. */
export const SLOW_MS = 200

export function useLatest<T>(
  fetch: () => Promise<T>,
  options: { quiet?: boolean; keepSame?: boolean; remember?: () => string } = {},
) {
  const value = shallowRef<T | null>(options.remember ? recalled<T>(options.remember()) : null)
  const loading = ref(false)
  const slow = ref(false)
  const error = shallowRef<unknown>(null)
  let seq = 0
  let slowTimer: ReturnType<typeof setTimeout> | undefined
  function done() {
    clearTimeout(slowTimer)
    loading.value = false
    slow.value = false
  }
  async function load() {
    const mine = ++seq
    loading.value = true
    clearTimeout(slowTimer)
    slowTimer = setTimeout(() => (slow.value = mine === seq), SLOW_MS)
    const key = options.remember?.()
    try {
      const v = await fetch()
      if (mine === seq) {
        if (key !== undefined) remember(key, v)
        const same = (options.keepSame || key !== undefined) && sameAnswer(v, value.value)
        if (!same) value.value = v
        error.value = null
      }
    } catch (e) {
      if (mine === seq) {
        error.value = e
        if (!options.quiet) ElMessage.error(errorMessage(e))
      }
    } finally {
      if (mine === seq) done()
    }
  }
  /** Drops the request still running and forgets the answer (e.g. when the search box is emptied). */
  function clear() {
    seq++
    value.value = null
    error.value = null
    done()
  }
  return { value, loading, slow, error, load, clear }
}
