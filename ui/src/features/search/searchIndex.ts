// How many records still wait for their search entries: after a large import, or while the
// index is rebuilt from the records (its tables found damaged after the open). The shell writes
// them in the background (src-tauri/src/search_index.rs) and sends the count left after each
// chunk; the palette and the customer list say 「搜索索引更新中」 until it is 0. A rebuild is
// also told once, in words: nothing the person made was touched.
import { reactive } from 'vue'
import { ElMessage } from 'element-plus'
import { listen, type UnlistenFn } from '@tauri-apps/api/event'
import { api } from '../../api'
import { errorMessage } from '../../errors'
import { i18n } from '../../i18n'

/** The event the shell sends the count on (src-tauri/src/search_index.rs). */
export const SEARCH_INDEX_EVENT = 'search-index'
/** The event the shell sends when it has found the index damaged (the repair is then taken). */
export const SEARCH_INDEX_REPAIR_EVENT = 'search-index-repair'

export const searchIndex = reactive({ pending: 0 })

/** Shows the index's repair, if the shell has one to tell (it hands each over once). */
export async function showSearchIndexRepair(): Promise<void> {
  const repair = await api.takeSearchIndexRepair().catch(() => null)
  const t = i18n.global.t
  if (repair?.type === 'rebuilding') {
    ElMessage.warning({ message: t('search.repairing'), duration: 0, showClose: true, grouping: true })
  } else if (repair?.type === 'failed') {
    const message = t('search.repairFailed', { error: errorMessage(repair.data.error) })
    ElMessage.error({ message, duration: 0, showClose: true, grouping: true })
  }
}

/** Reads the count and follows it, and the index's repair; returns the way to stop following. */
export async function followSearchIndex(): Promise<UnlistenFn | null> {
  const stopCount = await listen<number>(SEARCH_INDEX_EVENT, (event) => {
    searchIndex.pending = event.payload
  }).catch(() => null)
  const stopRepair = await listen(SEARCH_INDEX_REPAIR_EVENT, () => void showSearchIndexRepair()).catch(() => null)
  // A repair found before the page listened is waiting to be taken.
  void showSearchIndexRepair()
  searchIndex.pending = await api.pendingSearchIndex().catch(() => 0)
  return () => {
    stopCount?.()
    stopRepair?.()
  }
}
