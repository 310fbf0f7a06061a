// The printed customer dossier as a one-page A4 PDF: the model (dossierModel.ts) drawn on a
// canvas with the system's Chinese fonts, then written as a JPEG page by lib/pdf.ts — the path
// of the 共识确认 recap, so nothing is embedded. Paper colours whatever the app's theme. The
// drawing follows the print view (DossierSheet.vue): heading, lights, figures, the tables.
import { dataUrlBytes } from '../../../lib/imageExport'
import { A4, jpegPagesPdf } from '../../../lib/pdf'
import { ellipsis, fontFamily, wrap } from '../../../lib/canvasText'
import type { DossierModel, DossierTable } from './dossierModel'

/** Device pixels per point (~216 dpi). */
const SCALE = 3
const MARGIN = 42
const WIDTH = A4.width - MARGIN * 2
const INK = {
  text: '#1f2937',
  heading: '#1e3a5f',
  soft: '#4b5563',
  muted: '#6b7280',
  rule: '#d1d5db',
  faint: '#eceef1',
  headFill: '#f3f4f6',
  alert: '#b3262c',
}

type Ctx = CanvasRenderingContext2D

function font(ctx: Ctx, size: number, weight = 400) {
  ctx.font = `${weight} ${size}px ${fontFamily()}`
}

function text(ctx: Ctx, s: string, x: number, y: number, size: number, color: string, weight = 400) {
  font(ctx, size, weight)
  ctx.fillStyle = color
  ctx.fillText(s, x, y)
}

function lamp(ctx: Ctx, x: number, y: number, r: number, color: string) {
  ctx.fillStyle = color
  ctx.beginPath()
  ctx.arc(x + r, y, r, 0, Math.PI * 2)
  ctx.fill()
}

/** A section heading with its rule; returns the y below it. */
function heading(ctx: Ctx, s: string, y: number): number {
  text(ctx, s, MARGIN, y + 10, 10.5, INK.heading, 600)
  ctx.fillStyle = INK.rule
  ctx.fillRect(MARGIN, y + 16, WIDTH, 0.7)
  return y + 22
}

function table(ctx: Ctx, t: DossierTable, y: number, words: { none: string; more: (n: number) => string }): number {
  y = heading(ctx, t.heading, y)
  const measure = (s: string) => ctx.measureText(s).width
  if (!t.rows.length) {
    text(ctx, words.none, MARGIN, y + 8, 8.5, INK.muted)
    return y + 16
  }
  const xs: number[] = []
  let x = MARGIN
  for (const c of t.columns) {
    xs.push(x)
    x += c.width * WIDTH
  }
  const pad = 4
  const rowH = 15
  ctx.fillStyle = INK.headFill
  ctx.fillRect(MARGIN, y, WIDTH, rowH)
  t.columns.forEach((c, i) => {
    font(ctx, 8.5, 600)
    text(ctx, ellipsis(c.label, c.width * WIDTH - pad * 2, measure), xs[i]! + pad, y + 10.5, 8.5, INK.soft, 600)
  })
  y += rowH
  for (const row of t.rows) {
    const color = row.alert ? INK.alert : INK.text
    row.cells.forEach((cell, i) => {
      const w = t.columns[i]!.width * WIDTH - pad * 2
      let left = xs[i]! + pad
      if (i === 0 && row.dot) {
        lamp(ctx, left, y + 7.5, 3, row.dot)
        left += 9
      }
      font(ctx, 9)
      text(ctx, ellipsis(cell, w - (left - xs[i]! - pad), measure), left, y + 10.5, 9, color)
    })
    y += rowH
    if (row.note) {
      font(ctx, 8.5)
      const lines = wrap(row.note, WIDTH - pad * 2, measure)
      const shown = lines.slice(0, 2)
      if (lines.length > 2) shown[1] = ellipsis(`${shown[1]}${lines[2]}`, WIDTH - pad * 2, measure)
      for (const l of shown) {
        text(ctx, l, MARGIN + pad, y + 8, 8.5, INK.soft)
        y += 12
      }
      y += 2
    }
    ctx.fillStyle = INK.faint
    ctx.fillRect(MARGIN, y, WIDTH, 0.6)
  }
  if (t.more) {
    text(ctx, words.more(t.more), MARGIN, y + 11, 8.5, INK.muted)
    y += 14
  }
  return y + 4
}

