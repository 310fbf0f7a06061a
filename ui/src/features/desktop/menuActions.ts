// What the native menu's items (and their shortcuts) do in the page. The shell sends a
// MenuAction as the `menu` event (src-tauri/src/menu.rs); the page's own key handler
// (shortcuts.ts) sends the same actions for the keys the menu does not see (in tests driven by
// WebDriver, the keys reach the page and not the native menu). 退出, 缩放 and 打开日志文件夹 never
// reach the page: the shell carries them out.
import type { Router } from 'vue-router'
import { ElMessage } from 'element-plus'
import { api } from '../../api'
import type { DbStatus, MenuAction } from '../../bindings'
import { errorMessage } from '../../errors'
import { i18n } from '../../i18n'
import { appState, dataChanged, openImport, openSearch } from '../../stores/app'
import { togglePresentation } from '../../stores/presentation'
import { toggleDark } from '../../stores/theme'
import { inTextField, undoLastDelete } from '../../composables/useUndoDelete'

/** The page's state the actions need: the router, and 关于's switch. */
export interface MenuContext {
  router: Router
  showAbout: () => void
}

/**
 * One key press can reach both the native menu (its accelerator) and the page (its key
 * handler) on some platforms; the second of the same action within this time is the same press.
 */
const SAME_PRESS_MS = 300
let last: { action: string; at: number } | null = null

export async function runMenuAction(action: MenuAction, ctx: MenuContext): Promise<void> {
  const now = Date.now()
  if (last && last.action === action.action && now - last.at < SAME_PRESS_MS) return
  last = { action: action.action, at: now }
  const t = i18n.global.t
  switch (action.action) {
    case 'newCustomer':
      return openOnList(ctx.router, 'new')
    case 'exportTeamReport':
      return openOnList(ctx.router, 'report')
    case 'import':
      return openImport()
    case 'find':
      return openSearch()
    case 'presentation':
      return togglePresentation()
    case 'darkMode':
      return toggleDark()
    case 'about':
      return ctx.showAbout()
    case 'undo':
      return undo(ctx.router)
    case 'openDatabase':
      return chooseDatabase(ctx.router, 'openDatabase')
    case 'newDatabase':
      return chooseDatabase(ctx.router, 'newDatabase')
    case 'openRecent':
      return openDatabase(ctx.router, () => api.openRecentDatabase(action.index))
    case 'manageRecent':
      return showOnSettings(ctx.router, 'recent-databases')
    case 'backup':
      return showOnSettings(ctx.router, 'settings-backup')
    default: {
      const unknown: never = action
      ElMessage.error(t('errors.unexpected', { detail: JSON.stringify(unknown) }))
    }
  }
}

/** 新建客户 and 导出周会报告 live on the customer list: it opens them when asked (`?open=`). */
function openOnList(router: Router, open: 'new' | 'report') {
  return router.push({ name: 'customers', query: { open } }).then(() => undefined)
}

/**
 * 撤销: in a text field, the field's own undo of typing (the menu's accelerator takes the key
 * before the field sees it); elsewhere the last delete, while the page it happened on is open.
 */
async function undo(router: Router) {
  const field = document.activeElement
  if (inTextField(field)) {
    document.execCommand('undo')
    return
  }
  if (appState.lastDeleted && appState.lastDeleted.page === router.currentRoute.value.path) {
    return undoLastDelete(router)
  }
  ElMessage.info(i18n.global.t('desktop.undoNothingHere'))
}

/** 打开数据库… / 新建数据库…: the dialog, then the same refusals as at start-up. */
async function chooseDatabase(router: Router, purpose: 'openDatabase' | 'newDatabase') {
  const t = i18n.global.t
  try {
    const file = await api.chooseFile(purpose, 'dossier.sqlite', t('dbError.filterName'))
    if (file) await openDatabase(router, () => api.openDatabase(file.token))
  } catch (e) {
    ElMessage.error(errorMessage(e))
  }
}

/** Opens a database; on a refusal the open one stays and the message says why. */
async function openDatabase(router: Router, open: () => Promise<DbStatus>) {
  try {
    const status = await open()
    appState.db = status
    appState.lastDeleted = null
    dataChanged()
    await router.push({ name: 'customers' })
    ElMessage.success(i18n.global.t('desktop.recent.opened', { name: fileName(status.path) }))
  } catch (e) {
    ElMessage.error(errorMessage(e))
  }
}

const fileName = (path: string) => path.split(/[\\/]/).pop() ?? path

/** Goes to 设置 and scrolls its card `testid` into view once the page has drawn it. */
async function showOnSettings(router: Router, testid: string) {
  await router.push({ name: 'settings' })
  for (let tries = 0; tries < 60; tries++) {
    const card = document.querySelector(`[data-testid="${testid}"]`)
    if (card) {
      card.scrollIntoView({ block: 'start' })
      return
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
