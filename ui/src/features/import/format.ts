// What the import wizard and history say: field labels, issue lines (an unreadable file: errors.ts).
// The mapping choices per kind and the row statuses are the core's (`ImportKind::fields` and
// `RowStatus::ALL` in core/src/import/plan/mod.rs), generated into bindings.ts.
import type { CellIssue, Field, Problem, RowStatus, SkippedColumn } from '../../bindings'
import { reasonText } from '../../errors'
import { i18n } from '../../i18n'
import { enumLabel } from '../../lib/format'

/** The fields a column can be imported as, per kind, in display order; the row statuses. */
export { IMPORT_FIELDS as FIELDS_BY_KIND, ROW_STATUSES } from '../../bindings'

export const STATUS_TAG: Record<RowStatus, 'success' | 'primary' | 'info' | 'warning' | 'danger'> = {
  new: 'success',
  update: 'primary',
  duplicate: 'info',
  duplicate_in_file: 'warning',
  error: 'danger',
}

export function importFieldLabel(field: Field): string {
  return i18n.global.t(`importing.field.${field}`)
}

/** A column left out of the import and why: "C 列「内部编号」：没有对应的字段". */
export function skippedText(s: SkippedColumn): string {
  const t = i18n.global.t
  const r = s.reason
  const reason =
    r.code === 'duplicate'
      ? t('importing.skip.duplicate', { column: r.column, header: r.header, field: importFieldLabel(r.field) })
      : r.code === 'not_for_kind'
        ? t('importing.skip.not_for_kind', { field: importFieldLabel(r.field) })
        : t(`importing.skip.${r.code}`)
  const header = s.header.trim() ? t('importing.skip.header', { header: s.header }) : t('importing.skip.noHeader')
  return t('importing.skip.line', { column: s.column, header, reason })
}

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetter(index: number): string {
  let n = index + 1
  let s = ''
  while (n > 0) {
    const r = (n - 1) % 26
    s = String.fromCharCode(65 + r) + s
    n = Math.floor((n - 1) / 26)
  }
  return s
}

/** "A" → 0, "Z" → 25, "AA" → 26 (the inverse of columnLetter). */
export function columnIndex(letter: string): number {
  let n = 0
  for (const ch of letter.trim().toUpperCase()) {
    const c = ch.charCodeAt(0) - 64
    if (c < 1 || c > 26) return -1
    n = n * 26 + c
  }
  return n - 1
}

/** What the refused cell holds, as far as the problem says ('' when it does not). */
export function issueValue(issue: CellIssue): string {
  const p = issue.problem
  switch (p.code) {
    case 'value':
      return p.value.text
    case 'unknown_label':
    case 'not_a_month':
      return p.text
    case 'unknown_customer':
    case 'unknown_deal':
      return p.name
    default:
      return ''
  }
}

/** Why a cell was refused: "日期不存在 '2023年13月'". */
export function problemText(p: Problem): string {
  const t = i18n.global.t
  switch (p.code) {
    case 'value':
      return t(`importing.problem.${p.value.code}`, { text: p.value.text })
    case 'required':
      return t('importing.problem.required')
    case 'unknown_label':
      return t('importing.problem.unknown_label', { text: p.text })
    case 'unknown_customer':
      return t('importing.problem.unknown_customer', { name: p.name })
    case 'not_a_month':
      return t('importing.problem.not_a_month', { text: p.text })
    case 'unknown_contact':
      return t('importing.problem.unknown_contact', { name: p.name })
    case 'unknown_deal':
      return t('importing.problem.unknown_deal', { name: p.name })
    case 'not_yuan':
      return t('importing.problem.not_yuan', { currency: p.currency })
    case 'stage_gate':
      return t('importing.problem.stage_gate', {
        stage: enumLabel('stage', p.stage),
        fields: p.missing.map(importFieldLabel).join(t('common.listSep')),
      })
    case 'invalid':
      return reasonText(p.reason, p.detail)
    default:
      return JSON.stringify(p)
  }
}

/** "第 17 行 · C 列「成立日期」：日期不存在 '2023年13月'". */
export function issueText(issue: CellIssue): string {
  return i18n.global.t('importing.issue', {
    row: issue.row,
    column: issue.column,
    header: issue.header.trim() || importFieldLabel(issue.field),
    problem: problemText(issue.problem),
  })
}
