// The native menu's actions in the page (features/desktop): each action does what its item
// says, the app's keys are the field's own inside text fields, the menu follows the page's
// language and switches, a dropped file opens the wizard or is explained, and the recent list.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { defineComponent, h, nextTick } from 'vue'
import { makeRouter, mountWith } from './helpers'
import { expectErrorToast } from './setup'
import { appState, offerUndo } from '../stores/app'
import { presentation } from '../stores/presentation'
import { isDark, resetThemeForTests, setTheme, toggleDark } from '../stores/theme'
import { i18n } from '../i18n'

const api = await vi.hoisted(() => import('./apiMock').then((m) => m.apiMock()))
vi.mock('../api', () => ({ api }))
const events = vi.hoisted(() => ({ handlers: new Map<string, (e: { payload: unknown }) => void>() }))
vi.mock('@tauri-apps/api/event', () => ({
  listen: vi.fn(async (name: string, fn: (e: { payload: unknown }) => void) => {
    events.handlers.set(name, fn)
    return () => events.handlers.delete(name)
  }),
}))

import { runMenuAction } from '../features/desktop/menuActions'
import { shortcutAction } from '../features/desktop/shortcuts'
import { useDesktop } from '../features/desktop/useDesktop'
import { importDropped } from '../features/desktop/dropImport'
import RecentDatabasesCard from '../features/desktop/RecentDatabasesCard.vue'
import ImportWizard from '../features/import/wizard/ImportWizard.vue'

vi.setConfig({ testTimeout: 20000 })

let clock = Date.parse('2026-12-07T09:00:00Z')
/** Each action a second later than the last: two of the same within 300 ms are one key press. */
function later() {
  clock += 1000
  vi.setSystemTime(clock)
}

beforeEach(() => {
  vi.clearAllMocks()
  vi.useFakeTimers({ toFake: ['Date'] })
  later()
  Object.assign(appState, { searchOpen: false, importOpen: false, importFile: null, lastDeleted: null })
  presentation.on = false
  api.syncMenu.mockResolvedValue(undefined)
})
afterEach(() => {
  vi.useRealTimers()
  document.body.innerHTML = ''
  setTheme('system')
  resetThemeForTests()
})

const key = (k: string, more: KeyboardEventInit = {}, target?: EventTarget) => {
  const e = new KeyboardEvent('keydown', { key: k, ctrlKey: true, bubbles: true, cancelable: true, ...more })
  if (target) Object.defineProperty(e, 'target', { value: target })
  return e
}

