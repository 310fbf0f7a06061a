// The refusals of a 回款 / 交付 panel: the core names the field by its full path
// ("installments.1.amount", "receivedOn"), and the panel shows the reason under that cell or
// input; a refusal of something the panel has no input for (a deal no longer won) goes in the
// panel's alert.
import { reactive, ref } from 'vue'
import { errorMessage, isValidation, validationText } from '../../errors'

export function useRefusals(shown: (field: string) => boolean) {
  const errors = reactive<Record<string, string>>({})
  const alert = ref('')

  function clear() {
    for (const k of Object.keys(errors)) delete errors[k]
    alert.value = ''
  }

  function show(e: unknown) {
    if (isValidation(e) && shown(e.data.field)) errors[e.data.field] = validationText(e)
    else alert.value = errorMessage(e)
  }

  return { errors, alert, clear, show }
}
