import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DOMWrapper, flushPromises } from '@vue/test-utils'
import type { CustomerPage } from '../bindings'
import { i18n } from '../i18n'
import { presentation } from '../stores/presentation'
import { today } from '../lib/exporting'
import { chosenFile, coreError, dialogAnswers, mountWith, profile } from './helpers'
import { expectErrorToast } from './setup'

const api = await vi.hoisted(() => import('./apiMock').then((m) => m.apiMock()))
vi.mock('../api', () => ({ api }))
const opener = vi.hoisted(() => ({ revealItemInDir: vi.fn() }))
vi.mock('@tauri-apps/plugin-opener', () => opener)

import CustomerListView from '../features/customers/CustomerListView.vue'
import CustomerView from '../features/customers/CustomerView.vue'
import ImportWizard from '../features/import/wizard/ImportWizard.vue'

const page: CustomerPage = {
  total: 1,
  rows: [
    {
      id: 1,
      name: '华东精密机械有限公司',
      shortName: '华东精密',
      grade: 'A',
      lifecycle: 'negotiating',
      industry: '机械制造',
      region: '苏州',
      owner: '李明',
      completeness: 72,
      contactCount: 3,
      updatedAt: '2025-03-01 10:00:00',
      powerStatus: 'unknown',
    },
  ],
}
/** The team report's filter left as it opens: all time, everyone. */
const noFilter = { period: null, owners: [] }
const body = () => new DOMWrapper(document.body)
const click = async (id: string) => {
  await body().get(`[data-testid="${id}"]`).trigger('click')
  await flushPromises()
  // What the click shows may be loaded when first shown (the report's period filter).
  await vi.dynamicImportSettled()
  await flushPromises()
}
const personalBox = () => body().get('[data-testid="export-personal"] input')

beforeEach(() => {
  vi.clearAllMocks()
  presentation.on = false
  api.listCustomers.mockResolvedValue(page)
  api.customerFacets.mockResolvedValue({ industries: [], owners: [], dealOwners: [] })
  api.getCustomer.mockResolvedValue(profile())
  // The list's and the customer page's risk lights, and the import wizard's saved mappings.
  api.customerRisks.mockResolvedValue({ evaluatedOn: '2026-11-23', customers: [], opportunities: [] })
  api.customerRisk.mockResolvedValue({ level: 'green', reasons: [] })
  api.mappingTemplates.mockResolvedValue([])
  for (const f of [api.exportTeamReport, api.exportCustomer, api.exportTemplate, api.exportImportErrors])
    f.mockResolvedValue(null)
})
afterEach(() => {
  presentation.on = false
  i18n.global.locale.value = 'zh-CN'
  document.body.innerHTML = ''
})

describe('team report export', () => {
  it('asks where to save (an .xlsx named after today) and sends includePersonal and the language', async () => {
    api.chooseFile.mockResolvedValue(chosenFile('/home/am/周会报告.xlsx'))
    const { wrapper } = await mountWith(CustomerListView)
    await click('export-team-report')
    expect((personalBox().element as HTMLInputElement).checked).toBe(false)
    expect(body().get('[data-testid="export-personal-warning"]').text()).toContain('家庭')
    await personalBox().setValue(true)
    await click('export-confirm')
    expect(api.chooseFile).toHaveBeenCalledTimes(1)
    expect(api.chooseFile).toHaveBeenCalledWith('xlsx', `周会报告-${today()}.xlsx`, 'Excel 工作簿')
    expect(api.exportTeamReport).toHaveBeenCalledWith(
      'token:/home/am/周会报告.xlsx',
      { language: 'zh', includePersonal: true },
      noFilter,
    )
    expect(body().text()).toContain('已导出到 /home/am/周会报告.xlsx')
    wrapper.unmount()
  })

  it('the success message offers to show the file in the file manager', async () => {
    api.chooseFile.mockResolvedValue(chosenFile('/home/am/周会报告.xlsx'))
    opener.revealItemInDir.mockResolvedValue(undefined)
    const { wrapper } = await mountWith(CustomerListView)
    await click('export-team-report')
    await click('export-confirm')
    const message = body().get('[data-testid="export-saved"]')
    expect(message.text()).toContain('已导出到 /home/am/周会报告.xlsx')
    expect(message.get('[data-testid="export-reveal"]').text()).toBe('在文件夹中显示')
    await click('export-reveal')
    expect(opener.revealItemInDir).toHaveBeenCalledWith('/home/am/周会报告.xlsx')
    wrapper.unmount()
  })

  it('a file manager that cannot be opened is said in words; the E2E hook collects the path instead', async () => {
    api.chooseFile.mockResolvedValue(chosenFile('/tmp/r.xlsx'))
    opener.revealItemInDir.mockRejectedValue('org.freedesktop.FileManager1 is not available')
    expectErrorToast('无法打开文件夹：org.freedesktop.FileManager1 is not available')
    const { wrapper } = await mountWith(CustomerListView)
    await click('export-team-report')
    await click('export-confirm')
    await click('export-reveal')
    expect(body().text()).toContain('无法打开文件夹：org.freedesktop.FileManager1 is not available')
    window.__DOSSIER_E2E_REVEALED__ = []
    await click('export-team-report')
    await click('export-confirm')
    const buttons = body().findAll('[data-testid="export-reveal"]')
    await buttons[buttons.length - 1].trigger('click')
    await flushPromises()
    expect(window.__DOSSIER_E2E_REVEALED__).toEqual(['/tmp/r.xlsx'])
    expect(opener.revealItemInDir).toHaveBeenCalledTimes(1)
    delete window.__DOSSIER_E2E_REVEALED__
    wrapper.unmount()
  })

  it('unchecked by default; English UI exports in English; backing out of the save dialog exports nothing', async () => {
    const { wrapper } = await mountWith(CustomerListView)
    i18n.global.locale.value = 'en'
    await flushPromises()
    api.chooseFile.mockResolvedValueOnce(null)
    await click('export-team-report')
    await click('export-confirm')
    expect(api.chooseFile.mock.calls[0][1]).toBe(`Team report-${today()}.xlsx`)
    expect(api.exportTeamReport).not.toHaveBeenCalled()
    api.chooseFile.mockResolvedValueOnce(chosenFile('/tmp/r.xlsx'))
    await click('export-confirm')
    expect(api.exportTeamReport).toHaveBeenCalledWith(
      'token:/tmp/r.xlsx',
      { language: 'en', includePersonal: false },
      noFilter,
    )
    wrapper.unmount()
  })

  it('presentation mode disables the checkbox and forces includePersonal false', async () => {
    api.chooseFile.mockResolvedValue(chosenFile('/tmp/r.xlsx'))
    const { wrapper } = await mountWith(CustomerListView)
    await click('export-team-report')
    await personalBox().setValue(true)
    presentation.on = true
    await flushPromises()
    expect((personalBox().element as HTMLInputElement).disabled).toBe(true)
    expect((personalBox().element as HTMLInputElement).checked).toBe(false)
    expect(body().find('[data-testid="export-personal-off"]').exists()).toBe(true)
    await click('export-confirm')
    expect(api.exportTeamReport).toHaveBeenCalledWith(
      'token:/tmp/r.xlsx',
      { language: 'zh', includePersonal: false },
      noFilter,
    )
    wrapper.unmount()
  })

  it('an error writing the chosen file is shown in words', async () => {
    api.chooseFile.mockResolvedValue(chosenFile('/tmp/e2e.xlsx'))
    api.exportTeamReport.mockRejectedValue(
      coreError({ type: 'io', data: { path: '/tmp/e2e.xlsx', detail: 'Permission denied' } }),
    )
    expectErrorToast('Permission denied')
    const { wrapper } = await mountWith(CustomerListView)
    await click('export-team-report')
    await click('export-confirm')
    expect(api.exportTeamReport).toHaveBeenCalledWith(
      'token:/tmp/e2e.xlsx',
      { language: 'zh', includePersonal: false },
      noFilter,
    )
    expect(body().text()).toContain('Permission denied')
    wrapper.unmount()
  })
})

