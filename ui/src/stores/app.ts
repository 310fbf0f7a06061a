// Small app-wide state: the open database, the search palette, the last delete (undo) and a
// counter that views watch to reload after something changed elsewhere (an undo).
import { reactive } from 'vue'
import type { DbStatus } from '../bindings'

export const appState = reactive({
  db: null as DbStatus | null,
  searchOpen: false,
  /** What the undo banner offers to bring back; null hides it. */
  lastDeleted: null as { name: string } | null,
  /** Bumped whenever data changed outside the current view (undo, sample data). */
  dataVersion: 0,
  /** The import wizard is open. */
  importOpen: false,
})

export function openImport() {
  appState.importOpen = true
}

export function openSearch() {
  appState.searchOpen = true
}

export function offerUndo(name: string) {
  appState.lastDeleted = { name }
}

export function dataChanged() {
  appState.dataVersion++
}
