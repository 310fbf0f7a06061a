// The import wizard's saved mapping templates (auto-applied, picked, saved, deleted) and the
// inline correction of refused cells in the preview ("check again" sends them as fixes).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DOMWrapper, flushPromises, type VueWrapper } from '@vue/test-utils'
import { ElMessageBox, ElSelect } from 'element-plus'
import type { Field, ImportFile, ImportSpec, MappingTemplate, Preview } from '../bindings'
import { coreError, dialogAnswers, mountWith } from './helpers'

const api = await vi.hoisted(() => import('./apiMock').then((m) => m.apiMock()))
vi.mock('../api', () => ({ api }))
const opener = vi.hoisted(() => ({ revealItemInDir: vi.fn() }))
vi.mock('@tauri-apps/plugin-opener', () => opener)

import ImportWizard from '../features/import/wizard/ImportWizard.vue'

const PATH = '/home/am/销售部客户.xlsx'
const headers = ['公司', '跟单', '档次', '成立', '联系人']
const file: ImportFile = {
  file: '销售部客户.xlsx',
  sheets: ['Sheet1'],
  sheet: 'Sheet1',
  sample: [headers, ['华东精密', '李明', 'A', '2019/3/5', '王芳'], ['长江汽配', '李明', 'B', '2023年13月', '李四']],
  headerRow: 1,
  headers,
  mapping: ['customer_name', null, null, 'founded', 'contact_name'],
  dataRows: 2,
  template: null,
  encoding: null,
}
const saved: MappingTemplate = {
  id: 3,
  name: '销售部',
  kind: 'customers',
  headers,
  mapping: ['customer_name', 'owner', 'grade', 'founded', 'contact_name'],
  createdAt: '2026-11-20T09:00:00Z',
  updatedAt: '2026-11-20T09:00:00Z',
}
const issue = {
  row: 3,
  column: 'D',
  header: '成立',
  field: 'founded' as const,
  problem: { code: 'value' as const, value: { code: 'invalid_date' as const, text: '2023年13月' } },
}
const preview = (over: Partial<Preview> = {}): Preview => ({
  sheet: 'Sheet1',
  headerRow: 1,
  headers,
  mapping: saved.mapping,
  rows: [
    { row: 2, status: 'new', title: '华东精密 · 王芳', issues: [] },
    { row: 3, status: 'error', title: '长江汽配 · 李四', issues: [issue] },
  ],
  counts: { new: 1, update: 0, duplicate: 0, duplicateInFile: 0, error: 1 },
  skipped: [],
  revenueYear: null,
  ...over,
})
const fixedPreview = preview({
  rows: [
    { row: 2, status: 'new', title: '华东精密 · 王芳', issues: [] },
    { row: 3, status: 'new', title: '长江汽配 · 李四', issues: [] },
  ],
  counts: { new: 2, update: 0, duplicate: 0, duplicateInFile: 0, error: 0 },
})

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

async function toMapping(inspected: ImportFile = file) {
  api.chooseFile.mockImplementation(dialogAnswers({ import: PATH, xlsx: '/tmp/错误行.xlsx' }))
  api.importInspect.mockResolvedValue(inspected)
  const { wrapper } = await mountWith(ImportWizard, { props: { modelValue: true } })
  await click('import-pick')
  await click('import-next')
  await click('import-next')
  expect(q('import-template-bar').exists()).toBe(true)
  return wrapper
}

async function toPreview() {
  const wrapper = await toMapping({ ...file, mapping: saved.mapping, template: '销售部' })
  api.importPreview.mockResolvedValue(preview())
  await click('import-next')
  expect(q('import-preview').exists()).toBe(true)
  return wrapper
}

vi.setConfig({ testTimeout: 20000 })
beforeEach(() => {
  vi.clearAllMocks()
  api.mappingTemplates.mockResolvedValue([saved])
})
afterEach(() => {
  document.body.innerHTML = ''
})

