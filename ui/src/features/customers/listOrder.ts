// The customer list's order and what a click on a column's header does to it.
import type { CustomerSort } from '../../bindings'

export interface ListOrder {
  sort: CustomerSort
  descending: boolean
}

/** The list's order until a header is clicked: the customers most recently changed first. */
export const DEFAULT_ORDER: Readonly<ListOrder> = { sort: 'updated_at', descending: true }

/**
 * The order after a click on `column`'s header, as Element Plus's tables cycle elsewhere in the
 * app: another column sorts ascending, its second click descending, its third goes back to the
 * default order. The default's own column just turns round (a click always changes the order).
 */
export function nextOrder(current: ListOrder, column: CustomerSort): ListOrder {
  if (current.sort !== column) return { sort: column, descending: false }
  if (!current.descending) return { sort: column, descending: true }
  return column === DEFAULT_ORDER.sort ? { sort: column, descending: false } : { ...DEFAULT_ORDER }
}
