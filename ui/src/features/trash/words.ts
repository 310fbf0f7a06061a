// How the 回收站 page words an entry, kept pure so it is tested without mounting: what went to
// the trash with it (from the core's counts), its kind, its times in local time, and where a
// restored record is opened.
import type { RouteLocationRaw } from 'vue-router'
import type { DeletedKind, Restored, TrashContents } from '../../bindings'
import { i18n } from '../../i18n'

/** The counts in the order they are said: the people first, the purchase rows last. */
const CONTENTS: (keyof TrashContents)[] = ['contacts', 'opportunities', 'visits', 'actions', 'purchases', 'powerScopes']

/** "含 3 位联系人、2 个商机、5 条跟进记录"; "" when nothing went with the record. */
export function contentsText(c: TrashContents): string {
  const t = i18n.global.t
  const parts = CONTENTS.filter((k) => c[k] > 0).map((k) => t(`trash.contents.${k}`, { n: c[k] }, c[k]))
  return parts.length ? t('trash.contents.with', { list: parts.join(t('common.listSep')) }) : ''
}

export function kindLabel(kind: DeletedKind): string {
  return i18n.global.t(`trash.kind.${kind}`)
}

/** Where a restored record is seen: its customer's page, at the contact, summary or deal. */
export function restoredTarget(r: Restored): RouteLocationRaw {
  const params = { id: r.customerId }
  switch (r.kind) {
    case 'customer':
      return { name: 'customer', params }
    case 'contact':
      return { name: 'customer', params, query: { contact: String(r.id) } }
    case 'visit':
      return { name: 'customer', params, query: { tab: 'visits', visit: String(r.id) } }
    case 'opportunity':
      return { name: 'customer', params, query: { tab: 'deals' } }
  }
}
