// A customer's deals as pickers need them (tie a visit summary to one, filter the visits by
// one): open deals first by expected close, then the closed ones marked 已结束.
import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { api } from '../../api'
import { customerDealsQuery } from './query'
import { isOpen, type OpportunityRow } from './stages'

export interface DealOption {
  id: number
  label: string
}

/** The core's page limit for one customer's deals (the 商机 tab uses the same). */
const LIMIT = 500

export function useCustomerDeals() {
  const { t } = useI18n()
  const rows = ref<OpportunityRow[]>([])

  /** Loads `customerId`'s deals; a failure leaves the list empty (the pickers are optional). */
  async function load(customerId: number) {
    try {
      const page = await api.listOpportunities(customerDealsQuery(customerId, LIMIT))
      rows.value = [...page.rows.filter((r) => isOpen(r.stage)), ...page.rows.filter((r) => !isOpen(r.stage))]
    } catch {
      rows.value = []
    }
  }

  /** The options; `extra` (a linked deal that is no longer listed) is kept with its known name. */
  function options(extra?: { id: number | null; name: string }): DealOption[] {
    const list = rows.value.map((r) => ({
      id: r.id,
      label: isOpen(r.stage) ? r.name : `${r.name}（${t('visits.opportunityClosed')}）`,
    }))
    if (extra?.id && !list.some((o) => o.id === extra.id))
      list.push({ id: extra.id, label: extra.name || `#${extra.id}` })
    return list
  }

  return { rows, load, options }
}
