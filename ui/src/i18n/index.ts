import { createI18n } from 'vue-i18n'
import zhCN from './zh-CN'
import en from './en'
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'

export type Locale = 'zh-CN' | 'en'
export const LOCALES: Locale[] = ['zh-CN', 'en']
const STORAGE_KEY = 'dossier.locale'

function storedLocale(): Locale {
  try {
    const v = localStorage.getItem(STORAGE_KEY)
    if (v === 'en' || v === 'zh-CN') return v
  } catch {
    /* no storage */
  }
  return 'zh-CN'
}

/**
 * Element Plus's date pickers word months and weekdays by dayjs's locale of their language
 * ('zh-cn', which exists only once loaded), and take the first day of the week from dayjs's
 * global locale: Monday in Chinese.
 */
function setDateLocale(locale: Locale) {
  dayjs.locale(locale === 'en' ? 'en' : 'zh-cn')
}

export const i18n = createI18n({
  legacy: false,
  locale: storedLocale(),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
  missingWarn: false,
  fallbackWarn: false,
})
setDateLocale(i18n.global.locale.value as Locale)

export function setLocale(locale: Locale) {
  i18n.global.locale.value = locale
  setDateLocale(locale)
  try {
    localStorage.setItem(STORAGE_KEY, locale)
  } catch {
    /* no storage */
  }
  document.documentElement.lang = locale
}

export const t = i18n.global.t
