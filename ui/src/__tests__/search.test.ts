import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { SearchResults } from '../bindings'
import { contact, makeRouter, mountWith } from './helpers'
import { presentation } from '../stores/presentation'

const api = await vi.hoisted(() => import('./apiMock').then((m) => m.apiMock()))
vi.mock('../api', () => ({ api }))

import SearchPalette from '../features/search/SearchPalette.vue'
import ContactCard from '../features/customers/contacts/ContactCard.vue'
import { handleGlobalKey } from '../composables/useShortcuts'
import { appState } from '../stores/app'

const results: SearchResults = {
  customers: [
    { kind: 'customer', id: 3, customerId: 3, title: '万华化学', subtitle: '化工 · 烟台' },
    { kind: 'customer', id: 4, customerId: 4, title: '万科物业', subtitle: '物业 · 深圳' },
  ],
  contacts: [{ kind: 'contact', id: 21, customerId: 7, title: '王芳', subtitle: '采购总监 · 华东精密' }],
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
  it('Ctrl+K opens it', () => {
    appState.searchOpen = false
    const e = new KeyboardEvent('keydown', { key: 'k', ctrlKey: true })
    expect(handleGlobalKey(e)).toBe(true)
    expect(appState.searchOpen).toBe(true)
  })

  it('shows a hint for an empty query and "没有找到" for no results', async () => {
    api.search.mockResolvedValue({ customers: [], contacts: [] })
    const { wrapper } = await mountWith(SearchPalette)
    expect(wrapper.text()).toContain('拼音、首字母、手机号都可以搜')
    await wrapper.get('[data-testid="search-input"]').setValue('zzz')
    await wait(120)
    await flushPromises()
    expect(api.search).toHaveBeenCalledWith('zzz', 8)
    expect(wrapper.get('[data-testid="search-empty"]').text()).toContain('没有找到 “zzz”')
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
