// The issue-6 journey on the real app with the sample data: a visit summary with two next
// actions for 长江汽配, confirmed by the customer; its 方案 deal moved to 报价 — refused until
// the quote amount and date are filled; then the app relaunched five days later (the
// --clock-offset-days test hook) shows the idle quote's card red on the kanban and the
// customer among the red lights of 今日 on the home page. Then a new customer's first deal,
// with no decision maker on its power map, is red on the kanban, its reason named on hover.
import { describe, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import {
  CLI,
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
  openNewRecord,
  addNextAction,
} from './app.mjs'

const dir = tempDir()
const db = join(dir, 'pipeline.sqlite')
execFileSync(CLI, ['demo', '--db', db], { stdio: 'ignore' })

/** 长江汽配 in the sample (the second company). */
const CUSTOMER = 2
const SUMMARY = '焊装线改造方案评审，客户确认需求范围'

/** YYYY-MM-DD, `days` from today (local). */
function isoDay(days) {
  const d = new Date(Date.now() + days * 86_400_000)
  const pad = (n) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/** The kanban card of a customer's deal (长江汽配's by default), once the board shows it. */
function customerCard(browser, customer = CUSTOMER) {
  return until(
    browser,
    async () => {
      for (const card of await browser.$$(tid('pipeline-card'))) {
        if (Number(await card.getAttribute('data-customer-id')) === customer) return card
      }
      return null
    },
    `customer ${customer} has no card on the kanban`,
  )
}

let browser
const step = journeySteps('pipeline', () => browser)

describe('visits, deals and risk lights', () => {
  before(async () => {
    browser = await launch({ db, ready: 'list' })
  })
  after(() => quit(browser))

  step('1. a visit summary with two next actions is saved without warnings', async () => {
    await openNewRecord(browser, CUSTOMER)
    await fill(browser, tid('visit-form-summary', 'textarea'), SUMMARY)
    const actions = [
      ['提交焊装线报价', '王磊', isoDay(14)],
      ['安排技术交流会', '李娜', isoDay(21)],
    ]
    for (const [i, action] of actions.entries()) await addNextAction(browser, i, action)
    await click(browser, tid('visit-save'))
    // Saved: either the dialog closes, or it stays open only to list warnings — none of which
    // may be about the next actions (both have an owner and a date).
    await until(
      browser,
      async () => {
        const open = await browser
          .$(tid('visit-warnings'))
          .isDisplayed()
          .catch(() => false)
        if (!open)
          return !(await browser
            .$(tid('visit-form'))
            .isDisplayed()
            .catch(() => false))
        const text = await browser.$(tid('visit-warnings')).getText()
        assert.doesNotMatch(text, /负责人|日期/, `warnings about the next actions: ${text}`)
        await click(browser, tid('visit-done'))
        return true
      },
      'the summary was not saved',
    )
    await gone(browser, tid('visit-form'))
  })

  step('2. its recap is sent and confirmed by the customer', async () => {
    await until(
      browser,
      () =>
        browser.execute((summary) => {
          const item = [...document.querySelectorAll('[data-testid="visit-item"]')].find((e) =>
            e.textContent.includes(summary),
          )
          item?.querySelector('[data-testid="visit-recap-open"]').click()
          return !!item
        }, SUMMARY),
      'the summary is not in the list',
    )
    const recap = await until(
      browser,
      async () => {
        const t = await (await shown(browser, tid('visit-recap'))).getText()
        return t.includes('提交焊装线报价') && t.includes('安排技术交流会') ? t : null
      },
      'the recap does not carry both next steps',
    )
    assert.match(recap, /王磊/)
    await click(browser, tid('visit-mark-sent'))
    await until(
      browser,
      async () => (await (await shown(browser, tid('visit-recap-status'))).getText()).includes('已发送'),
      'not marked sent',
    )
    await click(browser, tid('visit-mark-confirmed'))
    await until(
      browser,
      async () => (await (await shown(browser, tid('visit-recap-status'))).getText()).includes('已确认'),
      'not marked confirmed',
    )
    await screenshot(browser, shotPath('pipeline-recap-confirmed.png'))
    await browser.keys('Escape')
    await gone(browser, tid('visit-recap'))
  })

  step('3. the 方案 deal cannot move to 报价 until the quote is filled', async () => {
    await browser.execute((id) => {
      location.hash = `#/customers/${id}?tab=deals`
    }, CUSTOMER)
    await shown(browser, `${tid('opp-item')}[data-stage="solution"]`)
    // The recap dialog's overlay fades out over the tab: wait for the page to be still.
    await settle(browser)
    await click(browser, `${tid('opp-item')}[data-stage="solution"] ${tid('opp-move')}`)
    const missing = await until(
      browser,
      async () => {
        const t = await (await shown(browser, tid('stage-move-missing'))).getText()
        return t.includes('报价金额') ? t : null
      },
      'the refusal does not name 报价金额',
    )
    assert.match(missing, /报价日期/)
    // Confirming with the fields still empty does not move the deal.
    await click(browser, tid('stage-move-confirm'))
    // Refused in the dialog: both fields marked as required, the dialog open, the deal still 方案.
    for (const f of ['quoteAmount', 'quoteDate']) {
      const error = await shown(browser, tid(`stage-move-field-${f}`, '.el-form-item__error'))
      assert.match(await error.getText(), /\S/, `${f} is not marked`)
    }
    assert.ok(await browser.$(tid('stage-move-dialog')).isDisplayed(), 'the move went through without a quote')
    assert.ok(await browser.$(`${tid('opp-item')}[data-stage="solution"]`).isExisting(), 'the deal left 方案')
    await screenshot(browser, shotPath('pipeline-stage-blocked.png'))
    await fill(browser, tid('stage-move-field-quoteAmount', 'input'), '860000')
    await fillDate(browser, tid('stage-move-field-quoteDate', 'input'), isoDay(0))
    await click(browser, tid('stage-move-confirm'))
    await gone(browser, tid('stage-move-dialog'))
    await shown(browser, `${tid('opp-item')}[data-stage="quote"]`)
  })

  step('4. on the kanban today, the fresh quote is not red', async () => {
    await browser.execute(() => {
      location.hash = '#/pipeline'
    })
    const card = await customerCard(browser)
    assert.equal(await card.getAttribute('data-stage'), 'quote')
    assert.notEqual(await card.getAttribute('data-level'), 'red', 'a quote made today is already red')
    await screenshot(browser, shotPath('pipeline-kanban-today.png'))
  })

  step('5. five days later the card is red on the kanban and the customer is red on 今日', async () => {
    await quit(browser)
    browser = await launch({ db, args: ['--clock-offset-days', '5'], ready: 'list' })
    await browser.execute(() => {
      location.hash = '#/pipeline'
    })
    const card = await customerCard(browser)
    assert.equal(await card.getAttribute('data-stage'), 'quote')
    assert.equal(await card.getAttribute('data-level'), 'red', 'the quote idle for 5 days is not red')
    await screenshot(browser, shotPath('pipeline-kanban.png'))
    await browser.execute(() => {
      location.hash = '#/home'
    })
    await shown(browser, tid('home-red'))
    await until(
      browser,
      async () => {
        for (const el of await browser.$$(tid('home-red-customer'))) {
          if (Number(await el.getAttribute('data-customer-id')) === CUSTOMER) return true
        }
        return false
      },
      '长江汽配 is not among the red customers of 今日',
    )
    await screenshot(browser, shotPath('home-today.png'))
  })

  step('6. a deal with no decision maker is red on the kanban, the reason on hover', async () => {
    await click(browser, tid('nav-customers'))
    await click(browser, `.head ${tid('new-customer')}`)
    await shown(browser, tid('customer-form'))
    await fill(browser, tid('customer-name-input'), '北辰新材料科技有限公司')
    await click(browser, tid('customer-save'))
    await gone(browser, tid('customer-form'))
    const id = await until(
      browser,
      async () => Number((await browser.getUrl()).match(/#\/customers\/(\d+)/)?.[1]) || null,
      'the new customer page did not open',
    )
    await browser.execute((c) => {
      location.hash = `#/customers/${c}?tab=deals`
    }, id)
    await click(browser, tid('opp-new'))
    await shown(browser, tid('opp-form'))
    await fill(browser, tid('opp-form-name', 'input'), '新材料产线 MES')
    await fill(browser, tid('opp-form-amount', 'input'), '500000')
    await click(browser, tid('opp-save'))
    await gone(browser, tid('opp-form'))
    await browser.execute(() => {
      location.hash = '#/pipeline'
    })
    const card = await customerCard(browser, id)
    assert.equal(await card.getAttribute('data-level'), 'red', 'a deal without a decision maker is not red')
    // The pointer's hover, as the tooltip's trigger hears it (WebDriver's moveTo does not reach it).
    await browser.execute((badge) => badge.dispatchEvent(new MouseEvent('mouseenter')), await card.$(tid('risk-badge')))
    await until(
      browser,
      async () => {
        for (const el of await browser.$$(tid('risk-reasons'))) {
          if ((await el.getText()).includes('商机「新材料产线 MES」缺少支持我方的决策者')) return true
        }
        return false
      },
      'the hover does not name the missing decision maker',
    )
    await screenshot(browser, shotPath('pipeline-kanban-no-decision-maker.png'))
  })

  step('7. 阶段分析 reads the stage history: days in each stage, conversion, the sales cycle', async () => {
    await click(browser, tid('pipeline-view-stages'))
    await shown(browser, tid('pipeline-stages-table'))
    // Read afresh each time: the table is drawn again when the statistics arrive.
    await until(
      browser,
      async () =>
        (
          await browser.execute((sel) => document.querySelector(sel)?.textContent ?? '', tid('pipeline-stages-table'))
        ).includes('立项'),
      'the stage table lists no 立项',
    )
    assert.match(await (await shown(browser, tid('pipeline-stages-cycle'))).getText(), /从立项到成交，中位 .+ 天/)
    await shown(browser, tid('pipeline-stages-chart'))
    await screenshot(browser, shotPath('pipeline-stages.png'))
  })
})
