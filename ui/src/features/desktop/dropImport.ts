// Drop to import: an Excel or CSV file dropped anywhere on the window opens the import wizard
// with it. The page reads the dropped file's bytes (it never learns or names a path) and the
// shell keeps them in the app's own folder, handing back a token as the file dialog would
// (api.importDropped). Drags inside the page (the kanban's cards) carry no files and are left
// alone. A folder, several files, an empty file or another type get a message, and no wizard.
import { ElMessage } from 'element-plus'
import { api } from '../../api'
import { errorMessage } from '../../errors'
import { i18n } from '../../i18n'
import { appState, openImportWith } from '../../stores/app'

/** The drag carries files from outside the page. */
export const carriesFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files')

/** Takes what was dropped: one file goes to the import wizard; anything else is explained. */
export async function importDropped(data: DataTransfer): Promise<void> {
  const t = i18n.global.t
  const files = Array.from(data.files)
  if (files.length === 0) return
  if (files.length > 1) return void ElMessage.warning(t('desktop.drop.several'))
  const file = files[0]!
  const entry = data.items?.[0]?.webkitGetAsEntry?.()
  if (entry?.isDirectory) return void ElMessage.warning(t('desktop.drop.folder', { name: file.name }))
  if (appState.importOpen) return void ElMessage.warning(t('desktop.drop.busy'))
  let bytes: Uint8Array
  try {
    bytes = new Uint8Array(await file.arrayBuffer())
  } catch {
    // A folder where the platform gives no entry: its "file" cannot be read.
    return void ElMessage.warning(t('desktop.drop.folder', { name: file.name }))
  }
  try {
    openImportWith(await api.importDropped(file.name, bytes))
  } catch (e) {
    ElMessage.error(errorMessage(e))
  }
}
