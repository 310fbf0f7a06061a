// The power map's sentences in the user's language: status reasons, timeline lines, diff
// lines, and the core's refusals (cycle, duplicate, self…) worded for the map.
import type { Assessment, EdgeSnapshot, HistoryEntry, MapDiff, StatusReason } from '../../bindings'
import { detailText, errorMessage, isValidation } from '../../errors'
import { supportLabel } from '../../lib/format'
import { i18n } from '../../i18n'
import type { MapWords } from './options'

const t = (key: string, args: Record<string, unknown> = {}) => i18n.global.t(key, args)
const sep = () => t('common.listSep')
const names = (list: { name: string }[]) => list.map((c) => c.name).join(sep())

export function mapWords(): MapWords {
  return {
    role: (r) => t(`enums.buyingRole.${r}`),
    support: (v) => supportLabel(v),
    edge: (k) => t(`pm.edge.${k}`),
    slot: (label) => t('pm.slotEmpty', { label }),
    notAssessed: t('pm.notAssessed'),
  }
}

export function reasonText(r: StatusReason): string {
  switch (r.code) {
    case 'no_supportive_decider':
      return t('pm.reason.no_supportive_decider', { names: names(r.data.supporters) })
    case 'supportive_decider':
      return t('pm.reason.supportive_decider', { names: names(r.data.contacts) })
    case 'empty_slot':
      return t('pm.reason.empty_slot', { label: r.data.label || t(`enums.buyingRole.${r.data.buyingRole}`) })
    default:
      return t(`pm.reason.${r.code}`)
  }
}

const supportText = (v: number | null | undefined) =>
  v === null || v === undefined ? t('pm.notAssessed') : supportLabel(v)
const roleText = (r: string | null | undefined) => (r ? t(`enums.buyingRole.${r}`) : t('pm.notAssessed'))

/** A short summary of an assessment: "决策者 · 支持 · 影响力 5". */
export function assessmentSummary(a: Assessment): string {
  const parts: string[] = []
  if (a.buyingRole) parts.push(roleText(a.buyingRole))
  if (a.support !== null && a.support !== undefined) parts.push(supportLabel(a.support))
  if (a.influence) parts.push(`${t('pm.panel.influence')} ${a.influence}`)
  return parts.join(' · ') || t('pm.notAssessed')
}

const fieldName = (f: string) => (i18n.global.te(`pm.panel.${f}`) ? t(`pm.panel.${f}`) : f)

/** One timeline line (without the date): "王总 支持度 支持 → 中立". */
export function historyText(e: HistoryEntry): string {
  const name = e.contact.name
  const c = e.change
  switch (c.kind) {
    case 'assessment': {
      const { old, new: now, fields } = c.data
      if (!old && now) return t('pm.history.added', { name, what: assessmentSummary(now) })
      if (old && !now) return t('pm.history.removed', { name })
      if (old && now && fields.length === 1 && fields[0] === 'support')
        return t('pm.history.support', { name, from: supportText(old.support), to: supportText(now.support) })
      if (old && now && fields.length === 1 && fields[0] === 'buyingRole')
        return t('pm.history.buyingRole', { name, from: roleText(old.buyingRole), to: roleText(now.buyingRole) })
      if (old && now && fields.includes('support'))
        return `${t('pm.history.support', { name, from: supportText(old.support), to: supportText(now.support) })}（${fields
          .filter((f) => f !== 'support')
          .map(fieldName)
          .join(sep())}）`.replace('（）', '')
      return t('pm.history.changed', { name, fields: fields.map(fieldName).join(sep()) })
    }
    case 'reports_to':
      return t('pm.history.reportsTo', {
        name,
        from: c.data.old?.name ?? t('pm.history.nobody'),
        to: c.data.new?.name ?? t('pm.history.nobody'),
      })
    case 'edge': {
      const e2 = (c.data.new ?? c.data.old) as EdgeSnapshot
      const args = { kind: t(`pm.edge.${e2.kind}`), from: e2.from.name, to: e2.to.name }
      if (!c.data.old) return t('pm.history.edgeAdded', args)
      if (!c.data.new) return t('pm.history.edgeRemoved', args)
      return t('pm.history.edgeRelabelled', args)
    }
  }
}

const edgeList = (edges: EdgeSnapshot[]) =>
  edges.map((e) => `${e.from.name} → ${e.to.name}（${t(`pm.edge.${e.kind}`)}）`).join(sep())

/** The diff against today, one line each. */
export function diffLines(d: MapDiff): string[] {
  const lines: string[] = []
  if (d.newContacts.length) lines.push(t('pm.diff.newContacts', { names: names(d.newContacts) }))
  if (d.removedContacts.length) lines.push(t('pm.diff.removedContacts', { names: names(d.removedContacts) }))
  for (const c of d.changed) {
    const what =
      c.fields.includes('support') && c.then && c.now
        ? `${t('pm.panel.support')} ${supportText(c.then.support)} → ${supportText(c.now.support)}`
        : !c.then && c.now
          ? assessmentSummary(c.now)
          : c.fields.map(fieldName).join(sep())
    lines.push(t('pm.diff.changed', { name: c.contact.name, what }))
  }
  if (d.addedEdges.length) lines.push(t('pm.diff.addedEdges', { list: edgeList(d.addedEdges) }))
  if (d.removedEdges.length) lines.push(t('pm.diff.removedEdges', { list: edgeList(d.removedEdges) }))
  if (d.statusThen.light !== d.statusNow.light)
    lines.push(
      t('pm.diff.status', { then: t(`pm.light.${d.statusThen.light}`), now: t(`pm.light.${d.statusNow.light}`) }),
    )
  return lines
}

/** A refused map edit, worded for the map (the loop and the boss are named). */
export function mapErrorText(e: unknown): string {
  if (isValidation(e)) {
    const { reason, detail } = e.data
    if (reason === 'cycle') {
      return detail.kind === 'cycle' && detail.path.length
        ? t('pm.err.cycle', { detail: detailText(detail) })
        : t('pm.err.self')
    }
    if (detail.kind === 'hasBoss') return t('pm.err.hasBoss', { name: detail.boss.name })
    if (reason === 'duplicate') return t('pm.err.duplicate')
    if (detail.kind === 'toSelf') return t('pm.err.self')
    if (detail.kind === 'otherCustomer') return t('pm.err.otherCustomer')
  }
  return errorMessage(e)
}
