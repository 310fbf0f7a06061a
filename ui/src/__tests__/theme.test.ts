import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import { applyTheme, isDark, resetThemeForTests, setTheme, theme, toggleDark } from '../stores/theme'

/** A matchMedia whose `prefers-color-scheme: dark` answer the test sets and changes. */
function fakeSystem(dark: boolean) {
  const listeners: ((e: { matches: boolean }) => void)[] = []
  const query = {
    matches: dark,
    addEventListener: (_: string, fn: (e: { matches: boolean }) => void) => listeners.push(fn),
  }
  vi.stubGlobal(
    'matchMedia',
    vi.fn(() => query),
  )
  return {
    set(next: boolean) {
      query.matches = next
      listeners.forEach((fn) => fn({ matches: next }))
    },
  }
}

const htmlDark = () => document.documentElement.classList.contains('dark')

beforeEach(() => {
  localStorage.clear()
  resetThemeForTests()
})
afterEach(() => {
  vi.unstubAllGlobals()
  setTheme('system')
})

describe('theme', () => {
  it('follows the system by default, live, until a mode is chosen', async () => {
    const system = fakeSystem(false)
    applyTheme()
    expect(theme.mode).toBe('system')
    await nextTick()
    expect(htmlDark()).toBe(false)
    system.set(true)
    await nextTick()
    expect(isDark.value).toBe(true)
    expect(htmlDark()).toBe(true)
    setTheme('light')
    await nextTick()
    expect(htmlDark()).toBe(false)
    system.set(false)
    system.set(true)
    await nextTick()
    expect(htmlDark()).toBe(false)
  })

  it('深色 makes the page dark whatever the system says and is remembered', async () => {
    fakeSystem(false)
    applyTheme()
    setTheme('dark')
    await nextTick()
    expect(htmlDark()).toBe(true)
    expect(localStorage.getItem('dossier.theme')).toBe('dark')
  })

  it('toggleDark flips what is shown, starting from the system’s', async () => {
    fakeSystem(true)
    applyTheme()
    await nextTick()
    expect(isDark.value).toBe(true)
    toggleDark()
    await nextTick()
    expect(theme.mode).toBe('light')
    expect(htmlDark()).toBe(false)
    toggleDark()
    await nextTick()
    expect(theme.mode).toBe('dark')
    expect(htmlDark()).toBe(true)
  })
})
