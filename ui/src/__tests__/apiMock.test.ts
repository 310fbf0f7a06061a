// The test doubles of the api (apiMock.ts) and what setup.ts reads from them.
import { describe, expect, it } from 'vitest'
import { apiMock, takeUnmockedCalls } from './apiMock'
import { settingsFixture } from './helpers'

describe('api mock', () => {
  it('an unmocked function rejects with its name, and the call is recorded for setup.ts', async () => {
    const api = await apiMock()
    await expect(api.getSettings()).rejects.toThrow('unmocked api call: getSettings')
    expect(takeUnmockedCalls()).toEqual(['getSettings'])
    expect(takeUnmockedCalls()).toEqual([])
  })

  it('a mocked function answers; mockReset makes it unmocked again', async () => {
    const api = await apiMock()
    api.getSettings.mockResolvedValue(settingsFixture())
    await expect(api.getSettings()).resolves.toMatchObject({ staleMonths: 12 })
    api.getSettings.mockReset()
    await expect(api.getSettings()).rejects.toThrow('unmocked api call: getSettings')
    expect(takeUnmockedCalls()).toEqual(['getSettings'])
  })
})
