// The edit cycle every profile section shares: copy → edit a draft → save through one command →
// replace the profile with the result, or keep the form open and point at the refused field.
import { computed, ref, type ComputedRef, type Ref } from 'vue'
import { ElMessage } from 'element-plus'
import type { CustomerProfile } from '../bindings'
import { errorMessage, isValidation, splitField, validationText, type ValidationError } from '../errors'
import { i18n } from '../i18n'

export interface SectionEditorOptions<T> {
  source: () => T
  save: (draft: T) => Promise<CustomerProfile>
  onSaved: (profile: CustomerProfile) => void
}

/** The part of an editor that SectionCard drives: its edit → save/cancel buttons and error alert. */
export interface SectionEditCycle {
  editing: Ref<boolean>
  saving: Ref<boolean>
  message: ComputedRef<string>
  start: () => void
  save: () => Promise<void>
  cancel: () => void
}

/** The part an EditableTable needs to mark a refused row and show why. */
export interface RowErrors {
  cellError: (row: number, column?: string) => boolean
  rowError: (row: number) => string
}

export function useSectionEditor<T>(opts: SectionEditorOptions<T>) {
  const editing = ref(false)
  const saving = ref(false)
  const draft = ref(JSON.parse(JSON.stringify(opts.source()))) as Ref<T>
  const error = ref<ValidationError | null>(null)

  function start() {
    draft.value = JSON.parse(JSON.stringify(opts.source())) as T
    error.value = null
    editing.value = true
  }

  function cancel() {
    editing.value = false
    error.value = null
  }

  async function save() {
    saving.value = true
    try {
      const profile = await opts.save(draft.value)
      opts.onSaved(profile)
      editing.value = false
      error.value = null
      ElMessage.success(i18n.global.t('common.saved'))
    } catch (e) {
      if (isValidation(e)) error.value = e
      else ElMessage.error(errorMessage(e))
    } finally {
      saving.value = false
    }
  }

  /** Full message for the alert at the top of the form. */
  const message = computed(() => (error.value ? errorMessage(error.value) : ''))

  /** The reason under a plain (non-table) field, e.g. fieldError('budgetAmount'). */
  function fieldError(name: string): string {
    if (!error.value) return ''
    const { row, column } = splitField(error.value.data.field)
    return row === null && column === name ? validationText(error.value) : ''
  }

  /** Whether the error points at row `row` (0-based) of a table, optionally a given column. */
  function cellError(row: number, column?: string): boolean {
    if (!error.value) return false
    const s = splitField(error.value.data.field)
    return s.row === row && (column === undefined || s.column === column)
  }

  /** The message shown under a table row: "第 2 行 · 库存周转天数: 超出范围 0–365". */
  function rowError(row: number): string {
    return cellError(row) ? message.value : ''
  }

  return { editing, saving, draft, error, message, start, cancel, save, fieldError, cellError, rowError }
}
