// The visit form's data: an empty summary, a saved one turned back into form fields, the
// payload (rows left empty dropped, so an unused 添加 is not refused), the text of a quality
// warning, which names the field it is about in words, and the hint on a summary too short to
// say anything.
import type {
  ActionFields,
  Contact,
  Need,
  Objection,
  OurParticipant,
  Participant,
  QualityWarning,
  Visit,
  VisitFields,
} from '../../bindings'
import { fieldsOf } from '../../lib/fieldsOf'
import { i18n } from '../../i18n'

/** The lists of plain lines, in the order the form shows them. */
export const LINE_LISTS = ['decisions', 'commitments', 'quotes', 'competitorNews', 'risks', 'opportunities'] as const
export type LineList = (typeof LINE_LISTS)[number]
/** Never in the customer recap: marked so in the form. */
export const INTERNAL_LISTS = new Set<string>(['quotes', 'competitorNews', 'risks', 'opportunities'])

const pad = (n: number) => String(n).padStart(2, '0')
export function today(): string {
  const d = new Date()
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

export function blankVisit(): VisitFields {
  return {
    opportunityId: null,
    date: today(),
    time: '',
    method: 'meeting',
    place: '',
    customerParticipants: [],
    ourParticipants: [],
    customerType: null,
    goal: '',
    summary: '',
    progress: null,
    salesActions: [],
    solution: '',
    decisions: [],
    needs: [],
    objections: [],
    commitments: [],
    quotes: [],
    competitorNews: [],
    risks: [],
    opportunities: [],
    internalSupport: [],
    supportNote: '',
    notes: '',
    urgent: false,
    actions: [],
  }
}

/** A summary shorter than this says too little to be read back later (a hint, never a refusal). */
export const SHORT_SUMMARY = 30

/** Whether to suggest what the summary could add: written, but under {@link SHORT_SUMMARY}
 * characters (an empty one is not nagged while the form is being filled in). */
export function summaryTooShort(summary: string): boolean {
  const n = [...summary.trim()].length
  return n > 0 && n < SHORT_SUMMARY
}

export const blankAction = (): ActionFields => ({ id: null, what: '', owner: '', dueDate: '', status: 'todo' })
export const blankNeed = (): Need => ({ text: '', kind: 'core', priority: 'medium' })
export const blankObjection = (): Objection => ({ text: '', handling: '' })
export const blankColleague = (): OurParticipant => ({ name: '', role: null })
export const blankLine = () => ''

/** A saved summary's editable fields (deep copies: editing does not touch the list's record). */
export function visitFields(v: Visit): VisitFields {
  return fieldsOf(blankVisit(), v)
}

/** The customer side: the chosen contacts with the name and title they have now, or had on
 * the day when the summary already named them. */
export function participantsOf(ids: number[], contacts: Contact[], before: Participant[]): Participant[] {
  return ids.map((id) => {
    const c = contacts.find((x) => x.id === id)
    return before.find((p) => p.contactId === id) ?? { contactId: id, name: c?.name ?? '', title: c?.title ?? '' }
  })
}

/** What is sent to the core: trimmed, rows with nothing in them left out. */
export function payload(f: VisitFields, customerParticipants: Participant[]): VisitFields {
  const lines = (l: string[]) => l.map((s) => s.trim()).filter(Boolean)
  const out: VisitFields = {
    ...f,
    time: f.time ?? '',
    place: f.place.trim(),
    customerParticipants,
    ourParticipants: f.ourParticipants.map((p) => ({ ...p, name: p.name.trim() })).filter((p) => p.name || p.role),
    needs: f.needs.filter((n) => n.text.trim()),
    objections: f.objections.filter((o) => o.text.trim() || o.handling.trim()),
    actions: f.actions
      .filter((a) => a.what.trim() || a.owner.trim() || a.dueDate)
      .map((a) => ({ ...a, what: a.what.trim(), owner: a.owner.trim(), dueDate: a.dueDate ?? '' })),
  }
  for (const k of LINE_LISTS) out[k] = lines(f[k])
  return out
}

/** "actions.1.owner" → "下一步行动 · 第 2 行". */
function fieldWords(field: string): string {
  const { t, te } = i18n.global
  const [head, index] = field.split('.')
  if (!head) return ''
  const name =
    head === 'actions'
      ? t('visits.nextActions')
      : te(`visits.lists.${head}`)
        ? t(`visits.lists.${head}`)
        : te(`visits.${head}`)
          ? t(`visits.${head}`)
          : head
  return index !== undefined && /^\d+$/.test(index) ? `${name} · ${t('common.rowN', { n: Number(index) + 1 })}` : name
}

export function warningText(w: QualityWarning): string {
  return i18n.global.t(`visits.warning.${w.issue}`, { field: fieldWords(w.field), phrase: w.phrase })
}
