// 搜索: the search palette, in English: the keys of ../zh-CN/search.ts; ./index.ts assembles the language.
import type zhCN from '../zh-CN/search'

const en: typeof zhCN = {
  search: {
    placeholder: 'Search customers, contacts, follow-ups, deals, competitors…',
    hint: 'Pinyin, initials and phone numbers all work, and what was said in follow-ups',
    noResults: 'Nothing found for “{q}”',
    catchingUp:
      'Updating the search index: {n} customers are found by name or phone only for now; pinyin follows shortly',
    catchingUpShort: 'Updating the search index ({n} customers to go)',
    repairing:
      'The search index was damaged and is being rebuilt from your records. Everything you entered is there and unaffected.',
    repairFailed: 'The search index was damaged and could not be rebuilt: {error}',
    customers: 'Customers',
    contacts: 'Contacts',
    visits: 'Follow-up records',
    opportunities: 'Deals',
    suppliers: 'Suppliers & competitors',
    field: {
      name: 'Name: ',
      competitor: 'Competitor: ',
      lost_to: 'Lost to: ',
      goal: 'Goal: ',
      summary: 'Summary: ',
      decision: 'Agreed: ',
      need: 'Need: ',
      objection: 'Objection: ',
      commitment: 'Our commitment: ',
      quote: 'Customer said: ',
      competitor_news: 'Competitor news: ',
      risk: 'Risk: ',
      opportunity: 'Opportunity: ',
      action: 'Next action: ',
    },
    keys: '↑↓ select · Enter open · Esc close',
  },
}

export default en
