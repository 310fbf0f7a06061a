// Visit summaries (docs/visits.md) on the real app with the sample data: the customer's
// header shows its red risk light (the sample deal idle at 报价); a summary written
// with a vague phrase and a next action lacking owner and date is saved, and the core's quality
// warnings are listed; the summary is in the tab's list; its customer recap (共识确认) carries
// the next step but not the internal risk, and the summary is marked 已发送. The 时间线 entry
// opens the summary in its form, filled; edited there, the list shows the change. Deleted, it is
// offered back by the undo banner, and comes back with its next action. A follow-up record of two
// days ago, written now with the template's parts and 「已跟进」 in its summary, is warned both as
// late and as vague, and lists its progress status and sales action. (The light's 记录晚写 reason
// reads the customer's latest record only, and the sample's is newer and on time: core tests in
// src-tauri/core/tests/all/risk.rs cover the light.)
import { describe, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { appDay, CLI, launch, quit, tid, tempDir, screenshot, shotPath, shown, gone, click, fill, until, journeySteps } from './app.mjs'

const dir = tempDir()
const db = join(dir, 'visits.sqlite')
execFileSync(CLI, ['demo', '--db', db], { stdio: 'ignore' })

let browser
const step = journeySteps('visits', () => browser)

/** The text of the listed summary containing `text` ('' when none is listed). */
const listedText = (text) =>
  browser.execute((t) => [...document.querySelectorAll('[data-testid="visit-item"]')].find((e) => e.textContent.includes(t))?.textContent ?? '', text)

/** Clicks `button` (a test id) on the listed summary containing `text`; false when none is listed. */
const clickOnListed = (text, button) =>
  browser.execute(
    (t, b) => {
      const item = [...document.querySelectorAll('[data-testid="visit-item"]')].find((e) => e.textContent.includes(t))
      item?.querySelector(`[data-testid="${b}"]`).click()
      return !!item
    },
    text,
    button,
  )
const SUMMARY = '介绍了 MES 二期方案，客户说继续保持联系'
const EDITED = '介绍了 MES 二期方案，客户要求 12 月 10 日前给出分期报价'

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
    await until(browser, () => clickOnListed('MES 二期', 'visit-recap-open'), 'the summary is not in the list')
    const recap = await until(browser, async () => {
      const t = await (await shown(browser, tid('visit-recap'))).getText()
      return t.includes('发送二期报价') ? t : null
    }, 'the recap does not carry the next step')
    assert.ok(!recap.includes('西门子'), 'the internal risk reached the customer recap')
    await click(browser, tid('visit-mark-sent'))
    await until(browser, async () => (await (await shown(browser, tid('visit-recap-status'))).getText()).includes('已发送'), 'not marked sent')
    await screenshot(browser, shotPath('visit-recap.png'))
  })

  step('3. its timeline entry opens the summary in its form, filled; edited there, the list shows the change', async () => {
    await click(browser, '.el-dialog:has([data-testid="visit-recap"]) .el-dialog__headerbtn')
    await gone(browser, tid('visit-recap'))
    await click(browser, tid('customer-tab-timeline'))
    const opened = await until(
      browser,
      () =>
        browser.execute((summary) => {
          const item = [...document.querySelectorAll('[data-testid="timeline-item"][data-kind="visit"]')].find((e) => e.textContent.includes(summary))
          item?.querySelector('[data-testid="timeline-open"]').click()
          return !!item
        }, SUMMARY),
      'the summary is not on the timeline',
    )
    assert.ok(opened)
    const summary = await shown(browser, tid('visit-form-summary', 'textarea'))
    await until(browser, async () => (await summary.getValue()) === SUMMARY, 'the form is not filled with the summary')
    assert.equal(await (await shown(browser, `${tid('visit-form-actions-row')} input`)).getValue(), '发送二期报价')
    await screenshot(browser, shotPath('visit-edit.png'))
    await fill(browser, tid('visit-form-summary', 'textarea'), EDITED)
    await click(browser, tid('visit-save'))
    // The bare action still draws a warning: the form stays to show it.
    await shown(browser, tid('visit-warnings'))
    await click(browser, tid('visit-done'))
    await gone(browser, tid('visit-form'))
    await until(browser, () => listedText(EDITED), 'the edited summary is not listed')
    assert.equal(await browser.execute(() => new URLSearchParams(location.hash.split('?')[1]).get('visit')), null, '?visit= stays in the URL')
  })

  step('4. deleted, it leaves the list; undo brings it back with its next action', async () => {
    const listed = () => listedText(EDITED)
    assert.ok(await clickOnListed(EDITED, 'visit-delete'))
    await click(browser, '.el-message-box__btns .el-button--danger, .el-message-box__btns .el-button--primary')
    await shown(browser, tid('undo-banner'))
    await until(browser, async () => (await listed()) === '', 'the deleted summary is still listed')
    await screenshot(browser, shotPath('visit-undo.png'))
    await click(browser, tid('undo-button'))
    const back = await until(browser, listed, 'undo did not bring the summary back')
    assert.match(back, /发送二期报价/)
  })

  step('5. a record of two days ago saying only 「已跟进」 is warned as late and vague, and listed with its template fields', async () => {
    const twoDaysAgo = await appDay(browser, -2)
    await click(browser, tid('visit-new'))
    await shown(browser, tid('visit-form'))
    const date = await fill(browser, `${tid('visit-form-date')} .el-date-editor--date input`, twoDaysAgo)
    await date.click()
    await browser.keys('Enter')
    await fill(browser, tid('visit-form-summary', 'textarea'), '已跟进')
    // The summary is short: the form suggests what to add, without blocking the save.
    await shown(browser, tid('visit-form-summary-hint'))
    await click(browser, tid('visit-form-ourParticipants-add'))
    await fill(browser, `${tid('visit-form-ourParticipants-row')} input`, '张伟')
    await click(browser, `${tid('visit-form-progress')} .el-radio-button:nth-child(2)`)
    await click(browser, `${tid('visit-form-salesActions')} .el-checkbox-button:nth-child(2)`)
    await click(browser, tid('visit-form-actions-add'))
    await fill(browser, `${tid('visit-form-actions-row')} input`, '发送技术方案')
    await screenshot(browser, shotPath('visit-template.png'))
    await click(browser, tid('visit-save'))
    const warnings = await shown(browser, tid('visit-warnings'))
    const text = await warnings.getText()
    assert.match(text, /沟通后超过 24 小时才写记录/, `no late-record warning: ${text}`)
    assert.match(text, /「已跟进」太笼统/, `no vague-phrase warning: ${text}`)
    await click(browser, tid('visit-done'))
    await gone(browser, tid('visit-form'))
    const listed = await until(browser, () => listedText(twoDaysAgo), 'the record is not listed')
    assert.match(listed, /存在疑虑/)
    assert.match(listed, /产品演示/)
  })
})