describe('mapping templates', () => {
  it('a template that inspect applied is named in the mapping step, and marked once changed', async () => {
    const wrapper = await toMapping({ ...file, mapping: saved.mapping, template: '销售部' })
    expect(api.mappingTemplates).toHaveBeenCalledWith('customers')
    expect(q('import-template-note').text()).toBe('表头与保存时相同，已自动套用模板「销售部」')
    expect(q('import-template-select').text()).toBe('销售部')
    select(wrapper, 'import-map-1').vm.$emit('update:modelValue', '')
    await flushPromises()
    expect(q('import-template-note').text()).toBe('表头与保存时相同，已自动套用模板「销售部」（已修改）')
    wrapper.unmount()
  })

  it('no note without a template; picking one applies its mapping by the file headers', async () => {
    const wrapper = await toMapping()
    expect(q('import-template-note').exists()).toBe(false)
    api.applyMappingTemplate.mockResolvedValue(saved.mapping)
    select(wrapper, 'import-template-select').vm.$emit('update:modelValue', '销售部')
    await flushPromises()
    expect(api.applyMappingTemplate).toHaveBeenCalledWith('销售部', 'customers', headers)
    expect(q('import-template-note').text()).toBe('已套用模板「销售部」')
    api.importPreview.mockResolvedValue(preview())
    await click('import-next')
    expect(lastSpec(api.importPreview).mapping).toEqual(saved.mapping)
    wrapper.unmount()
  })

  it('saves the adjusted mapping under a name (the file name by default) and says it is applied', async () => {
    const wrapper = await toMapping()
    select(wrapper, 'import-map-1').vm.$emit('update:modelValue', 'owner')
    await flushPromises()
    await click('import-template-save')
    const name = body().get('[data-testid="import-template-name"]')
    expect((name.element as HTMLInputElement).value).toBe('销售部客户')
    // An empty name is refused before anything is sent.
    await name.setValue('  ')
    await click('import-template-save-confirm')
    expect(api.saveMappingTemplate).not.toHaveBeenCalled()
    expect(q('import-template-error').text()).toBe('请填写模板名称')
    // The name of a saved template: it will be replaced.
    await name.setValue('销售部')
    expect(q('import-template-form').text()).toContain('将替换同名模板')
    await name.setValue('月度名单')
    const mapping: (Field | null)[] = ['customer_name', 'owner', null, 'founded', 'contact_name']
    api.saveMappingTemplate.mockResolvedValue({ ...saved, id: 4, name: '月度名单', mapping })
    api.mappingTemplates.mockResolvedValue([{ ...saved, id: 4, name: '月度名单', mapping }, saved])
    await click('import-template-save-confirm')
    expect(api.saveMappingTemplate).toHaveBeenCalledWith('月度名单', 'customers', headers, mapping)
    expect(q('import-template-form').exists()).toBe(false)
    expect(q('import-template-note').text()).toBe('已套用模板「月度名单」')
    expect(body().text()).toContain('已保存模板「月度名单」')
    expect(api.mappingTemplates).toHaveBeenCalledTimes(2)
    wrapper.unmount()
  })

  it('a refusal of the core is worded; nothing mapped disables saving', async () => {
    const wrapper = await toMapping()
    await click('import-template-save')
    api.saveMappingTemplate.mockRejectedValue(
      coreError({
        type: 'validation',
        data: { field: 'name', reason: 'too_long', detail: { kind: 'text', text: '60' } },
      }),
    )
    await click('import-template-save-confirm')
    expect(q('import-template-error').text()).toBe('模板名称最多 60 个字')
    for (const i of [0, 3, 4]) select(wrapper, `import-map-${i}`).vm.$emit('update:modelValue', '')
    await flushPromises()
    expect(q('import-template-save').attributes('disabled')).toBeDefined()
    wrapper.unmount()
  })

  it('deleting a template asks first, then reloads the list', async () => {
    const wrapper = await toMapping({ ...file, mapping: saved.mapping, template: '销售部' })
    // Open the drop-down so its options render.
    await body().get('[data-testid="import-template-select"] .el-select__wrapper').trigger('click')
    await flushPromises()
    const confirm = vi.spyOn(ElMessageBox, 'confirm').mockResolvedValue('confirm' as never)
    api.deleteMappingTemplate.mockResolvedValue(null)
    api.mappingTemplates.mockResolvedValue([])
    await click('import-template-delete')
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining('销售部'), '删除模板', expect.anything())
    expect(api.deleteMappingTemplate).toHaveBeenCalledWith(3)
    expect(api.applyMappingTemplate).not.toHaveBeenCalled()
    expect(q('import-template-note').exists()).toBe(false)
    confirm.mockRestore()
    wrapper.unmount()
  })
})

