// The palette's groups and where a hit opens. The core sends the hits grouped by kind; the
// palette shows the groups that have any, in this order, each with its icon.
import type { Component } from 'vue'
import type { RouteLocationRaw } from 'vue-router'
import { ChatLineSquare, Coin, OfficeBuilding, Shop, User } from '@element-plus/icons-vue'
import type { SearchHit, SearchResults } from '../../bindings'

/** The results' groups of hits (the rest of the results is about the index). */
export type GroupKey = Exclude<keyof SearchResults, 'pendingIndex'>

export interface HitGroup {
  /** The results' key, also the label's (`search.<key>`) and the test id's. */
  key: GroupKey
  hits: SearchHit[]
  icon: Component
}

const ORDER: { key: GroupKey; icon: Component }[] = [
  { key: 'customers', icon: OfficeBuilding },
  { key: 'contacts', icon: User },
  { key: 'visits', icon: ChatLineSquare },
  { key: 'opportunities', icon: Coin },
  { key: 'suppliers', icon: Shop },
]

export function hitGroups(r: SearchResults): HitGroup[] {
  return ORDER.map((g) => ({ ...g, hits: r[g.key] })).filter((g) => g.hits.length > 0)
}

/**
 * Where a hit opens on its customer's page: a contact's card (`?contact=`), a follow-up record
 * in the 跟进记录 tab (`?tab=visits&record=`), a deal in the 商机 tab (`?tab=deals&opportunity=`),
 * a supplier in the profile's 供应商 section (`?section=suppliers`).
 */
export function hitRoute(hit: SearchHit): RouteLocationRaw {
  const id = String(hit.id)
  const query = {
    customer: {},
    contact: { contact: id },
    visit: { tab: 'visits', record: id },
    opportunity: { tab: 'deals', opportunity: id },
    supplier: { section: 'suppliers' },
  }[hit.kind]
  return { name: 'customer', params: { id: hit.customerId }, query }
}
