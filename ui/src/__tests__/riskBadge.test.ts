// The customer's risk light in the header: its level in words and each reason's explanation.
import { describe, expect, it } from 'vitest'
import type { RiskLight, RiskReason } from '../bindings'
import { mountWith } from './helpers'
import RiskBadge from '../features/risk/RiskBadge.vue'

const reason = (explanation: string, level: RiskReason['level'] = 'red'): RiskReason => ({
  rule: 'quote_idle',
  level,
  opportunityId: 3,
  opportunityName: 'MES 二期',
  days: 6,
  count: 1,
  since: '2026-11-17',
  explanation,
})

describe('risk badge', () => {
  it('says the level and counts the reasons; green says there is none', async () => {
    const red: RiskLight = { level: 'red', reasons: [reason('报价后 6 天无任何行动'), reason('1 条下一步已逾期')] }
    const { wrapper } = await mountWith(RiskBadge, { props: { risk: red } })
    const badge = wrapper.find('[data-testid="risk-badge"]')
    expect(badge.attributes('data-level')).toBe('red')
    expect(badge.text()).toBe('风险 · 红灯 (2)')
    wrapper.unmount()
    const { wrapper: green } = await mountWith(RiskBadge, { props: { risk: { level: 'green', reasons: [] } } })
    expect(green.find('[data-testid="risk-badge"]').text()).toBe('风险 · 无')
    green.unmount()
  })
})