describe('menu actions', () => {
  async function run(action: Parameters<typeof runMenuAction>[0], path = '/home') {
    const router = makeRouter()
    await router.push(path)
    const showAbout = vi.fn()
    later()
    await runMenuAction(action, { router, showAbout })
    await flushPromises()
    return { router, showAbout }
  }

  it('新建客户 and 导出周会报告 open on the customer list', async () => {
    expect((await run({ action: 'newCustomer' })).router.currentRoute.value.fullPath).toBe('/customers?open=new')
    expect((await run({ action: 'exportTeamReport' })).router.currentRoute.value.fullPath).toBe(
      '/customers?open=report',
    )
  })

  it('导入, 查找, 演示模式, 深色模式 and 关于 switch what they name', async () => {
    await run({ action: 'import' })
    expect(appState.importOpen).toBe(true)
    await run({ action: 'find' })
    expect(appState.searchOpen).toBe(true)
    await run({ action: 'presentation' })
    expect(presentation.on).toBe(true)
    await run({ action: 'darkMode' })
    // (theme.test.ts holds the class on <html> to isDark.)
    expect(isDark.value).toBe(true)
    expect((await run({ action: 'about' })).showAbout).toHaveBeenCalledOnce()
  })

  it('one key press seen by both the menu and the page acts once', async () => {
    const router = makeRouter()
    await runMenuAction({ action: 'presentation' }, { router, showAbout: () => {} })
    await runMenuAction({ action: 'presentation' }, { router, showAbout: () => {} })
    expect(presentation.on).toBe(true)
  })

  it('撤销 restores the last delete on its page, and says so when there is none here', async () => {
    api.undoDelete.mockResolvedValue({ kind: 'contact', id: 21, customerId: 3, name: '王芳' })
    offerUndo('王芳', '/customers')
    await run({ action: 'undo' }, '/customers')
    expect(api.undoDelete).toHaveBeenCalledOnce()
    expect(document.body.textContent).toContain('已恢复 王芳')
    offerUndo('李雷', '/customers/3')
    await run({ action: 'undo' }, '/customers')
    expect(api.undoDelete).toHaveBeenCalledOnce()
    expect(document.body.textContent).toContain('这个页面没有可撤销的删除')
  })

  it('撤销 in a text field undoes the typing, not a delete', async () => {
    const input = document.createElement('input')
    document.body.append(input)
    input.focus()
    const execCommand = vi.fn(() => true)
    Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true })
    offerUndo('王芳', '/customers')
    await run({ action: 'undo' }, '/customers')
    expect(execCommand).toHaveBeenCalledWith('undo')
    expect(api.undoDelete).not.toHaveBeenCalled()
  })

  it('打开数据库… opens the chosen file; a refusal keeps the open one and says why', async () => {
    appState.db = { path: '/data/a.sqlite', error: null, empty: false }
    api.chooseFile.mockResolvedValue({ token: 't1', name: 'b.sqlite', path: '/data/b.sqlite' })
    api.openDatabase.mockResolvedValue({ path: '/data/b.sqlite', error: null, empty: false })
    const version = appState.dataVersion
    const { router } = await run({ action: 'openDatabase' })
    expect(api.chooseFile).toHaveBeenCalledWith('openDatabase', 'dossier.sqlite', '大客户档案数据库')
    expect(api.openDatabase).toHaveBeenCalledWith('t1')
    expect(appState.db?.path).toBe('/data/b.sqlite')
    expect(appState.dataVersion).toBe(version + 1)
    expect(router.currentRoute.value.path).toBe('/customers')
    expect(document.body.textContent).toContain('已打开 b.sqlite')

    expectErrorToast('/usb/old.sqlite 已不存在')
    api.openRecentDatabase.mockRejectedValue({ type: 'databaseMissing', data: { path: '/usb/old.sqlite' } })
    await run({ action: 'openRecent', index: 2 })
    expect(api.openRecentDatabase).toHaveBeenCalledWith(2)
    expect(appState.db?.path).toBe('/data/b.sqlite')
    expect(document.body.textContent).toContain('/usb/old.sqlite 已不存在')
  })

  it('新建数据库… asks where, and backing out changes nothing', async () => {
    api.chooseFile.mockResolvedValue(null)
    await run({ action: 'newDatabase' })
    expect(api.chooseFile).toHaveBeenCalledWith('newDatabase', 'dossier.sqlite', '大客户档案数据库')
    expect(api.openDatabase).not.toHaveBeenCalled()
  })
})

describe('shortcuts', () => {
  it('map to the menu’s actions, Cmd as Ctrl', () => {
    expect(shortcutAction(key('n'))).toEqual({ action: 'newCustomer' })
    expect(shortcutAction(key('i', { ctrlKey: false, metaKey: true }))).toEqual({ action: 'import' })
    expect(shortcutAction(key('e'))).toEqual({ action: 'exportTeamReport' })
    expect(shortcutAction(key('o'))).toEqual({ action: 'openDatabase' })
    expect(shortcutAction(key('P', { shiftKey: true }))).toEqual({ action: 'presentation' })
    expect(shortcutAction(key('n', { ctrlKey: false }))).toBeNull()
    expect(shortcutAction(key('n', { altKey: true }))).toBeNull()
  })

  it('inside a text field are the field’s own, except 查找 and 演示模式', () => {
    for (const tag of ['input', 'textarea']) {
      const field = document.createElement(tag)
      for (const k of ['n', 'i', 'e', 'o', 'z']) expect(shortcutAction(key(k, {}, field))).toBeNull()
      expect(shortcutAction(key('k', {}, field))).toEqual({ action: 'find' })
      expect(shortcutAction(key('p', { shiftKey: true }, field))).toEqual({ action: 'presentation' })
    }
  })

  it('reach the page’s actions through the window, and the menu event does too', async () => {
    const Frame = defineComponent({
      setup() {
        useDesktop()
        return () => h('div')
      },
    })
    const { wrapper } = await mountWith(Frame)
    window.dispatchEvent(key('i'))
    expect(appState.importOpen).toBe(true)
    later()
    events.handlers.get('menu')!({ payload: { action: 'find' } })
    expect(appState.searchOpen).toBe(true)
    wrapper.unmount()
  })
})

