import { describe, expect, it, vi } from 'vitest'
import { useLatest } from '../composables/useLatest'
import { appState } from '../stores/app'

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

  it('remember: built again, it starts with the answer its key last had, asks again, and redraws nothing for an equal one', async () => {
    const fetch = vi.fn().mockResolvedValue({ rows: [1, 2] })
    const first = useLatest(fetch, { remember: () => 'trends|1' })
    expect(first.value.value).toBeNull()
    await first.load()

    const again = useLatest(fetch, { remember: () => 'trends|1' })
    const recalled = again.value.value
    expect(recalled).toEqual({ rows: [1, 2] })
    expect(useLatest(fetch, { remember: () => 'trends|2' }).value.value).toBeNull()
    await again.load()
    expect(fetch).toHaveBeenCalledTimes(2)
    expect(again.value.value).toBe(recalled)
    fetch.mockResolvedValue({ rows: [3] })
    await again.load()
    expect(again.value.value).toEqual({ rows: [3] })
    expect(useLatest(fetch, { remember: () => 'trends|1' }).value.value).toEqual({ rows: [3] })

    // An undo, an import or another database: what was remembered before is not shown.
    appState.dataVersion++
    expect(useLatest(fetch, { remember: () => 'trends|1' }).value.value).toBeNull()
  })
})
