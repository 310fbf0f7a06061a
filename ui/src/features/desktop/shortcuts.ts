// The app's keys, answered in the page: the same actions as the native menu's accelerators
// (src-tauri/src/menu.rs), for where the menu does not see the key. Ctrl on Windows and Linux,
// Cmd on macOS. In a text field only the keys that never edit text work (查找, 演示模式); the
// others are the field's own (Ctrl+I, Ctrl+Z…). Ctrl+Z outside text fields is useUndoDelete's.
import type { MenuAction } from '../../bindings'
import { inTextField } from '../../composables/useUndoDelete'

/** The action of a key press, or null when the key is not the app's. */
export function shortcutAction(e: KeyboardEvent): MenuAction | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null
  const key = e.key.toLowerCase()
  if (e.shiftKey) return key === 'p' ? { action: 'presentation' } : null
  if (key === 'k' || key === 'f') return { action: 'find' }
  if (inTextField(e.target)) return null
  const plain: Record<string, MenuAction['action']> = {
    n: 'newCustomer',
    i: 'import',
    e: 'exportTeamReport',
    o: 'openDatabase',
  }
  const action = plain[key]
  return action ? ({ action } as MenuAction) : null
}
