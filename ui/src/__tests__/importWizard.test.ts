import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DOMWrapper, flushPromises, type VueWrapper } from '@vue/test-utils'
import { ElRadioGroup, ElSelect } from 'element-plus'
import type { ImportFile, ImportProgress, ImportRecord, ImportSpec, Preview } from '../bindings'
import { chosenFile, coreError, mountWith, settingsFixture } from './helpers'

const api = await vi.hoisted(() => import('./apiMock').then((m) => m.apiMock()))
vi.mock('../api', () => ({ api }))

import ImportWizard from '../features/import/wizard/ImportWizard.vue'
import ImportsView from '../features/import/ImportsView.vue'
import { issueText } from '../features/import/format'

const PATH = '/home/am/客户清单.csv'
const file: ImportFile = {
  file: '客户清单.csv',
  sheets: ['客户清单'],
  sheet: '客户清单',
  sample: [
    ['客户名称', '客户等级', '成立时间', '联系人', '手机'],
    ['华东精密', 'A类', '2019/3/5', '王芳', '13800138000'],
    ['长江汽配', 'B', '2023年13月', '李四', ''],
  ],
  headerRow: 1,
  headers: ['客户名称', '客户等级', '成立时间', '联系人', '手机'],
  mapping: ['customer_name', 'grade', null, 'contact_name', 'phone'],
  dataRows: 2,
  template: null,
  encoding: 'utf8',
}
const preview = (over: Partial<Preview> = {}): Preview => ({
  sheet: '客户清单',
  headerRow: 1,
  headers: file.headers,
  mapping: ['customer_name', 'grade', 'founded', 'contact_name', 'phone'],
  rows: [
    { row: 2, status: 'new', title: '华东精密 · 王芳', issues: [] },
    { row: 3, status: 'new', title: '长江汽配 · 李四', issues: [] },
    { row: 4, status: 'duplicate', title: '北方化工', issues: [] },
    {
      row: 5,
      status: 'error',
      title: '长江汽配',
      issues: [
        {
          row: 5,
          column: 'C',
          header: '成立日期',
          field: 'founded',
          problem: { code: 'value', value: { code: 'invalid_date', text: '2023年13月' } },
        },
      ],
    },
  ],
  counts: { new: 2, update: 0, duplicate: 1, duplicateInFile: 0, error: 1 },
  skipped: [],
  revenueYear: null,
  ...over,
})
const record: ImportRecord = {
  id: 7,
  file: '客户清单.csv',
  sheet: '客户清单',
  kind: 'customers',
  created: 2,
  updated: 0,
  skipped: 1,
  errors: 1,
  importedAt: '2025-03-04 10:05:00',
  undoneAt: null,
}

const body = () => new DOMWrapper(document.body)
const click = async (id: string) => {
  await body().get(`[data-testid="${id}"]`).trigger('click')
  await flushPromises()
}
const lastSpec = (fn: typeof api.importPreview | typeof api.importInspect): ImportSpec => fn.mock.calls.at(-1)![0]
function select(w: VueWrapper, id: string) {
  const s = w
    .findAllComponents(ElSelect)
    .find((c) => c.attributes('data-testid') === id || c.element.closest?.(`[data-testid="${id}"]`))
  if (!s) throw new Error(`no select ${id}`)
  return s as unknown as VueWrapper
}

/** Mounts the wizard and walks it to the mapping step. */
async function toMapping() {
  api.chooseFile.mockResolvedValue(chosenFile(PATH))
  api.importInspect.mockResolvedValue(file)
  const { wrapper } = await mountWith(ImportWizard, { props: { modelValue: true } })
  await click('import-pick')
  expect(body().get('[data-testid="import-file"]').text()).toContain('客户清单.csv')
  await click('import-next')
  expect(api.importInspect).toHaveBeenCalledWith({
    path: `token:${PATH}`,
    kind: 'customers',
    sheet: null,
    headerRow: null,
    mapping: null,
    encoding: null,
    onDuplicate: 'skip',
    fixes: [],
    revenueYear: null,
  })
  expect(body().findAll('[data-testid="import-sample-row"]')).toHaveLength(3)
  expect(body().get('[data-testid="import-sample-row"].header').text()).toContain('客户名称')
  await click('import-next')
  return wrapper
}

async function toPreview() {
  const wrapper = await toMapping()
  api.importPreview.mockResolvedValue(preview())
  await click('import-next')
  return wrapper
}

