// 时间线: the customer timeline, in English: the keys of ../zh-CN/timeline.ts; ./index.ts assembles the language.
import type zhCN from '../zh-CN/timeline'

const en: typeof zhCN = {
  timeline: {
    tab: 'Timeline',
    title: 'Customer timeline',
    total: '{n} entries',
    filter: 'Show',
    all: 'Show all',
    from: 'From',
    to: 'To',
    rangeTo: 'to',
    kind: {
      visit: 'Follow-up',
      action: 'Action',
      stage: 'Deal',
      power_map: 'Power map',
      profile: 'Profile',
      after_sale: 'Payments & delivery',
    },
    weekday: { 0: 'Sun', 1: 'Mon', 2: 'Tue', 3: 'Wed', 4: 'Thu', 5: 'Fri', 6: 'Sat' },
    more: 'Load more ({n} left)',
    end: 'All {n} entries shown',
    empty: 'Nothing recorded yet',
    emptyHint:
      'Follow-up records and next actions, deal stage changes, power map and profile edits all show up here in date order.',
    writeVisit: 'Write a follow-up record',
    emptyFiltered: 'Nothing of the selected kinds in these dates',
    emptyFilteredHint: 'Tick more kinds, widen the dates, or show all.',
    visitNoGoal: 'Follow-up record',
    visit: '{method}: {goal}',
    actionOwner: 'Owner {owner}',
    noOwner: 'No owner',
    actionDue: 'due {date}',
    noDue: 'no due date',
    stageNew: '{name}: new ({to})',
    stageMove: '{name}: {from} → {to}',
    power: {
      assessment: "{name}'s role assessment changed",
      reports_to: "{name}'s reporting line changed",
      edge: "{name}'s influence/conflict links changed",
      other: '{name} changed on the power map',
    },
    scope: 'Scope: {name}',
    profile: 'Profile edited: {section}',
    lifecycle: 'Lifecycle: {from} → {to}',
    lifecycleUnset: 'not set',
    payment: 'Payment received {amount} ({name})',
    milestone: 'Delivery milestone “{milestone}” ({name})',
    lifecycleCause: { deal_won: 'A deal won', win_undone: 'A win undone', hand: 'Edited by hand' },
    open: { visits: 'Open follow-ups', deals: 'Open deals', map: 'Open power map', profile: 'Open profile' },
  },
}

export default en
