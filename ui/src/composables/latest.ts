// For views that fetch again whenever a filter changes: only the latest request's answer is
// kept (an older one arriving late would show data for filters no longer chosen), `loading`
// while one runs, and a failure is shown as a message.
import { ref, shallowRef } from 'vue'
import { ElMessage } from 'element-plus'
import { errorMessage } from '../errors'

export function useLatest<T>(fetch: () => Promise<T>) {
  const value = shallowRef<T | null>(null)
  const loading = ref(false)
  let seq = 0
  async function load() {
    const mine = ++seq
    loading.value = true
    try {
      const v = await fetch()
      if (mine === seq) value.value = v
    } catch (e) {
      if (mine === seq) ElMessage.error(errorMessage(e))
    } finally {
      if (mine === seq) loading.value = false
    }
  }
  return { value, loading, load }
}
