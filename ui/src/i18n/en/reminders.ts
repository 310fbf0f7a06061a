// 提醒: due-action reminders, in English: the keys of ../zh-CN/reminders.ts; ./index.ts assembles the language.
import type zhCN from '../zh-CN/reminders'

const en: typeof zhCN = {
  reminder: {
    title: 'Dossier · actions today',
    both: '{due} actions due today, {overdue} overdue',
    dueOnly: '{due} actions due today',
    overdueOnly: '{overdue} actions overdue',
    settings: 'Action reminders',
    enabled: 'Desktop notification',
    enabledHint:
      'At start-up and at the chosen time each day (while the app runs), one notification if actions are due today or overdue. Never twice for the same reason on one day.',
    time: 'Daily reminder at',
    owners: 'My name as owner',
    ownersPlaceholder: 'All owners',
    ownersHint:
      'Your name as the owner of customers and actions (type it to add): Today on the home page starts on your actions and customers, and the reminder counts only yours; empty means every owner.',
  },
}

export default en
