import { describe, expect, it } from 'vitest'
import zhCN from '../i18n/zh-CN'
import en from '../i18n/en'

function keys(obj: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`],
  )
}

describe('i18n messages', () => {
  it('zh-CN and en have exactly the same keys', () => {
    const zh = keys(zhCN).sort()
    const e = keys(en).sort()
    expect(zh.filter((k) => !e.includes(k))).toEqual([])
    expect(e.filter((k) => !zh.includes(k))).toEqual([])
    expect(zh.length).toBeGreaterThan(200)
  })

  it('no message is empty', () => {
    for (const [name, msgs] of [
      ['zh-CN', zhCN],
      ['en', en],
    ] as const) {
      const flat = keys(msgs)
      for (const k of flat) {
        const v = k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], msgs)
        expect(typeof v === 'string' && v.length > 0, `${name}:${k}`).toBe(true)
      }
    }
  })
})
