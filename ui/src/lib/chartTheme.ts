// The charts' dark look: an ECharts theme for text, axes, legends and tooltips on the dark page
// (the series keep their colours). Charts pass `chartTheme` to <v-chart :theme>; exported
// images never use it (lib/imageExport.ts draws them light).
import { computed } from 'vue'
import { registerTheme } from 'echarts/core'
import { isDark } from '../stores/theme'

export const DARK_CHART_THEME = 'dossier-dark'

const TEXT = '#c9cdd4'
const AXIS = '#4a505c'
const SPLIT = '#2c3038'

const axis = {
  axisLine: { lineStyle: { color: AXIS } },
  axisTick: { lineStyle: { color: AXIS } },
  axisLabel: { color: '#a3a9b3' },
  splitLine: { lineStyle: { color: [SPLIT] } },
  nameTextStyle: { color: TEXT },
}

registerTheme(DARK_CHART_THEME, {
  backgroundColor: 'transparent',
  textStyle: { color: TEXT },
  title: { textStyle: { color: '#e2e5ea' }, subtextStyle: { color: TEXT } },
  legend: { textStyle: { color: TEXT }, pageTextStyle: { color: TEXT }, inactiveColor: '#5c626e' },
  tooltip: {
    backgroundColor: '#2a2e36',
    borderColor: '#3c414b',
    textStyle: { color: '#e2e5ea' },
    axisPointer: { lineStyle: { color: AXIS }, crossStyle: { color: AXIS } },
  },
  categoryAxis: axis,
  valueAxis: axis,
  timeAxis: axis,
  logAxis: axis,
})

/** The theme a chart on screen takes now: the dark one in 深色, ECharts' default otherwise. */
export const chartTheme = computed(() => (isDark.value ? DARK_CHART_THEME : undefined))
