// The colour theme: 跟随系统 (the default, following the system's `prefers-color-scheme` as it
// changes), 浅色 or 深色. A UI-only preference, kept in localStorage like the language and
// presentation mode. Dark puts `dark` on <html>, which switches Element Plus's dark variables
// (element-plus/theme-chalk/dark/css-vars.css) and ours (styles.css); charts read `isDark`.
import { computed, reactive, ref, watch } from 'vue'

export type ThemeMode = 'system' | 'light' | 'dark'
export const THEME_MODES: readonly ThemeMode[] = ['system', 'light', 'dark']

const KEY = 'dossier.theme'
const QUERY = '(prefers-color-scheme: dark)'

function stored(): ThemeMode {
  try {
    const v = localStorage.getItem(KEY)
    if (v === 'light' || v === 'dark' || v === 'system') return v
  } catch {
    /* no storage */
  }
  return 'system'
}

/** The chosen mode. */
export const theme = reactive({ mode: stored() })

/** Whether the system asks for dark now (kept live by the media query's change events). */
const systemDark = ref(false)
let media: MediaQueryList | null = null

function followSystem() {
  if (media || typeof window === 'undefined' || typeof window.matchMedia !== 'function') return
  media = window.matchMedia(QUERY)
  systemDark.value = media.matches
  media.addEventListener?.('change', (e) => (systemDark.value = e.matches))
}

/** Whether the app is dark now: the chosen mode, or the system's under 跟随系统. */
export const isDark = computed(() => theme.mode === 'dark' || (theme.mode === 'system' && systemDark.value))

export function setTheme(mode: ThemeMode) {
  theme.mode = mode
}

/** Flips between light and dark (the menu's 视图 → 深色模式); leaves 跟随系统 for the explicit one. */
export function toggleDark() {
  setTheme(isDark.value ? 'light' : 'dark')
}

/**
 * Starts following the setting and the system: the `dark` class on <html> and the stored mode.
 * Called once at start (main.ts); tests call it after mocking matchMedia.
 */
let applied = false
export function applyTheme() {
  followSystem()
  if (applied) return
  applied = true
  watch(
    isDark,
    (dark) => {
      document.documentElement.classList.toggle('dark', dark)
      document.documentElement.style.colorScheme = dark ? 'dark' : 'light'
    },
    { immediate: true },
  )
  watch(
    () => theme.mode,
    (mode) => {
      try {
        localStorage.setItem(KEY, mode)
      } catch {
        /* no storage */
      }
    },
  )
}

/** Forgets the media query (tests mock matchMedia anew). */
export function resetThemeForTests() {
  media = null
  systemDark.value = false
}
