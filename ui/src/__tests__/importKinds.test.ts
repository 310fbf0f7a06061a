import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DOMWrapper, flushPromises } from '@vue/test-utils'
import { ElRadioGroup } from 'element-plus'
import type { ImportFile, ImportKind, ImportSpec, Preview } from '../bindings'
import { chosenFile, mountWith, settingsFixture } from './helpers'

const api = await vi.hoisted(() => import('./apiMock').then((m) => m.apiMock()))
vi.mock('../api', () => ({ api }))

import ImportWizard from '../features/import/wizard/ImportWizard.vue'
import { issueText } from '../features/import/format'

// The wizard's first step: what the file holds. Follow-up records and opportunities are
// records about customers already in Dossier; their duplicates are skipped, never updated.
const PATH = '/home/am/跟进记录.xlsx'
const file: ImportFile = {
  file: '跟进记录.xlsx',
  sheets: ['跟进'],
  sheet: '跟进',
  sample: [
    ['客户名称', '拜访日期', '沟通纪要'],
    ['华东精密', '2025-03-05', '二期产线规划'],
  ],
  headerRow: 1,
  headers: ['客户名称', '拜访日期', '沟通纪要'],
  mapping: ['customer_name', null, 'summary'],
  dataRows: 1,
  template: null,
  encoding: null,
}
const preview: Preview = {
  sheet: '跟进',
  headerRow: 1,
  headers: file.headers,
  mapping: ['customer_name', 'visit_date', 'summary'],
  rows: [
    { row: 2, status: 'new', title: '华东精密 · 2025-03-05 · 二期产线规划', issues: [] },
    { row: 3, status: 'duplicate', title: '华东精密 · 2025-03-01 · 寒暄', issues: [] },
  ],
  counts: { new: 1, update: 0, duplicate: 1, duplicateInFile: 0, error: 0 },
  skipped: [],
  revenueYear: null,
}

const body = () => new DOMWrapper(document.body)
const click = async (id: string) => {
  await body().get(`[data-testid="${id}"]`).trigger('click')
  await flushPromises()
}
const lastSpec = (fn: typeof api.importInspect): ImportSpec => fn.mock.calls.at(-1)![0]

async function chooseKind(kind: ImportKind) {
  api.chooseFile.mockResolvedValue(chosenFile(PATH))
  api.importInspect.mockResolvedValue(file)
  const { wrapper } = await mountWith(ImportWizard, { props: { modelValue: true } })
  const kinds = wrapper.findAllComponents(ElRadioGroup).find((c) => c.attributes('data-testid') === 'import-kind')!
  kinds.vm.$emit('update:modelValue', kind)
  await flushPromises()
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

describe('the import wizard’s kind step', () => {
  it('offers every kind the core imports, follow-up records and opportunities included', async () => {
    const wrapper = await chooseKind('customers')
    const labels = body()
      .findAll('[data-testid^="import-kind-"]')
      .map((b) => b.text())
    expect(labels).toEqual(['客户', '联系人', '采购记录', '跟进记录', '商机'])
    wrapper.unmount()
  })

  it('a follow-up record file is inspected as visits and needs its date column', async () => {
    const wrapper = await chooseKind('visits')
    expect(body().get('.pane-file').text()).toContain('参与人须是该客户的联系人')
    await click('import-pick')
    await click('import-next')
    expect(lastSpec(api.importInspect).kind).toBe('visits')
    await click('import-next')
    const problems = body().get('[data-testid="import-map-problems"]').text()
    expect(problems).toContain('跟进日期')
    expect(problems).not.toContain('客户名称')
    expect(body().get('[data-testid="import-next"]').attributes('disabled')).toBeDefined()
    wrapper.unmount()
  })

  it('the preview of follow-up records skips duplicates instead of offering to update them', async () => {
    const wrapper = await chooseKind('visits')
    api.importInspect.mockResolvedValue({ ...file, mapping: ['customer_name', 'visit_date', 'summary'] })
    await click('import-pick')
    await click('import-next')
    await click('import-next')
    api.importPreview.mockResolvedValue(preview)
    await click('import-next')
    expect(api.importPreview.mock.calls.at(-1)![0]).toMatchObject({ kind: 'visits', onDuplicate: 'skip' })
    expect(body().find('[data-testid="import-duplicate"]').exists()).toBe(false)
    expect(body().get('[data-testid="import-duplicate-skipped"]').text()).toContain('同一客户、同一天、同一沟通方式')
    expect(body().get('[data-testid="import-preview"]').text()).toContain('客户 · 日期 · 纪要')
    wrapper.unmount()
  })

  it('words the refusals of records about a customer', () => {
    const at = { row: 4, column: 'D', header: '客户参与人' }
    expect(issueText({ ...at, field: 'participants', problem: { code: 'unknown_contact', name: '李雷' } })).toBe(
      '第 4 行 · D 列「客户参与人」：该客户没有联系人「李雷」，请先添加联系人或改正姓名',
    )
    expect(
      issueText({
        ...at,
        header: '阶段',
        field: 'stage',
        problem: { code: 'stage_gate', stage: 'quote', missing: ['quote_amount', 'quote_date'] },
      }),
    ).toBe('第 4 行 · D 列「阶段」：阶段「报价」需要填写：报价金额、报价日期')
    expect(issueText({ ...at, header: '金额', field: 'amount', problem: { code: 'not_yuan', currency: 'USD' } })).toBe(
      '第 4 行 · D 列「金额」：商机金额以元计，不能是 USD',
    )
  })
})
