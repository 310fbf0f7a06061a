// After WebKit's web process died, the shell loads the page again with `recovered=1` in its
// query (src-tauri/src/webview.rs). The person is told why the window started over — an
// unsaved form is gone, saved data is not — and the mark is taken off the address so a later
// reload says nothing.
import { ElMessage } from 'element-plus'
import { i18n } from '../i18n'

/** Tells the person once when this page is a reload after a crash; returns whether it was. */
export function announceRecovery(target: Window = window): boolean {
  const url = new URL(target.location.href)
  if (url.searchParams.get('recovered') !== '1') return false
  url.searchParams.delete('recovered')
  target.history.replaceState(target.history.state, '', url.toString())
  ElMessage.warning({
    message: i18n.global.t('desktop.pageRecovered'),
    duration: 8000,
    showClose: true,
  })
  return true
}
