// The save flow the record dialogs share (客户, 联系人): clear the last attempt's messages, save
// with the button spinning, and when the store refuses, put the reason under the field it names —
// or, when the form has no such field, in an alert at the top of the dialog.
import { reactive, ref } from 'vue'
import { errorMessage, isValidation, validationText } from '../errors'

export function useFormSave(form: object) {
  /** The store's reason per form field, shown by that field's el-form-item. */
  const fieldErrors = reactive<Record<string, string>>({})
  const alert = ref('')
  const saving = ref(false)

  function clearErrors() {
    for (const k of Object.keys(fieldErrors)) delete fieldErrors[k]
    alert.value = ''
  }

  // "name", "tags.2" or "contacts.reportsTo": the first part of the path that is a field here.
  function showError(e: unknown) {
    if (isValidation(e)) {
      const field = e.data.field.split('.').find((part) => part in form)
      if (field) {
        fieldErrors[field] = validationText(e)
        return
      }
    }
    alert.value = errorMessage(e)
  }

  /** Runs one save (which closes the dialog itself); a failure is shown in the form instead. */
  async function save(run: () => Promise<void>) {
    saving.value = true
    try {
      await run()
    } catch (e) {
      showError(e)
    } finally {
      saving.value = false
    }
  }

  return { fieldErrors, alert, saving, clearErrors, save }
}

/** The editable fields of a record: `blank` filled from `record`, key by key. */
export function fieldsOf<F extends object>(blank: F, record: F): F {
  for (const k of Object.keys(blank) as (keyof F)[]) blank[k] = record[k]
  return blank
}
