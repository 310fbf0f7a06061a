// Small app-wide state: the open database, the search palette, the last delete (undo) and a
// counter that views watch to reload after something changed elsewhere (an undo).
import { reactive } from 'vue'
import type { ChosenFile, DbStatus } from '../bindings'

export const appState = reactive({
  db: null as DbStatus | null,
  searchOpen: false,
  /**
   * The last delete, which the undo banner names and 撤销 / Ctrl+Z bring back from the trash
   * while `page` (the route path the user is on after it) stays open; null once undone or left.
   */
  lastDeleted: null as { name: string; page: string } | null,
  /** Bumped whenever data changed outside the current view (undo, sample data). */
  dataVersion: 0,
  /** The import wizard is open. */
  importOpen: false,
  /** A file the wizard starts with (dropped on the window), taken by the wizard when it opens. */
  importFile: null as ChosenFile | null,
})

export function openImport() {
  appState.importOpen = true
}

/** Opens the import wizard on `file` (a file dropped on the window). */
export function openImportWith(file: ChosenFile) {
  appState.importFile = file
  appState.importOpen = true
}

export function openSearch() {
  appState.searchOpen = true
}

/** After a delete: `name` went to the trash; undoable while the route path `page` is open. */
export function offerUndo(name: string, page: string) {
  appState.lastDeleted = { name, page }
}

export function dataChanged() {
  appState.dataVersion++
}
