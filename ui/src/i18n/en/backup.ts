// 备份与恢复: backups and their warnings, in English: the keys of ../zh-CN/backup.ts; ./index.ts assembles the language.
import type zhCN from '../zh-CN/backup'

const en: typeof zhCN = {
  backup: {
    title: 'Backup and restore',
    folder: 'Backup folder',
    chooseFolder: 'Change folder…',
    defaultFolder: 'Back to the default place',
    folderHint:
      'A verified backup is taken at the first start of each day and before every migration, import and undo of an import. A synced cloud folder works; when the folder is unavailable the app keeps working and says the backup failed.',
    keep: 'Keep',
    keepDaily: 'Daily',
    keepWeekly: 'Weekly',
    keepMonthly: 'Monthly',
    copies: 'kept',
    saveRotation: 'Save',
    rotationSaved: 'Saved',
    keepHint:
      'Older backups beyond these are deleted; those taken before an import, an undo or a restore stay at least 24 hours.',
    count: '{n} backups',
    now: 'Back up now',
    taken: 'Backed up and verified: {name} ({size})',
    empty: 'No backups yet. Click “Back up now”, or one is taken at the first start tomorrow.',
    takenAt: 'Taken',
    why: 'Why',
    size: 'Size',
    contents: 'Contents',
    counts: '{customers} customers, {contacts} contacts, {visits} follow-up records',
    unreadable: 'Unreadable (damaged)',
    restore: 'Restore',
    restoreTitle: 'Restore a backup',
    restoreQuestion:
      'Restore the data as of {when}? The current data is first kept as a “before restore” backup, then replaced.',
    restored: 'Restored the backup of {when}. The data before was kept as {before}.',
    warning:
      'An automatic backup failed ({when}): {error} What it preceded went ahead. Check the folder in Settings → Backup and restore.',
    reason: {
      daily: 'Daily',
      manual: 'Manual',
      'before-migration': 'Before upgrade',
      'before-import': 'Before import',
      'before-undo-import': 'Before undoing an import',
      'before-restore': 'Before restore',
    },
    failure: {
      folder_missing: 'The backup folder {path} does not exist (an unplugged drive, a moved cloud folder?).',
      not_writable: 'Cannot write to {path}.',
      disk_full: 'The disk of {path} is full.',
      unverified: 'The backup did not pass its check; it was deleted and does not count.',
      unknown_snapshot: '{path} is not one of the listed backups.',
      failed: 'The backup failed: {detail}',
    },
  },
}

export default en
