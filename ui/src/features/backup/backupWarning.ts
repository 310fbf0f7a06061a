// An automatic snapshot that failed (the day's first start, before a migration, an import or
// its undo) never stopped what it preceded; the person is told once, in words, and pointed at
// 设置 → 备份与恢复. Checked at start-up, a little later (the day's snapshot runs beside the
// start-up) and after every change the app makes known (dataChanged: imports and their undo).
import { watch } from 'vue'
import { ElMessage } from 'element-plus'
import { api } from '../../api'
import type { BackupWarning } from '../../bindings'
import { errorMessage } from '../../errors'
import { i18n } from '../../i18n'
import { appState } from '../../stores/app'

/** "自动备份失败（导入前）：…。导入已照常进行。" */
export function backupWarningText(w: BackupWarning): string {
  const t = i18n.global.t
  return t('backup.warning', { when: t(`backup.reason.${w.reason}`), error: errorMessage(w.error) })
}

export async function showBackupWarning(): Promise<void> {
  const w = await api.takeBackupWarning().catch(() => null)
  if (w) ElMessage.warning({ message: backupWarningText(w), duration: 0, showClose: true, grouping: true })
}

/** Starts the checks (App.vue, once the database is open). */
export function watchBackupWarnings(later = 8000) {
  void showBackupWarning()
  setTimeout(() => void showBackupWarning(), later)
  watch(
    () => appState.dataVersion,
    () => void showBackupWarning(),
  )
}
