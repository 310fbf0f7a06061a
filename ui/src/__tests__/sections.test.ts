import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { FinancialPeriod } from '../bindings'
import { contact, coreError, mountWith, profile } from './helpers'

const api = await vi.hoisted(() => import('./apiMock').then((m) => m.apiMock()))
vi.mock('../api', () => ({ api }))

import FinancialsSection from '../features/customers/sections/FinancialsSection.vue'
import SpBpSection from '../features/customers/sections/SpBpSection.vue'
import OverviewSection from '../features/customers/sections/OverviewSection.vue'
import PowerMapSection from '../features/customers/sections/PowerMapSection.vue'

const rows: FinancialPeriod[] = [
  {
    period: '2023',
    revenue: 52000,
    grossMargin: 21.5,
    netProfit: 3100,
    inventoryDays: 30,
    receivableDays: 60,
    cashFlow: 'normal',
    source: '年报',
  },
  {
    period: '2024',
    revenue: 48000,
    grossMargin: 18,
    netProfit: -200,
    inventoryDays: 60,
    receivableDays: 75,
    cashFlow: 'tight',
    source: '年报',
  },
]
const withFinancials = () =>
  profile(
    {
      financials: rows,
      signals: [
        { metric: 'inventory_days', fromPeriod: '2023', toPeriod: '2024', fromValue: 30, toValue: 60, changePct: 100 },
      ],
    },
    { financials: { updatedAt: '2025-02-03 08:00:00', completeness: 80 } },
  )

beforeEach(() => vi.clearAllMocks())

describe('profile sections', () => {
  it('公司概要 shows the customer’s notes (备注)', async () => {
    const p = profile()
    p.customer.notes = '年底集中采购，需提前一个月报价'
    const { wrapper } = await mountWith(OverviewSection, { props: { profile: p } })
    const fact = wrapper.findAll('.fact').find((f) => f.get('dt').text() === '备注')!
    expect(fact.get('dd').text()).toBe('年底集中采购，需提前一个月报价')
    wrapper.unmount()
  })

  it('an empty section says 未填写 and shows its completeness', async () => {
    const { wrapper } = await mountWith(SpBpSection, { props: { profile: profile() } })
    expect(wrapper.get('[data-testid="section-updated"]').text()).toBe('未填写')
    expect(wrapper.get('[data-testid="section-completeness"]').text()).toContain('0%')
    expect(wrapper.text()).toContain('客户解读 SP/BP')
    expect(wrapper.find('[data-testid="stale-tag"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('shows the update date, completeness and the financial signal above the table', async () => {
    const { wrapper } = await mountWith(FinancialsSection, { props: { profile: withFinancials() } })
    expect(wrapper.get('[data-testid="section-updated"]').text()).toBe('更新于 2025-02-03')
    expect(wrapper.get('[data-testid="section-completeness"]').text()).toContain('80%')
    expect(wrapper.get('[data-testid="signal-badge"]').text()).toBe('库存周转天数 30→60 天，+100%')
    const shown = wrapper.findAll('[data-testid="financial-row"]')
    expect(shown).toHaveLength(2)
    expect(shown[1].text()).toContain('紧张')
    wrapper.unmount()
  })

  it('a stale section carries the 已过期 warning', async () => {
    const p = profile({}, { financials: { updatedAt: '2022-01-01 00:00:00', completeness: 50, stale: true } })
    const { wrapper } = await mountWith(FinancialsSection, { props: { profile: p } })
    expect(wrapper.get('[data-testid="stale-tag"]').text()).toContain('已过期')
    wrapper.unmount()
  })

  it('editing the financials table and saving sends the rows to save_financials', async () => {
    const saved = withFinancials()
    api.saveFinancials.mockResolvedValue(saved)
    const { wrapper } = await mountWith(FinancialsSection, { props: { profile: withFinancials() } })
    await wrapper.get('[data-testid="section-edit"]').trigger('click')
    const editRows = wrapper.findAll('[data-testid="financial-edit-row"]')
    expect(editRows).toHaveLength(2)
    // Column 5 (index 4) is 库存周转天数.
    const inventory = editRows[1].findAll('td')[4].get('input')
    await inventory.setValue('45')
    await inventory.trigger('change')
    await wrapper.get('[data-testid="financials-add"]').trigger('click')
    const newRow = wrapper.findAll('[data-testid="financial-edit-row"]')[2]
    await newRow.findAll('td')[0].get('input').setValue('2025-Q1')
    await wrapper.get('[data-testid="section-save"]').trigger('click')
    await flushPromises()

    expect(api.saveFinancials).toHaveBeenCalledTimes(1)
    const [id, sent] = api.saveFinancials.mock.calls[0]
    expect(id).toBe(1)
    expect(sent).toHaveLength(3)
    expect(sent[0]).toEqual(rows[0])
    expect(sent[1]).toEqual({ ...rows[1], inventoryDays: 45 })
    expect(sent[2]).toMatchObject({ period: '2025-Q1', revenue: null, cashFlow: null })
    expect(wrapper.emitted('saved')?.[0]?.[0]).toBe(saved)
    expect(wrapper.find('[data-testid="financials-edit"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('a validation error for financials.1.inventoryDays is shown on row 2 and the form stays open', async () => {
    api.saveFinancials.mockRejectedValue(
      coreError({
        type: 'validation',
        data: { field: 'financials.1.inventoryDays', reason: 'out_of_range', detail: { kind: 'text', text: '0–3650' } },
      }),
    )
    const { wrapper } = await mountWith(FinancialsSection, { props: { profile: withFinancials() } })
    await wrapper.get('[data-testid="section-edit"]').trigger('click')
    await wrapper.get('[data-testid="section-save"]').trigger('click')
    await flushPromises()

    expect(wrapper.find('[data-testid="financials-edit"]').exists()).toBe(true)
    const errors = wrapper.findAll('[data-testid="row-error"]')
    expect(errors).toHaveLength(1)
    expect(errors[0].text()).toContain('第 2 行')
    expect(errors[0].text()).toContain('库存周转天数')
    expect(errors[0].text()).toContain('超出范围 0–3650')
    // The error row follows the second data row, which is marked.
    const editRows = wrapper.findAll('[data-testid="financial-edit-row"]')
    expect(editRows[1].classes()).toContain('has-error')
    expect(editRows[0].classes()).not.toContain('has-error')
    expect(editRows[1].element.nextElementSibling).toBe(errors[0].element)
    expect(editRows[1].findAll('td')[4].find('.is-invalid').exists()).toBe(true)
    expect(wrapper.emitted('saved')).toBeUndefined()
    wrapper.unmount()
  })

  it('the 权力地图 section shows the light the core computed, the same as the header’s', async () => {
    // A supporter who is not at decision level: the old section-only rule said 部分支持 here.
    const p = profile({
      contacts: [contact(7, '李芳')],
      roles: [
        {
          contactId: 7,
          buyingRole: 'evaluator',
          support: 1,
          influence: 3,
          coverage: null,
          evidence: '',
          assessedOn: '2026-11-01',
        },
      ],
      powerStatus: { light: 'red', reasons: [{ code: 'no_supportive_decider', data: { supporters: [] } }] },
    })
    const { wrapper } = await mountWith(PowerMapSection, { props: { profile: p } })
    const light = wrapper.get('[data-testid="status-light"]')
    expect(light.attributes('data-light')).toBe('red')
    expect(light.text()).toContain('红灯')
  })
})
