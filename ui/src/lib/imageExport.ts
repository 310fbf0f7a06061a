// Exporting a chart (the power map, the purchase trends) as PNG or SVG, or a drawn document (the
// 共识确认 recap) as PNG or PDF: the same save dialog (opened by Rust) as the Excel exports, then
// a Tauri command writes the bytes to the chosen file.
import { api } from '../api'
import type { ChosenFile } from '../bindings'
import { pickSaveFile } from './exporting'

export type ImageKind = 'png' | 'svg'

/** Asks where to save the image (or PDF); null when the user backs out. */
export function pickImageFile(
  defaultName: string,
  kind: ImageKind | 'pdf',
  filterName: string,
): Promise<ChosenFile | null> {
  return pickSaveFile(defaultName, kind, filterName)
}

/** The bytes of a `data:image/png;base64,…` URL. */
export function dataUrlBytes(url: string): Uint8Array {
  const b64 = url.slice(url.indexOf(',') + 1)
  const bin = atob(b64)
  const out = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i)
  return out
}

export async function writeImage(file: ChosenFile, content: Uint8Array | string): Promise<void> {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content
  await api.saveFileBytes(file.token, bytes)
}
