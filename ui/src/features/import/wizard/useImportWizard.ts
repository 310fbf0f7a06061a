// The import wizard's state and actions, shared by its shell (ImportWizard.vue) and its five
// steps (file → sheet & header row → column mapping → preview → commit). Every step edits one
// ImportSpec; preview and commit take the same spec. A mapping can be saved as a named template
// (useMappingTemplates.ts: applied again to files with the same headers); refused cells can be
// corrected in the preview (the spec's `fixes`) on any page of it, the rest of the error rows are
// skipped. The shell creates it with useImportWizard; a step takes it with useWizardStep.
import { computed, inject, provide, reactive, ref, watch, type InjectionKey } from 'vue'
import { useI18n } from 'vue-i18n'
import { useRouter } from 'vue-router'
import { ElMessage } from 'element-plus'
import { api } from '../../../api'
import { IMPORT_REQUIRED, IMPORT_UPDATING_KINDS } from '../../../bindings'
import type {
  CellFix,
  CellIssue,
  ChosenFile,
  Field,
  ImportFile,
  ImportKind,
  ImportProgress,
  ImportRecord,
  ImportSpec,
  OnDuplicate,
  Preview,
  RowPlan,
  TextEncoding,
} from '../../../bindings'
import { errorMessage, isCoreError } from '../../../errors'
import { appState, dataChanged } from '../../../stores/app'
import { announceSaved, pickSaveFile } from '../../../lib/exporting'
import { columnIndex, columnLetter, importFieldLabel, issueValue } from '../format'
import { useMappingTemplates } from './useMappingTemplates'

/** The preview table's first page size (OffsetPager offers others). */
export const PREVIEW_PAGE_SIZE = 50
export const DUPLICATE_RULES: OnDuplicate[] = ['skip', 'fill', 'overwrite']

type Wizard = ReturnType<typeof useImportWizard>
const WIZARD: InjectionKey<Wizard> = Symbol('importWizard')

/** A row the preview's 只看错误 keeps: refused, or with a refused cell. */
export const isErrorRow = (r: RowPlan) => r.status === 'error' || r.issues.length > 0

