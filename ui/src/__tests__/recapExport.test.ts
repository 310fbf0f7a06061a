// 共识确认 as an image or PDF: the minimal PDF writer gives a well-formed file (every xref offset
// lands on its object, the JPEG embedded byte for byte, a Chinese title), the recap layout wraps
// Chinese anywhere but keeps Latin words whole, hangs an item's wrapped lines under its text and
// never leaves a section heading alone at the bottom of a page; and the dialog's buttons ask
// where to save and write the drawn bytes there.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DOMWrapper, flushPromises } from '@vue/test-utils'
import type { Visit } from '../bindings'
import { blankVisit } from '../features/visits/visitForm'
import { jpegPagesPdf } from '../lib/pdf'
import { layoutRecap, paginate, type RecapTheme } from '../features/visits/recapImage'
import { wrap } from '../lib/canvasText'
import { chosenFile, mountWith } from './helpers'
import { expectErrorToast } from './setup'

const api = await vi.hoisted(() => import('./apiMock').then((m) => m.apiMock()))
vi.mock('../api', () => ({ api }))
vi.mock('@tauri-apps/plugin-opener', () => ({ revealItemInDir: vi.fn() }))
const drawn = vi.hoisted(() => ({ png: vi.fn(), pdf: vi.fn() }))
vi.mock('../features/visits/recapImage', async (original) => ({
  ...(await original<typeof import('../features/visits/recapImage')>()),
  recapPng: drawn.png,
  recapPdf: drawn.pdf,
}))

import RecapDialog from '../features/visits/RecapDialog.vue'

vi.setConfig({ testTimeout: 30000 })

const latin1 = (b: Uint8Array) => Array.from(b, (c) => String.fromCharCode(c)).join('')

describe('PDF writer', () => {
  const jpeg = (n: number) => new Uint8Array([0xff, 0xd8, 0xff, 0xe0, n, 0x00, 0xff, 0xd9])

  it('writes one page per image with a valid cross-reference table', () => {
    const pdf = latin1(
      jpegPagesPdf(
        [
          { jpeg: jpeg(1), width: 1786, height: 2526 },
          { jpeg: jpeg(2), width: 1786, height: 2526 },
        ],
        { title: '共识确认 华东精密' },
      ),
    )
    expect(pdf.startsWith('%PDF-1.4\n')).toBe(true)
    expect(pdf.trimEnd().endsWith('%%EOF')).toBe(true)
    expect(pdf).toContain('/Type /Pages /Kids [4 0 R 7 0 R] /Count 2')
    expect(pdf.match(/\/Type \/Page /g)).toHaveLength(2)
    expect(pdf).toContain('/MediaBox [0 0 595.28 841.89]')
    expect(pdf).toContain(
      '/Width 1786 /Height 2526 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length 8',
    )
    // The JPEG is embedded as it is.
    expect(pdf).toContain(`stream\n${latin1(jpeg(2))}\nendstream`)
    // 共 = U+5171, 识 = U+8BC6.
    expect(pdf).toContain('/Title <FEFF51718BC6')

    const startxref = Number(/startxref\n(\d+)\n/.exec(pdf)![1])
    expect(pdf.slice(startxref, startxref + 4)).toBe('xref')
    const [, size] = /xref\n0 (\d+)\n/.exec(pdf)!
    expect(Number(size)).toBe(10)
    const rows = pdf
      .slice(startxref)
      .split('\n')
      .slice(3, 3 + 9)
    rows.forEach((row, i) => {
      const offset = Number(row.slice(0, 10))
      expect(pdf.slice(offset).startsWith(`${i + 1} 0 obj\n`), `object ${i + 1} at ${offset}`).toBe(true)
    })
    expect(pdf).toContain('/Size 10 /Root 1 0 R /Info 3 0 R')
  })

  it('refuses a document without pages', () => {
    expect(() => jpegPagesPdf([])).toThrow()
  })
})

describe('recap layout', () => {
  /** One unit per character: a fake font where every glyph is as wide. */
  const measure = (s: string) => [...s].length
  const theme: RecapTheme = {
    width: 20,
    padding: 5,
    size: { heading: 2, section: 1.5, body: 1 },
    lineHeight: 2,
    scale: 1,
  }

  it('breaks Chinese anywhere, keeps a Latin word whole, splits a word longer than a line', () => {
    expect(wrap('达成的共识一二三四五', 4, measure)).toEqual(['达成的共', '识一二三', '四五'])
    expect(wrap('请发送 MES 报价单', 6, measure)).toEqual(['请发送', 'MES 报价', '单'])
    expect(wrap('ABCDEFGHIJ', 4, measure)).toEqual(['ABCD', 'EFGH', 'IJ'])
    expect(wrap('', 4, measure)).toEqual([''])
  })

  it('styles the heading and sections, hangs an item’s wrapped lines under its text, leaves gaps for blank lines', () => {
    const text = '【会谈纪要】华东精密\n时间：11-20\n\n一、达成的共识\n1. 二期上线时间定在明年三月底之前\n'
    const lines = layoutRecap(text, { ...theme, size: { heading: 1, section: 1, body: 1 } }, measure)
    expect(lines.map((l) => [l.style, l.text, l.indent])).toEqual([
      ['heading', '【会谈纪要】华东精密', 0],
      ['body', '时间：11-20', 0],
      ['section', '一、达成的共识', 0],
      ['body', '1. 二期上线时间定', 0],
      ['body', '在明年三月底之', 3],
      ['body', '前', 3],
    ])
    // Heading line 2, its rule 0.8, a body line 2, the blank line's gap 0.6.
    expect(lines.map((l) => Math.round(l.y * 10) / 10)).toEqual([0, 2.8, 5.4, 7.4, 9.4, 11.4])
  })

  it('starts a new page where the text would run over, and does not strand a section heading', () => {
    const line = (y: number, style: 'section' | 'body' = 'body') => ({ text: `${y}`, style, indent: 0, y, height: 2 })
    const pages = paginate([line(0), line(2), line(4, 'section'), line(6), line(8)], 6)
    expect(pages.map((p) => p.map((l) => l.text))).toEqual([
      ['0', '2'],
      ['4', '6', '8'],
    ])
    expect(pages[1]!.map((l) => l.y)).toEqual([0, 2, 4])
  })
})

