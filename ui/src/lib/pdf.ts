// A minimal PDF writer: one JPEG per page, filling the page. Enough for a document drawn on a
// canvas (the 共识确认 recap): the text is drawn with the system's own Chinese fonts, so nothing
// has to be embedded or downloaded, and no PDF library (with its CJK font problem) is needed.
// JPEG because PDF takes it as it is (DCTDecode); a PNG would need re-encoding.

export interface PdfImagePage {
  /** A baseline JPEG (what canvas.toDataURL('image/jpeg') gives), RGB. */
  jpeg: Uint8Array
  /** Its size in pixels. */
  width: number
  height: number
}

export interface PdfOptions {
  /** The page size in points (1/72 inch); A4 by default. */
  pageWidth?: number
  pageHeight?: number
  /** The document title (any language) shown by PDF readers. */
  title?: string
}

/** A4 in points. */
export const A4 = { width: 595.28, height: 841.89 }

const ascii = (s: string) => new TextEncoder().encode(s)

/** A PDF text string in UTF-16BE (the form that holds Chinese): <FEFF…>. */
function pdfText(s: string): string {
  let hex = 'FEFF'
  for (let i = 0; i < s.length; i++) hex += s.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase()
  return `<${hex}>`
}

const n2 = (x: number) => String(Math.round(x * 100) / 100)

/** The PDF file: catalog, page tree, info, then per page its page object, content and image. */
export function jpegPagesPdf(pages: PdfImagePage[], options: PdfOptions = {}): Uint8Array {
  if (!pages.length) throw new Error('a PDF needs at least one page')
  const w = options.pageWidth ?? A4.width
  const h = options.pageHeight ?? A4.height
  const chunks: Uint8Array[] = []
  const offsets: number[] = []
  let length = 0
  const push = (b: Uint8Array) => {
    chunks.push(b)
    length += b.length
  }
  const object = (n: number, dict: string, stream?: Uint8Array) => {
    offsets[n] = length
    push(ascii(`${n} 0 obj\n${dict}\n`))
    if (stream) {
      push(ascii('stream\n'))
      push(stream)
      push(ascii('\nendstream\n'))
    }
    push(ascii('endobj\n'))
  }

  // The header, spelled in bytes: Tauri serves the app's own files with the MIME type the
  // `infer` crate reads from their first 1,024 bytes, and it takes "%PDF" anywhere there for a
  // PDF; a script chunk starting with this writer would be served as one and never load.
  push(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34, 0x0a])) // %PDF-1.4\n
  // The binary comment tells transfer tools the file is binary.
  push(new Uint8Array([0x25, 0xe2, 0xe3, 0xcf, 0xd3, 0x0a]))
  const pageIds = pages.map((_, i) => 4 + i * 3)
  object(1, '<< /Type /Catalog /Pages 2 0 R >>')
  object(2, `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`)
  const title = options.title ? ` /Title ${pdfText(options.title)}` : ''
  object(3, `<< /Producer ${pdfText('Dossier 大客户档案')}${title} >>`)
  pages.forEach((p, i) => {
    const [page, content, image] = [pageIds[i]!, pageIds[i]! + 1, pageIds[i]! + 2]
    const draw = ascii(`q\n${n2(w)} 0 0 ${n2(h)} 0 0 cm\n/Im0 Do\nQ`)
    object(
      page,
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${n2(w)} ${n2(h)}] /Resources << /XObject << /Im0 ${image} 0 R >> >> /Contents ${content} 0 R >>`,
    )
    object(content, `<< /Length ${draw.length} >>`, draw)
    object(
      image,
      `<< /Type /XObject /Subtype /Image /Width ${p.width} /Height ${p.height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${p.jpeg.length} >>`,
      p.jpeg,
    )
  })

  const count = 4 + pages.length * 3
  const xref = length
  let table = `xref\n0 ${count}\n0000000000 65535 f \n`
  for (let n = 1; n < count; n++) table += `${String(offsets[n]).padStart(10, '0')} 00000 n \n`
  push(ascii(`${table}trailer\n<< /Size ${count} /Root 1 0 R /Info 3 0 R >>\nstartxref\n${xref}\n%%EOF\n`))

  const out = new Uint8Array(length)
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.length
  }
  return out
}