/** Creates the wizard's state for the shell and hands it to the steps below it; `onClose` closes the dialog. */
export function useImportWizard(onClose: () => void) {
  const { t } = useI18n()
  const router = useRouter()

  const step = ref(0)
  const busy = ref(false)
  const error = ref('')
  const spec = reactive({
    path: '',
    kind: 'customers' as ImportKind,
    sheet: null as string | null,
    headerRow: null as number | null,
    encoding: null as TextEncoding | null,
    mapping: [] as (Field | null)[],
    onDuplicate: 'skip' as OnDuplicate,
    /** The year of revenue the file gives no year for (null: the core's default, last year). */
    revenueYear: null as number | null,
  })
  const file = ref<ImportFile | null>(null)
  const preview = ref<Preview | null>(null)
  const onlyErrors = ref(false)
  /** The preview table's page: every row stays reachable (the core plans all of them). */
  const previewOffset = ref(0)
  const previewLimit = ref(PREVIEW_PAGE_SIZE)
  watch(onlyErrors, () => (previewOffset.value = 0))
  const progress = ref<ImportProgress | null>(null)
  const committing = ref(false)
  const cancelling = ref(false)
  const record = ref<ImportRecord | null>(null)
  const undone = ref(false)
  /** The corrections the last preview was made with (sent with the spec). */
  const fixes = ref<CellFix[]>([])

  // A clicked button keeps its (pale) focus style after its step is gone or a native dialog closed.
  const blur = () => (document.activeElement as HTMLElement | null)?.blur?.()
  watch(step, blur)

  /** The file chosen in the import dialog; `spec.path` carries its token (Rust knows the path). */
  const chosen = ref<ChosenFile | null>(null)
  const fileName = computed(() => chosen.value?.name ?? '')
  /** A text file (the core says which encoding it read it in); a workbook has none. */
  const isText = computed(() => !!file.value?.encoding)

  function buildSpec(withMapping: boolean): ImportSpec {
    return {
      path: spec.path,
      kind: spec.kind,
      sheet: spec.sheet,
      headerRow: spec.headerRow,
      mapping: withMapping ? [...spec.mapping] : null,
      encoding: spec.encoding,
      onDuplicate: spec.onDuplicate,
      fixes: withMapping ? fixes.value.map((f) => ({ ...f })) : [],
      revenueYear: spec.revenueYear,
    }
  }

  async function guarded<T>(fn: () => Promise<T>): Promise<T | undefined> {
    busy.value = true
    error.value = ''
    try {
      return await fn()
    } catch (e) {
      error.value = errorMessage(e)
      return undefined
    } finally {
      busy.value = false
    }
  }

  // ---- a. file and kind -------------------------------------------------------------------
  /** Starts over with `picked`: chosen in the dialog, or dropped on the window. */
  function take(picked: ChosenFile) {
    chosen.value = picked
    spec.path = picked.token
    spec.sheet = null
    spec.headerRow = null
    spec.encoding = null
    spec.revenueYear = null
    file.value = null
    preview.value = null
    error.value = ''
  }

  async function pick() {
    const picked = await guarded(() => api.chooseFile('import', '', t('importing.filterName')))
    blur()
    if (picked) take(picked)
  }

  // A file dropped on the window (features/desktop/dropImport.ts) is the wizard's first file.
  if (appState.importFile) {
    take(appState.importFile)
    appState.importFile = null
  }

  function kindChanged() {
    // The header row and the suggestions depend on the kind's fields; a kind whose duplicates
    // cannot be updated skips them.
    spec.headerRow = null
    file.value = null
    preview.value = null
    if (!updatesDuplicates.value) spec.onDuplicate = 'skip'
  }

  /** Whether the duplicate rule can update a matched record for this kind (else it is skipped). */
  const updatesDuplicates = computed(() => IMPORT_UPDATING_KINDS.includes(spec.kind))

  // ---- b. sheet and header row ------------------------------------------------------------
  async function inspect() {
    const result = await guarded(() => api.importInspect(buildSpec(false)))
    if (!result) return false
    file.value = result
    spec.sheet = result.sheet
    spec.headerRow = result.headerRow
    spec.mapping = [...result.mapping]
    template.value = result.template ? { name: result.template, auto: true, mapping: [...result.mapping] } : null
    preview.value = null
    clearFixes()
    return true
  }

  async function toSheetStep() {
    if (await inspect()) step.value = 1
  }

  function sheetChanged(sheet: string) {
    spec.sheet = sheet
    spec.headerRow = null
    inspect()
  }

  function encodingChanged(v: string) {
    spec.encoding = v === 'auto' ? null : (v as TextEncoding)
    inspect()
  }

  function setHeaderRow(index: number) {
    if (busy.value || spec.headerRow === index + 1) return
    spec.headerRow = index + 1
    inspect()
  }

  // ---- c. mapping -------------------------------------------------------------------------
  // Saved templates: applied automatically by inspect when the headers match, or picked here.
  const {
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
  } = useMappingTemplates({ spec, file, fileName, guarded })

  watch(step, (s) => {
    if (s === 2) {
      saving.open = false
      loadTemplates()
    }
  })

  function setMapping(index: number, value: string | null | undefined) {
    while (spec.mapping.length <= index) spec.mapping.push(null)
    spec.mapping[index] = value ? (value as Field) : null
  }

  const mappingProblems = computed(() => {
    const problems: string[] = []
    const mapped = spec.mapping.filter((m): m is Field => m !== null)
    for (const f of IMPORT_REQUIRED[spec.kind]) {
      if (mapped.includes(f)) continue
      problems.push(
        f === 'customer_name' ? t('importing.needName') : t('importing.needField', { field: importFieldLabel(f) }),
      )
    }
    for (const [field, columns] of repeatedFields.value) {
      const letters = columns.map(columnLetter).join(t('common.listSep'))
      problems.push(t('importing.mapDuplicate', { field: importFieldLabel(field), columns: letters }))
    }
    return problems
  })

  /** The fields given to two columns or more (only one could be imported; the core refuses it), with their columns. */
  const repeatedFields = computed(() => {
    const columns = new Map<Field, number[]>()
    spec.mapping.forEach((m, i) => {
      if (m) columns.set(m, [...(columns.get(m) ?? []), i])
    })
    return [...columns].filter(([, cols]) => cols.length > 1)
  })
  /** The columns of a repeated field, marked in the mapping list. */
  const repeatedColumns = computed(() => new Set(repeatedFields.value.flatMap(([, cols]) => cols)))

  // ---- d. preview -------------------------------------------------------------------------
  // Each refused cell has an input; "check again" previews with the corrections as `fixes`.
  type Edit = { row: number; column: number; value: string; original: string }
  const edits = reactive<Record<string, Edit>>({})
  const editKey = (i: CellIssue) => `${i.row}:${columnIndex(i.column)}`

  function clearFixes() {
    fixes.value = []
    for (const k of Object.keys(edits)) delete edits[k]
  }

  function fixValue(issue: CellIssue): string {
    return edits[editKey(issue)]?.value ?? issueValue(issue)
  }

  function setFix(issue: CellIssue, value: string) {
    const k = editKey(issue)
    if (!edits[k]) edits[k] = { row: issue.row, column: columnIndex(issue.column), value, original: issueValue(issue) }
    edits[k].value = value
  }

  /** The corrections as they stand in the inputs (unchanged inputs are no correction). */
  const wantedFixes = computed<CellFix[]>(() =>
    Object.values(edits)
      .filter((e) => e.column >= 0 && e.value.trim() !== e.original.trim())
      .map(({ row, column, value }) => ({ row, column, value }))
      .sort((a, b) => a.row - b.row || a.column - b.column),
  )
  const fixKey = (f: CellFix[]) => f.map((x) => `${x.row}:${x.column}=${x.value}`).join('\n')
  /** Corrections typed since the last preview. */
  const pendingFixes = computed(() => {
    const applied = new Map(fixes.value.map((f) => [`${f.row}:${f.column}`, f.value]))
    const wanted = new Map(wantedFixes.value.map((f) => [`${f.row}:${f.column}`, f.value]))
    let n = 0
    for (const [k, v] of wanted) if (applied.get(k) !== v) n++
    for (const k of applied.keys()) if (!wanted.has(k)) n++
    return n
  })

  async function recheck() {
    if (busy.value || fixKey(wantedFixes.value) === fixKey(fixes.value)) return
    const before = fixes.value
    fixes.value = wantedFixes.value
    if (!(await runPreview())) fixes.value = before
  }

  async function runPreview() {
    const result = await guarded(() => api.importPreview(buildSpec(true)))
    if (result) {
      preview.value = result
      // A recheck keeps the page being fixed, unless it has gone (fewer rows shown).
      const shown = onlyErrors.value ? result.rows.filter(isErrorRow).length : result.rows.length
      if (previewOffset.value >= shown) previewOffset.value = 0
    }
    return !!result
  }

  function revenueYearChanged(year: number | null | undefined) {
    spec.revenueYear = year ?? null
    runPreview()
  }

  async function toPreviewStep() {
    if (mappingProblems.value.length > 0) return
    previewOffset.value = 0
    if (await runPreview()) step.value = 3
  }

  function duplicateRuleChanged(rule: OnDuplicate) {
    spec.onDuplicate = rule
    runPreview()
  }

  const toWrite = computed(() => (preview.value ? preview.value.counts.new + preview.value.counts.update : 0))

  // ---- exports: a template to fill in, the refused rows to fix ------------------------------
  const exporting = ref<'' | 'template' | 'errors'>('')

  async function saveAs(
    which: 'template' | 'errors',
    defaultName: string,
    write: (file: string) => Promise<unknown>,
    done: string,
  ) {
    if (exporting.value) return
    exporting.value = which
    try {
      const file = await pickSaveFile(defaultName)
      if (!file) return
      await write(file.token)
      announceSaved(t(done, { path: file.path }), file.path)
    } catch (e) {
      ElMessage.error(errorMessage(e))
    } finally {
      exporting.value = ''
    }
  }

  function downloadTemplate() {
    const kind = spec.kind
    return saveAs(
      'template',
      t('exporting.templateFile', { kind: t(`importing.kinds.${kind}`) }),
      (file) => api.exportTemplate(kind, file),
      'exporting.templateSaved',
    )
  }

  function exportErrors() {
    const current = buildSpec(true)
    const base = fileName.value.replace(/\.[^.]+$/, '') || 'import'
    return saveAs(
      'errors',
      t('exporting.errorsFile', { file: base }),
      (file) => api.exportImportErrors(current, file),
      'exporting.errorsSaved',
    )
  }

  // ---- e. commit --------------------------------------------------------------------------
  async function commit() {
    if (toWrite.value === 0 || committing.value) return
    step.value = 4
    error.value = ''
    record.value = null
    undone.value = false
    cancelling.value = false
    committing.value = true
    progress.value = { done: 0, total: preview.value?.rows.length ?? 0 }
    try {
      record.value = await api.importCommit(buildSpec(true), (p) => {
        progress.value = p
      })
      if (appState.db) appState.db.empty = false
      dataChanged()
    } catch (e) {
      step.value = 3
      if (isCoreError(e) && e.type === 'cancelled') ElMessage.info(t('importing.cancelled'))
      else error.value = errorMessage(e)
    } finally {
      committing.value = false
      cancelling.value = false
    }
  }

  async function cancel() {
    cancelling.value = true
    try {
      await api.importCancel()
    } catch (e) {
      cancelling.value = false
      ElMessage.error(errorMessage(e))
    }
  }

  /** 撤销本次导入 asks in ImportUndoDialog.vue, which does the undo. */
  const undoOpen = ref(false)
  function undoneNow(r: ImportRecord) {
    record.value = r
    undone.value = true
  }

  // ---- navigation -------------------------------------------------------------------------
  function close() {
    if (committing.value) return
    onClose()
  }

  function viewCustomers() {
    close()
    dataChanged()
    router.push('/customers')
  }

  function beforeClose(done: () => void) {
    if (!committing.value) done()
  }

  function back() {
    error.value = ''
    if (step.value > 0) step.value--
  }

  const canNext = computed(() => {
    if (busy.value) return false
    if (step.value === 0) return spec.path !== ''
    if (step.value === 1) return file.value !== null
    if (step.value === 2) return mappingProblems.value.length === 0
    return false
  })

  function next() {
    if (step.value === 0) toSheetStep()
    else if (step.value === 1) step.value = 2
    else if (step.value === 2) toPreviewStep()
  }

  const wizard = {
    step,
    busy,
    error,
    spec,
    file,
    preview,
    onlyErrors,
    previewOffset,
    previewLimit,
    progress,
    committing,
    cancelling,
    record,
    undone,
    fixes,
    chosen,
    fileName,
    isText,
    take,
    pick,
    kindChanged,
    updatesDuplicates,
    sheetChanged,
    encodingChanged,
    setHeaderRow,
    templates,
    template,
    saving,
    templateModified,
    nothingMapped,
    replacesTemplate,
    applyTemplate,
    openSaveTemplate,
    saveTemplate,
    removeTemplate,
    setMapping,
    mappingProblems,
    repeatedColumns,
    fixValue,
    setFix,
    pendingFixes,
    recheck,
    duplicateRuleChanged,
    revenueYearChanged,
    toWrite,
    exporting,
    downloadTemplate,
    exportErrors,
    commit,
    cancel,
    undoOpen,
    undoneNow,
    close,
    viewCustomers,
    beforeClose,
    back,
    canNext,
    next,
  }
  provide(WIZARD, wizard)
  return wizard
}

/** The wizard state of the shell around a step. */
export function useWizardStep(): Wizard {
  const wizard = inject(WIZARD)
  if (!wizard) throw new Error('a wizard step outside ImportWizard.vue')
  return wizard
}
