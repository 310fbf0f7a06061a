// The import wizard drops nothing silently: the encoding it read a text file in (and the others
// to pick), two columns for one field flagged, every column left out listed with its reason, the
// revenue year asked when the file does not say, and every preview row reachable and fixable.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { DOMWrapper, flushPromises, type VueWrapper } from '@vue/test-utils'
import { ElCheckbox, ElInputNumber, ElPagination, ElSelect } from 'element-plus'
import type { ImportFile, ImportSpec, Preview, RowPlan } from '../bindings'
import { TEXT_ENCODINGS } from '../bindings'
import { chosenFile, mountWith, settingsFixture } from './helpers'
import { readErrorText } from '../errors'

const api = await vi.hoisted(() => import('./apiMock').then((m) => m.apiMock()))
vi.mock('../api', () => ({ api }))

import ImportWizard from '../features/import/wizard/ImportWizard.vue'

const PATH = '/home/am/客戶名單.csv'
const file: ImportFile = {
  file: '客戶名單.csv',
  sheets: ['客戶名單.csv'],
  sheet: '客戶名單.csv',
  sample: [
    ['客户名称', '省份', '城市', '内部编号', '营业额'],
    ['华南精密', '广东省', '深圳市', 'K-1', '500'],
  ],
  headerRow: 1,
  headers: ['客户名称', '省份', '城市', '内部编号', '营业额'],
  mapping: ['customer_name', 'province', 'city', null, 'revenue'],
  dataRows: 1,
  template: null,
  encoding: 'big5',
}

/** `n` rows; every 7th refused on its 成立时间 cell. */
function rows(n: number): RowPlan[] {
  return Array.from({ length: n }, (_, i) => {
    const row = i + 2
    if (i % 7 !== 6) return { row, status: 'new', title: `客户${row}`, issues: [] }
    const problem = { code: 'value' as const, value: { code: 'invalid_date' as const, text: `坏${row}` } }
    return {
      row,
      status: 'error',
      title: `客户${row}`,
      issues: [{ row, column: 'F', header: '成立时间', field: 'founded', problem }],
    }
  })
}
const preview = (over: Partial<Preview> = {}): Preview => {
  const all = over.rows ?? rows(120)
  const errors = all.filter((r) => r.status === 'error').length
  return {
    sheet: '客戶名單.csv',
    headerRow: 1,
    headers: file.headers,
    mapping: file.mapping,
    rows: all,
    counts: { new: all.length - errors, update: 0, duplicate: 0, duplicateInFile: 0, error: errors },
    skipped: [{ column: 'D', header: '内部编号', reason: { code: 'unmapped' } }],
    revenueYear: 2025,
    ...over,
  }
}

const body = () => new DOMWrapper(document.body)
const q = (id: string) => body().find(`[data-testid="${id}"]`)
const click = async (id: string) => {
  await body().get(`[data-testid="${id}"]`).trigger('click')
  await flushPromises()
}
const lastSpec = (fn: typeof api.importPreview): ImportSpec => fn.mock.calls.at(-1)![0]
function select(w: VueWrapper, id: string) {
  const s = w.findAllComponents(ElSelect).find((c) => c.attributes('data-testid') === id)
  if (!s) throw new Error(`no select ${id}`)
  return s as unknown as VueWrapper
}

async function toSheet() {
  api.chooseFile.mockResolvedValue(chosenFile(PATH))
  api.importInspect.mockResolvedValue(file)
  const { wrapper } = await mountWith(ImportWizard, { props: { modelValue: true } })
  await click('import-pick')
  await click('import-next')
  return wrapper
}

async function toPreview(p: Preview = preview()) {
  const wrapper = await toSheet()
  await click('import-next')
  api.importPreview.mockResolvedValue(p)
  await click('import-next')
  return wrapper
}

vi.setConfig({ testTimeout: 20000 })
beforeEach(() => {
  vi.clearAllMocks()
  api.getSettings.mockResolvedValue(settingsFixture())
  api.mappingTemplates.mockResolvedValue([])
})

