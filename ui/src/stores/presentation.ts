// Presentation mode: while on, every personal contact field (PERSONAL_FIELDS, defined by the
// core) is hidden everywhere.
import { reactive, watch } from 'vue'
import { PERSONAL_FIELDS, type PersonalField } from '../bindings'

const KEY = 'dossier.presentation'

function stored(): boolean {
  try {
    return localStorage.getItem(KEY) === '1'
  } catch {
    return false
  }
}

export const presentation = reactive({ on: stored() })

watch(
  () => presentation.on,
  (on) => {
    try {
      localStorage.setItem(KEY, on ? '1' : '0')
    } catch {
      /* no storage */
    }
  },
)

export function togglePresentation() {
  presentation.on = !presentation.on
}

/** The contact fields hidden in presentation mode: the core's personal fields (PersonalField). */
export function isSensitive(field: string): field is PersonalField {
  return (PERSONAL_FIELDS as readonly string[]).includes(field)
}
