// 设置: the settings page, in Simplified Chinese. The keys are the same in ../en/settings.ts (its type and
// src/__tests__/i18n.test.ts check); ./index.ts assembles the language.
export default {
  settings: {
    title: '设置',
    language: '界面语言',
    staleMonths: '档案过期月数',
    staleMonthsHint: '某部分超过这么多个月未更新，就标记为“已过期”。',
    turnoverChangePct: '周转天数变化提醒阈值 %',
    turnoverHint: '库存/应收账款周转天数在两期之间变化超过该比例时提示信号。',
    financialDeclinePct: '收入/毛利率下降提醒阈值 %',
    financialDeclineHint: '营业收入或毛利率比上一期下降达到该比例时提示信号；现金流转为紧张时也会提示。',
    presentation: '演示模式',
    presentationHint:
      '开启后，联系人背景卡中的个人信息（性格特征、破冰话题、爱好、偏好与禁忌、痛点、职业路径、沟通风格、家庭、备注）在所有页面隐藏。快捷键 Ctrl+Shift+P。',
    database: '数据库文件',
    logFolder: '日志文件夹',
    logFolderHint: '记录出错信息和耗时，不含客户或联系人的资料。反馈问题时可以附上。',
    thresholds: '提醒规则',
    general: '通用',
    saved: '设置已保存',
    trendThresholds: '采购趋势提醒',
    declineMonths: '连续下降月数',
    declineMonthsHint: '某产品的采购额连续这么多个月下降，就提示信号（默认 3）。',
    surgePct: '激增阈值 %',
    surgePctHint: '上月采购额比前 3 个月均值高出该比例时提示（默认 50%）。',
    yoyPct: '同比变化阈值 %',
    yoyPctHint: '近 3 个月合计比去年同期增减超过该比例时提示（默认 30%）。',
    stoppedMonths: '停购月数',
    stoppedMonthsHint: '曾采购的产品连续这么多个月没有采购，就提示“已停购”（默认 3）。',
    newProductMonths: '新产品月数',
    newProductMonthsHint: '老客户在最近这么多个月里首次采购的产品，提示为“新产品”（默认 3）。',
  },
}
