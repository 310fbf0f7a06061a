// 搜索: the search palette, in Simplified Chinese. The keys are the same in ../en/search.ts (its type and
// src/__tests__/i18n.test.ts check); ./index.ts assembles the language.
export default {
  search: {
    placeholder: '搜索客户、联系人、跟进记录、商机、竞争对手…',
    hint: '拼音、首字母、手机号都可以搜，也能搜跟进记录里说过的话',
    noResults: '没有找到 “{q}”',
    catchingUp: '搜索索引更新中：刚导入的 {n} 位客户暂时只能按名称或手机号找到，拼音稍后可用',
    catchingUpShort: '搜索索引更新中（还有 {n} 位客户）',
    customers: '客户',
    contacts: '联系人',
    visits: '跟进记录',
    opportunities: '商机',
    suppliers: '供应商与竞争对手',
    field: {
      name: '名称：',
      competitor: '竞争对手：',
      lost_to: '输给：',
      goal: '目的：',
      summary: '沟通纪要：',
      decision: '达成共识：',
      need: '需求：',
      objection: '异议：',
      commitment: '我方承诺：',
      quote: '客户原话：',
      competitor_news: '竞争动态：',
      risk: '风险：',
      opportunity: '机会：',
      action: '下一步行动：',
    },
    keys: '↑↓ 选择 · Enter 打开 · Esc 关闭',
  },
}
