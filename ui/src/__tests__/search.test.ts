import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { ElMessage } from 'element-plus'
import type { SearchHit, SearchResults } from '../bindings'
import { aVisit, contact, makeRouter, mountWith } from './helpers'
import { presentation } from '../stores/presentation'

const api = await vi.hoisted(() => import('./apiMock').then((m) => m.apiMock()))
vi.mock('../api', () => ({ api }))
const events = vi.hoisted(() => ({ handlers: new Map<string, (e: { payload: unknown }) => void>() }))
vi.mock('@tauri-apps/api/event', () => ({
  listen: vi.fn(async (name: string, fn: (e: { payload: unknown }) => void) => {
    events.handlers.set(name, fn)
    return () => events.handlers.delete(name)
  }),
}))

import SearchPalette from '../features/search/SearchPalette.vue'
import VisitsTab from '../features/visits/VisitsTab.vue'
import ContactCard from '../features/customers/contacts/ContactCard.vue'
import { shortcutAction } from '../features/desktop/shortcuts'
import {
  followSearchIndex,
  searchIndex,
  SEARCH_INDEX_EVENT,
  SEARCH_INDEX_REPAIR_EVENT,
} from '../features/search/searchIndex'
import { expectErrorToast } from './setup'

const none = { visits: [], opportunities: [], suppliers: [], pendingIndex: 0 }
const results: SearchResults = {
  customers: [
    { kind: 'customer', id: 3, customerId: 3, title: '万华化学', subtitle: '化工 · 烟台', snippet: null },
    { kind: 'customer', id: 4, customerId: 4, title: '万科物业', subtitle: '物业 · 深圳', snippet: null },
  ],
  contacts: [{ kind: 'contact', id: 21, customerId: 7, title: '王芳', subtitle: '采购总监 · 华东精密', snippet: null }],
  ...none,
}
/** 西门子 in a record's summary, a deal's competitors and a profile's suppliers. */
const record: SearchHit = {
  kind: 'visit',
  id: 41,
  customerId: 7,
  title: '2026-11-20 确认需求范围',
  subtitle: '华东精密',
  snippet: { field: 'summary', before: '张伟透露，', matched: '西门子', after: '上周报价比我们低 15%<b>' },
}
const around: SearchResults = {
  customers: [],
  contacts: [],
  pendingIndex: 0,
  visits: [record],
  opportunities: [
    {
      kind: 'opportunity',
      id: 12,
      customerId: 7,
      title: '二期产线自动化',
      subtitle: '华东精密',
      snippet: { field: 'competitor', before: '', matched: '西门子', after: '' },
    },
  ],
  suppliers: [
    {
      kind: 'supplier',
      id: 5,
      customerId: 9,
      title: '西门子（中国）',
      subtitle: '长江汽配 · 核心部件',
      snippet: { field: 'name', before: '', matched: '西门子', after: '（中国）' },
    },
  ],
}
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms))

beforeEach(() => {
  vi.clearAllMocks()
  presentation.on = false
})
afterEach(() => {
  presentation.on = false
})

