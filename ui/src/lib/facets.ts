// Who can be picked as "owner" where an owner means a person rather than a customer's 负责人:
// the 今日 filter and 「我是」 match action and deal owners, and someone can own deals of a
// colleague's customers without owning a customer.
import type { Facets } from '../bindings'

/** Customer and deal owners, each once, sorted by pinyin (the zh-CN collation). */
export function everyOwner(f: Pick<Facets, 'owners' | 'dealOwners'>): string[] {
  return [...new Set([...f.owners, ...f.dealOwners])].sort((a, b) => a.localeCompare(b, 'zh-CN'))
}
