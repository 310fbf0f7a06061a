// 搜索: the search palette — Simplified Chinese. Keep the keys identical to locale.en.ts (the type of
// locale.en.ts and src/__tests__/i18n.test.ts check); assembled in i18n/zh-CN.ts.
export default {
  search: {
    placeholder: '搜索客户、联系人…',
    hint: '拼音、首字母、手机号都可以搜',
    noResults: '没有找到 “{q}”',
    customers: '客户',
    contacts: '联系人',
    keys: '↑↓ 选择 · Enter 打开 · Esc 关闭',
  },
}
