import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { ElInputNumber } from 'element-plus'
import { coreError, mockBackupCard, mountWith, settingsFixture } from './helpers'
import { i18n } from '../i18n'
import { isDark, setTheme, theme } from '../stores/theme'

const api = await vi.hoisted(() => import('./apiMock').then((m) => m.apiMock()))
const opener = vi.hoisted(() => ({ revealItemInDir: vi.fn() }))
vi.mock('@tauri-apps/plugin-opener', () => opener)
vi.mock('../api', () => ({ api }))

import SettingsView from '../features/settings/SettingsView.vue'

vi.setConfig({ testTimeout: 20000 })

beforeEach(() => {
  vi.clearAllMocks()
  localStorage.clear()
  api.getSettings.mockResolvedValue(settingsFixture())
  api.logFolder.mockResolvedValue('/home/am/.local/share/app.dossier.desktop/logs')
  // 设置 also shows the reminder owners and the backup card.
  api.customerFacets.mockResolvedValue({ industries: [], owners: [], dealOwners: [] })
  mockBackupCard(api)
})
afterEach(() => {
  i18n.global.locale.value = 'zh-CN'
  localStorage.clear()
  document.body.innerHTML = ''
})

const numbers = (w: VueWrapper) => w.findAllComponents(ElInputNumber)

describe('settings', () => {
  it('offers 跟随系统, 浅色 and 深色; choosing one sets the theme', async () => {
    const { wrapper } = await mountWith(SettingsView)
    const sw = wrapper.get('[data-testid="theme-switch"]')
    expect(sw.text()).toBe('跟随系统浅色深色')
    await wrapper.get('[data-testid="theme-dark"] input').setValue(true)
    expect(theme.mode).toBe('dark')
    expect(isDark.value).toBe(true)
    await wrapper.get('[data-testid="theme-light"] input').setValue(true)
    expect(isDark.value).toBe(false)
    setTheme('system')
    wrapper.unmount()
  })

  it('names the log folder and shows it in the file manager', async () => {
    const { wrapper } = await mountWith(SettingsView)
    expect(wrapper.get('[data-testid="log-folder"]').text()).toBe('/home/am/.local/share/app.dossier.desktop/logs')
    expect(wrapper.text()).toContain('不含客户或联系人的资料')
    await wrapper.get('[data-testid="log-folder-reveal"]').trigger('click')
    await flushPromises()
    expect(opener.revealItemInDir).toHaveBeenCalledWith('/home/am/.local/share/app.dossier.desktop/logs')
    wrapper.unmount()
  })

  it('shows the stored thresholds; 保存 sends the changed ones to save_settings', async () => {
    api.saveSettings.mockImplementation(async (s) => s)
    const { wrapper } = await mountWith(SettingsView)
    expect(wrapper.text()).toContain('档案过期月数')
    const [stale, turnover, decline] = numbers(wrapper)
    expect(stale.props('modelValue')).toBe(12)
    expect(turnover.props('modelValue')).toBe(30)
    expect(decline.props('modelValue')).toBe(20)

    stale.vm.$emit('update:modelValue', 18)
    turnover.vm.$emit('update:modelValue', 50)
    decline.vm.$emit('update:modelValue', 15)
    await flushPromises()
    await wrapper.get('[data-testid="settings-save"]').trigger('click')
    await flushPromises()
    expect(api.saveSettings).toHaveBeenCalledWith(
      settingsFixture({ staleMonths: 18, turnoverChangePct: 50, financialDeclinePct: 15 }),
    )
    expect(document.body.textContent).toContain('设置已保存')
    wrapper.unmount()
  })

  it('a rejected threshold shows its reason under that field', async () => {
    api.saveSettings.mockRejectedValue(
      coreError({
        type: 'validation',
        data: { field: 'settings.staleMonths', reason: 'out_of_range', detail: { kind: 'text', text: '1–120' } },
      }),
    )
    const { wrapper } = await mountWith(SettingsView)
    await wrapper.get('[data-testid="settings-save"]').trigger('click')
    await flushPromises()
    await new Promise((r) => setTimeout(r, 150)) // Element Plus shows a field's error after a short debounce
    const item = wrapper.get('[data-testid="stale-months"]').element.closest('.el-form-item')!
    expect(item.textContent).toContain('超出范围 1–120')
    expect(document.body.textContent).not.toContain('设置已保存')
    wrapper.unmount()
  })

  it('回收站保留天数: shown, saved with the rest, the core’s refusal under the field', async () => {
    api.saveSettings.mockImplementation(async (s) => s)
    const { wrapper } = await mountWith(SettingsView)
    const days = numbers(wrapper).find((n) => n.attributes('data-testid') === 'trash-days')!
    expect(days.props('modelValue')).toBe(30)
    const item = () => wrapper.get('[data-testid="trash-days"]').element.closest('.el-form-item')!
    expect(item().textContent).toContain('回收站保留天数')
    days.vm.$emit('update:modelValue', 90)
    await flushPromises()
    await wrapper.get('[data-testid="settings-save"]').trigger('click')
    await flushPromises()
    expect(api.saveSettings).toHaveBeenCalledWith(settingsFixture({ trashDays: 90 }))

    api.saveSettings.mockRejectedValue(
      coreError({
        type: 'validation',
        data: { field: 'trashDays', reason: 'out_of_range', detail: { kind: 'text', text: '1–365' } },
      }),
    )
    await wrapper.get('[data-testid="settings-save"]').trigger('click')
    await flushPromises()
    await new Promise((r) => setTimeout(r, 150)) // Element Plus shows a field's error after a short debounce
    expect(item().textContent).toContain('超出范围 1–365')
    wrapper.unmount()
  })

  it('switching to English translates the page at once and is remembered', async () => {
    const { wrapper } = await mountWith(SettingsView)
    expect(wrapper.get('h2').text()).toBe('设置')
    const english = wrapper.findAll('[data-testid="language-switch"] label').find((l) => l.text() === 'English')!
    await english.get('input').setValue(true)
    await flushPromises()
    expect(wrapper.get('h2').text()).toBe('Settings')
    expect(wrapper.text()).toContain('Outdated after (months)')
    expect(localStorage.getItem('dossier.locale')).toBe('en')
    expect(document.documentElement.lang).toBe('en')
    wrapper.unmount()
  })
})
