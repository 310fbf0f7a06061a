// The printed customer dossier (打印档案) as plain text laid out in blocks: the overview with the
// risk and power-map lights and their reasons, key figures, then three tables — key people with
// their role and support, open deals with the next step, open next actions. One model for both
// outputs: the print view's HTML (DossierSheet.vue) and the PDF drawn on a canvas
// (dossierPdf.ts), so the two never say different things.
//
// It must fit one A4 page: each list is clipped to its limit and says "另有 N 项" for the rest.
// The contacts' personal fields (PERSONAL_FIELDS, the core's list) appear only when asked for.
import {
  PERSONAL_FIELDS,
  type Contact,
  type CustomerProfile,
  type NextAction,
  type OpportunityRow,
  type RiskLight,
  type RoleAssessment,
} from '../../../bindings'
import { i18n } from '../../../i18n'
import { enumLabel, supportLabel } from '../../../lib/format'
import { money } from '../../opportunities/money'
import { stageLabel } from '../../opportunities/stages'
import { reasonLine } from '../../risk/riskReason'
import { LIGHT_COLORS, SUPPORT_COLORS, UNKNOWN_COLOR } from '../../powermap/options'
import { reasonText } from '../../powermap/words'

const t = (key: string, args: Record<string, unknown> = {}) => i18n.global.t(key, args)

/** Everything the dossier is made from (the page's existing reads). */
export interface DossierData {
  profile: CustomerProfile
  risk: RiskLight | null
  /** The customer's open deals. */
  deals: OpportunityRow[]
  /** The customer's open next actions, by due date. */
  actions: NextAction[]
}

export interface DossierOptions {
  includePersonal: boolean
  /** The printing day (YYYY-MM-DD). */
  today: string
}

export interface DossierLight {
  label: string
  /** The lamp's colour. */
  color: string
  reasons: string[]
  /** Reasons left out to fit the page. */
  more: number
}

export interface DossierRow {
  cells: string[]
  /** A lamp before the first cell (a person's support). */
  dot?: string
  /** A line under the row (a person's personal fields). */
  note?: string
  /** Shown in red (an overdue action). */
  alert?: boolean
}

export interface DossierTable {
  key: 'people' | 'deals' | 'actions'
  heading: string
  columns: { label: string; width: number }[]
  rows: DossierRow[]
  /** Rows left out to fit the page ("另有 N 项"). */
  more: number
}

export interface DossierModel {
  title: string
  /** 行业、地区、生命周期、分级、负责人, as "label：value". */
  facts: string[]
  lights: DossierLight[]
  figures: { label: string; value: string }[]
  tables: DossierTable[]
  footer: string
}

/** How many of each list fit one A4 page (people with their personal fields take more room). */
export const LIMITS = { people: 8, peopleWithPersonal: 5, deals: 5, actions: 6, reasons: 3 } as const

/** The first `max` items and how many were left out. */
export function clip<T>(items: readonly T[], max: number): { shown: T[]; more: number } {
  return { shown: items.slice(0, max), more: Math.max(0, items.length - max) }
}

const RISK_COLORS = { green: LIGHT_COLORS.green!, yellow: LIGHT_COLORS.amber!, red: LIGHT_COLORS.red! } as const

function lights(d: DossierData): DossierLight[] {
  const out: DossierLight[] = []
  if (d.risk) {
    const r = clip(d.risk.reasons.map(reasonLine), LIMITS.reasons)
    out.push({
      label: `${t('dossierPrint.risk')} · ${t(`risk.level.${d.risk.level}`)}`,
      color: RISK_COLORS[d.risk.level],
      reasons: r.shown.length ? r.shown : [t('dossierPrint.noReasons')],
      more: r.more,
    })
  }
  const p = d.profile.powerStatus
  const r = clip(p.reasons.map(reasonText), LIMITS.reasons)
  out.push({
    label: `${t('dossierPrint.powerMap')} · ${t(`pm.light.${p.light}`)}`,
    color: LIGHT_COLORS[p.light] ?? UNKNOWN_COLOR,
    reasons: r.shown,
    more: r.more,
  })
  return out
}

function figures(d: DossierData): { label: string; value: string }[] {
  const c = d.profile.customer
  const amount = d.deals.reduce((sum, o) => sum + (o.amount ?? 0), 0)
  const weighted = d.deals.reduce((sum, o) => sum + o.weighted, 0)
  const overdue = d.actions.filter((a) => a.overdue).length
  return [
    { label: t('dossierPrint.figure.completeness'), value: `${c.completeness}%` },
    { label: t('dossierPrint.figure.lastFollowUp'), value: d.profile.lastFollowUp ?? t('dossierPrint.none') },
    { label: t('dossierPrint.figure.openDeals'), value: t('dossierPrint.dealsCount', { n: d.deals.length }) },
    { label: t('dossierPrint.figure.pipeline'), value: money(amount) },
    { label: t('dossierPrint.figure.weighted'), value: money(weighted) },
    {
      label: t('dossierPrint.figure.openActions'),
      value: t('dossierPrint.actionsCount', { n: d.actions.length, overdue }),
    },
  ]
}

