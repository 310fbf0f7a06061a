// The one "are you sure?" of a delete: a warning box with a red 删除 button. The message may be
// a VNode, for a delete that lists what goes with the record.
import type { VNode } from 'vue'
import { ElMessageBox } from 'element-plus'
import { i18n } from '../i18n'

/** Asks before a delete; false when the user backs out. */
export async function confirmDelete(message: string | VNode, title: string): Promise<boolean> {
  const t = i18n.global.t
  try {
    await ElMessageBox.confirm(message, title, {
      type: 'warning',
      confirmButtonText: t('common.delete'),
      cancelButtonText: t('common.cancel'),
      confirmButtonClass: 'el-button--danger',
    })
    return true
  } catch {
    return false
  }
}
