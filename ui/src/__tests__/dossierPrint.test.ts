// 打印档案: the one-page customer dossier has its sections (overview with the risk and power-map
// lights and their reasons, key figures, key people, open deals with the next step, next
// actions); the contacts' personal fields appear only when 包含个人信息 is ticked (never in
// presentation mode); long lists are clipped to fit the page and say "另有 N 项"; 打印… opens the
// system print dialog and 保存为 PDF… writes the drawn PDF where the user chose.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DOMWrapper, flushPromises, mount } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import type { RiskLight } from '../bindings'
import { aNextAction, anOpportunityRow, chosenFile, contact, mountWith, profile } from './helpers'
import { presentation } from '../stores/presentation'
import { dossierModel, LIMITS, type DossierData } from '../features/customers/print/dossierModel'
import { useRepaintAfterPrint } from '../composables/useRepaintAfterPrint'

const api = await vi.hoisted(() => import('./apiMock').then((m) => m.apiMock()))
vi.mock('../api', () => ({ api }))
vi.mock('@tauri-apps/plugin-opener', () => ({ revealItemInDir: vi.fn() }))
const drawn = vi.hoisted(() => ({ pdf: vi.fn(() => new Uint8Array([0x25, 0x50, 0x44, 0x46])) }))
vi.mock('../features/customers/print/dossierPdf', () => ({ dossierPdf: drawn.pdf }))

import DossierPrintDialog from '../features/customers/print/DossierPrintDialog.vue'

vi.setConfig({ testTimeout: 30000 })

const risk: RiskLight = {
  level: 'red',
  reasons: [
    {
      rule: 'no_follow_up',
      level: 'red',
      opportunityId: null,
      opportunityName: '',
      days: 9,
      since: '2026-11-20',
      count: 1,
      yellowDays: 3,
      redDays: 7,
      signal: '',
      stage: null,
      installment: null,
      amount: null,
      milestone: '',
      months: null,
    },
  ],
}

const wang = contact(1, '王总', {
  title: '总经理',
  isKeyPerson: true,
  family: '女儿妞妞，8 岁，学钢琴',
  hobbies: '高尔夫',
})
const li = contact(2, '李工', { title: '技术部经理' })
const zhao = contact(3, '赵会计', { title: '财务' })

function data(over: Partial<DossierData> = {}): DossierData {
  return {
    profile: profile({
      contacts: [wang, li, zhao],
      roles: [
        {
          contactId: 1,
          buyingRole: 'decision_maker',
          support: 1,
          influence: 5,
          coverage: null,
          evidence: '',
          assessedOn: '2026-11-01',
        },
        {
          contactId: 2,
          buyingRole: 'evaluator',
          support: -1,
          influence: 3,
          coverage: null,
          evidence: '',
          assessedOn: '2026-11-01',
        },
      ],
      lastFollowUp: '2026-11-20',
      powerStatus: { light: 'amber', reasons: [{ code: 'no_supportive_key_player' }] },
    }),
    risk,
    deals: [anOpportunityRow({ id: 7, name: 'MES 二期', stage: 'quote', amount: 860000, expectedClose: '2026-12-20' })],
    actions: [
      aNextAction({
        id: 1,
        what: '发送修订报价',
        opportunityId: 7,
        opportunityName: 'MES 二期',
        dueDate: '2026-11-25',
      }),
      aNextAction({ id: 2, what: '约王总技术交流', dueDate: '2026-11-28', overdue: true }),
    ],
    ...over,
  }
}

const table = (m: ReturnType<typeof dossierModel>, key: string) => m.tables.find((t) => t.key === key)!

describe('the dossier model', () => {
  it('has the overview, the lights with their reasons, the figures and the three tables', () => {
    const m = dossierModel(data(), { includePersonal: false, today: '2026-12-01' })
    expect(m.title).toBe('华东精密机械有限公司（华东精密）')
    expect(m.facts).toEqual(['行业：机械制造', '地区：苏州', '生命周期：谈判中', '分级：A 类', '负责人：李明'])
    expect(m.lights.map((l) => l.label)).toEqual(['风险 · 红灯', '权力地图 · 黄灯'])
    expect(m.lights[0]!.reasons[0]).toContain('9')
    expect(m.figures.map((f) => f.value)).toEqual(['55%', '2026-11-20', '1 个', '86 万元', '0 元', '2 项（逾期 1 项）'])
    expect(m.tables.map((t) => t.heading)).toEqual(['关键人物', '进行中的商机', '下一步行动'])
    // Key people: the key person first, then by influence; the contact without a role is left out.
    expect(table(m, 'people').rows.map((r) => r.cells)).toEqual([
      ['★ 王总', '总经理', '决策者', '支持', '5'],
      ['李工', '技术部经理', '评估者', '不支持', '3'],
    ])
    // A deal's next step is its first open action.
    expect(table(m, 'deals').rows[0]!.cells).toEqual([
      'MES 二期',
      '报价',
      '86 万元',
      '2026-12-20',
      '发送修订报价（2026-11-25）',
    ])
    const actions = table(m, 'actions').rows
    expect(actions.map((r) => [r.cells[0], r.cells[3], !!r.alert])).toEqual([
      ['发送修订报价（MES 二期）', '待执行', false],
      ['约王总技术交流', '已逾期', true],
    ])
    expect(m.footer).toContain('2026-12-01')
  })

  it('leaves the personal fields out unless asked for', () => {
    const without = dossierModel(data(), { includePersonal: false, today: '2026-12-01' })
    expect(JSON.stringify(without)).not.toContain('妞妞')
    expect(JSON.stringify(without)).not.toContain('高尔夫')
    const withPersonal = dossierModel(data(), { includePersonal: true, today: '2026-12-01' })
    expect(table(withPersonal, 'people').rows[0]!.note).toBe('爱好：高尔夫；家庭：女儿妞妞，8 岁，学钢琴')
    expect(table(withPersonal, 'people').rows[1]!.note).toBeUndefined()
  })

  it('clips long lists to the page and counts the rest', () => {
    const many = data({
      deals: Array.from({ length: 9 }, (_, i) => anOpportunityRow({ id: 100 + i, name: `商机 ${i}` })),
      actions: Array.from({ length: 10 }, (_, i) => aNextAction({ id: 200 + i, what: `行动 ${i}` })),
      profile: profile({
        contacts: Array.from({ length: 12 }, (_, i) => contact(i + 1, `联系人 ${i}`, { isKeyPerson: true })),
      }),
    })
    const m = dossierModel(many, { includePersonal: false, today: '2026-12-01' })
    expect(table(m, 'deals').rows).toHaveLength(LIMITS.deals)
    expect(table(m, 'deals').more).toBe(9 - LIMITS.deals)
    expect(table(m, 'actions').more).toBe(10 - LIMITS.actions)
    expect(table(m, 'people').more).toBe(12 - LIMITS.people)
    // With the personal fields fewer people fit.
    const personal = dossierModel(many, { includePersonal: true, today: '2026-12-01' })
    expect(table(personal, 'people').rows).toHaveLength(LIMITS.peopleWithPersonal)
  })
})

