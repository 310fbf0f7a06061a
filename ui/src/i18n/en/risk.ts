// 风险: risk lights and their rules, in English: the keys of ../zh-CN/risk.ts; ./index.ts assembles the language.
import type zhCN from '../zh-CN/risk'

const en: typeof zhCN = {
  risk: {
    title: 'Risk',
    level: { green: 'Green', yellow: 'Yellow', red: 'Red' },
    badgeCount: '{label} ({n})',
    // A reason from the core's fields (the signal's own line is Chinese: said as a count here).
    reason: {
      no_follow_up: 'No follow-up for {days} days (last {since})',
      no_follow_up_deal: 'Deal “{deal}”: no follow-up for {days} days (last {since})',
      quote_idle: 'Deal “{deal}”: no activity for {days} days after the quote (last {since})',
      stuck_in_stage:
        'Deal “{deal}”: {days} days at {stage} (since {since}; yellow from {yellow}, red from {red} days)',
      power_map: 'Power map red: no key person on our side, or a required role is empty',
      decision_maker_missing: 'Deal “{deal}”: no decision maker on our side',
      overdue_action: '{count} overdue action(s), the earliest due {since}',
      overdue_action_deal: 'Deal “{deal}”: {count} overdue action(s), the earliest due {since}',
      unconfirmed: '{count} follow-up record(s) not confirmed by the customer, the earliest of {since}',
      unconfirmed_deal:
        'Deal “{deal}”: {count} follow-up record(s) not confirmed by the customer, the earliest of {since}',
      late_record:
        'Latest follow-up record written {days} day(s) after the conversation of {since} (due within 24 hours)',
      signal: '{count} purchase or financial warning(s)',
      signal_more: '{count} purchase or financial warning(s)',
      overdue_payment: 'Deal “{deal}”: installment {installment} of {amount} overdue for {days} days (due {since})',
      overdue_payment_more:
        'Deal “{deal}”: installment {installment} of {amount} overdue for {days} days (due {since}; {count} installments overdue)',
      overdue_milestone: 'Deal “{deal}”: delivery milestone “{milestone}” overdue for {days} days (planned {since})',
      overdue_milestone_more:
        'Deal “{deal}”: delivery milestone “{milestone}” and {count} in all overdue for {days} days (planned {since})',
      churn_review:
        'No purchase and no open deal for {months} months (last purchase or deal {since}): time for a churn review',
    },
  },
  riskRules: {
    title: 'Risk rules',
    hint: 'The risk lights on the customer list, the customer page and the deal board follow these rules; hover a light to see its reasons.',
    on: 'On',
    noFollowUp: 'No follow-up',
    noFollowUpHelp:
      'An open deal without follow-up (a visit, call or WeChat) for {yellow} days turns yellow, {red} days red{grades}.',
    gradesPart: '; a grade {grades} customer without an open deal, after {watchYellow} and {watchRed} days',
    watchYellowDays: 'Customer yellow after (days)',
    watchRedDays: 'Customer red after (days)',
    yellowDays: 'Yellow after (days)',
    redDays: 'Red after (days)',
    grades: 'Customer grades followed up even without a deal',
    gradesPlaceholder: 'No grade watched',
    quoteIdle: 'Idle quote',
    quoteIdleHelp: 'A deal at the quote stage with no activity (quote, follow-up, action) for {days} days turns red.',
    quoteIdleDays: 'Red after (days)',
    stuckInStage: 'Stuck in a stage',
    stuckInStageHelp: 'A deal that stays in one stage for its stage’s days turns yellow, for twice as long red.',
    powerMap: 'Power map',
    powerMapHelp:
      "The customer's power map is red (no supportive key person, or a required role empty), or an open deal has no decision maker assessed neutral or better: red.",
    overdueAction: 'Overdue action',
    overdueActionHelp: 'A next action still open after its due date: red.',
    unconfirmed: 'Unconfirmed record',
    unconfirmedHelp: 'A follow-up record not confirmed by the customer {days} days after the conversation: yellow.',
    unconfirmedDays: 'Yellow after (days)',
    lateRecord: 'Late record',
    lateRecordHelp:
      'The customer’s latest follow-up record (of a conversation in the last {days} days) was written more than 24 hours after it: yellow.',
    signals: 'Purchase / financial signals',
    signalsHelp:
      'Purchases declining or stopped, a year-on-year drop, or a financial signal (revenue or gross margin falling, cash flow turning tight, turnover days out of line): yellow.',
    overduePayment: 'Overdue payment',
    overduePaymentHelp:
      'An installment of a won deal not received by its due date (payments cover the oldest installments first) turns yellow the next day, red after {days} days.',
    paymentRedDays: 'Red after (days)',
    overdueMilestone: 'Overdue delivery',
    overdueMilestoneHelp: 'A delivery milestone of a won deal not done by its planned date turns yellow.',
    churnReview: 'Churn warning',
    churnReviewHelp:
      'A customer that has bought (purchase records or a won deal, lifecycle not “Lost”) with no purchase and no open deal for {months} months turns yellow for a churn review; a follow-up record written then clears it, until {months} months later with still no purchase or deal.',
    churnMonths: 'Months without purchase',
    stageProbabilities: 'Default win probability per stage %',
    stageProbabilitiesHint:
      "A deal takes its stage's probability unless set on the deal; it weights the amounts and the forecast.",
    range: 'Enter a whole number from {min} to {max}',
    yellowBeforeRed: 'The yellow days must be fewer than the red days',
    fixFirst: 'Fix the settings marked in red first',
  },
}

export default en
