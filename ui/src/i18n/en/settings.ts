// 设置: the settings page, in English: the keys of ../zh-CN/settings.ts; ./index.ts assembles the language.
import type zhCN from '../zh-CN/settings'

const en: typeof zhCN = {
  settings: {
    title: 'Settings',
    language: 'Language',
    theme: 'Appearance',
    themeModes: { system: 'Follow system', light: 'Light', dark: 'Dark' },
    themeHint:
      'Follow system switches with the operating system’s light or dark appearance. Exported images and printed dossiers are always light.',
    staleMonths: 'Outdated after (months)',
    staleMonthsHint: 'A section not updated for this many months is marked outdated.',
    turnoverChangePct: 'Turnover change alert %',
    turnoverHint: 'Inventory/receivable days moving by at least this much between periods raise a signal.',
    financialDeclinePct: 'Revenue / margin drop alert %',
    financialDeclineHint:
      'Revenue or gross margin falling by at least this share of the previous period raises a signal; so does cash flow turning tight.',
    presentation: 'Presentation mode',
    presentationHint:
      'Hides the personal fields of contacts’ cards (personality, ice-breakers, hobbies, preferences, pain points, career, communication style, family, notes) everywhere. Shortcut Ctrl+Shift+P.',
    database: 'Database file',
    logFolder: 'Log folder',
    logFolderHint: 'Errors and timings, never customer or contact data. Attach it when reporting a problem.',
    thresholds: 'Alerts',
    general: 'General',
    saved: 'Settings saved',
    trendThresholds: 'Purchase trend alerts',
    declineMonths: 'Declining months',
    declineMonthsHint: 'A product whose purchases fell this many months in a row raises a signal (default 3).',
    surgePct: 'Surge threshold %',
    surgePctHint: 'Last month this much above the average of the 3 months before (default 50%).',
    yoyPct: 'Year-on-year threshold %',
    yoyPctHint: 'The last 3 months this much above or below the same months a year earlier (default 30%).',
    stoppedMonths: 'Stopped after (months)',
    stoppedMonthsHint: 'A product bought before and not for this many months is flagged as stopped (default 3).',
    newProductMonths: 'New product months',
    newProductMonthsHint:
      'A product an existing customer first bought within this many months is flagged as new (default 3).',
  },
}

export default en