describe('the print view', () => {
  const body = () => new DOMWrapper(document.body)

  beforeEach(() => {
    vi.clearAllMocks()
    const d = data()
    api.listOpportunities.mockResolvedValue({ rows: d.deals, total: d.deals.length })
    api.customerActions.mockResolvedValue(d.actions)
  })
  afterEach(() => {
    presentation.on = false
    document.body.innerHTML = ''
  })

  const open = () => mountWith(DossierPrintDialog, { props: { modelValue: true, profile: data().profile, risk } })

  it('shows every section, personal fields only once 包含个人信息 is ticked', async () => {
    const { wrapper } = await open()
    expect(api.listOpportunities).toHaveBeenCalledWith(
      expect.objectContaining({
        customerId: 1,
        stages: ['initiation', 'needs', 'solution', 'quote', 'negotiation', 'contract'],
      }),
    )
    expect(api.customerActions).toHaveBeenCalledWith(1)
    for (const s of ['overview', 'people', 'deals', 'actions'])
      expect(body().find(`[data-testid="dossier-${s}"]`).exists()).toBe(true)
    const sheet = () => body().get('[data-testid="dossier-sheet"]').text()
    expect(sheet()).toContain('MES 二期')
    expect(sheet()).toContain('约王总技术交流')
    expect(sheet()).not.toContain('妞妞')
    await body().get('[data-testid="dossier-include-personal"] input').setValue(true)
    expect(sheet()).toContain('女儿妞妞')
    wrapper.unmount()
  })

  it('prints no personal fields in presentation mode', async () => {
    presentation.on = true
    const { wrapper } = await open()
    const box = body().get('[data-testid="dossier-include-personal"]')
    expect(box.classes()).toContain('is-disabled')
    expect(body().text()).toContain('演示模式下不打印个人信息')
    expect(body().get('[data-testid="dossier-sheet"]').text()).not.toContain('妞妞')
    wrapper.unmount()
  })

  it('打印… opens the system print dialog', async () => {
    api.printWindow.mockResolvedValue(null)
    const { wrapper } = await open()
    await body().get('[data-testid="dossier-print-button"]').trigger('click')
    await flushPromises()
    expect(api.printWindow).toHaveBeenCalledTimes(1)
    wrapper.unmount()
  })

  it('the charts on the page repaint after a print, keeping their size', async () => {
    api.printWindow.mockResolvedValue(null)
    const chart = { getWidth: () => 640, resize: vi.fn() }
    const Chart = defineComponent({
      setup() {
        useRepaintAfterPrint(() => chart)
        return () => h('div')
      },
    })
    const host = mount(Chart)
    const { wrapper } = await open()
    expect(chart.resize).not.toHaveBeenCalled()
    await body().get('[data-testid="dossier-print-button"]').trigger('click')
    await flushPromises()
    expect(chart.resize.mock.calls).toEqual([
      [{ width: 639, animation: { duration: 0 } }],
      [{ animation: { duration: 0 } }],
    ])
    host.unmount()
    await body().get('[data-testid="dossier-print-button"]').trigger('click')
    await flushPromises()
    expect(chart.resize).toHaveBeenCalledTimes(2)
    wrapper.unmount()
  })

  it('保存为 PDF… writes the drawn dossier where the user chose, with what the sheet shows', async () => {
    api.chooseFile.mockResolvedValue(chosenFile('/home/li/华东精密-客户档案.pdf'))
    api.saveFileBytes.mockResolvedValue(null)
    const { wrapper } = await open()
    await body().get('[data-testid="dossier-pdf"]').trigger('click')
    await flushPromises()
    expect(api.chooseFile).toHaveBeenCalledWith(
      'pdf',
      expect.stringMatching(/^华东精密-客户档案-\d{4}-\d{2}-\d{2}$/),
      'PDF 文档',
    )
    const [model] = drawn.pdf.mock.calls[0] as unknown as [ReturnType<typeof dossierModel>]
    expect(model.title).toBe('华东精密机械有限公司（华东精密）')
    expect(JSON.stringify(model)).not.toContain('妞妞')
    expect(api.saveFileBytes).toHaveBeenCalledWith(
      'token:/home/li/华东精密-客户档案.pdf',
      new Uint8Array([0x25, 0x50, 0x44, 0x46]),
    )
    wrapper.unmount()
  })
})