describe('customer export', () => {
  it('sends the customer id, named after the short name', async () => {
    api.chooseFile.mockResolvedValue(chosenFile('/tmp/c.xlsx'))
    api.getCustomer.mockResolvedValue(profile({ customer: { ...profile().customer, id: 42 } }))
    const { wrapper } = await mountWith(CustomerView, { props: { id: 42 } })
    await click('export-customer')
    await click('export-confirm')
    expect(api.chooseFile.mock.calls[0][1]).toBe('华东精密-客户档案.xlsx')
    expect(api.exportCustomer).toHaveBeenCalledWith(42, 'token:/tmp/c.xlsx', { language: 'zh', includePersonal: false })
    wrapper.unmount()
  })
})

describe('import wizard exports', () => {
  it('the template link sends the chosen kind', async () => {
    api.chooseFile.mockResolvedValue(chosenFile('/tmp/t.xlsx'))
    const { wrapper } = await mountWith(ImportWizard, { props: { modelValue: true } })
    await click('import-template')
    expect(api.exportTemplate).toHaveBeenCalledWith('customers', 'token:/tmp/t.xlsx')
    expect(api.chooseFile.mock.calls[0][1]).toBe('导入模板-客户.xlsx')
    await body().get('[data-testid="import-kind-contacts"] input').setValue(true)
    await flushPromises()
    await click('import-template')
    expect(api.exportTemplate).toHaveBeenLastCalledWith('contacts', 'token:/tmp/t.xlsx')
    wrapper.unmount()
  })

  it('the preview offers the error rows, exported with the current spec', async () => {
    api.chooseFile.mockImplementation(dialogAnswers({ import: '/home/am/客户清单.csv', xlsx: '/tmp/errors.xlsx' }))
    api.importInspect.mockResolvedValue({
      file: '客户清单.csv',
      sheets: ['客户清单'],
      sheet: '客户清单',
      sample: [
        ['客户名称', '成立时间'],
        ['华东精密', '2023年13月'],
      ],
      headerRow: 1,
      headers: ['客户名称', '成立时间'],
      mapping: ['customer_name', 'founded'],
      dataRows: 1,
      template: null,
      encoding: 'utf8',
    })
    api.importPreview.mockResolvedValue({
      sheet: '客户清单',
      headerRow: 1,
      headers: ['客户名称', '成立时间'],
      mapping: ['customer_name', 'founded'],
      rows: [{ row: 2, status: 'error', title: '华东精密', issues: [] }],
      counts: { new: 0, update: 0, duplicate: 0, duplicateInFile: 0, error: 1 },
      skipped: [],
      revenueYear: null,
    })
    const { wrapper } = await mountWith(ImportWizard, { props: { modelValue: true } })
    await click('import-pick')
    await click('import-next')
    await click('import-next')
    await click('import-next')
    await click('import-export-errors')
    expect(api.chooseFile).toHaveBeenLastCalledWith('xlsx', '导入错误行-客户清单.xlsx', 'Excel 工作簿')
    expect(api.exportImportErrors).toHaveBeenCalledWith(
      expect.objectContaining({
        path: 'token:/home/am/客户清单.csv',
        kind: 'customers',
        sheet: '客户清单',
        headerRow: 1,
        mapping: ['customer_name', 'founded'],
      }),
      'token:/tmp/errors.xlsx',
    )
    wrapper.unmount()
  })
})
