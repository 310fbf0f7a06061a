// Deleting a customer takes its contacts, deals, visits, actions, purchases and power-map scopes
// with it to the trash (回收站). The core counts them first (customer_removal), so the
// confirmation says what goes — an account manager who sees "商机 3 个，其中进行中 2 个，金额合计
// 120 万元" thinks twice — and for how many days it can be restored.
// Every place that deletes a customer asks through confirmCustomerRemoval.
import { h } from 'vue'
import { ElMessage } from 'element-plus'
import { api } from '../../api'
import type { CustomerRemoval } from '../../bindings'
import { errorMessage } from '../../errors'
import { i18n } from '../../i18n'
import { money } from '../trends/words'
import { confirmDelete, trashDays } from '../trash/confirm'

/** What goes, one line per kind that has any (the profile itself always). */
export function removalLines(r: CustomerRemoval): string[] {
  const t = i18n.global.t
  const lines = [t('removal.profile')]
  if (r.contacts) lines.push(t('removal.contacts', { n: r.contacts }))
  if (r.opportunities) {
    lines.push(
      r.openOpportunities
        ? t('removal.openOpportunities', { n: r.opportunities, open: r.openOpportunities, amount: money(r.openAmount) })
        : t('removal.opportunities', { n: r.opportunities }),
    )
  }
  if (r.visits) lines.push(t('removal.visits', { n: r.visits }))
  if (r.actions) {
    lines.push(
      r.openActions
        ? t('removal.openActions', { n: r.actions, open: r.openActions })
        : t('removal.actions', { n: r.actions }),
    )
  }
  if (r.purchases) lines.push(t('removal.purchases', { n: r.purchases }))
  if (r.powerScopes) lines.push(t('removal.powerScopes', { n: r.powerScopes }))
  return lines
}

/**
 * Counts what deleting customer `id` takes with it and asks, listing it; false when the user
 * backs out or the count fails (the failure is shown: deleting blind is what this prevents).
 */
export async function confirmCustomerRemoval(id: number): Promise<boolean> {
  const t = i18n.global.t
  let r: CustomerRemoval
  try {
    r = await api.customerRemoval(id)
  } catch (e) {
    ElMessage.error(t('removal.failed', { error: errorMessage(e) }))
    return false
  }
  const days = await trashDays()
  const preview = h('div', { 'data-testid': 'customer-delete-preview' }, [
    h('p', { style: 'margin: 0 0 6px' }, t('removal.intro', { name: r.name })),
    h(
      'ul',
      { style: 'margin: 0 0 8px; padding-left: 18px; line-height: 1.7' },
      removalLines(r).map((l) => h('li', l)),
    ),
    h(
      'p',
      { style: 'margin: 0; font-size: 12px; color: var(--el-text-color-secondary)' },
      days ? t('removal.undo', { days }) : t('removal.undoNoDays'),
    ),
  ])
  return confirmDelete(preview, t('customer.deleteTitle'))
}
