// Undoing an import (ImportUndoDialog.vue from 导入记录): the preview first, the records edited
// since listed with their fields, the choice between keeping those edits (the default) and
// reverting them, and where the created customers went afterwards.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DOMWrapper, flushPromises } from '@vue/test-utils'
import type { ImportRecord, ImportUndoPreview } from '../bindings'
import { coreError, mountWith, settingsFixture } from './helpers'

const api = await vi.hoisted(() => import('./apiMock').then((m) => m.apiMock()))
vi.mock('../api', () => ({ api }))

import ImportsView from '../features/import/ImportsView.vue'

vi.setConfig({ testTimeout: 20000 })

const record: ImportRecord = {
  id: 7,
  file: '客户清单.csv',
  sheet: '客户清单',
  kind: 'customers',
  created: 3,
  updated: 2,
  skipped: 0,
  errors: 0,
  importedAt: '2026-03-04 10:05:00',
  undoneAt: null,
}
const preview = (over: Partial<ImportUndoPreview> = {}): ImportUndoPreview => ({
  id: 7,
  customers: 3,
  contacts: 1,
  purchases: 0,
  visits: 0,
  opportunities: 0,
  reverted: 2,
  edited: [
    { kind: 'customer', id: 4, name: '华东精密机械有限公司', fields: ['industry', 'owner'] },
    { kind: 'contact', id: 9, name: '王芳', fields: ['name', 'phone'] },
  ],
  ...over,
})

const body = () => new DOMWrapper(document.body)
const click = async (id: string) => {
  await body().get(`[data-testid="${id}"]`).trigger('click')
  await flushPromises()
}

beforeEach(() => {
  vi.clearAllMocks()
  api.importHistory.mockResolvedValue([record])
  api.getSettings.mockResolvedValue(settingsFixture({ trashDays: 14 }))
  api.undoImport.mockResolvedValue({ ...record, undoneAt: '2026-03-05 08:00:00' })
})
afterEach(() => {
  document.body.innerHTML = ''
})

async function openUndo(p: ImportUndoPreview) {
  api.importUndoPreview.mockResolvedValue(p)
  const { wrapper, router } = await mountWith(ImportsView)
  await wrapper.get('[data-testid="import-history-undo"]').trigger('click')
  await flushPromises()
  return { wrapper, router }
}

describe('undoing an import', () => {
  it('asks with the preview: what goes to the trash, and the records edited since with their fields', async () => {
    const { wrapper } = await openUndo(preview())
    expect(api.importUndoPreview).toHaveBeenCalledWith(7)
    const lines = body()
      .get('[data-testid="import-undo-lines"]')
      .findAll('li')
      .map((l) => l.text())
    expect(lines).toEqual([
      '新增的 3 个客户移到回收站（连同之后给它们添加的联系人、跟进记录、商机等）',
      '添加到已有客户的 1 位联系人移到回收站',
      '2 条被更新的记录恢复导入前的内容',
    ])
    expect(body().get('[data-testid="import-undo-edited"]').text()).toContain('以下 2 条记录在导入后又修改过：')
    const rows = body()
      .findAll('[data-testid="import-undo-edited-row"]')
      .map((r) => r.text())
    expect(rows).toEqual(['华东精密机械有限公司（客户）：行业、负责人', '王芳（联系人）：姓名、电话'])
    // Keeping the later edits is the default.
    expect(body().get('[data-testid="import-undo-keep"] input').element).toHaveProperty('checked', true)
    expect(api.undoImport).not.toHaveBeenCalled()
    wrapper.unmount()
  })

  it('keeps the later edits by default', async () => {
    const { wrapper } = await openUndo(preview())
    await click('import-undo-confirm')
    expect(api.undoImport).toHaveBeenCalledWith(7, false)
    wrapper.unmount()
  })

  it('reverts the edited fields too when chosen', async () => {
    const { wrapper } = await openUndo(preview())
    await body().get('[data-testid="import-undo-revert"] input').setValue(true)
    await flushPromises()
    await click('import-undo-confirm')
    expect(api.undoImport).toHaveBeenCalledWith(7, true)
    wrapper.unmount()
  })

  it('without edits there is no choice to make', async () => {
    const { wrapper } = await openUndo(preview({ edited: [] }))
    expect(body().find('[data-testid="import-undo-edited"]').exists()).toBe(false)
    await click('import-undo-confirm')
    expect(api.undoImport).toHaveBeenCalledWith(7, false)
    wrapper.unmount()
  })

  it('afterwards says the created customers are in the 回收站 for the set days, and goes there', async () => {
    const { wrapper, router } = await openUndo(preview())
    await click('import-undo-confirm')
    expect(body().get('[data-testid="import-undo-done"]').text()).toBe(
      '已撤销导入「客户清单.csv」。新增的 3 个客户已移到回收站，14 天内可以恢复。添加的 1 位联系人已移到回收站。',
    )
    // The history reloads (the undo is seen as a data change).
    expect(api.importHistory).toHaveBeenCalledTimes(2)
    const push = vi.spyOn(router, 'push').mockResolvedValue(undefined)
    await click('import-undo-open-trash')
    expect(push).toHaveBeenCalledWith({ name: 'trash' })
    wrapper.unmount()
  })

  it('a refused undo says why and stays open', async () => {
    api.undoImport.mockRejectedValue(coreError({ type: 'alreadyUndone', data: { id: 7 } }))
    const { wrapper } = await openUndo(preview())
    await click('import-undo-confirm')
    expect(body().get('[data-testid="import-undo-error"]').text()).toContain('这次导入已经撤销过了')
    expect(body().find('[data-testid="import-undo-done"]').exists()).toBe(false)
    wrapper.unmount()
  })
})
