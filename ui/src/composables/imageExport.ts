// Exporting a chart (the power map, the purchase trends) as PNG or SVG, or a drawn document (the
// 共识确认 recap) as PNG or PDF: the same save-dialog flow (and E2E hook
// `window.__DOSSIER_E2E_SAVE__`) as the Excel exports, then a Tauri command writes the bytes.
import { save } from '@tauri-apps/plugin-dialog'
import { api } from '../api'
import { safeFileName } from '../composables/exporting'

export type ImageKind = 'png' | 'svg'

/** Asks where to save the image (or PDF); null when the user backs out. */
export async function pickImagePath(defaultName: string, kind: ImageKind | 'pdf', filterName: string): Promise<string | null> {
  const hook = window.__DOSSIER_E2E_SAVE__
  if (typeof hook === 'string') return hook
  const name = safeFileName(defaultName)
  const chosen = await save({
    defaultPath: name.toLowerCase().endsWith(`.${kind}`) ? name : `${name}.${kind}`,
    filters: [{ name: filterName, extensions: [kind] }],
  })
  ;(document.activeElement as HTMLElement | null)?.blur?.()
  return typeof chosen === 'string' && chosen !== '' ? chosen : null
}

/** The bytes of a `data:image/png;base64,…` URL. */
export function dataUrlBytes(url: string): Uint8Array {
  const b64 = url.slice(url.indexOf(',') + 1)
  const bin = atob(b64)
  const out = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i)
  return out
}

export async function writeImage(path: string, content: Uint8Array | string): Promise<void> {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content
  await api.saveFileBytes(path, bytes)
}