describe('search palette', () => {
  it('Ctrl+K and Ctrl+F are 查找', () => {
    for (const key of ['k', 'f']) {
      expect(shortcutAction(new KeyboardEvent('keydown', { key, ctrlKey: true }))).toEqual({ action: 'find' })
    }
  })

  it('shows a hint for an empty query and "没有找到" for no results', async () => {
    api.search.mockResolvedValue({ customers: [], contacts: [], ...none })
    const { wrapper } = await mountWith(SearchPalette)
    expect(wrapper.text()).toContain('拼音、首字母、手机号都可以搜')
    await wrapper.get('[data-testid="search-input"]').setValue('zzz')
    await wait(120)
    await flushPromises()
    expect(api.search).toHaveBeenCalledWith('zzz', 8)
    expect(wrapper.get('[data-testid="search-empty"]').text()).toContain('没有找到 “zzz”')
    wrapper.unmount()
  })

  it('follows the count of records waiting for the index until it reaches 0', async () => {
    api.pendingSearchIndex.mockResolvedValue(100000)
    api.takeSearchIndexRepair.mockResolvedValue(null)
    const stop = await followSearchIndex()
    expect(searchIndex.pending).toBe(100000)
    events.handlers.get(SEARCH_INDEX_EVENT)?.({ payload: 98000 })
    expect(searchIndex.pending).toBe(98000)
    events.handlers.get(SEARCH_INDEX_EVENT)?.({ payload: 0 })
    expect(searchIndex.pending).toBe(0)
    stop?.()
    expect(events.handlers.has(SEARCH_INDEX_EVENT)).toBe(false)
    expect(events.handlers.has(SEARCH_INDEX_REPAIR_EVENT)).toBe(false)
  })

  it('says once that a damaged search index is being rebuilt and nothing the person made is touched', async () => {
    api.pendingSearchIndex.mockResolvedValue(0)
    api.takeSearchIndexRepair.mockResolvedValue(null)
    const stop = await followSearchIndex()
    await flushPromises()
    expect(document.body.textContent).not.toContain('搜索索引已损坏')
    // Found after the page listened: the shell says so, and the page takes it (once).
    api.takeSearchIndexRepair.mockResolvedValueOnce({ type: 'rebuilding' }).mockResolvedValue(null)
    events.handlers.get(SEARCH_INDEX_REPAIR_EVENT)?.({ payload: null })
    events.handlers.get(SEARCH_INDEX_REPAIR_EVENT)?.({ payload: null })
    await flushPromises()
    const shown = [...document.querySelectorAll('.el-message')].map((m) => m.textContent?.trim())
    expect(shown).toEqual(['搜索索引已损坏，正在根据您的档案重建。您录入的内容都在，不受影响。'])
    ElMessage.closeAll()
    stop?.()
  })

  it('a failed rebuild of the search index is shown as the damaged file it is', async () => {
    expectErrorToast('搜索索引已损坏，且未能重建：数据库文件已损坏：database disk image is malformed')
    api.pendingSearchIndex.mockResolvedValue(0)
    api.takeSearchIndexRepair.mockResolvedValue({
      type: 'failed',
      data: { error: { type: 'corrupt', data: { path: '/x/d.sqlite', detail: 'database disk image is malformed' } } },
    })
    const stop = await followSearchIndex()
    await flushPromises()
    ElMessage.closeAll()
    stop?.()
  })

  it('says the index is catching up while a large import’s entries are written', async () => {
    api.search.mockResolvedValue({ ...results, pendingIndex: 41000 })
    const { wrapper } = await mountWith(SearchPalette)
    await wrapper.get('[data-testid="search-input"]').setValue('华东')
    await wait(120)
    await flushPromises()
    expect(wrapper.get('[data-testid="search-catching-up"]').text()).toBe(
      '搜索索引更新中：还有 41000 位客户暂时只能按名称或手机号找到，拼音稍后可用',
    )
    expect(wrapper.findAll('[data-testid="search-hit"]').length).toBeGreaterThan(0)
    api.search.mockResolvedValue({ customers: [], contacts: [], ...none, pendingIndex: 12 })
    await wrapper.get('[data-testid="search-input"]').setValue('zhq')
    await wait(120)
    await flushPromises()
    expect(wrapper.get('[data-testid="search-empty"]').text()).toContain('没有找到 “zhq”')
    expect(wrapper.get('[data-testid="search-empty"]').text()).toContain('还有 12 位客户')
    wrapper.unmount()
  })

  it('typing searches, groups the hits, and ↓ ↓ Enter opens the contact’s customer', async () => {
    api.search.mockResolvedValue(results)
    const router = makeRouter()
    await router.push('/settings')
    const { wrapper } = await mountWith(SearchPalette, {}, router)
    const input = wrapper.get('[data-testid="search-input"]')
    await input.setValue('w')
    await input.setValue('wa')
    await wait(120)
    await flushPromises()
    expect(api.search).toHaveBeenCalledTimes(1)
    expect(api.search).toHaveBeenCalledWith('wa', 8)

    expect(wrapper.get('[data-testid="search-group-customers"]').text()).toContain('客户')
    expect(wrapper.get('[data-testid="search-group-customers"]').findAll('[data-testid="search-hit"]')).toHaveLength(2)
    const contactGroup = wrapper.get('[data-testid="search-group-contacts"]')
    expect(contactGroup.text()).toContain('联系人')
    expect(contactGroup.text()).toContain('王芳')
    expect(contactGroup.text()).toContain('采购总监 · 华东精密')

    const hits = () => wrapper.findAll('[data-testid="search-hit"]')
    expect(hits()[0].classes()).toContain('active')
    await input.trigger('keydown', { key: 'ArrowDown' })
    await input.trigger('keydown', { key: 'ArrowDown' })
    expect(hits()[2].classes()).toContain('active')
    await input.trigger('keydown', { key: 'Enter' })
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('customer'), { timeout: 10000 })
    expect(router.currentRoute.value.params.id).toBe('7')
    expect(router.currentRoute.value.query.contact).toBe('21')
    expect(wrapper.emitted('close')).toHaveLength(1)
    wrapper.unmount()
  })

  it('ArrowDown + Enter on customers opens the second customer; Esc closes', async () => {
    api.search.mockResolvedValue(results)
    const router = makeRouter()
    await router.push('/settings')
    const { wrapper } = await mountWith(SearchPalette, {}, router)
    const input = wrapper.get('[data-testid="search-input"]')
    await input.setValue('wan')
    await wait(120)
    await flushPromises()
    await input.trigger('keydown', { key: 'ArrowDown' })
    await input.trigger('keydown', { key: 'Enter' })
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/customers/4'), { timeout: 10000 })
    await input.trigger('keydown', { key: 'Escape' })
    expect(wrapper.emitted('close')!.length).toBe(2)
    wrapper.unmount()
  })
})

