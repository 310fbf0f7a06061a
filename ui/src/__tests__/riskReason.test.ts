// Risk reasons on hover and on 今日: the core's Chinese explanation as it is in Chinese; in
// English a line written from the reason's fields, naming the deal when there is one.
import { afterEach, describe, expect, it } from 'vitest'
import type { RiskReason } from '../bindings'
import { i18n } from '../i18n'
import { reasonLine } from '../features/risk/riskReason'

const reason = (over: Partial<RiskReason>): RiskReason => ({
  rule: 'no_follow_up',
  level: 'red',
  opportunityId: null,
  opportunityName: '',
  days: 9,
  count: 1,
  since: '2026-11-24',
  explanation: '9 天未拜访(上次 2026-11-24;≥3 天黄灯,≥7 天红灯)',
  ...over,
})

afterEach(() => {
  i18n.global.locale.value = 'zh-CN'
})

describe('risk reasons', () => {
  it('in Chinese: the core’s explanation, thresholds included', () => {
    expect(reasonLine(reason({}))).toBe('9 天未拜访(上次 2026-11-24;≥3 天黄灯,≥7 天红灯)')
  })

  it('in English: written from the fields, the deal named where the rule is about one', () => {
    i18n.global.locale.value = 'en'
    expect(reasonLine(reason({}))).toBe('No visit for 9 days (last 2026-11-24)')
    expect(reasonLine(reason({ opportunityId: 4, opportunityName: 'MES' }))).toBe(
      'Deal “MES”: no follow-up for 9 days (last 2026-11-24)',
    )
    expect(
      reasonLine(
        reason({
          rule: 'overdue_action',
          opportunityId: 4,
          opportunityName: 'MES',
          count: 2,
          days: null,
          since: '2026-11-09',
        }),
      ),
    ).toBe('Deal “MES”: 2 overdue action(s), the earliest due 2026-11-09')
    expect(reasonLine(reason({ rule: 'quote_idle', opportunityId: 4, opportunityName: 'MES', days: 6 }))).toBe(
      'Deal “MES”: no activity for 6 days after the quote (last 2026-11-24)',
    )
    expect(reasonLine(reason({ rule: 'power_map' }))).toMatch(/^Power map red/)
    for (const rule of ['decision_maker_missing', 'unconfirmed', 'signal'] as const)
      expect(reasonLine(reason({ rule }))).not.toMatch(/[\u4e00-\u9fff]/)
  })
})
