// The customer's risk light in the header: its level in words and the number of reasons.
import { describe, expect, it } from 'vitest'
import type { RiskLight, RiskReason } from '../bindings'
import { mountWith } from './helpers'
import RiskBadge from '../features/risk/RiskBadge.vue'

const reason = (rule: RiskReason['rule'], level: RiskReason['level'] = 'red'): RiskReason => ({
  rule,
  level,
  opportunityId: 3,
  opportunityName: 'MES 二期',
  days: 6,
  count: 1,
  since: '2026-11-17',
  yellowDays: null,
  redDays: 5,
  signal: '',
  stage: null,
  installment: null,
  amount: null,
  milestone: '',
  months: null,
})

describe('risk badge', () => {
  it('says the level and counts the reasons; green says 绿灯', async () => {
    const red: RiskLight = { level: 'red', reasons: [reason('quote_idle'), reason('overdue_action')] }
    const { wrapper } = await mountWith(RiskBadge, { props: { risk: red } })
    const badge = wrapper.find('[data-testid="risk-badge"]')
    expect(badge.attributes('data-level')).toBe('red')
    expect(badge.text()).toBe('风险 · 红灯（2）')
    wrapper.unmount()
    const { wrapper: green } = await mountWith(RiskBadge, { props: { risk: { level: 'green', reasons: [] } } })
    expect(green.find('[data-testid="risk-badge"]').text()).toBe('风险 · 绿灯')
    green.unmount()
  })
})
