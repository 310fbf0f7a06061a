// Test fixtures and a mount helper (i18n in zh-CN + a memory router). The api module is mocked
// in each test file with apiMock.ts (every function typed; an unmocked call fails the test).
// The fixtures fill every field of the type they build, so a mock answers what Rust answers.
import { mount, flushPromises, type ComponentMountingOptions } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { Component } from 'vue'
import { i18n } from '../i18n'
import { routes } from '../router'
import type {
  ChosenFile,
  Contact,
  CoreError,
  CustomerProfile,
  FilePurpose,
  NextAction,
  OpportunityRow,
  Visit,
  SectionStatus,
  Section,
  Settings,
} from '../bindings'
import type { ApiMock } from './apiMock'

export function makeRouter() {
  return createRouter({ history: createMemoryHistory(), routes })
}

export async function mountWith<T extends Component>(
  comp: T,
  options: ComponentMountingOptions<T> = {} as ComponentMountingOptions<T>,
  router = makeRouter(),
) {
  i18n.global.locale.value = 'zh-CN'
  const wrapper = mount(comp, {
    attachTo: document.body,
    ...options,
    global: { plugins: [i18n, router], ...(options.global ?? {}) },
  } as ComponentMountingOptions<T>)
  await flushPromises()
  return { wrapper, router }
}

export function contact(id: number, name: string, extra: Partial<Contact> = {}): Contact {
  return {
    id,
    customerId: 1,
    pinyin: '',
    updatedAt: '2025-01-01 10:00:00',
    name,
    title: '',
    department: '',
    reportsTo: null,
    phone: '',
    wechat: '',
    email: '',
    isKeyPerson: false,
    traits: '',
    iceBreakers: '',
    hobbies: '',
    preferences: '',
    painPoints: '',
    career: '',
    communicationStyle: '',
    family: '',
    notes: '',
    lastContact: '',
    followedUpOn: null,
    ...extra,
  }
}

const ALL: Section[] = [
  'overview',
  'business',
  'financials',
  'sp_bp',
  'power_map',
  'key_persons',
  'suppliers',
  'process_it',
]

export function profile(
  over: Partial<CustomerProfile> = {},
  statuses: Partial<Record<Section, Partial<SectionStatus>>> = {},
): CustomerProfile {
  return {
    customer: {
      id: 1,
      name: '华东精密机械有限公司',
      shortName: '华东精密',
      ownership: 'private',
      industry: '机械制造',
      region: '苏州',
      headcount: 800,
      founded: '2003',
      stockCode: '',
      headquarters: '苏州工业园区',
      subsidiaries: '',
      website: '',
      grade: 'A',
      lifecycle: 'negotiating',
      owner: '李明',
      collaborators: '',
      notes: '',
      leadSource: 'referral',
      tags: ['重点'],
      completeness: 55,
      createdAt: '2025-01-01 10:00:00',
      updatedAt: '2025-03-01 10:00:00',
    },
    business: { lines: [], mainProducts: '', marketPosition: '', trend: null, budgetType: null },
    financials: [],
    spBp: {
      spGoals: '',
      spKeyProjects: '',
      bpGoals: '',
      bpKeyProjects: '',
      budgetApproved: null,
      budgetAmount: null,
      howWeHelp: '',
    },
    roles: [],
    suppliers: [],
    processIt: { procurement: null, approvalSteps: '', systems: [], digitalMaturity: null, integrationNeeds: '' },
    contacts: [],
    sections: ALL.map((section) => ({
      section,
      updatedAt: null,
      completeness: 0,
      stale: false,
      ...(statuses[section] ?? {}),
    })),
    signals: [],
    powerStatus: { light: 'unknown', reasons: [{ code: 'not_assessed' }] },
    lastFollowUp: null,
    ...over,
  }
}

/** The settings as the core's defaults give them (model.rs `Settings::default`). */
export function settingsFixture(over: Partial<Settings> = {}): Settings {
  return {
    staleMonths: 12,
    turnoverChangePct: 30,
    financialDeclinePct: 20,
    declineMonths: 3,
    surgePct: 50,
    yoyPct: 30,
    stoppedMonths: 3,
    newProductMonths: 3,
    stageProbabilities: { initiation: 10, needs: 20, solution: 40, quote: 60, negotiation: 75, contract: 90 },
    risk: {
      noFollowUp: true,
      followUpYellowDays: 3,
      followUpRedDays: 7,
      followUpGrades: ['A'],
      quoteIdle: true,
      quoteIdleDays: 5,
      powerMap: true,
      overdueAction: true,
      unconfirmed: true,
      unconfirmedDays: 3,
      lateRecord: true,
      signals: true,
      watchYellowDays: 14,
      watchRedDays: 30,
      stuckInStage: true,
      stageDays: { initiation: 14, needs: 30, solution: 30, quote: 30, negotiation: 21, contract: 14 },
      overduePayment: true,
      paymentRedDays: 30,
      overdueMilestone: true,
      churnReview: true,
      churnMonths: 6,
    },
    notify: { enabled: true, time: '09:00', owners: [] },
    trashDays: 30,
    ...over,
  }
}

