// 今日: the home page, in English: the keys of ../zh-CN/home.ts; ./index.ts assembles the language.
import type zhCN from '../zh-CN/home'

const en: typeof zhCN = {
  home: {
    title: 'Home',
    feed: 'Customer signals',
    feedHint:
      'Purchase and financial signals of every customer, most important first (evaluated month {month}). Click to open the customer’s trends.',
    feedTotal: '{n} signal | {n} signals',
    noSignals: 'No signals match the filters.',
    grade: 'Grade',
    owner: 'Owner',
    kind: 'Signal type',
    portfolio: 'Monthly purchases, all customers',
    portfolioHint: 'Purchases of all (filtered) customers per month; dashed: a year earlier.',
    movers: 'Biggest movers',
    moversHint: 'Last 3 months against a year earlier',
    noMovers: 'None',
    otherCurrency:
      '{n} record in another currency is left out of the total. | {n} records in other currencies are left out of the total.',
  },
  today: {
    title: 'Today',
    subtitle: '{date} · actions due, red-light customers, deals closing this month and overdue payments and delivery',
    filtered: 'Owner: {owners}',
    overdue: 'Overdue',
    due: 'Due today',
    red: 'Red-light customers',
    closing: 'Closing this month',
    wonOverdue: 'Overdue payments & delivery',
    wonInstallment: 'Installment {n} of {amount}',
    wonMilestone: 'Delivery milestone “{name}”',
    emptyWonOverdue: 'No overdue payments or delivery milestones.',
    overdueDays: '{n} days overdue',
    dueOn: 'Due {date}',
    markDone: 'Mark as done',
    done: 'Done: {what}',
    noOwner: 'No owner',
    deal: 'Deal: {name}',
    shownOf: 'Showing {shown} of {total}',
    reasons: '{n} reasons',
    closingTotals: '{n} deals, amount {amount}, weighted {weighted}',
    weighted: 'weighted {amount}',
    emptyOverdue: 'No overdue actions.',
    emptyDue: 'Nothing due today. Next actions from follow-up records show up here on their due date.',
    emptyRed: 'No customer has a red light. The rules are in Settings → Risk rules.',
    repurchase: 'Repurchase due',
    emptyRepurchase:
      'No repurchase due. A customer shows up here when a product it bought at least three times, at a fairly regular interval, is due again.',
    retry: 'Retry',
    emptyClosing:
      'No deal is expected to close this month. Set an expected close date on a deal (customer page → Deals) and it shows up here.',
  },
}

export default en