/** "爱好：高尔夫；家庭：女儿妞妞，8 岁" — the contact's filled personal fields. */
export function personalNote(c: Contact): string {
  return PERSONAL_FIELDS.filter((f) => c[f].trim() !== '')
    .map((f) => `${t(`fields.${f}`)}：${c[f].trim().replace(/\s+/g, ' ')}`)
    .join('；')
}

/** The key people: flagged 关键人物 or assessed on the account-wide map, key ones and the most influential first. */
function people(d: DossierData, includePersonal: boolean): DossierTable {
  const roles = new Map<number, RoleAssessment>(d.profile.roles.map((r) => [r.contactId, r]))
  const assessed = (c: Contact) => {
    const r = roles.get(c.id)
    return !!r && (r.buyingRole !== null || r.support !== null)
  }
  const list = d.profile.contacts
    .filter((c) => c.isKeyPerson || assessed(c))
    .sort(
      (a, b) =>
        Number(b.isKeyPerson) - Number(a.isKeyPerson) ||
        (roles.get(b.id)?.influence ?? 0) - (roles.get(a.id)?.influence ?? 0) ||
        a.name.localeCompare(b.name, 'zh-CN'),
    )
  const { shown, more } = clip(list, includePersonal ? LIMITS.peopleWithPersonal : LIMITS.people)
  return {
    key: 'people',
    heading: t('dossierPrint.people'),
    columns: [
      { label: t('dossierPrint.col.name'), width: 0.2 },
      { label: t('dossierPrint.col.title'), width: 0.3 },
      { label: t('dossierPrint.col.role'), width: 0.18 },
      { label: t('dossierPrint.col.support'), width: 0.18 },
      { label: t('dossierPrint.col.influence'), width: 0.14 },
    ],
    rows: shown.map((c) => {
      const r = roles.get(c.id)
      const note = includePersonal ? personalNote(c) : ''
      return {
        cells: [
          `${c.isKeyPerson ? '★ ' : ''}${c.name}`,
          [c.title, c.department].filter(Boolean).join(' · '),
          enumLabel('buyingRole', r?.buyingRole),
          supportLabel(r?.support),
          r?.influence ? String(r.influence) : '',
        ],
        dot: r?.support === null || r?.support === undefined ? UNKNOWN_COLOR : SUPPORT_COLORS[String(r.support)],
        ...(note ? { note } : {}),
      }
    }),
    more,
  }
}

const dueText = (a: NextAction) => a.dueDate || t('dossierPrint.noDue')

function deals(d: DossierData): DossierTable {
  const { shown, more } = clip(d.deals, LIMITS.deals)
  // The next step of a deal: its first open action (the actions come by due date).
  const next = (id: number) => d.actions.find((a) => a.opportunityId === id)
  return {
    key: 'deals',
    heading: t('dossierPrint.deals'),
    columns: [
      { label: t('dossierPrint.col.deal'), width: 0.28 },
      { label: t('dossierPrint.col.stage'), width: 0.1 },
      { label: t('dossierPrint.col.amount'), width: 0.13 },
      { label: t('dossierPrint.col.close'), width: 0.14 },
      { label: t('dossierPrint.col.next'), width: 0.35 },
    ],
    rows: shown.map((o) => {
      const a = next(o.id)
      return {
        cells: [o.name, stageLabel(o.stage), money(o.amount), o.expectedClose, a ? `${a.what}（${dueText(a)}）` : ''],
      }
    }),
    more,
  }
}

function actions(d: DossierData): DossierTable {
  const { shown, more } = clip(d.actions, LIMITS.actions)
  return {
    key: 'actions',
    heading: t('dossierPrint.actions'),
    columns: [
      { label: t('dossierPrint.col.what'), width: 0.5 },
      { label: t('dossierPrint.col.owner'), width: 0.16 },
      { label: t('dossierPrint.col.due'), width: 0.17 },
      { label: t('dossierPrint.col.status'), width: 0.17 },
    ],
    rows: shown.map((a) => ({
      cells: [
        a.opportunityName ? `${a.what}（${a.opportunityName}）` : a.what,
        a.owner,
        dueText(a),
        t(`visits.status.${a.overdue ? 'overdue' : a.status}`),
      ],
      alert: a.overdue,
    })),
    more,
  }
}

export function dossierModel(d: DossierData, o: DossierOptions): DossierModel {
  const c = d.profile.customer
  const fact = (key: string, value: string) => (value ? `${t(`dossierPrint.fact.${key}`)}：${value}` : '')
  return {
    title: c.shortName && c.shortName !== c.name ? `${c.name}（${c.shortName}）` : c.name,
    facts: [
      fact('industry', c.industry),
      fact('region', c.region),
      fact('lifecycle', enumLabel('lifecycle', c.lifecycle)),
      fact('grade', enumLabel('grade', c.grade)),
      fact('owner', c.owner),
    ].filter(Boolean),
    lights: lights(d),
    figures: figures(d),
    tables: [people(d, o.includePersonal), deals(d), actions(d)],
    footer: t('dossierPrint.printedOn', { date: o.today }),
  }
}
