// 搜索: the search palette — English. Keep the keys identical to locale.zh-CN.ts; assembled in i18n/en.ts.
import type zhCN from './locale.zh-CN'

const en: typeof zhCN = {
  search: {
    placeholder: 'Search customers, contacts…',
    hint: 'Pinyin, initials and phone numbers all work',
    noResults: 'Nothing found for “{q}”',
    customers: 'Customers',
    contacts: 'Contacts',
    keys: '↑↓ select · Enter open · Esc close',
  },
}

export default en