describe('the import wizard reads what it is given', () => {
  it('shows the encoding it read the file in and offers every other one', async () => {
    const wrapper = await toSheet()
    const enc = select(wrapper, 'import-encoding')
    expect(enc.text()).toContain('自动（识别为 Big5（繁体中文））')
    expect(TEXT_ENCODINGS).toEqual(
      expect.arrayContaining(['utf8', 'utf16le', 'utf16be', 'gb18030', 'big5', 'windows1252']),
    )
    for (const e of TEXT_ENCODINGS) expect(q(`import-encoding-${e}`).exists()).toBe(true)
    api.importInspect.mockResolvedValue({ ...file, encoding: 'gb18030' })
    enc.vm.$emit('update:modelValue', 'gb18030')
    await flushPromises()
    expect(api.importInspect.mock.calls.at(-1)![0].encoding).toBe('gb18030')
    wrapper.unmount()
  })

  it('a workbook has no encoding to choose', async () => {
    api.chooseFile.mockResolvedValue(chosenFile('/home/am/客户.xlsx'))
    api.importInspect.mockResolvedValue({ ...file, file: '客户.xlsx', encoding: null })
    const { wrapper } = await mountWith(ImportWizard, { props: { modelValue: true } })
    await click('import-pick')
    await click('import-next')
    expect(q('import-encoding').exists()).toBe(false)
    wrapper.unmount()
  })

  it('flags two columns mapped to one field, naming them, and does not go on', async () => {
    const wrapper = await toSheet()
    await click('import-next')
    select(wrapper, 'import-map-3').vm.$emit('update:modelValue', 'city')
    await flushPromises()
    expect(q('import-map-problems').text()).toContain('「城市」对应了 C、D 多列')
    expect(body().findAll('[data-testid="import-map-repeated"]')).toHaveLength(2)
    await click('import-next')
    expect(api.importPreview).not.toHaveBeenCalled()
    // Province and city are different fields: together they make the region.
    select(wrapper, 'import-map-3').vm.$emit('update:modelValue', '')
    await flushPromises()
    expect(q('import-map-problems').exists()).toBe(false)
    expect(q('import-region-parts').text()).toContain('合并为客户的「地区」')
    wrapper.unmount()
  })

  it('lists every column left out with its reason', async () => {
    const wrapper = await toPreview(
      preview({
        skipped: [
          { column: 'D', header: '内部编号', reason: { code: 'unmapped' } },
          { column: 'F', header: '', reason: { code: 'empty' } },
          {
            column: 'G',
            header: '客户',
            reason: { code: 'duplicate', field: 'customer_name', column: 'A', header: '客户名称' },
          },
        ],
      }),
    )
    const lines = body()
      .findAll('[data-testid="import-skipped-column"]')
      .map((l) => l.text())
    expect(lines).toEqual([
      'D 列「内部编号」：没有对应的字段',
      'F 列（无表头）：整列为空',
      'G 列「客户」：与 A 列「客户名称」重复，只导入那一列',
    ])
    expect(q('import-skipped').text()).toContain('不导入的列（3）')
    wrapper.unmount()
  })

  it('asks the revenue year the file does not say and previews with it', async () => {
    const wrapper = await toPreview()
    expect(q('import-revenue-year').exists()).toBe(true)
    const year = wrapper.findAllComponents(ElInputNumber).at(0)!
    expect(year.props('modelValue')).toBe(2025)
    api.importPreview.mockResolvedValue(preview({ revenueYear: 2024 }))
    year.vm.$emit('update:modelValue', 2024)
    await flushPromises()
    expect(lastSpec(api.importPreview).revenueYear).toBe(2024)
    wrapper.unmount()
  })

  it('pages through every row and keeps corrections made on any page', async () => {
    const wrapper = await toPreview()
    const shown = () => body().findAll('.preview-table tbody tr').length
    expect(shown()).toBe(50)
    const pager = wrapper.findAllComponents(ElPagination).at(0)!
    expect(pager.props('total')).toBe(120)
    // The last page: rows 102–121, with the refused cell of row 106.
    pager.vm.$emit('current-change', 3)
    await flushPromises()
    expect(shown()).toBe(20)
    expect(body().text()).toContain('客户121')
    const input = body().get('[data-testid="import-fix"][data-cell="106:F"]')
    await input.setValue('2020-01-01')
    // Back to the first page, fix row 8 too; both go with the recheck.
    pager.vm.$emit('current-change', 1)
    await flushPromises()
    await body().get('[data-testid="import-fix"][data-cell="8:F"]').setValue('2019-05-05')
    api.importPreview.mockResolvedValue(preview())
    await click('import-recheck')
    expect(lastSpec(api.importPreview).fixes).toEqual([
      { row: 8, column: 5, value: '2019-05-05' },
      { row: 106, column: 5, value: '2020-01-01' },
    ])
    wrapper.unmount()
  })

  it('the error filter pages the error rows', async () => {
    const wrapper = await toPreview(preview({ rows: rows(1000) }))
    wrapper
      .findAllComponents(ElCheckbox)
      .find((c) => c.attributes('data-testid') === 'import-only-errors')!
      .vm.$emit('update:modelValue', true)
    await flushPromises()
    const pager = wrapper.findAllComponents(ElPagination).at(0)!
    expect(pager.props('total')).toBe(142)
    const titles = body()
      .text()
      .match(/客户\d+/g)!
    expect(titles.slice(0, 3)).toEqual(['客户8', '客户15', '客户22'])
    wrapper.unmount()
  })

  it('a mapping refused by the core names the file, the sheet and both columns', () => {
    const text = readErrorText({
      type: 'duplicateMapping',
      data: {
        file: '客户.csv',
        sheet: '客户.csv',
        field: 'city',
        columns: ['B', 'C'],
        headers: ['城市', '所在城市'],
      },
    })
    expect(text).toBe(
      '文件「客户.csv」的工作表「客户.csv」中，B 列「城市」、C 列「所在城市」都对应为「城市」，只能导入其中一列。请在「对应字段」中只保留一列。',
    )
  })
})
