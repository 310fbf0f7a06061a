// The 共识确认 recap drawn on a canvas, for a PNG to send in WeChat and a PDF to attach to an
// email. Drawn with the UI's own font stack, so Chinese renders with the system's fonts and
// nothing is downloaded. The layout (lines, wrapping, pages) is pure and tested with a fake
// measure; only `drawPage` touches a canvas.
//
// The recap text is the core's (visits/recap.rs): its first line is the heading (【会谈纪要】…),
// lines like "一、达成的共识" open a section, "1. …" lines are items whose wrapped lines hang
// under the text, a blank line is a gap.
import { dataUrlBytes } from '../../lib/imageExport'
import { A4, jpegPagesPdf } from '../../lib/pdf'
import { fontFamily, wrap } from '../../lib/canvasText'

export type LineStyle = 'heading' | 'section' | 'body'

export interface RecapTheme {
  /** Page width and padding, in the theme's units (CSS px for the image, points for the PDF). */
  width: number
  padding: number
  size: Record<LineStyle, number>
  /** Line height as a multiple of the font size. */
  lineHeight: number
  /** Device pixels per unit. */
  scale: number
}

/** A phone-friendly card (640 px wide, drawn at 2×). */
export const IMAGE_THEME: RecapTheme = {
  width: 640,
  padding: 40,
  size: { heading: 22, section: 17, body: 15 },
  lineHeight: 1.75,
  scale: 2,
}
/** A4 in points, ~216 dpi. */
export const PDF_THEME: RecapTheme = {
  width: A4.width,
  padding: 56,
  size: { heading: 17, section: 13, body: 11.5 },
  lineHeight: 1.8,
  scale: 3,
}

export interface RecapLine {
  text: string
  style: LineStyle
  /** Left offset inside the text area (a wrapped item's hanging indent). */
  indent: number
  /** Top of the line from the top of the text area. */
  y: number
  height: number
}

export type Measure = (text: string, style: LineStyle) => number

const SECTION = /^[一二三四五六七八九十]+、/
const ITEM = /^\d+\.\s/

export function lineStyle(line: string, index: number): LineStyle {
  if (index === 0) return 'heading'
  return SECTION.test(line) ? 'section' : 'body'
}

/** The recap laid out in the theme's text column, top to bottom. */
export function layoutRecap(text: string, theme: RecapTheme, measure: Measure): RecapLine[] {
  const column = theme.width - theme.padding * 2
  const out: RecapLine[] = []
  let y = 0
  const source = text.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n')
  source.forEach((raw, i) => {
    const style = lineStyle(raw, i)
    const height = theme.size[style] * theme.lineHeight
    if (!raw.trim()) {
      y += theme.size.body * 0.6
      return
    }
    const prefix = ITEM.exec(raw)?.[0] ?? ''
    const hang = prefix ? measure(prefix, style) : 0
    wrap(raw, column, (s) => measure(s, style), hang).forEach((part, j) => {
      out.push({ text: part, style, indent: j ? hang : 0, y, height })
      y += height
    })
    // Room under the heading for its rule.
    if (style === 'heading') y += theme.size.body * 0.8
  })
  return out
}

/** The height of laid-out lines (0 for none). */
export function contentHeight(lines: RecapLine[]): number {
  const last = lines[lines.length - 1]
  return last ? last.y + last.height : 0
}

/**
 * Lines split into pages of at most `pageHeight` of text, each page's lines moved up to start at
 * 0. A section heading is not left alone at the bottom of a page.
 */
export function paginate(lines: RecapLine[], pageHeight: number): RecapLine[][] {
  const pages: RecapLine[][] = []
  let page: RecapLine[] = []
  let top = 0
  lines.forEach((l, i) => {
    const next = lines[i + 1]
    const needed = l.style === 'section' && next ? next.y + next.height - l.y : l.height
    if (page.length && l.y - top + needed > pageHeight) {
      pages.push(page)
      page = []
      top = l.y
    }
    page.push({ ...l, y: l.y - top })
  })
  if (page.length) pages.push(page)
  return pages
}

const COLORS: Record<LineStyle, string> = { heading: '#1e3a5f', section: '#1f2a3d', body: '#303133' }
const WEIGHTS: Record<LineStyle, string> = { heading: '600', section: '600', body: '400' }

function newCanvas(width: number, height: number, theme: RecapTheme) {
  const canvas = document.createElement('canvas')
  canvas.width = Math.ceil(width * theme.scale)
  canvas.height = Math.ceil(height * theme.scale)
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('canvas 2D is not available')
  ctx.scale(theme.scale, theme.scale)
  return { canvas, ctx }
}

/** A measure backed by a canvas, in the theme's units. */
function canvasMeasure(theme: RecapTheme): Measure {
  const { ctx } = newCanvas(1, 1, { ...theme, scale: 1 })
  const family = fontFamily()
  return (s, style) => {
    ctx.font = `${WEIGHTS[style]} ${theme.size[style]}px ${family}`
    return ctx.measureText(s).width
  }
}

/** One page: white, a navy bar on top, the lines, a rule under the heading, an optional footer. */
function drawPage(lines: RecapLine[], theme: RecapTheme, height: number, footer: string) {
  const { canvas, ctx } = newCanvas(theme.width, height, theme)
  const family = fontFamily()
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, theme.width, height)
  ctx.fillStyle = COLORS.heading
  ctx.fillRect(0, 0, theme.width, 5)
  ctx.textBaseline = 'middle'
  for (const l of lines) {
    ctx.font = `${WEIGHTS[l.style]} ${theme.size[l.style]}px ${family}`
    ctx.fillStyle = COLORS[l.style]
    ctx.fillText(l.text, theme.padding + l.indent, theme.padding + l.y + l.height / 2)
    if (l.style === 'heading') {
      ctx.fillStyle = '#dcdfe6'
      ctx.fillRect(
        theme.padding,
        theme.padding + l.y + l.height + theme.size.body * 0.3,
        theme.width - theme.padding * 2,
        1,
      )
    }
  }
  if (footer) {
    ctx.font = `400 ${theme.size.body * 0.8}px ${family}`
    ctx.fillStyle = '#909399'
    ctx.textAlign = 'center'
    ctx.fillText(footer, theme.width / 2, height - theme.padding / 2)
  }
  return canvas
}

/** The recap as one PNG image, as tall as the text. */
export function recapPng(text: string): Uint8Array {
  const theme = IMAGE_THEME
  const lines = layoutRecap(text, theme, canvasMeasure(theme))
  const canvas = drawPage(lines, theme, contentHeight(lines) + theme.padding * 2, '')
  return dataUrlBytes(canvas.toDataURL('image/png'))
}

/** The recap as an A4 PDF (page numbers when it runs over a page). */
export function recapPdf(text: string, title: string): Uint8Array {
  const theme = PDF_THEME
  const pageHeight = A4.height
  const pages = paginate(layoutRecap(text, theme, canvasMeasure(theme)), pageHeight - theme.padding * 2)
  const images = pages.map((lines, i) => {
    const canvas = drawPage(lines, theme, pageHeight, pages.length > 1 ? `${i + 1} / ${pages.length}` : '')
    return { jpeg: dataUrlBytes(canvas.toDataURL('image/jpeg', 0.92)), width: canvas.width, height: canvas.height }
  })
  return jpegPagesPdf(images, { pageWidth: A4.width, pageHeight, title })
}