describe('fixing refused cells in the preview', () => {
  it('says the error rows are skipped; a corrected cell is sent as a fix by “check again”', async () => {
    const wrapper = await toPreview()
    expect(q('import-errors-skipped').text()).toContain('1 行有错误，导入时将被跳过')
    const input = body().get('[data-testid="import-fix"]')
    expect((input.element as HTMLInputElement).value).toBe('2023年13月')
    expect(q('import-recheck').attributes('disabled')).toBeDefined()

    await input.setValue('2023年12月')
    await flushPromises()
    expect(q('import-fixes-pending').text()).toContain('有 1 处修改还没有检查')
    expect(q('import-commit').attributes('disabled')).toBeDefined()

    api.importPreview.mockResolvedValue(fixedPreview)
    await click('import-recheck')
    expect(lastSpec(api.importPreview).fixes).toEqual([{ row: 3, column: 3, value: '2023年12月' }])
    expect(q('import-count-new').text()).toBe('新增 2')
    expect(q('import-errors-skipped').exists()).toBe(false)
    expect(q('import-fixes-applied').text()).toContain('已改正 1 处')
    expect(q('import-commit').text()).toBe('导入 2 条')

    // The commit and the error report take the same fixes.
    api.importCommit.mockReturnValue(new Promise(() => {}))
    await click('import-commit')
    expect(api.importCommit.mock.calls[0][0].fixes).toEqual([{ row: 3, column: 3, value: '2023年12月' }])
    wrapper.unmount()
  })

  it('Enter in a cell checks again; a cell set back to what it was is no fix', async () => {
    const wrapper = await toPreview()
    const input = body().get('[data-testid="import-fix"]')
    await input.setValue('2023-12')
    api.importPreview.mockResolvedValue(
      preview({
        rows: [
          preview().rows[0],
          {
            ...preview().rows[1],
            issues: [{ ...issue, problem: { code: 'value', value: { code: 'invalid_date', text: '2023-12' } } }],
          },
        ],
      }),
    )
    await input.trigger('keyup', { key: 'Enter' })
    await flushPromises()
    expect(lastSpec(api.importPreview).fixes).toEqual([{ row: 3, column: 3, value: '2023-12' }])
    // Still an error: the input keeps what the user typed, the row is still skipped.
    expect((body().get('[data-testid="import-fix"]').element as HTMLInputElement).value).toBe('2023-12')
    expect(q('import-errors-skipped').exists()).toBe(true)

    await body().get('[data-testid="import-fix"]').setValue('2023年13月')
    api.importPreview.mockResolvedValue(preview())
    await click('import-recheck')
    expect(lastSpec(api.importPreview).fixes).toEqual([])
    wrapper.unmount()
  })

  it('the error report is exported with the fixes, and its message offers to show the file', async () => {
    const wrapper = await toPreview()
    await body().get('[data-testid="import-fix"]').setValue('')
    api.importPreview.mockResolvedValue(
      preview({
        rows: [preview().rows[0], { ...preview().rows[1], issues: [{ ...issue, problem: { code: 'required' } }] }],
      }),
    )
    await click('import-recheck')
    expect(lastSpec(api.importPreview).fixes).toEqual([{ row: 3, column: 3, value: '' }])
    api.exportImportErrors.mockResolvedValue(null)
    await click('import-export-errors')
    expect(api.exportImportErrors).toHaveBeenCalledWith(
      expect.objectContaining({ path: `token:${PATH}`, fixes: [{ row: 3, column: 3, value: '' }] }),
      'token:/tmp/错误行.xlsx',
    )
    expect(q('export-saved').text()).toContain('/tmp/错误行.xlsx')
    opener.revealItemInDir.mockResolvedValue(undefined)
    await click('export-reveal')
    expect(opener.revealItemInDir).toHaveBeenCalledWith('/tmp/错误行.xlsx')
    wrapper.unmount()
  })

  it('a new file or header row starts without fixes', async () => {
    const wrapper = await toPreview()
    await body().get('[data-testid="import-fix"]').setValue('2023年12月')
    api.importPreview.mockResolvedValue(fixedPreview)
    await click('import-recheck')
    await click('import-back')
    await click('import-back')
    api.importInspect.mockResolvedValue({ ...file, headerRow: 1 })
    await body().findAll('[data-testid="import-sample-row"]')[1].trigger('click')
    await flushPromises()
    await click('import-next')
    api.importPreview.mockResolvedValue(preview())
    await click('import-next')
    expect(lastSpec(api.importPreview).fixes).toEqual([])
    wrapper.unmount()
  })
})
