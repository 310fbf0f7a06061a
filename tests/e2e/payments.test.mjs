// 回款 after the handshake, on the real app: a sample deal in 谈判 is won (through 合同, which
// asks for the contract; the customer becomes 已成交), given a three-installment plan and its
// first payment; then the app is started again with its clock moved (the --clock-offset-days
// test hook) past the second installment's day — the deal's light names it and 今日's
// 回款/交付逾期 card lists it — and past the red limit (30 days, the default), where the deal and
// the customer are red with the reason. Before the days pass, a monthly 回款 target for the
// team shows the payment against it on 业绩 and on 今日, and the team report carries it on
// its 回款 sheet.
import { describe, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { existsSync, statSync } from 'node:fs'
import {
  CLI,
  answerDialogs,
  appDay,
  launch,
  quit,
  tid,
  tempDir,
  screenshot,
  settle,
  shotPath,
  shown,
  gone,
  click,
  fill,
  fillDate,
  until,
  journeySteps,
  sheetNames,
} from './app.mjs'

const dir = tempDir()
const db = join(dir, 'payments.sqlite')
execFileSync(CLI, ['demo', '--db', db], { stdio: 'ignore' })

/** 美佳日化 in the sample: its 设备维保框架 deal is in 谈判 (¥1,980,000). */
const CUSTOMER = 23
const CONTRACT = 1_980_000
/** The installments: days from today, amount, condition. */
const PLAN = [
  [10, 594_000, '签约后'],
  [20, 594_000, '验收后'],
  [60, 792_000, '质保期满'],
]

let browser
const step = journeySteps('payments', () => browser)

async function openDeals() {
  await browser.execute((id) => {
    location.hash = `#/customers/${id}?tab=deals`
  }, CUSTOMER)
  await shown(browser, tid('opp-item'))
  await settle(browser)
}

/** The won deal's item, its 回款与交付 panels open. */
async function openAfterSale() {
  await openDeals()
  await click(browser, `${tid('opp-item')}[data-stage="won"] ${tid('opp-after-sale')}`)
  return shown(browser, tid('payments-panel'))
}

/** Opens a light's reasons as the pointer's hover does (WebDriver's moveTo does not reach the
 * tooltip's trigger) and waits for one matching `reason`. */
async function hoverReasons(badge, reason) {
  await browser.execute((el) => el.dispatchEvent(new MouseEvent('mouseenter')), badge)
  await until(
    browser,
    async () => (await texts(tid('risk-reasons'))).some((t) => reason.test(t)),
    `no reason matches ${reason}`,
  )
  await browser.execute((el) => el.dispatchEvent(new MouseEvent('mouseleave')), badge)
}

/** The team total's 回款额 on 业绩 as numbers (the cell's data attributes): [actual, target]. */
async function teamCollected() {
  await click(browser, tid('nav-results'))
  await shown(browser, tid('results-table'))
  await settle(browser)
  return browser.execute(() => {
    const cell = document
      .querySelector('[data-testid="results-total"]')
      ?.closest('tr')
      ?.querySelector('[data-testid="results-cell-collected"]')
    return cell ? [Number(cell.dataset.actual), cell.dataset.target ? Number(cell.dataset.target) : null] : [NaN, null]
  })
}

/** The text of every element matching `selector`. */
async function texts(selector) {
  return browser.execute((sel) => [...document.querySelectorAll(sel)].map((e) => e.textContent.trim()), selector)
}

describe('回款 after a win', () => {
  let today
  /** The team's 回款额 this month before the payment: the sample's won deals have theirs too. */
  let collectedBefore
  before(async () => {
    browser = await launch({ db, ready: 'list' })
    today = await appDay(browser)
  })
  after(() => quit(browser))

  step('1. the 谈判 deal is won through 合同, which asks for the contract', async () => {
    await openDeals()
    await click(browser, `${tid('opp-item')}[data-stage="negotiation"] ${tid('opp-move')}`)
    await shown(browser, tid('stage-move-dialog'))
    await fill(browser, tid('stage-move-field-contractAmount', 'input'), String(CONTRACT))
    await fillDate(browser, tid('stage-move-field-contractDate', 'input'), today)
    await click(browser, tid('stage-move-confirm'))
    await gone(browser, tid('stage-move-dialog'))
    await click(browser, `${tid('opp-item')}[data-stage="contract"] ${tid('opp-move')}`)
    await shown(browser, tid('stage-move-dialog'))
    await click(browser, tid('stage-move-confirm'))
    await gone(browser, tid('stage-move-dialog'))
    await shown(browser, `${tid('opp-item')}[data-stage="won"]`)
    // The customer's first win makes it 已成交 (it was 跟进中), the change on its timeline.
    await browser.execute(() => {
      location.hash = '#/customers'
    })
    await openDeals()
    await until(
      browser,
      async () => (await texts(tid('customer-lifecycle')))[0] === '已成交',
      'the customer is not 已成交 after its first win',
    )
  })

  step('2. a three-installment plan adds up to the contract', async () => {
    await openAfterSale()
    await click(browser, tid('pay-edit'))
    await shown(browser, tid('pay-draft'))
    while ((await browser.$$(tid('pay-draft-row'))).length < PLAN.length) await click(browser, tid('pay-draft-add'))
    const rows = await browser.$$(tid('pay-draft-row'))
    assert.equal(rows.length, PLAN.length, 'the draft has more rows than the plan')
    for (const [i, [days, amount, condition]] of PLAN.entries()) {
      const inputs = await rows[i].$$('input')
      await fill(browser, inputs[0], String(amount))
      await fillDate(browser, inputs[1], await appDay(browser, days))
      await fill(browser, inputs[2], condition)
    }
    await click(browser, tid('pay-draft-save'))
    await gone(browser, tid('pay-draft'))
    await until(
      browser,
      async () => (await browser.$$(tid('pay-installment'))).length === 3,
      'the plan has not 3 installments',
    )
    assert.match(await (await shown(browser, tid('pay-difference'))).getText(), /一致/)
    ;[collectedBefore] = await teamCollected()
    assert.ok(Number.isFinite(collectedBefore), '业绩 shows no 回款额 for the team')
  })

  step('3. the first payment is recorded', async () => {
    await openAfterSale()
    const inputs = await (await shown(browser, tid('pay-add'))).$$('input')
    await fillDate(browser, inputs[0], today)
    await fill(browser, inputs[1], '594000')
    await click(browser, tid('pay-add-submit'))
    await until(browser, async () => (await browser.$$(tid('pay-payment'))).length === 1, 'the payment is not listed')
    await until(
      browser,
      async () => (await (await browser.$(tid('pay-received'))).getText()) === '¥594,000',
      'the received total is not ¥594,000',
    )
    assert.equal(await (await browser.$(tid('pay-outstanding'))).getText(), '¥1,386,000')
    await screenshot(browser, shotPath('payments-plan.png'))
    // The customer's timeline shows the payment.
    await browser.execute((id) => {
      location.hash = `#/customers/${id}?tab=timeline`
    }, CUSTOMER)
    await until(
      browser,
      async () =>
        (await texts(`${tid('timeline-item')}[data-kind="after_sale"]`)).some((t) => /收到回款 ¥594,000/.test(t)),
      'the timeline does not show the payment',
    )
  })

  step('4. 业绩 shows the collected amount against the team’s monthly target, and so does 今日', async () => {
    await click(browser, tid('nav-results'))
    await shown(browser, tid('results-table'))
    await click(browser, tid('results-set-targets'))
    await shown(browser, tid('target-grid'))
    await click(browser, tid('target-kind-month'))
    await until(
      browser,
      async () => (await (await browser.$(tid('target-period'))).getText()) === today.slice(0, 7),
      'the dialog is not on this month',
    )
    // The boxes open once the month's targets are loaded.
    await until(
      browser,
      () =>
        browser.execute(
          () =>
            document.querySelector('[data-testid="target-row-team"] [data-testid="target-collected"] input')
              ?.disabled === false,
        ),
      'the month’s targets did not load',
    )
    await fill(browser, `${tid('target-row-team')} ${tid('target-collected')}`, '1000000')
    await click(browser, tid('target-save'))
    await gone(browser, tid('target-grid'))
    // The payment counts this month, against the target just set.
    await until(
      browser,
      async () => {
        const [actual, target] = await teamCollected()
        return actual === collectedBefore + 594000 && target === 1000000
      },
      '业绩 does not show the ¥594,000 collected against the target of ¥1,000,000',
    )
    await screenshot(browser, shotPath('results.png'))
    await click(browser, tid('nav-home'))
    await until(
      browser,
      async () => / \/ 100 万元/.test((await texts(tid('home-results-month-collected')))[0] ?? ''),
      '今日 does not show this month’s collected amount against the target',
    )
  })

  step('5. the team report carries the 回款 sheet with the payment', async () => {
    const report = join(dir, '团队报告.xlsx')
    await click(browser, tid('nav-customers'))
    await answerDialogs(browser, report)
    await click(browser, tid('export-team-report'))
    await shown(browser, tid('export-dialog'))
    await click(browser, tid('export-confirm'))
    await gone(browser, tid('export-dialog'), 60_000)
    await until(
      browser,
      async () => existsSync(report) && statSync(report).size > 0,
      'the report was not written',
      60_000,
    )
    const names = sheetNames(report)
    assert.ok(names.includes('回款') && names.includes('交付') && names.includes('业绩'), `sheets: ${names}`)
    // rust_xlsxwriter writes the sheets in order as sheet1.xml, sheet2.xml, …
    const xml = execFileSync('unzip', ['-p', report, `xl/worksheets/sheet${names.indexOf('回款') + 1}.xml`]).toString(
      'utf8',
    )
    assert.match(xml, />594000</, 'the 回款 sheet does not hold the payment of ¥594,000')
  })
})

describe('回款 overdue, as the days pass', () => {
  after(() => quit(browser))

  step('6. two days after the second installment: the deal names it, 今日 lists it', async () => {
    browser = await launch({ db, args: ['--clock-offset-days', '22'], ready: 'list' })
    await openAfterSale()
    // The deal's light also carries the sample's other findings (its actions now overdue), so
    // the payment is looked for among its reasons; its yellow and red days are the core tests'.
    const badge = await shown(browser, `${tid('opp-item')}[data-stage="won"] ${tid('risk-badge')}`)
    assert.notEqual(await badge.getAttribute('data-level'), 'green', 'a deal with a payment 2 days late is green')
    await hoverReasons(badge, /商机「设备维保框架」第 2 期回款 ¥594,000 已逾期 2 天/)
    await until(
      browser,
      async () => (await browser.$$(tid('pay-installment-overdue'))).length === 1,
      'the second installment is not marked overdue',
    )
    await click(browser, tid('nav-home'))
    await shown(browser, tid('home-won-overdue'))
    await until(
      browser,
      async () =>
        (await texts(`${tid('home-won-overdue-item')}[data-kind="installment"]`)).some(
          (t) => /第 2 期回款 ¥594,000/.test(t) && /逾期 2 天/.test(t),
        ),
      '今日 does not name the second installment, 2 days late',
    )
    await screenshot(browser, shotPath('payments-today.png'))
    await quit(browser)
  })

  step('7. thirty days after it: the deal and the customer red with the reason, 今日 counts 30 days', async () => {
    browser = await launch({ db, args: ['--clock-offset-days', '50'], ready: 'list' })
    await openAfterSale()
    const reason = /商机「设备维保框架」第 2 期回款 ¥594,000 已逾期 30 天/
    const badge = await shown(browser, `${tid('opp-item')}[data-stage="won"] ${tid('risk-badge')}`)
    assert.equal(await badge.getAttribute('data-level'), 'red', 'a deal with a payment 30 days late is not red')
    await hoverReasons(badge, reason)
    const header = await shown(browser, `.lights ${tid('risk-badge')}`)
    assert.equal(await header.getAttribute('data-level'), 'red', 'the customer is not red')
    await hoverReasons(header, reason)
    await click(browser, tid('nav-home'))
    await until(
      browser,
      async () =>
        (await texts(`${tid('home-won-overdue-item')}[data-kind="installment"]`)).some(
          (t) => /第 2 期回款 ¥594,000/.test(t) && /逾期 30 天/.test(t),
        ),
      '今日 does not count the second installment 30 days late',
    )
    await screenshot(browser, shotPath('payments-today-red.png'))
  })
})
