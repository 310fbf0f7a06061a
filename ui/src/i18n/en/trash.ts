// 回收站: the trash page, in English: the keys of ../zh-CN/trash.ts; ./index.ts assembles the language.
import type zhCN from '../zh-CN/trash'

const en: typeof zhCN = {
  trash: {
    title: 'Trash',
    lead: 'Deleted customers, contacts, follow-up records and deals stay here for {days} days and can be restored at any time; then they are deleted for good.',
    total: '{n} in all',
    emptyTitle: 'The trash is empty',
    emptyText:
      'Deleted customers (with their contacts, deals, follow-up records, purchase records and power map), contacts, follow-up records and deals come here first and stay {days} days, restorable at any time; after {days} days they are deleted for good. Change the number of days in Settings.',
    kind: { customer: 'Customer', contact: 'Contact', visit: 'Follow-up record', opportunity: 'Deal' },
    ofCustomer: 'Customer: {name}',
    fromImport: 'From an undone import',
    col: {
      kind: 'Kind',
      name: 'Name',
      contents: 'Deleted with it',
      deletedAt: 'Deleted',
      expiresAt: 'Deleted for good',
      actions: 'Actions',
    },
    contents: {
      with: 'With {list}',
      contacts: '{n} contact | {n} contacts',
      opportunities: '{n} deal | {n} deals',
      visits: '{n} follow-up record | {n} follow-up records',
      actions: '{n} next action | {n} next actions',
      purchases: '{n} purchase record | {n} purchase records',
      powerScopes: '{n} power map scope | {n} power map scopes',
    },
    restore: 'Restore',
    restored: 'Restored: {kind} “{name}”.',
    restoredCustomer:
      'Restored the customer “{name}” with its contacts, deals, follow-up records, purchase records and power map.',
    open: {
      customer: 'Open the customer',
      contact: 'Show the contact',
      visit: 'Show the record',
      opportunity: 'Show the deal',
    },
    purge: 'Delete for good',
    purgeConfirm: 'Delete for good: {kind} “{name}”? This cannot be undone.',
    purgeCustomer: 'The trash entries of its contacts, follow-up records and deals are deleted for good with it.',
    purged: 'Deleted “{name}” for good',
    emptyAll: 'Empty the trash',
    emptyConfirm: 'Empty the trash? Its {n} entries are deleted for good. This cannot be undone.',
    emptied: 'The trash is empty ({n} deleted for good)',
    customerInTrashTitle: 'The customer is in the trash',
    customerInTrash:
      'The customer of “{name}”, “{customer}”, is in the trash too and has to be restored first. Restore “{customer}” and then “{name}”?',
    customerInTrashNoEntry: 'The customer of “{name}”, “{customer}”, was deleted: “{name}” cannot be restored.',
    restoreBoth: 'Restore the customer and “{name}”',
    duplicate:
      'Cannot restore the customer “{name}”: another customer is now called “{other}”. Rename that one first, then restore.',
    days: 'Days in the trash',
    daysHint:
      'Deleted customers, contacts, follow-up records and deals stay this many days in the trash, then they are deleted for good (1–365, default 30).',
    settingsTitle: 'Trash',
    note: 'It goes to the trash for {days} days and can be restored from there.',
    noteNoDays: 'It goes to the trash and can be restored from there.',
  },
}

export default en
