import { describe, expect, it, vi } from 'vitest'
import { useLatest } from '../composables/useLatest'

describe('useLatest', () => {
  it('keepSame keeps the shown answer when the new one is equal to it, and takes a different one', async () => {
    const fetch = vi.fn().mockResolvedValue({ rows: [1, 2] })
    const latest = useLatest(fetch, { keepSame: true })
    await latest.load()
    const first = latest.value.value
    fetch.mockResolvedValue({ rows: [1, 2] })
    await latest.load()
    expect(latest.value.value).toBe(first)
    fetch.mockResolvedValue({ rows: [2, 1] })
    await latest.load()
    expect(latest.value.value).toEqual({ rows: [2, 1] })
  })

  it('without keepSame every answer replaces the shown one', async () => {
    const latest = useLatest(() => Promise.resolve({ rows: [1] }))
    await latest.load()
    const first = latest.value.value
    await latest.load()
    expect(latest.value.value).not.toBe(first)
    expect(latest.value.value).toEqual(first)
  })
})
