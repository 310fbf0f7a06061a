// Exported chart pictures are light on white whatever the app's theme: the chart is drawn again
// off-screen in ECharts' default theme, while the one on screen takes the dark theme in 深色.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'

const echarts = vi.hoisted(() => ({
  init: vi.fn(),
  setOption: vi.fn(),
  getDataURL: vi.fn(() => 'data:image/png;base64,AA=='),
  dispose: vi.fn(),
}))
vi.mock('echarts/core', async (original) => ({
  ...(await original<typeof import('echarts/core')>()),
  init: echarts.init.mockImplementation(() => ({
    setOption: echarts.setOption,
    getDataURL: echarts.getDataURL,
    dispose: echarts.dispose,
  })),
}))

import { EXPORT_BACKGROUND, lightChartPng } from '../lib/imageExport'
import { chartTheme, DARK_CHART_THEME } from '../lib/chartTheme'
import { setTheme } from '../stores/theme'

afterEach(() => setTheme('system'))

describe('chart exports', () => {
  it('the chart on screen takes the dark theme in 深色 only', async () => {
    setTheme('light')
    await nextTick()
    expect(chartTheme.value).toBeUndefined()
    setTheme('dark')
    await nextTick()
    expect(chartTheme.value).toBe(DARK_CHART_THEME)
  })

  it('draws the picture in the default theme on white, even in 深色', () => {
    setTheme('dark')
    const option = { series: [{ type: 'bar', data: [1, 2] }] }
    expect(lightChartPng(option, 800, 340, 2)).toBe('data:image/png;base64,AA==')
    expect(EXPORT_BACKGROUND).toBe('#ffffff')
    const [, theme, opts] = echarts.init.mock.calls[0]!
    expect(theme).toBeNull()
    expect(opts).toMatchObject({ width: 800, height: 340 })
    expect(echarts.setOption).toHaveBeenCalledWith({ ...option, animation: false, backgroundColor: '#ffffff' })
    expect(echarts.getDataURL).toHaveBeenCalledWith({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' })
    expect(echarts.dispose).toHaveBeenCalled()
  })
})
