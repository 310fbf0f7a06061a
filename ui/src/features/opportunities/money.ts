// Amounts of the opportunity screens in the unit that reads best ("86 万元"), the way the
// purchase trends write them.
import { formatAmount } from '../trends/format'
import { amountUnits } from '../trends/words'

export function money(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : formatAmount(value, amountUnits())
}
