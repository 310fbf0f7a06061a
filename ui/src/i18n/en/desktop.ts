// Desktop: the keys of ../zh-CN/desktop.ts in English; ./index.ts assembles the language.
import type zhCN from '../zh-CN/desktop'

const en: typeof zhCN = {
  desktop: {
    about: {
      title: 'About Dossier',
      version: 'Version {version}',
      tagline:
        'Key-account profiles on your own computer: customer profiles, key people, power maps, purchase trends, follow-ups and deals.',
      data: 'Your data stays in a database file on this computer.',
      licence: 'Released under the MIT licence.',
    },
    recent: {
      title: 'Recent databases',
      hint: 'The databases listed under File → Open recent. Opening another one closes the current database; its data is kept.',
      empty: 'No other database opened yet. Use File → Open database… to open one.',
      current: 'Current',
      missing: 'File missing',
      open: 'Open',
      remove: 'Remove from list',
      removeLabel: 'Remove {name} from the list',
      opened: 'Opened {name}',
    },
    drop: {
      hint: 'Release to import this file',
      folder: '“{name}” is a folder. Drop an Excel or CSV file.',
      busy: 'The import wizard is in use. Finish or close it before dropping another file.',
      several: 'One file at a time, please: drop a single file.',
      unreadable: '“{name}” could not be read: {detail}',
    },
    undoNothingHere: 'Nothing deleted on this page to undo',
    pageRecovered:
      'The window stopped unexpectedly and was loaded again. Everything saved is still here; a form you were filling in but had not saved needs filling in again.',
  },
}
export default en
