// Purchase trends (docs/trends.md) on the real app, with the sample data: the home page's signal feed
// names 华东精密's three-month decline of 伺服电机 first; the entry opens the customer's 采购趋势
// tab with that product alone on the chart, the signal in the tab's list and pinned on the chart
// (read from the chart's accessible description, which is built from the same marks); the chart
// is exported as PNG. With the decline threshold set to 4 months in 设置, the signal is gone
// from the tab, the chart and the home feed.
import { describe, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { answerDialogs, CLI, launch, quit, tid, tempDir, screenshot, shotPath, shown, click, fill, until, journeySteps } from './app.mjs'

const dir = tempDir()
const db = join(dir, 'trends.sqlite')
const png = join(dir, '采购趋势.png')
execFileSync(CLI, ['demo', '--db', db], { stdio: 'ignore' })

let browser
const step = journeySteps('trends', () => browser)
const DECLINE = '[data-kind="decline"][data-product="伺服电机"]'

/** The signals listed under `testid`: "kind product" each. */
const listed = (testid) =>
  browser.execute((id) => [...document.querySelectorAll(`[data-testid="${id}"]`)].map((e) => `${e.dataset.kind} ${e.dataset.product} ${e.textContent}`), testid)
/** What the trend chart says it marks (its aria-label). */
const chartMarks = async () => (await shown(browser, tid('trends-chart'))).getAttribute('aria-label')

describe('purchase trends', () => {
  before(async () => {
    browser = await launch({ db, ready: 'list' })
  })
  after(() => quit(browser))

  step('1. the home feed lists the decline first', async () => {
    await click(browser, tid('nav-home'))
    const first = await shown(browser, tid('home-signal'))
    assert.equal(await first.getAttribute('data-kind'), 'decline')
    const text = await first.getText()
    assert.match(text, /华东精密机械股份有限公司/)
    assert.match(text, /伺服电机 连续 3 个月下降：120 → 95 → 70 → 52 万元/)
    await screenshot(browser, shotPath('home.png'))
  })

  step('2. the entry opens the customer’s trends with the product alone and the signal on the chart', async () => {
    await click(browser, `${tid('home-signal')}${DECLINE}`)
    await shown(browser, tid('trends-tab'))
    assert.match(await (await shown(browser, tid('trends-focus'))).getText(), /伺服电机/)
    await until(browser, async () => (await listed('trend-signal')).some((s) => s.startsWith('decline 伺服电机')), 'the decline is not in the tab’s list')
    const marks = await until(browser, async () => {
      const m = await chartMarks()
      return m && m.includes('伺服电机') ? m : null
    }, 'the chart does not describe its marks')
    assert.match(marks, /伺服电机[^；]*连续下降/)
    await screenshot(browser, shotPath('trends.png'))
  })

  step('3. the chart is exported as PNG', async () => {
    answerDialogs(browser, png)
    await click(browser, tid('trends-export'))
    await until(browser, async () => existsSync(png) && statSync(png).size > 5000, `${png} was not written`, 30_000)
    assert.deepEqual([...readFileSync(png).subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  })

  step('4. at a threshold of 4 months the decline is gone: tab, chart and home feed', async () => {
    const page = await browser.execute(() => location.hash)
    await click(browser, tid('nav-settings'))
    await fill(browser, tid('threshold-declineMonths', 'input'), '4')
    await click(browser, tid('settings-save'))
    await until(browser, () => browser.execute(() => document.body.innerText.includes('设置已保存')), 'the settings were not saved')
    await browser.execute((h) => {
      location.hash = h
    }, page)
    await shown(browser, tid('trends-tab'))
    await until(browser, async () => {
      const marks = (await chartMarks()) ?? ''
      const signals = await listed('trend-signal')
      return !marks.includes('连续下降') && !signals.some((s) => s.startsWith('decline '))
    }, 'the decline is still on the tab at 4 months')
    await click(browser, tid('nav-home'))
    await shown(browser, tid('home-signal'))
    const feed = await listed('home-signal')
    assert.ok(!feed.some((s) => s.startsWith('decline 伺服电机')), `the feed still has it: ${feed[0]}`)
    assert.ok(feed[0].startsWith('stopped 减速机'), `the stop of 减速机 leads now: ${feed[0]}`)
  })
})
