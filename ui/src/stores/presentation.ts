// Presentation mode: while on, every sensitive contact field is hidden everywhere.
import { reactive, watch } from 'vue'

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

/** The contact fields that are hidden in presentation mode (SENSITIVE_CONTACT_FIELDS in Rust). */
export const SENSITIVE_FIELDS = ['hobbies', 'preferences', 'family'] as const
export type SensitiveField = (typeof SENSITIVE_FIELDS)[number]
export function isSensitive(field: string): field is SensitiveField {
  return (SENSITIVE_FIELDS as readonly string[]).includes(field)
}
