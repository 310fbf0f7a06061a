import { onBeforeUnmount, onMounted } from 'vue'
import { openSearch } from '../stores/app'
import { togglePresentation } from '../stores/presentation'

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

export function useGlobalShortcuts() {
  onMounted(() => window.addEventListener('keydown', handleGlobalKey))
  onBeforeUnmount(() => window.removeEventListener('keydown', handleGlobalKey))
}
