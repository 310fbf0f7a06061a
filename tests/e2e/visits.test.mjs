// Visit summaries (issue 6, items 1–3) on the real app with the sample data: the customer's
// header shows its red risk light (the sample deal idle at 报价); a summary written
// with a vague phrase and a next action lacking owner and date is saved, and the core's quality
// warnings are listed; the summary is in the tab's list; its customer recap (共识确认) carries
// the next step but not the internal risk, and the summary is marked 已发送.
import { describe, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { CLI, launch, quit, tid, tempDir, screenshot, shotPath, shown, gone, click, fill, until, journeySteps } from './app.mjs'

const dir = tempDir()
const db = join(dir, 'visits.sqlite')
execFileSync(CLI, ['demo', '--db', db], { stdio: 'ignore' })

let browser
const step = journeySteps('visits', () => browser)
const SUMMARY = '介绍了 MES 二期方案，客户说继续保持联系'

describe('visit summaries', () => {
  before(async () => {
    browser = await launch({ db, ready: 'list' })
  })
  after(() => quit(browser))

  step('1. a summary with a vague phrase and a bare next action is saved with warnings', async () => {
    await browser.execute(() => {
      location.hash = '#/customers/1?tab=visits'
    })
    // The header's risk light: the sample's MES deal has sat at 报价 for 6 days (red). The
    // customer list's rows have risk badges too: wait for the customer page first.
    await shown(browser, tid('visits-tab'))
    const badge = await shown(browser, tid('risk-badge'))
    assert.equal(await badge.getAttribute('data-level'), 'red')
    await click(browser, tid('visit-new'))
    await shown(browser, tid('visit-form'))
    await fill(browser, tid('visit-form-summary', 'textarea'), SUMMARY)
    await click(browser, tid('visit-form-actions-add'))
    await fill(browser, `${tid('visit-form-actions-row')} input`, '发送二期报价')
    await click(browser, tid('visit-form-risks-add'))
    await fill(browser, `${tid('visit-form-risks-row')} input`, '竞品西门子在压价')
    await click(browser, tid('visit-save'))
    const warnings = await shown(browser, tid('visit-warnings'))
    const text = await warnings.getText()
    assert.match(text, /继续保持联系/)
    assert.ok((await browser.$$(tid('visit-warning'))).length >= 2, `expected the vague phrase and the action without owner/date: ${text}`)
    await screenshot(browser, shotPath('visit-warnings.png'))
    await click(browser, tid('visit-done'))
    await gone(browser, tid('visit-form'))
  })

  step('2. it is listed, and its recap has the next step but not the internal risk; marked sent', async () => {
    await until(
      browser,
      () =>
        browser.execute(() => {
          const item = [...document.querySelectorAll('[data-testid="visit-item"]')].find((e) => e.textContent.includes('MES 二期'))
          item?.querySelector('[data-testid="visit-recap-open"]').click()
          return !!item
        }),
      'the summary is not in the list',
    )
    const recap = await until(browser, async () => {
      const t = await (await shown(browser, tid('visit-recap'))).getText()
      return t.includes('发送二期报价') ? t : null
    }, 'the recap does not carry the next step')
    assert.ok(!recap.includes('西门子'), 'the internal risk reached the customer recap')
    await click(browser, tid('visit-mark-sent'))
    await until(browser, async () => (await (await shown(browser, tid('visit-recap-status'))).getText()).includes('已发送'), 'not marked sent')
    await screenshot(browser, shotPath('visit-recap.png'))
  })
})
