// 采购趋势: purchase trends, signals and the portfolio, in English: the keys of ../zh-CN/trends.ts; ./index.ts assembles
// the language.
import type zhCN from '../zh-CN/trends'

const en: typeof zhCN = {
  trends: {
    marked: '{title}. Marked on the chart: {marks}',
    tab: 'Purchase trends',
    range: 'Range',
    months: 'Last {n} months',
    custom: 'Custom',
    from: 'From month',
    to: 'To month',
    rangeTooLong: 'A range spans at most {n} months: please shorten it.',
    metric: { amount: 'Amount', quantity: 'Quantity' },
    by: { product: 'By product', category: 'By category' },
    chart: { line: 'Lines', stacked: 'Stacked columns' },
    yoy: 'Year on year',
    title: 'Monthly purchases · {metric}',
    shareTitle: 'Share of each category',
    signals: 'Signals',
    signalsHint: 'Evaluated month: {month}. Click a signal to show only that product.',
    noSignals: 'Nothing unusual lately: no declines, surges, stops or large year-on-year changes.',
    focus: 'Only: {product}',
    showAll: 'Show all products',
    exportPng: 'Export PNG',
    exportSaved: 'Chart exported to {path}',
    exportFilter: 'PNG image',
    empty: 'No purchase records yet',
    emptyHint:
      'Import purchase records from Excel (Import → purchases) or add one by hand below (Add record). The monthly trends and signals then show here.',
    emptyRange: 'No purchases in the chosen range. Try another range.',
    otherCurrencies:
      '{n} record in another currency is left out of the amounts ({list}); its quantity counts. | {n} records in other currencies are left out of the amounts ({list}); their quantities count.',
    returns: '{n} return (negative) is netted in its month. | {n} returns (negative) are netted in their month.',
    future:
      '{n} record is dated after this month: please check its date. | {n} records are dated after this month: please check their dates.',
    uncategorised: 'Uncategorised',
    total: 'Total',
    yearEarlier: 'a year earlier',
    quantityAxis: 'Quantity',
    unit: { scale: 'west', yuan: 'CNY', wan: '×10k CNY', yi: '×100M CNY', k: 'K CNY', m: 'M CNY' },
    kind: {
      decline: 'Decline',
      surge: 'Surge',
      yoy_drop: 'YoY drop',
      yoy_rise: 'YoY rise',
      stopped: 'Stopped',
      new_product: 'New product',
      financial: 'Financial',
      repurchase: 'Repurchase due',
    },
    repurchaseLine:
      '{product}: bought every {every} months on average, {since} months since the last purchase ({month}, {amount})',
    severity: { high: 'High', medium: 'Watch', low: 'Info' },
    grid: {
      title: 'Purchase records',
      total: '{n} record | {n} records',
      add: 'Add record',
      onlyProduct: 'Showing {product} only',
      empty: 'No records',
      returned: 'Return',
      future: 'Future month',
      notCounted: 'not in totals',
      deleteConfirm: 'Delete the {month} record of {product}?',
      deleteTitle: 'Delete purchase record',
      deleted: 'Purchase record deleted',
      saved: 'Purchase record saved',
      dayHint: 'Optional',
      quantityHint: 'Negative: return',
      amountHint: 'Amount or quantity, at least one',
      actions: 'Actions',
    },
  },
}

export default en
