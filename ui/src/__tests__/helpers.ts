// Test fixtures and a mount helper (i18n in zh-CN + a memory router). The api module is mocked
// in each test file with vi.mock('../api').
import { mount, flushPromises, type ComponentMountingOptions } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { Component } from 'vue'
import { i18n } from '../i18n'
import { routes } from '../router'
import type { ChosenFile, Contact, CustomerProfile, FilePurpose, SectionStatus, Section, Settings } from '../bindings'

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
    ...over,
  }
}

/** The settings as the core's defaults give them (model.rs `Settings::default`). */
export function settingsFixture(over: Partial<Settings> = {}): Settings {
  return {
    staleMonths: 12,
    turnoverChangePct: 30,
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
      signals: true,
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
