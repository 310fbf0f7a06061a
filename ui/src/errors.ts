// Turning a CoreError (or anything thrown) into a sentence in the user's language.
import type { CoreError, Detail, ReadError, Reason } from './bindings'
import { i18n } from './i18n'

export type ValidationError = Extract<CoreError, { type: 'validation' }>

export function isCoreError(e: unknown): e is CoreError {
  return typeof e === 'object' && e !== null && typeof (e as { type?: unknown }).type === 'string'
}

export function isValidation(e: unknown): e is ValidationError {
  return isCoreError(e) && e.type === 'validation'
}

const SECTION_PREFIXES: Record<string, string> = {
  business: 'sections.business',
  financials: 'sections.financials',
  spBp: 'sections.sp_bp',
  roles: 'sections.power_map',
  suppliers: 'sections.suppliers',
  processIt: 'sections.process_it',
  contacts: 'sections.contacts',
}

/** "financials.2.inventoryDays" → "财务状况 · 第 3 行 · 库存周转天数". */
export function fieldLabel(field: string): string {
  const t = i18n.global.t
  const te = i18n.global.te
  const parts = field.split('.').filter((p) => p !== '')
  return parts
    .map((p, i) => {
      if (/^\d+$/.test(p)) return t('common.rowN', { n: Number(p) + 1 })
      if (i === 0 && parts.length > 1 && SECTION_PREFIXES[p]) return t(SECTION_PREFIXES[p])
      return te(`fields.${p}`) ? t(`fields.${p}`) : p
    })
    .join(' · ')
}

export function reasonText(reason: Reason, detail: string): string {
  const t = i18n.global.t
  const te = i18n.global.te
  if (!te(`reasons.${reason}`)) return detail || reason
  if (reason === 'duplicate' && !detail) return t('reasons.duplicate', { detail: '' }).replace(/\s*[(（][)）]\s*$/, '')
  return t(`reasons.${reason}`, { detail })
}

/** A refusal's detail as the text its reason's sentence shows ("0–100", the name taken, the
 * loop "王总 → 李经理 → 王总"). */
export function detailText(d: Detail): string {
  switch (d.kind) {
    case 'none':
    case 'toSelf':
    case 'otherCustomer':
    case 'noSuchContact':
      return ''
    case 'text':
      return d.text
    case 'missingFields':
      return d.fields.map(fieldLabel).join(i18n.global.t('common.listSep'))
    case 'hasBoss':
      return d.boss.name
    case 'cycle':
      return d.path.map((c) => c.name).join(' → ')
    case 'edge':
      return i18n.global.t(`pm.edge.${d.edge}`)
  }
}

/** The reason only, for display right under the named field. */
export function validationText(e: ValidationError): string {
  return reasonText(e.data.reason, detailText(e.data.detail))
}

/** The full message: "客户名称: 已存在同名客户 (XX有限公司)". */
export function errorMessage(e: unknown): string {
  const t = i18n.global.t
  if (!isCoreError(e)) {
    const detail = e instanceof Error ? e.message : String(e)
    return t('errors.unexpected', { detail })
  }
  switch (e.type) {
    case 'validation':
      return `${fieldLabel(e.data.field)}: ${validationText(e)}`
    case 'notFound':
      return t('errors.notFound')
    case 'closed':
      return t('errors.closed')
    case 'cancelled':
      return t('errors.cancelled')
    case 'alreadyUndone':
      return t('errors.alreadyUndone')
    case 'customerInTrash':
      return t('errors.customerInTrash', { name: e.data.name })
    case 'database':
      return t('errors.database', { detail: e.data.detail })
    case 'io':
      return t('errors.io', { path: e.data.path, detail: e.data.detail })
    case 'unreadable':
      return readErrorText(e.data.error)
    case 'fileNotChosen':
      return t('errors.fileNotChosen')
    case 'diskFull':
      return e.data.path ? t('errors.diskFullAt', { path: e.data.path }) : t('errors.diskFull')
    case 'busy':
      return t('errors.busy')
    case 'inUse':
      return t('errors.inUse', { path: e.data.path })
    case 'backup':
      return t(`backup.failure.${e.data.reason}`, { path: e.data.path, detail: e.data.detail })
    case 'wouldOverwriteDatabase':
      return t('errors.wouldOverwriteDatabase', { path: e.data.path })
    default:
      return dbErrorText(e)
  }
}

/** Why a database file could not be opened (the full-page message). */
export function dbErrorText(e: CoreError): string {
  const t = i18n.global.t
  switch (e.type) {
    case 'notSqlite':
      return t('dbError.notSqlite')
    case 'notDossier':
      return t('dbError.notDossier')
    case 'corrupt':
      return t('dbError.corrupt', { detail: e.data.detail })
    case 'tooNew':
      return t('dbError.tooNew', { found: e.data.found, supported: e.data.supported })
    case 'io':
      return t('dbError.io', { detail: e.data.detail })
    case 'inUse':
      return t('dbError.inUse')
    case 'databaseMissing':
      return t('dbError.missing', { path: e.data.path })
    case 'database':
      return t('dbError.other', { detail: e.data.detail })
    case 'closed':
      return t('errors.closed')
    default:
      return t('dbError.other', { detail: JSON.stringify(e) })
  }
}

/** Split a validation field path: "financials.1.inventoryDays" → { row: 1, column: "inventoryDays" }. */
export function splitField(field: string): { row: number | null; column: string } {
  const parts = field.split('.')
  const idx = parts.findIndex((p) => /^\d+$/.test(p))
  return {
    row: idx >= 0 ? Number(parts[idx]) : null,
    column: parts[parts.length - 1] ?? '',
  }
}

/** Why a file could not be read, naming the file (and the sheet or limit). */
export function readErrorText(e: ReadError): string {
  const t = i18n.global.t
  const te = i18n.global.te
  switch (e.type) {
    case 'unreadable':
      return t('importing.read.unreadable', { file: e.data.file, reason: e.data.reason })
    case 'encrypted':
      return t('importing.read.encrypted', { file: e.data.file })
    case 'noSuchSheet':
      return t('importing.read.noSuchSheet', {
        file: e.data.file,
        sheet: e.data.sheet,
        available: e.data.available.join(t('common.listSep')),
      })
    case 'empty':
      return t('importing.read.empty', { file: e.data.file })
    case 'tooLarge': {
      const what = te(`importing.read.what.${e.data.what}`) ? t(`importing.read.what.${e.data.what}`) : e.data.what
      return t('importing.read.tooLarge', {
        file: e.data.file,
        sheet: e.data.sheet,
        what,
        limit: e.data.limit.toLocaleString(),
      })
    }
    case 'unknownFormat':
      return t('importing.read.unknownFormat', { file: e.data.file })
    case 'headerOnly':
      return t('importing.read.headerOnly', { file: e.data.file, sheet: e.data.sheet })
    case 'duplicateMapping': {
      const key = `importing.field.${e.data.field}`
      const columns = e.data.columns
        .map((column, i) => t('importing.read.column', { column, header: e.data.headers[i] ?? '' }))
        .join(t('common.listSep'))
      return t('importing.read.duplicateMapping', {
        file: e.data.file,
        sheet: e.data.sheet,
        columns,
        field: te(key) ? t(key) : e.data.field,
      })
    }
    default:
      return JSON.stringify(e)
  }
}
