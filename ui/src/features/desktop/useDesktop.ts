// The desktop around the page, set up once by the window's frame (AppShell): the native menu's
// actions and the app's keys (menuActions.ts, shortcuts.ts), the menu following the page's
// language and switches, and the undo of the last delete by Ctrl+Z.
import { onBeforeUnmount, onMounted, ref, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { useRouter } from 'vue-router'
import { listen, type UnlistenFn } from '@tauri-apps/api/event'
import { api } from '../../api'
import type { MenuAction } from '../../bindings'
import { presentation } from '../../stores/presentation'
import { isDark } from '../../stores/theme'
import { useUndoDelete } from '../../composables/useUndoDelete'
import { runMenuAction } from './menuActions'
import { shortcutAction } from './shortcuts'

/** The event the shell sends a menu item's action with (src-tauri/src/menu.rs). */
export const MENU_EVENT = 'menu'

export function useDesktop() {
  const router = useRouter()
  const { locale } = useI18n()
  const aboutOpen = ref(false)
  const ctx = { router, showAbout: () => (aboutOpen.value = true) }
  useUndoDelete()

  function onKey(e: KeyboardEvent) {
    const action = shortcutAction(e)
    if (!action) return
    e.preventDefault()
    void runMenuAction(action, ctx)
  }

  let unlisten: UnlistenFn | null = null
  let unmounted = false
  onMounted(async () => {
    window.addEventListener('keydown', onKey)
    const stop = await listen<MenuAction>(MENU_EVENT, (event) => void runMenuAction(event.payload, ctx)).catch(
      () => null,
    )
    if (unmounted) stop?.()
    else unlisten = stop
  })
  onBeforeUnmount(() => {
    unmounted = true
    window.removeEventListener('keydown', onKey)
    unlisten?.()
  })

  // The menu's words and check marks follow the page.
  watch(
    () => ({ language: locale.value, presenting: presentation.on, dark: isDark.value }),
    (look) => void api.syncMenu(look).catch(() => {}),
    { immediate: true },
  )

  return { aboutOpen }
}
