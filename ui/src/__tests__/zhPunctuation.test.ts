// Chinese as a person writes it: no half-width , : ; ( ) ! ? against Chinese text in the zh-CN messages
// (../i18n/zh-CN/*.ts, loaded as objects). A mark is wrong when a CJK character (ideograph, CJK punctuation
// such as 「」, or a full-width form such as ）) stands right before it or, for (, right after it. ASCII next to
// ASCII stays: placeholders ({n}), codes, numbers, dates, shortcuts. The core's strings have the same check
// (src-tauri/core/tests/all/zh_punctuation.rs).
import { describe, expect, it } from 'vitest'
import zhCN from '../i18n/zh-CN'
import { messageStrings as strings } from './helpers'

const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/
const HALF_WIDTH = ',:;()!?'

/** The half-width marks against Chinese text in a message. */
export function badMarks(text: string): string[] {
  const chars = [...text]
  return chars.filter((c, i) => {
    if (!HALF_WIDTH.includes(c)) return false
    const before = i > 0 && CJK.test(chars[i - 1]!)
    const after = c === '(' && i + 1 < chars.length && CJK.test(chars[i + 1]!)
    return before || after
  })
}

describe('zh-CN punctuation', () => {
  it('uses ，：；（）！？ next to Chinese text', () => {
    const found = strings(zhCN)
      .filter(([, v]) => badMarks(v).length > 0)
      .map(([k, v]) => `${k}: ${v}`)
    expect(found).toEqual([])
    expect(strings(zhCN).length).toBeGreaterThan(200)
  })

  it('finds a half-width mark against Chinese and leaves ASCII next to ASCII alone', () => {
    expect(badMarks('时间:{date}')).toEqual([':'])
    expect(badMarks('{n}(优先)')).toEqual(['(', ')'])
    expect(badMarks('「确认」,谢谢!')).toEqual([',', '!'])
    expect(badMarks('（已删除）, 好')).toEqual([','])
    expect(badMarks('{n}%（{a}/{b}）· Ctrl+Shift+P · 2026-11-20 10:00')).toEqual([])
  })
})
