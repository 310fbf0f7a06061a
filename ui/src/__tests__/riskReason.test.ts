// Risk reasons on hover and on 今日, worded here from the core's codes and figures: in Chinese
// the sentences of the exported workbooks (core/src/risk/explain.rs, thresholds included), in
// English a line from the same fields, naming the deal when there is one.
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
  yellowDays: 3,
  redDays: 7,
  signal: '',
  stage: null,
  installment: null,
  amount: null,
  milestone: '',
  months: null,
  ...over,
})
const deal = { opportunityId: 4, opportunityName: 'MES' }
const signal = '产品A 连续 3 个月下降：120 → 95 → 70'

afterEach(() => {
  i18n.global.locale.value = 'zh-CN'
})

describe('risk reasons', () => {
  it('in Chinese: the core’s explanation, thresholds included', () => {
    expect(reasonLine(reason({}))).toBe('9 天未跟进（上次 2026-11-24；≥3 天黄灯，≥7 天红灯）')
  })

  it('in Chinese: every rule as the exported workbooks say it', () => {
    expect(reasonLine(reason(deal))).toBe('商机「MES」9 天未跟进（上次 2026-11-24；≥3 天黄灯，≥7 天红灯）')
    expect(reasonLine(reason({ rule: 'quote_idle', ...deal, days: 6, yellowDays: null, redDays: 5 }))).toBe(
      '商机「MES」报价后 6 天无动作（最近 2026-11-24；≥5 天红灯）',
    )
    expect(reasonLine(reason({ rule: 'power_map', days: null }))).toBe(
      '权力地图红灯：没有支持我方的关键人，或必需角色空缺',
    )
    expect(reasonLine(reason({ rule: 'decision_maker_missing', ...deal }))).toBe('商机「MES」缺少支持我方的决策者')
    const overdue = { rule: 'overdue_action', count: 2, days: null, since: '2026-11-09' } as const
    expect(reasonLine(reason(overdue))).toBe('2 项行动已逾期（最早应于 2026-11-09 完成）')
    expect(reasonLine(reason({ ...overdue, ...deal }))).toBe('商机「MES」2 项行动已逾期（最早应于 2026-11-09 完成）')
    const late = { rule: 'late_record', level: 'yellow', days: 2, yellowDays: null, redDays: null } as const
    expect(reasonLine(reason({ ...late, since: '2026-11-21' }))).toBe(
      '最近一条跟进记录在沟通后 2 天才写（2026-11-21 沟通；应在 24 小时内）',
    )
    const unconfirmed = { rule: 'unconfirmed', count: 2, yellowDays: 3, redDays: null, since: '2026-11-20' } as const
    expect(reasonLine(reason(unconfirmed))).toBe('2 条跟进记录超过 3 天未获客户确认（最早 2026-11-20）')
    expect(reasonLine(reason({ ...unconfirmed, ...deal }))).toBe(
      '商机「MES」2 条跟进记录超过 3 天未获客户确认（最早 2026-11-20）',
    )
    expect(reasonLine(reason({ rule: 'signal', count: 1, signal }))).toBe(signal)
    expect(reasonLine(reason({ rule: 'signal', count: 3, signal }))).toBe(`${signal} 等 3 个采购/财务预警`)
  })

  it('a deal stuck in its stage names the stage, with the stage’s limit and twice it', () => {
    const stuck = { rule: 'stuck_in_stage', ...deal, days: 40, yellowDays: 30, redDays: 60, stage: 'quote' } as const
    expect(reasonLine(reason(stuck))).toBe(
      '商机「MES」在「报价」阶段已停留 40 天（自 2026-11-24；≥30 天黄灯，≥60 天红灯）',
    )
    i18n.global.locale.value = 'en'
    expect(reasonLine(reason(stuck))).toBe(
      'Deal “MES”: 40 days at Quote (since 2026-11-24; yellow from 30, red from 60 days)',
    )
  })

  it('in English: written from the fields, the deal named where the rule is about one', () => {
    i18n.global.locale.value = 'en'
    expect(reasonLine(reason({}))).toBe('No follow-up for 9 days (last 2026-11-24)')
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
    expect(reasonLine(reason({ rule: 'signal', count: 3, signal }))).toBe('3 purchase or financial warning(s)')
  })

  it('a churn review says how many months passed without a purchase or an open deal', () => {
    const churn = { rule: 'churn_review', level: 'yellow', days: null, months: 8, since: '2026-03' } as const
    expect(reasonLine(reason({ ...churn, yellowDays: null, redDays: null }))).toBe(
      '已 8 个月无采购、无在谈商机（上次采购或商机 2026-03），建议做流失预警复盘',
    )
    i18n.global.locale.value = 'en'
    expect(reasonLine(reason(churn))).toBe(
      'No purchase and no open deal for 8 months (last purchase or deal 2026-03): time for a churn review',
    )
  })
})
