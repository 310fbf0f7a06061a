// A financial signal in words, by its metric's unit: turnover days, revenue in 万元, a margin in
// %, cash flow turning tight (a level, so no figures).
import { afterEach, describe, expect, it } from 'vitest'
import type { FinancialMetric, FinancialSignal } from '../bindings'
import { i18n } from '../i18n'
import { signalText } from '../lib/format'

const signal = (metric: FinancialMetric, fromValue: number, toValue: number, changePct: number): FinancialSignal => ({
  metric,
  fromPeriod: '2024',
  toPeriod: '2025',
  fromValue,
  toValue,
  changePct,
})

afterEach(() => {
  i18n.global.locale.value = 'zh-CN'
})

describe('financial signals', () => {
  it('read with their units, in both languages', () => {
    expect(signalText(signal('inventory_days', 30, 60, 100))).toBe('库存周转天数 30→60 天，+100%')
    expect(signalText(signal('revenue', 1000, 800, -20))).toBe('营业收入 1000→800 万元，-20%')
    expect(signalText(signal('gross_margin', 30, 24, -20))).toBe('毛利率 30%→24%，-20%')
    expect(signalText(signal('cash_flow', 0, 0, 0))).toBe('现金流转为紧张（2024→2025）')
    i18n.global.locale.value = 'en'
    expect(signalText(signal('revenue', 1000, 800, -20))).toBe('Revenue 1000→800 (10k CNY), -20%')
    expect(signalText(signal('cash_flow', 0, 0, 0))).toBe('Cash flow turned tight (2024→2025)')
  })
})
