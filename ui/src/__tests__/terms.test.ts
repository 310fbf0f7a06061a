// One name for the record of a customer interaction: 跟进记录 (a follow-up record), whether the interaction was
// a visit, a call or a WeChat conversation. 拜访 is left only where it means going to see the customer: the
// sales action 高层拜访, reading the profile 拜访前, and 拜访 beside 电话 and 微信 as one kind of interaction.
import { describe, expect, it } from 'vitest'
import zhCN from '../i18n/zh-CN'
import en from '../i18n/en'
import { messageStrings } from './helpers'

/** The uses of 拜访 that mean an in-person visit. */
const IN_PERSON = ['高层拜访', '拜访前', '拜访、电话']

describe('the follow-up record’s name', () => {
  it('is 跟进记录 in every zh-CN message; 拜访 only means going to see the customer', () => {
    const stray = messageStrings(zhCN)
      .filter(([, v]) => IN_PERSON.reduce((s, ok) => s.replaceAll(ok, ''), v).includes('拜访'))
      .map(([k, v]) => `${k}: ${v}`)
    expect(stray).toEqual([])
  })

  it('is a follow-up record in English, never a visit summary', () => {
    const stray = messageStrings(en)
      .filter(([, v]) => /visit summar/i.test(v))
      .map(([k]) => k)
    expect(stray).toEqual([])
  })

  it('is among what the header’s search box says Ctrl+K finds', () => {
    const s = zhCN.search
    for (const kind of [s.customers, s.contacts, s.visits, s.opportunities]) {
      expect(zhCN.app.searchTrigger).toContain(kind)
    }
  })
})
