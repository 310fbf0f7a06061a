import { onBeforeUnmount, onMounted } from 'vue'
import { openSearch } from '../stores/app'
import { togglePresentation } from '../stores/presentation'
import { useUndoDelete } from './useUndoDelete'

/** Global keys: Ctrl/Cmd+K opens the search palette, Ctrl/Cmd+Shift+P toggles presentation mode. */
export function handleGlobalKey(e: KeyboardEvent): boolean {
  const mod = e.ctrlKey || e.metaKey
  if (!mod || e.altKey) return false
  const key = e.key.toLowerCase()
  if (key === 'k' && !e.shiftKey) {
    e.preventDefault()
    openSearch()
    return true
  }
  if (key === 'p' && e.shiftKey) {
    e.preventDefault()
    togglePresentation()
    return true
  }
  return false
}

/** The global keys above, and Ctrl/Cmd+Z: the last delete back from the trash (undoDelete.ts). */
export function useGlobalShortcuts() {
  useUndoDelete()
  onMounted(() => window.addEventListener('keydown', handleGlobalKey))
  onBeforeUnmount(() => window.removeEventListener('keydown', handleGlobalKey))
}
