// 提醒: due-action reminders, in Simplified Chinese. The keys are the same in ../en/reminders.ts (its type and
// src/__tests__/i18n.test.ts check); ./index.ts assembles the language.
export default {
  reminder: {
    title: '大客户档案 · 今日行动',
    both: '今天有 {due} 项行动到期，{overdue} 项已逾期',
    dueOnly: '今天有 {due} 项行动到期',
    overdueOnly: '有 {overdue} 项行动已逾期',
    settings: '行动提醒',
    enabled: '桌面通知',
    enabledHint:
      '启动时以及每天设定的时间（应用运行期间），如有今日到期或已逾期的行动，发送一条桌面通知。同一天不会重复提醒。',
    time: '每日提醒时间',
    owners: '我的负责人姓名',
    ownersPlaceholder: '全部负责人',
    ownersHint:
      '填您在客户和行动上的负责人姓名（可直接输入）：首页「今日」默认只看您的行动和客户，提醒也只统计您的行动；留空则为全部负责人。',
  },
}