describe('search palette: records, deals and suppliers', () => {
  async function searched(q: string, r: SearchResults) {
    api.search.mockResolvedValue(r)
    const router = makeRouter()
    await router.push('/settings')
    const { wrapper } = await mountWith(SearchPalette, {}, router)
    const input = wrapper.get('[data-testid="search-input"]')
    await input.setValue(q)
    await wait(120)
    await flushPromises()
    return { wrapper, router, input }
  }

  it('groups them under 跟进记录, 商机 and 供应商与竞争对手, each match marked as text', async () => {
    const { wrapper } = await searched('西门子', around)
    expect(wrapper.findAll('section.group h3').map((h) => h.text())).toEqual(['跟进记录', '商机', '供应商与竞争对手'])
    const visits = wrapper.get('[data-testid="search-group-visits"]')
    expect(visits.get('[data-testid="search-hit-title"]').text()).toBe('2026-11-20 确认需求范围')
    const snippet = visits.get('[data-testid="search-snippet"]')
    expect(snippet.text()).toBe('沟通纪要：张伟透露，西门子上周报价比我们低 15%<b>')
    expect(snippet.get('mark').text()).toBe('西门子')
    // The record's text is text: no element comes of it.
    expect(snippet.find('b').exists()).toBe(false)
    const deal = wrapper.get('[data-testid="search-group-opportunities"]')
    expect(deal.get('[data-testid="search-snippet"]').text()).toBe('竞争对手：西门子')
    // A name's match is marked in the title itself.
    const supplier = wrapper.get('[data-testid="search-group-suppliers"]')
    expect(supplier.get('[data-testid="search-hit-title"] mark').text()).toBe('西门子')
    expect(supplier.get('[data-testid="search-hit-title"]').text()).toBe('西门子（中国）')
    expect(supplier.find('[data-testid="search-snippet"]').exists()).toBe(false)
    expect(supplier.text()).toContain('长江汽配 · 核心部件')
    wrapper.unmount()
  })

  it('a record opens the 跟进记录 tab at it, a deal the 商机 tab, a supplier the profile’s section', async () => {
    const { wrapper, router, input } = await searched('西门子', around)
    await input.trigger('keydown', { key: 'Enter' })
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/customers/7'), { timeout: 10000 })
    expect(router.currentRoute.value.query).toEqual({ tab: 'visits', record: '41' })
    wrapper.unmount()

    const second = await searched('西门子', around)
    await second.input.trigger('keydown', { key: 'ArrowDown' })
    await second.input.trigger('keydown', { key: 'Enter' })
    await vi.waitFor(() => expect(second.router.currentRoute.value.query.opportunity).toBe('12'), { timeout: 10000 })
    expect(second.router.currentRoute.value.query.tab).toBe('deals')
    second.wrapper.unmount()

    const third = await searched('西门子', around)
    await third.wrapper.findAll('[data-testid="search-hit"]')[2]!.trigger('click')
    await vi.waitFor(() => expect(third.router.currentRoute.value.path).toBe('/customers/9'), { timeout: 10000 })
    expect(third.router.currentRoute.value.query).toEqual({ section: 'suppliers' })
    third.wrapper.unmount()
  })

  it('?record= shows the record on its page of the list, marked, and drops the parameter', async () => {
    api.visitPosition.mockResolvedValue(23)
    api.listVisits.mockResolvedValue({ rows: [aVisit(41)], total: 30 })
    api.listOpportunities.mockResolvedValue({ rows: [], total: 0 })
    const router = makeRouter()
    await router.push('/customers/1?tab=visits&deal=3&record=41')
    const { wrapper } = await mountWith(VisitsTab, { props: { customerId: 1, contacts: [] } }, router)
    await flushPromises()
    expect(api.visitPosition).toHaveBeenCalledWith(41)
    expect(api.listVisits).toHaveBeenLastCalledWith(1, null, 20, 20)
    expect(router.currentRoute.value.query).toEqual({ tab: 'visits' })
    const item = wrapper.get('#visit-41')
    expect(item.classes()).toContain('found')
    wrapper.unmount()
  })
})

describe('presentation mode', () => {
  const c = contact(21, '王芳', {
    title: '采购总监',
    isKeyPerson: true,
    family: '女儿妞妞,8岁,学钢琴',
    hobbies: '马拉松',
    preferences: '只喝美式',
    traits: '务实、重数据',
  })

  it('shows the family field normally and hides every sensitive field in presentation mode', async () => {
    const { wrapper } = await mountWith(ContactCard, { props: { contact: c, detailed: true } })
    expect(wrapper.get('[data-testid="contact-family"]').text()).toBe('女儿妞妞,8岁,学钢琴')
    expect(wrapper.text()).toContain('敏感')

    presentation.on = true
    await flushPromises()
    expect(wrapper.get('[data-testid="contact-family"]').text()).toBe('已隐藏（演示模式）')
    const text = wrapper.text()
    expect(text).not.toContain('妞妞')
    expect(text).not.toContain('马拉松')
    expect(text).not.toContain('只喝美式')
    expect(text).not.toContain('务实、重数据')
    // Who they are stays visible.
    expect(text).toContain('采购总监')
    wrapper.unmount()
  })
})
