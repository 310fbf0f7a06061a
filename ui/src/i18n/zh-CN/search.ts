// 搜索: the search palette, in Simplified Chinese. The keys are the same in ../en/search.ts (its type and
// src/__tests__/i18n.test.ts check); ./index.ts assembles the language.
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
