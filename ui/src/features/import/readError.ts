// Why an import file could not be read, in the user's language. A file of its own because
// errors.ts words the `unreadable` CoreError with it, and format.ts (the wizard's other words)
// needs errors.ts: kept apart, the two do not import each other.
import type { ReadError } from '../../bindings'
import { i18n } from '../../i18n'

/** Why a file could not be read, naming the file (and the sheet or limit). */
export function readErrorText(e: ReadError): string {
  const t = i18n.global.t
  const te = i18n.global.te
  switch (e.type) {
    case 'unreadable':
      return t('importing.read.unreadable', { file: e.data.file, reason: e.data.reason })
    case 'encrypted':
      return t('importing.read.encrypted', { file: e.data.file })
    case 'noSuchSheet':
      return t('importing.read.noSuchSheet', {
        file: e.data.file,
        sheet: e.data.sheet,
        available: e.data.available.join(t('common.listSep')),
      })
    case 'empty':
      return t('importing.read.empty', { file: e.data.file })
    case 'tooLarge': {
      const what = te(`importing.read.what.${e.data.what}`) ? t(`importing.read.what.${e.data.what}`) : e.data.what
      return t('importing.read.tooLarge', {
        file: e.data.file,
        sheet: e.data.sheet,
        what,
        limit: e.data.limit.toLocaleString(),
      })
    }
    case 'unknownFormat':
      return t('importing.read.unknownFormat', { file: e.data.file })
    case 'headerOnly':
      return t('importing.read.headerOnly', { file: e.data.file, sheet: e.data.sheet })
    default:
      return JSON.stringify(e)
  }
}
