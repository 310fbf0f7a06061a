// The one "are you sure?" of a delete: a warning box with a red 删除 button. The message may be
// a VNode, for a delete that lists what goes with the record.
import type { VNode } from 'vue'
import { ElMessageBox } from 'element-plus'
import { api } from '../../api'
import { i18n } from '../../i18n'

/** The days a deleted record stays in the trash (设置), null when the settings cannot be read. */
export async function trashDays(): Promise<number | null> {
  try {
    return (await api.getSettings()).trashDays
  } catch {
    return null
  }
}

/** "删除后会移到回收站，保留 30 天，期间可以恢复。", said by every delete that goes to the trash. */
export async function trashNote(): Promise<string> {
  const t = i18n.global.t
  const days = await trashDays()
  return days ? t('trash.note', { days }) : t('trash.noteNoDays')
}

/** Asks before a delete; false when the user backs out. `confirmText` labels the red button (删除). */
export async function confirmDelete(message: string | VNode, title: string, confirmText?: string): Promise<boolean> {
  const t = i18n.global.t
  try {
    await ElMessageBox.confirm(message, title, {
      type: 'warning',
      confirmButtonText: confirmText ?? t('common.delete'),
      cancelButtonText: t('common.cancel'),
      confirmButtonClass: 'el-button--danger',
    })
    return true
  } catch {
    return false
  }
}
