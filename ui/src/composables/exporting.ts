// Shared by every "export to Excel" action: where to save (the native save dialog, or the
// E2E hook), the report language (the UI's) and default file names.
import { save } from '@tauri-apps/plugin-dialog'
import type { Language } from '../bindings'
import { i18n } from '../i18n'

declare global {
  interface Window {
    /** End-to-end tests cannot drive the native save dialog: a path here replaces it. */
    __DOSSIER_E2E_SAVE__?: unknown
  }
}

/** The language of an exported workbook: the one the UI is in. */
export function reportLanguage(): Language {
  return i18n.global.locale.value === 'en' ? 'en' : 'zh'
}

/** Today as YYYY-MM-DD (local time), for file names. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** A file name without the characters Windows and macOS refuse. */
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').trim() || 'export'
}

/** Asks where to save an .xlsx file; null when the user backs out. */
export async function pickSavePath(defaultName: string): Promise<string | null> {
  const hook = window.__DOSSIER_E2E_SAVE__
  if (typeof hook === 'string') return hook
  const name = safeFileName(defaultName)
  const chosen = await save({
    defaultPath: /\.xlsx$/i.test(name) ? name : `${name}.xlsx`,
    filters: [{ name: i18n.global.t('exporting.filterName'), extensions: ['xlsx'] }],
  })
  // A blur after the native dialog: the clicked button would keep its pale focus style.
  ;(document.activeElement as HTMLElement | null)?.blur?.()
  return typeof chosen === 'string' && chosen !== '' ? chosen : null
}