vi.setConfig({ testTimeout: 20000 })
beforeEach(() => {
  vi.clearAllMocks()
  api.getSettings.mockResolvedValue(settingsFixture())
  api.mappingTemplates.mockResolvedValue([])
})
afterEach(() => {
  document.body.innerHTML = ''
})

describe('import wizard', () => {
  it('the mapping step sends the adjusted mapping in the spec to import_preview', async () => {
    const wrapper = await toMapping()
    expect(api.chooseFile).toHaveBeenCalledWith('import', '', expect.any(String))
    // Column C was not recognised: map it to 成立时间; stop importing the phone column.
    select(wrapper, 'import-map-2').vm.$emit('update:modelValue', 'founded')
    select(wrapper, 'import-map-4').vm.$emit('update:modelValue', '')
    await flushPromises()
    api.importPreview.mockResolvedValue(preview())
    await click('import-next')
    expect(api.importPreview).toHaveBeenCalledTimes(1)
    expect(lastSpec(api.importPreview)).toEqual({
      path: `token:${PATH}`,
      kind: 'customers',
      sheet: '客户清单',
      headerRow: 1,
      mapping: ['customer_name', 'grade', 'founded', 'contact_name', null],
      encoding: null,
      onDuplicate: 'skip',
      fixes: [],
      revenueYear: null,
    })
    expect(body().find('[data-testid="import-preview"]').exists()).toBe(true)
    wrapper.unmount()
  })

  it('without a customer-name column the mapping step says so and does not go on', async () => {
    const wrapper = await toMapping()
    select(wrapper, 'import-map-0').vm.$emit('update:modelValue', '')
    await flushPromises()
    expect(body().get('[data-testid="import-map-problems"]').text()).toContain('客户名称')
    expect(body().get('[data-testid="import-next"]').attributes('disabled')).toBeDefined()
    wrapper.unmount()
  })

  it('a purchases import inspects as purchases and asks for the month and product columns', async () => {
    api.chooseFile.mockResolvedValue(chosenFile(PATH))
    api.importInspect.mockResolvedValue({ ...file, mapping: ['customer_name', null, null, null, null] })
    const { wrapper } = await mountWith(ImportWizard, { props: { modelValue: true } })
    const kinds = wrapper.findAllComponents(ElRadioGroup).find((c) => c.attributes('data-testid') === 'import-kind')!
    kinds.vm.$emit('update:modelValue', 'purchases')
    await flushPromises()
    await click('import-pick')
    await click('import-next')
    expect(lastSpec(api.importInspect).kind).toBe('purchases')
    await click('import-next')
    const problems = body().get('[data-testid="import-map-problems"]').text()
    expect(problems).toContain('月份')
    expect(problems).toContain('产品')
    expect(body().get('[data-testid="import-next"]').attributes('disabled')).toBeDefined()
    wrapper.unmount()
  })

  it('clicking a sample row makes it the header row and re-inspects', async () => {
    api.chooseFile.mockResolvedValue(chosenFile(PATH))
    api.importInspect.mockResolvedValue(file)
    const { wrapper } = await mountWith(ImportWizard, { props: { modelValue: true } })
    await click('import-pick')
    await click('import-next')
    api.importInspect.mockResolvedValue({ ...file, headerRow: 2 })
    await body().findAll('[data-testid="import-sample-row"]')[1].trigger('click')
    await flushPromises()
    expect(lastSpec(api.importInspect)).toMatchObject({ headerRow: 2, mapping: null })
    expect(body().findAll('[data-testid="import-sample-row"]')[1].classes()).toContain('header')
    wrapper.unmount()
  })

  it('the preview shows the counts and formats an issue exactly', async () => {
    const wrapper = await toPreview()
    expect(body().get('[data-testid="import-count-new"]').text()).toBe('新增 2')
    expect(body().get('[data-testid="import-count-error"]').text()).toBe('错误 1')
    expect(body().get('[data-testid="import-count-duplicate"]').text()).toBe('重复 1')
    const issues = body().findAll('[data-testid="import-issue"]')
    expect(issues).toHaveLength(1)
    expect(issues[0].text()).toBe("第 5 行 · C 列「成立日期」：日期不存在 '2023年13月'")
    expect(body().get('[data-testid="import-commit"]').text()).toBe('导入 2 条')
    // Only errors: the error row alone.
    await body().get('[data-testid="import-only-errors"] input').setValue(true)
    await flushPromises()
    const rows = body().findAll('.preview-table .el-table__body tr')
    expect(rows).toHaveLength(1)
    expect(rows[0].text()).toContain('长江汽配')
    wrapper.unmount()
  })

  it('every problem code has a sentence, in both languages', async () => {
    const { i18n } = await import('../i18n')
    const issue = (problem: Parameters<typeof issueText>[0]['problem']) =>
      issueText({ row: 9, column: 'B', header: '', field: 'grade', problem })
    expect(issue({ code: 'unknown_label', text: '重要' })).toBe("第 9 行 · B 列「客户分级」：不是可选的值 '重要'")
    expect(issue({ code: 'required' })).toBe('第 9 行 · B 列「客户分级」：必填，不能为空')
    expect(issue({ code: 'value', value: { code: 'unrecognized_number', text: '约十万' } })).toContain(
      "无法识别的数字 '约十万'",
    )
    expect(issue({ code: 'invalid', reason: 'too_long', detail: '' })).toContain('太长')
    i18n.global.locale.value = 'en'
    expect(issue({ code: 'value', value: { code: 'invalid_date', text: '2023年13月' } })).toBe(
      "Row 9 · column B “Grade”: no such date: '2023年13月'",
    )
    i18n.global.locale.value = 'zh-CN'
  })

  it('changing the duplicate rule re-previews with onDuplicate', async () => {
    const wrapper = await toPreview()
    api.importPreview.mockResolvedValue(
      preview({ counts: { new: 2, update: 1, duplicate: 0, duplicateInFile: 0, error: 1 } }),
    )
    const group = wrapper
      .findAllComponents(ElRadioGroup)
      .find((c) => c.attributes('data-testid') === 'import-duplicate')!
    group.vm.$emit('update:modelValue', 'fill')
    await flushPromises()
    expect(api.importPreview).toHaveBeenCalledTimes(2)
    expect(lastSpec(api.importPreview)).toMatchObject({ onDuplicate: 'fill', mapping: file.mapping })
    expect(body().get('[data-testid="import-commit"]').text()).toBe('导入 3 条')
    wrapper.unmount()
  })

  it('commit shows the progress from the channel, then the summary; undo calls undo_import', async () => {
    const wrapper = await toPreview()
    let report: (p: ImportProgress) => void = () => {}
    let finish: (r: ImportRecord) => void = () => {}
    api.importCommit.mockImplementation((_spec: ImportSpec, onProgress: (p: ImportProgress) => void) => {
      report = onProgress
      return new Promise((resolve) => (finish = resolve))
    })
    await click('import-commit')
    expect(api.importCommit.mock.calls[0][0]).toMatchObject({ path: `token:${PATH}`, onDuplicate: 'skip' })
    report({ done: 200, total: 400 })
    await flushPromises()
    expect(body().get('[data-testid="import-progress"]').text()).toContain('50%')
    expect(body().get('[data-testid="import-progress-text"]').text()).toContain('200 / 400')
    finish(record)
    await flushPromises()
    const done = body().get('[data-testid="import-done"]')
    expect(done.text()).toContain('导入完成')
    expect(body().get('[data-testid="import-done-created"]').text()).toBe('2')
    expect(body().get('[data-testid="import-done-errors"]').text()).toBe('1')

    api.importUndoPreview.mockResolvedValue({
      id: 7,
      customers: 2,
      contacts: 0,
      purchases: 0,
      visits: 0,
      opportunities: 0,
      reverted: 0,
      edited: [],
    })
    api.undoImport.mockResolvedValue({ ...record, undoneAt: '2025-03-04 10:06:00' })
    await click('import-undo')
    expect(api.importUndoPreview).toHaveBeenCalledWith(7)
    expect(api.undoImport).not.toHaveBeenCalled()
    await click('import-undo-confirm')
    expect(api.undoImport).toHaveBeenCalledWith(7, false)
    expect(body().get('[data-testid="import-undo-done"]').text()).toContain('新增的 2 个客户已移到回收站')
    expect(body().get('[data-testid="import-done"]').text()).toContain('已撤销本次导入')
    expect(body().find('[data-testid="import-undo"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('cancel calls import_cancel, and a cancelled error goes back to the preview', async () => {
    const wrapper = await toPreview()
    let fail: (e: unknown) => void = () => {}
    api.importCommit.mockImplementation(() => new Promise((_r, reject) => (fail = reject)))
    api.importCancel.mockResolvedValue(null)
    await click('import-commit')
    await click('import-cancel')
    expect(api.importCancel).toHaveBeenCalledTimes(1)
    fail({ type: 'cancelled' })
    await flushPromises()
    expect(body().find('[data-testid="import-preview"]').exists()).toBe(true)
    expect(body().text()).toContain('已取消导入，没有写入任何内容')
    wrapper.unmount()
  })

  it('nothing to write disables the commit button', async () => {
    const wrapper = await toMapping()
    api.importPreview.mockResolvedValue(
      preview({ counts: { new: 0, update: 0, duplicate: 3, duplicateInFile: 0, error: 1 } }),
    )
    await click('import-next')
    const commit = body().get('[data-testid="import-commit"]')
    expect(commit.attributes('disabled')).toBeDefined()
    expect(commit.text()).toBe('没有需要写入的行')
    wrapper.unmount()
  })

  it('an unreadable file names the file, per ReadError type', async () => {
    api.chooseFile.mockResolvedValue(chosenFile('/tmp/加密.xlsx'))
    api.importInspect.mockRejectedValue(
      coreError({
        type: 'unreadable',
        data: { error: { type: 'encrypted', data: { file: '加密.xlsx' } } },
      }),
    )
    const { wrapper } = await mountWith(ImportWizard, { props: { modelValue: true } })
    await click('import-pick')
    await click('import-next')
    expect(body().get('[data-testid="import-error"]').text()).toContain('文件「加密.xlsx」设置了打开密码')
    api.importInspect.mockRejectedValue(
      coreError({
        type: 'unreadable',
        data: {
          error: { type: 'tooLarge', data: { file: '大表.xlsx', sheet: 'Sheet1', what: 'rows', limit: 200000 } },
        },
      }),
    )
    await click('import-next')
    expect(body().get('[data-testid="import-error"]').text()).toBe(
      '文件「大表.xlsx」的工作表「Sheet1」太大：行数超过上限 200,000。请拆成几个文件分批导入。',
    )
    wrapper.unmount()
  })
})

describe('import history', () => {
  it('lists the imports; undo asks first (ImportUndoDialog) and calls undo_import', async () => {
    api.importHistory.mockResolvedValue([
      record,
      { ...record, id: 6, file: '旧.xlsx', undoneAt: '2025-03-01 09:00:00' },
    ])
    const { wrapper } = await mountWith(ImportsView)
    const table = wrapper.get('[data-testid="import-history"]')
    expect(table.text()).toContain('客户清单.csv')
    expect(table.text()).toContain('2025-03-04 10:05')
    expect(table.text()).toContain('已于 2025-03-01 撤销')
    const buttons = wrapper.findAll('[data-testid="import-history-undo"]')
    expect(buttons).toHaveLength(2)
    expect(buttons[1].attributes('disabled')).toBeDefined()

    api.importUndoPreview.mockResolvedValue({
      id: 7,
      customers: 2,
      contacts: 0,
      purchases: 0,
      visits: 0,
      opportunities: 0,
      reverted: 0,
      edited: [],
    })
    api.undoImport.mockResolvedValue({ ...record, undoneAt: '2025-03-05 08:00:00' })
    await buttons[0].trigger('click')
    await flushPromises()
    expect(body().get('[data-testid="import-undo-dialog"]').text()).toContain('客户清单.csv')
    expect(api.undoImport).not.toHaveBeenCalled()
    await click('import-undo-confirm')
    expect(api.undoImport).toHaveBeenCalledWith(7, false)
    expect(api.importHistory).toHaveBeenCalledTimes(2)
    wrapper.unmount()
  })

  it('a declined confirm undoes nothing', async () => {
    api.importHistory.mockResolvedValue([record])
    api.importUndoPreview.mockResolvedValue({
      id: 7,
      customers: 2,
      contacts: 0,
      purchases: 0,
      visits: 0,
      opportunities: 0,
      reverted: 0,
      edited: [],
    })
    const { wrapper } = await mountWith(ImportsView)
    await wrapper.get('[data-testid="import-history-undo"]').trigger('click')
    await flushPromises()
    await body()
      .get('[data-testid="import-undo-dialog"]')
      .findAll('button')
      .find((b) => b.text() === '取消')!
      .trigger('click')
    await flushPromises()
    expect(api.undoImport).not.toHaveBeenCalled()
    wrapper.unmount()
  })
})