/** The dossier drawn on an A4 canvas (points × SCALE). */
function drawDossier(model: DossierModel, words: { none: string; more: (n: number) => string }) {
  const canvas = document.createElement('canvas')
  canvas.width = Math.ceil(A4.width * SCALE)
  canvas.height = Math.ceil(A4.height * SCALE)
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('canvas 2D is not available')
  ctx.scale(SCALE, SCALE)
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, A4.width, A4.height)
  ctx.textBaseline = 'alphabetic'
  const measure = (s: string) => ctx.measureText(s).width

  let y = MARGIN
  ctx.fillStyle = INK.heading
  ctx.fillRect(MARGIN, y, WIDTH, 3)
  y += 16
  font(ctx, 17, 600)
  text(ctx, ellipsis(model.title, WIDTH, measure), MARGIN, y + 8, 17, INK.heading, 600)
  y += 22
  font(ctx, 9)
  text(ctx, ellipsis(model.facts.join('    '), WIDTH, measure), MARGIN, y, 9, INK.soft)
  y += 10

  // The lights side by side, each with its reasons.
  const half = (WIDTH - 16) / 2
  let bottom = y
  model.lights.forEach((l, i) => {
    const x = MARGIN + i * (half + 16)
    let ly = y + 14
    lamp(ctx, x, ly - 3.5, 4, l.color)
    font(ctx, 9.5, 600)
    text(ctx, ellipsis(l.label, half - 12, measure), x + 12, ly, 9.5, INK.text, 600)
    font(ctx, 8.5)
    const reasons = l.more ? [...l.reasons, words.more(l.more)] : l.reasons
    for (const r of reasons) {
      for (const line of wrap(`· ${r}`, half - 8, measure).slice(0, 2)) {
        ly += 12
        text(ctx, line, x + 6, ly, 8.5, INK.soft)
      }
    }
    bottom = Math.max(bottom, ly)
  })
  y = bottom + 10

  // The key figures as a row of boxes.
  const box = (WIDTH - 5 * 6) / 6
  model.figures.forEach((f, i) => {
    const x = MARGIN + i * (box + 6)
    ctx.strokeStyle = '#e5e7eb'
    ctx.lineWidth = 0.7
    ctx.strokeRect(x, y, box, 30)
    font(ctx, 7.5)
    text(ctx, ellipsis(f.label, box - 8, measure), x + 4, y + 11, 7.5, INK.muted)
    // A long value ("3 项（逾期 1 项）") gets a smaller size before it is cut.
    let size = 9.5
    font(ctx, size, 600)
    while (size > 7.5 && measure(f.value) > box - 8) font(ctx, (size -= 0.5), 600)
    text(ctx, ellipsis(f.value, box - 8, measure), x + 4, y + 24, size, INK.text, 600)
  })
  y += 42

  for (const t of model.tables) y = table(ctx, t, y, words) + 6

  font(ctx, 8)
  ctx.textAlign = 'center'
  text(ctx, model.footer, A4.width / 2, A4.height - MARGIN / 2, 8, '#9ca3af')
  ctx.textAlign = 'left'
  return canvas
}

/** The dossier as a one-page A4 PDF. */
export function dossierPdf(model: DossierModel, words: { none: string; more: (n: number) => string }): Uint8Array {
  const canvas = drawDossier(model, words)
  const jpeg = dataUrlBytes(canvas.toDataURL('image/jpeg', 0.92))
  return jpegPagesPdf([{ jpeg, width: canvas.width, height: canvas.height }], { title: model.title })
}
