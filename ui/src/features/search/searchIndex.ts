// How many records of a large import still wait for their search entries. The shell writes
// them in the background after the import (src-tauri/src/search_index.rs) and sends the count
// left after each chunk; the palette and the customer list say 「搜索索引更新中」 until it is 0.
import { reactive } from 'vue'
import { listen, type UnlistenFn } from '@tauri-apps/api/event'
import { api } from '../../api'

/** The event the shell sends the count on (src-tauri/src/search_index.rs). */
export const SEARCH_INDEX_EVENT = 'search-index'

export const searchIndex = reactive({ pending: 0 })

/** Reads the count and follows it; returns the way to stop following. */
export async function followSearchIndex(): Promise<UnlistenFn | null> {
  const stop = await listen<number>(SEARCH_INDEX_EVENT, (event) => {
    searchIndex.pending = event.payload
  }).catch(() => null)
  searchIndex.pending = await api.pendingSearchIndex().catch(() => 0)
  return stop
}
