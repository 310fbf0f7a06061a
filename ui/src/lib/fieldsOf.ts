// A form's copy of a stored record: the form's own fields, deep-copied, so editing does not touch
// the record a list shows. The record is often a Vue proxy (a ref holding the row being edited)
// and structuredClone refuses proxies (DataCloneError), so each value is unwrapped first.
import { toRaw } from 'vue'

/** `blank` filled with the same-named values of `record` (deep copies of the raw values). */
export function fieldsOf<F extends object>(blank: F, record: F): F {
  const raw = toRaw(record)
  for (const k of Object.keys(blank) as (keyof F)[]) blank[k] = structuredClone(toRaw(raw[k]))
  return blank
}