describe('recap dialog export', () => {
  const visit: Visit = {
    ...blankVisit(),
    id: 3,
    customerId: 1,
    customerName: '华东精密',
    opportunityName: '',
    confirmation: 'draft',
    sentOn: '',
    confirmedOn: '',
    overdueActions: [],
    createdAt: '2026-11-20 10:00:00',
    updatedAt: '2026-11-20 10:00:00',
    date: '2026-11-20',
    time: '14:30',
  }
  const text = '【会谈纪要】华东精密\n一、下一步安排\n1. 11月28日前发送报价单'
  const body = () => new DOMWrapper(document.body)
  const open = () => mountWith(RecapDialog, { props: { modelValue: true, visit } })

  beforeEach(() => {
    vi.clearAllMocks()
    api.visitRecap.mockResolvedValue({ visitId: 3, text })
    api.saveFileBytes.mockResolvedValue(null)
    drawn.png.mockReturnValue(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))
    drawn.pdf.mockReturnValue(new Uint8Array([0x25, 0x50, 0x44, 0x46]))
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('saves the recap as a PNG where the user chose, named after the customer and date', async () => {
    api.chooseFile.mockResolvedValue(chosenFile('/home/li/华东精密-共识确认-2026-11-20.png'))
    const { wrapper } = await open()
    await body().get('[data-testid="visit-recap-png"]').trigger('click')
    await flushPromises()
    expect(api.chooseFile).toHaveBeenCalledWith('png', '华东精密-共识确认-2026-11-20', 'PNG 图片')
    expect(drawn.png).toHaveBeenCalledWith(text)
    expect(api.saveFileBytes).toHaveBeenCalledWith(
      'token:/home/li/华东精密-共识确认-2026-11-20.png',
      new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
    )
    expect(body().get('[data-testid="export-saved"]').text()).toContain('华东精密-共识确认-2026-11-20.png')
    wrapper.unmount()
  })

  it('saves an A4 PDF titled with the customer and date', async () => {
    api.chooseFile.mockResolvedValue(chosenFile('/tmp/recap.pdf'))
    const { wrapper } = await open()
    await body().get('[data-testid="visit-recap-pdf"]').trigger('click')
    await flushPromises()
    expect(api.chooseFile).toHaveBeenCalledWith('pdf', '华东精密-共识确认-2026-11-20', 'PDF 文档')
    expect(drawn.pdf).toHaveBeenCalledWith(text, '共识确认 华东精密 2026-11-20')
    expect(api.saveFileBytes).toHaveBeenCalledWith('token:/tmp/recap.pdf', new Uint8Array([0x25, 0x50, 0x44, 0x46]))
    wrapper.unmount()
  })

  it('writes nothing when the user backs out of the save dialog, and shows a drawing failure', async () => {
    api.chooseFile.mockResolvedValue(null)
    const { wrapper } = await open()
    await body().get('[data-testid="visit-recap-pdf"]').trigger('click')
    await flushPromises()
    expect(drawn.pdf).not.toHaveBeenCalled()
    expect(api.saveFileBytes).not.toHaveBeenCalled()

    api.chooseFile.mockResolvedValue(chosenFile('/tmp/x.png'))
    drawn.png.mockImplementation(() => {
      throw new Error('canvas 2D is not available')
    })
    expectErrorToast('canvas 2D is not available')
    await body().get('[data-testid="visit-recap-png"]').trigger('click')
    await flushPromises()
    expect(api.saveFileBytes).not.toHaveBeenCalled()
    expect(body().get('.el-message--error').text()).toContain('canvas 2D is not available')
    wrapper.unmount()
  })

  it('says so when the save dialog itself fails', async () => {
    api.chooseFile.mockRejectedValue(new Error('portal unavailable'))
    expectErrorToast('portal unavailable')
    const { wrapper } = await open()
    await body().get('[data-testid="visit-recap-pdf"]').trigger('click')
    await flushPromises()
    expect(body().get('.el-message--error').text()).toContain('portal unavailable')
    expect(body().get('[data-testid="visit-recap-pdf"]').attributes('class')).not.toContain('is-loading')
    wrapper.unmount()
  })
})
