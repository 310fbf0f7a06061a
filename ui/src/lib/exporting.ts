// Shared by every "export to Excel" action: where to save (the native save dialog, opened by
// Rust: api.chooseFile), the report language (the UI's), default file names, and the message
// that says where the file went, with a button that shows it in the file manager.
import { h } from 'vue'
import { ElButton, ElMessage } from 'element-plus'
import { revealItemInDir } from '@tauri-apps/plugin-opener'
import { api } from '../api'
import type { ChosenFile, FilePurpose, Language } from '../bindings'
import { i18n } from '../i18n'

declare global {
  interface Window {
    /** End-to-end tests cannot see the file manager: an array here collects the revealed paths. */
    __DOSSIER_E2E_REVEALED__?: unknown
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
  // Control characters are exactly what must go: the regex names them on purpose.
  // eslint-disable-next-line no-control-regex
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').trim() || 'export'
}

/**
 * Asks where to save (the native dialog for `purpose`, suggesting `defaultName`); the chosen
 * file's token for the command that writes it, or null when the person backs out.
 */
export async function pickSaveFile(
  defaultName: string,
  purpose: FilePurpose = 'xlsx',
  filterName?: string,
): Promise<ChosenFile | null> {
  const chosen = await api.chooseFile(
    purpose,
    safeFileName(defaultName),
    filterName ?? i18n.global.t('exporting.filterName'),
  )
  // A blur after the native dialog: the clicked button would keep its pale focus style.
  ;(document.activeElement as HTMLElement | null)?.blur?.()
  return chosen
}

/** Opens the file manager at `path`, with the file selected. */
export async function revealFile(path: string): Promise<void> {
  const hook = window.__DOSSIER_E2E_REVEALED__
  try {
    if (Array.isArray(hook)) hook.push(path)
    else await revealItemInDir(path)
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e)
    ElMessage.error(i18n.global.t('exporting.revealFailed', { error: detail }))
  }
}

/**
 * Says that a file was written (`message` names the path) and offers to show it in the file
 * manager. Stays a while: the user may want to click.
 */
export function announceSaved(message: string, path: string) {
  const t = i18n.global.t
  const box = ElMessage.success({
    message: h('span', { class: 'saved-message', 'data-testid': 'export-saved' }, [
      h('span', { class: 'saved-text' }, message),
      h(
        ElButton,
        {
          link: true,
          type: 'primary',
          class: 'saved-reveal',
          'data-testid': 'export-reveal',
          onClick: () => {
            box.close()
            void revealFile(path)
          },
        },
        () => t('exporting.reveal'),
      ),
    ]),
    duration: 8000,
    showClose: true,
    grouping: false,
  })
  return box
}
