import { onBeforeUnmount } from 'vue'

/**
 * A debounced version of `fn`, cancelled when the component unmounts: calls less than `ms`
 * apart run once, `ms` after the last. With `leading`, a call after a quiet spell of `ms` runs
 * at once, and only the calls that follow it within `ms` wait: a name typed through an input
 * method arrives whole, in one call, and waiting after it would only delay the answer.
 */
export function useDebounced<A extends unknown[]>(fn: (...args: A) => void, ms: number, { leading = false } = {}) {
  let timer: ReturnType<typeof setTimeout> | undefined
  const run = (...args: A) => {
    const quiet = timer === undefined
    if (timer) clearTimeout(timer)
    if (leading && quiet) {
      fn(...args)
      // The spell in which a further call waits.
      timer = setTimeout(() => (timer = undefined), ms)
      return
    }
    timer = setTimeout(() => {
      timer = undefined
      fn(...args)
    }, ms)
  }
  const cancel = () => {
    if (timer) clearTimeout(timer)
    timer = undefined
  }
  onBeforeUnmount(cancel)
  return { run, cancel }
}
