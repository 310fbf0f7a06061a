// 撤销 of the last delete, from the undo banner or Ctrl+Z. A delete puts the record in the trash
// (回收站); the core's undo_delete restores the newest delete from there. The shortcut works
// while the page the user was on after the delete stays open: leaving it forgets the offer (the
// record stays in the trash, restorable from the 回收站 page).
import { onBeforeUnmount, onMounted, watch } from 'vue'
import { useRoute, useRouter, type Router } from 'vue-router'
import { ElMessage } from 'element-plus'
import { api } from '../api'
import { errorMessage } from '../errors'
import { i18n } from '../i18n'
import { appState, dataChanged } from '../stores/app'

/** Restores the newest delete and says what came back; a restored customer opens. */
export async function undoLastDelete(router: Router) {
  const t = i18n.global.t
  appState.lastDeleted = null
  try {
    const restored = await api.undoDelete()
    if (!restored) {
      ElMessage.info(t('undo.nothing'))
      return
    }
    ElMessage.success(t('undo.restored', { name: restored.name }))
    dataChanged()
    if (restored.kind === 'customer') router.push({ name: 'customer', params: { id: restored.customerId } })
  } catch (e) {
    ElMessage.error(errorMessage(e))
  }
}

/** A key pressed in a text field is the field's own (its Ctrl+Z undoes typing). */
export function inTextField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || target.matches('input, textarea, select'))
}

/** Ctrl/Cmd+Z outside text fields restores the last delete while its page is open. */
export function useUndoDelete() {
  const route = useRoute()
  const router = useRouter()
  watch(
    () => route.path,
    (path) => {
      if (appState.lastDeleted && appState.lastDeleted.page !== path) appState.lastDeleted = null
    },
  )
  function onKey(e: KeyboardEvent) {
    if (!(e.ctrlKey || e.metaKey) || e.shiftKey || e.altKey || e.key.toLowerCase() !== 'z') return
    if (inTextField(e.target) || appState.lastDeleted?.page !== route.path) return
    e.preventDefault()
    undoLastDelete(router)
  }
  onMounted(() => window.addEventListener('keydown', onKey))
  onBeforeUnmount(() => window.removeEventListener('keydown', onKey))
}
