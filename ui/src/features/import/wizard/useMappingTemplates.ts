// The import wizard's saved mapping templates: applied automatically by the inspection when a
// file's headers match one (the wizard sets `template` then), or picked, saved and deleted in the
// mapping step. A part of useImportWizard.ts, kept apart because the rest of the wizard only sets
// `template` and reloads the list.
import { computed, reactive, ref, watch, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage, ElMessageBox } from 'element-plus'
import { api } from '../../../api'
import type { Field, ImportFile, ImportKind, MappingTemplate } from '../../../bindings'
import { errorMessage, isCoreError } from '../../../errors'

/** As long as the core accepts (store/mapping_templates.rs MAX_NAME). */
export const MAX_TEMPLATE_NAME = 60

/** What the templates need of the wizard: its spec, the inspected file and its name, and its guard. */
export interface TemplateContext {
  spec: { kind: ImportKind; mapping: (Field | null)[] }
  file: Readonly<Ref<ImportFile | null>>
  fileName: Readonly<Ref<string>>
  guarded: <T>(fn: () => Promise<T>) => Promise<T | undefined>
}

export function useMappingTemplates({ spec, file, fileName, guarded }: TemplateContext) {
  const { t } = useI18n()

  const templates = ref<MappingTemplate[]>([])
  /** The template the mapping came from (`auto`: applied by inspect), and its mapping then. */
  const template = ref<{ name: string; auto: boolean; mapping: (Field | null)[] } | null>(null)
  const saving = reactive({ open: false, name: '', busy: false, error: '' })

  /** A mapping without its trailing "not imported" columns, for comparing. */
  const trimmed = (m: (Field | null)[]) => {
    const out = [...m]
    while (out.length > 0 && out[out.length - 1] === null) out.pop()
    return out.join(',')
  }
  const templateModified = computed(() => !!template.value && trimmed(template.value.mapping) !== trimmed(spec.mapping))
  const nothingMapped = computed(() => spec.mapping.every((m) => m === null))
  const replacesTemplate = computed(() => templates.value.some((x) => x.name === saving.name.trim()))

  async function loadTemplates() {
    try {
      templates.value = await api.mappingTemplates(spec.kind)
    } catch {
      templates.value = [] // the wizard works without them
    }
  }

  async function applyTemplate(name: string) {
    const f = file.value
    if (!f || !name) return
    const mapping = await guarded(() => api.applyMappingTemplate(name, spec.kind, f.headers))
    if (!mapping) return
    spec.mapping = [...mapping]
    template.value = { name, auto: false, mapping: [...mapping] }
  }

  function openSaveTemplate() {
    saving.open = true
    saving.error = ''
    saving.name = template.value?.name ?? fileName.value.replace(/\.[^.]+$/, '')
  }

  function templateError(e: unknown): string {
    if (isCoreError(e) && e.type === 'validation') {
      if (e.data.field === 'name' && e.data.reason === 'required') return t('importing.template.nameRequired')
      if (e.data.field === 'name' && e.data.reason === 'too_long')
        return t('importing.template.nameTooLong', { max: MAX_TEMPLATE_NAME })
      if (e.data.field === 'mapping') return t('importing.template.nothingMapped')
    }
    return errorMessage(e)
  }

  async function saveTemplate() {
    const f = file.value
    const name = saving.name.trim()
    if (!f || saving.busy) return
    if (!name) {
      saving.error = t('importing.template.nameRequired')
      return
    }
    saving.busy = true
    saving.error = ''
    try {
      const saved = await api.saveMappingTemplate(name, spec.kind, f.headers, [...spec.mapping])
      template.value = { name: saved.name, auto: false, mapping: [...spec.mapping] }
      saving.open = false
      ElMessage.success(t('importing.template.saved', { name: saved.name }))
      await loadTemplates()
    } catch (e) {
      saving.error = templateError(e)
    } finally {
      saving.busy = false
    }
  }

  async function removeTemplate(x: MappingTemplate) {
    try {
      await ElMessageBox.confirm(
        t('importing.template.deleteConfirm', { name: x.name }),
        t('importing.template.delete'),
        {
          type: 'warning',
          confirmButtonText: t('common.delete'),
          cancelButtonText: t('common.cancel'),
        },
      )
    } catch {
      return
    }
    try {
      await api.deleteMappingTemplate(x.id)
      if (template.value?.name === x.name) template.value = null
      ElMessage.success(t('importing.template.deleted', { name: x.name }))
    } catch (e) {
      ElMessage.error(errorMessage(e))
    }
    await loadTemplates()
  }

  // A new name deserves a fresh look: the previous refusal no longer applies.
  watch(
    () => saving.name,
    () => (saving.error = ''),
  )

  return {
    templates,
    template,
    saving,
    templateModified,
    nothingMapped,
    replacesTemplate,
    loadTemplates,
    applyTemplate,
    openSaveTemplate,
    saveTemplate,
    removeTemplate,
  }
}