describe('the menu follows the page', () => {
  it('language, presentation mode and dark mode reach the shell', async () => {
    const Frame = defineComponent({
      setup() {
        useDesktop()
        return () => h('div')
      },
    })
    const { wrapper } = await mountWith(Frame)
    expect(api.syncMenu).toHaveBeenLastCalledWith({ language: 'zh-CN', presenting: false, dark: false })
    presentation.on = true
    toggleDark()
    i18n.global.locale.value = 'en'
    await nextTick()
    expect(api.syncMenu).toHaveBeenLastCalledWith({ language: 'en', presenting: true, dark: true })
    i18n.global.locale.value = 'zh-CN'
    wrapper.unmount()
  })
})

describe('drop to import', () => {
  const dropped = (files: File[], directory = false) =>
    ({
      files,
      items: files.map(() => ({ webkitGetAsEntry: () => ({ isDirectory: directory }) })),
    }) as unknown as DataTransfer

  it('one spreadsheet opens the wizard with it', async () => {
    const chosen = { token: 'd1', name: '客户清单.csv', path: '/cache/dropped/客户清单.csv' }
    api.importDropped.mockResolvedValue(chosen)
    await importDropped(dropped([new File(['名称\n华为'], '客户清单.csv')]))
    const [name, bytes] = api.importDropped.mock.calls[0]!
    expect(name).toBe('客户清单.csv')
    expect(new TextDecoder().decode(bytes)).toBe('名称\n华为')
    expect(appState.importOpen).toBe(true)
    expect(appState.importFile).toEqual(chosen)
  })

  it('a folder, several files or a refused file get a message and no wizard', async () => {
    await importDropped(dropped([new File([''], '客户资料')], true))
    expect(document.body.textContent).toContain('「客户资料」是文件夹')
    await importDropped(dropped([new File(['a'], 'a.csv'), new File(['b'], 'b.csv')]))
    expect(document.body.textContent).toContain('一次只能导入一个文件')
    expectErrorToast('合同.pdf')
    api.importDropped.mockRejectedValue({
      type: 'unreadable',
      data: { error: { type: 'unknownFormat', data: { file: '合同.pdf' } } },
    })
    await importDropped(dropped([new File(['%PDF'], '合同.pdf')]))
    expect(api.importDropped).toHaveBeenCalledOnce()
    expect(appState.importOpen).toBe(false)
    expect(appState.importFile).toBeNull()
  })

  it('the wizard starts with the dropped file, as if chosen in the dialog', async () => {
    appState.importFile = { token: 'd2', name: '华南新客户.csv', path: '/cache/dropped/华南新客户.csv' }
    const { wrapper } = await mountWith(ImportWizard, { props: { modelValue: true } })
    expect(document.body.querySelector('[data-testid="import-file"]')?.textContent).toContain('华南新客户.csv')
    expect(appState.importFile).toBeNull()
    wrapper.unmount()
  })

  it('while the wizard is open, a new file waits', async () => {
    appState.importOpen = true
    await importDropped(dropped([new File(['x'], 'x.csv')]))
    expect(api.importDropped).not.toHaveBeenCalled()
    expect(document.body.textContent).toContain('导入向导正在使用中')
  })
})

describe('recent databases in 设置', () => {
  it('marks a missing file, offers no open for it, and removes it', async () => {
    api.recentDatabases.mockResolvedValue([
      { name: 'a.sqlite', path: '/data/a.sqlite', missing: false, current: true },
      { name: 'old.sqlite', path: '/usb/old.sqlite', missing: true, current: false },
    ])
    api.removeRecentDatabase.mockResolvedValue([
      { name: 'a.sqlite', path: '/data/a.sqlite', missing: false, current: true },
    ])
    const { wrapper } = await mountWith(RecentDatabasesCard)
    const rows = wrapper.findAll('[data-testid="recent-entry"]')
    expect(rows).toHaveLength(2)
    expect(rows[1]!.find('[data-testid="recent-missing"]').text()).toBe('文件不存在')
    expect(wrapper.findAll('[data-testid="recent-open"]')).toHaveLength(0)
    const remove = rows[1]!.get('[data-testid="recent-remove"]')
    expect(remove.attributes('aria-label')).toBe('从列表移除 old.sqlite')
    await remove.trigger('click')
    await flushPromises()
    expect(api.removeRecentDatabase).toHaveBeenCalledWith(1)
    expect(wrapper.findAll('[data-testid="recent-entry"]')).toHaveLength(1)
  })
})
