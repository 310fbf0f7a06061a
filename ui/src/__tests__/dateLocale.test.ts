// Date pickers in Chinese: weekdays in Chinese, the week starting on Monday (dayjs's zh-cn
// locale, loaded with the app's messages in i18n/index.ts).
import { describe, expect, it } from 'vitest'
import { h } from 'vue'
import { ElCalendar, ElConfigProvider } from 'element-plus'
import zhCn from 'element-plus/es/locale/lang/zh-cn'
import { mountWith } from './helpers'

describe('date pickers in zh-CN', () => {
  it('start the week on Monday, in Chinese', async () => {
    const { wrapper } = await mountWith({
      render: () => h(ElConfigProvider, { locale: zhCn }, () => h(ElCalendar, { modelValue: new Date(2026, 11, 7) })),
    })
    const weekdays = wrapper.findAll('.el-calendar-table thead th').map((th) => th.text())
    expect(weekdays).toEqual(['一', '二', '三', '四', '五', '六', '日'])
    wrapper.unmount()
  })
})