/**
 * What `api.chooseFile` answers in tests for a file the person picked at `path`: the token
 * names the path ("token:/tmp/r.xlsx"), so expectations read as what they check.
 */
export function chosenFile(path: string): ChosenFile {
  return { token: `token:${path}`, name: path.split('/').pop() ?? path, path }
}

/** An `api.chooseFile` implementation answering each dialog purpose with its path (missing: backed out). */
export function dialogAnswers(paths: Partial<Record<FilePurpose, string>>) {
  return async (purpose: FilePurpose) => (paths[purpose] ? chosenFile(paths[purpose]!) : null)
}

/**
 * An error as the core sends it (`CoreError`, serialised as `{type, data}`): wrapping a
 * `mockRejectedValue` argument in this makes vue-tsc check its shape.
 */
export function coreError(e: CoreError): CoreError {
  return e
}

/** A next action of a visit summary as the core lists it (every field; `over` for the test's own). */
export function aNextAction(over: Partial<NextAction> = {}): NextAction {
  return {
    id: 11,
    customerId: 1,
    customerName: '华东精密机械有限公司',
    visitId: 3,
    opportunityId: null,
    opportunityName: '',
    what: '发送报价单',
    owner: '李明',
    dueDate: '2026-11-01',
    status: 'todo',
    overdue: false,
    doneOn: '',
    createdAt: '2026-10-20 10:00:00',
    ...over,
  }
}

/** A deal as `api.listOpportunities` lists it (every field, a green light). */
export function anOpportunityRow(over: Partial<OpportunityRow> = {}): OpportunityRow {
  return {
    risk: { level: 'green', reasons: [] },
    id: 1,
    customerId: 1,
    customerName: '华东精密机械有限公司',
    effectiveProbability: 40,
    weighted: 0,
    stageSince: '2026-11-01',
    createdAt: '2026-11-01 10:00:00',
    updatedAt: '2026-11-01 10:00:00',
    name: 'MES 二期',
    owner: '李明',
    amount: null,
    stage: 'solution',
    probability: null,
    expectedClose: '',
    scopeId: null,
    keyPersons: [],
    budget: null,
    competitors: [],
    needs: '',
    quoteAmount: null,
    quoteDate: '',
    contractAmount: null,
    contractDate: '',
    notes: '',
    ownFollowUpRequired: false,
    lostReview: null,
    ...over,
  }
}

/** A visit summary as `api.getVisit` answers it (every field; an empty meeting on 2026-11-20). */
export function aVisit(id: number, over: Partial<Visit> = {}): Visit {
  return {
    id,
    customerId: 1,
    customerName: '华东精密',
    opportunityName: '',
    confirmation: 'draft',
    sentOn: '',
    confirmedOn: '',
    overdueActions: [],
    createdAt: '2026-11-20 10:00:00',
    updatedAt: '2026-11-20 10:00:00',
    opportunityId: null,
    date: '2026-11-20',
    time: '14:30',
    method: 'meeting',
    place: '',
    customerParticipants: [],
    ourParticipants: [],
    customerType: null,
    goal: '确认二期需求',
    summary: '客户希望月底前看到方案',
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
    ...over,
  }
}

/**
 * What 设置's backup card loads (the core's default rotation, no snapshot yet), and the recent
 * databases card beside it (none yet), for tests of the whole page.
 */
export function mockBackupCard(api: ApiMock) {
  api.backupSettings.mockResolvedValue({ folder: null, keepDaily: 7, keepWeekly: 4, keepMonthly: 12 })
  api.backupFolder.mockResolvedValue('/home/am/.local/share/app.dossier.desktop/dossier-backups')
  api.snapshots.mockResolvedValue([])
  api.recentDatabases.mockResolvedValue([])
}

/** Every string of a messages object (a locale's, loaded as an object), with its dotted key. */
export function messageStrings(obj: Record<string, unknown>, prefix = ''): [string, string][] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'string'
      ? [[`${prefix}${k}`, v] as [string, string]]
      : typeof v === 'object' && v !== null
        ? messageStrings(v as Record<string, unknown>, `${prefix}${k}.`)
        : [],
  )
}
