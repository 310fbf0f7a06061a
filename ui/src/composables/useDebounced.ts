import { onBeforeUnmount } from 'vue'

/** A debounced version of `fn`, cancelled when the component unmounts. */
export function useDebounced<A extends unknown[]>(fn: (...args: A) => void, ms: number) {
  let timer: ReturnType<typeof setTimeout> | undefined
  const run = (...args: A) => {
    if (timer) clearTimeout(timer)
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
