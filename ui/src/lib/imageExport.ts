// Exporting a chart (the power map, the purchase trends) as PNG or SVG, or a drawn document (the
// 共识确认 recap) as PNG or PDF: the same save dialog (opened by Rust) as the Excel exports, then
// a Tauri command writes the bytes to the chosen file. Exported images are light whatever the
// app's theme: they travel into slides, chats and print.
import { init, type EChartsCoreOption } from 'echarts/core'
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

/** The background of every exported image. */
export const EXPORT_BACKGROUND = '#ffffff'

/**
 * A chart option drawn off-screen in ECharts' default (light) theme on white, as a PNG data URL
 * at `pixelRatio`: the on-screen chart may be dark, its picture never is. The chart types the
 * option uses must be registered (`use`) by the caller, as for the chart on screen.
 */
export function lightChartPng(option: EChartsCoreOption, width: number, height: number, pixelRatio: number): string {
  const chart = init(document.createElement('div'), null, { renderer: 'canvas', width, height })
  try {
    chart.setOption({ ...option, animation: false, backgroundColor: EXPORT_BACKGROUND })
    return chart.getDataURL({ type: 'png', pixelRatio, backgroundColor: EXPORT_BACKGROUND })
  } finally {
    chart.dispose()
  }
}
