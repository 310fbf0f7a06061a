// 搜索: the search palette, in English: the keys of ../zh-CN/search.ts; ./index.ts assembles the language.
import type zhCN from '../zh-CN/search'

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
