// Exporting to Excel on the real app: with the sample data loaded, the team report and one
// customer's profile are written through the export dialog. The native save dialog cannot be
// driven by WebDriver: the app answers it with the path the test gives (answerDialogs).
import { describe, it, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { answerDialogs, launch, quit, tid, tempDir, screenshot, shown, gone, click, until, journeySteps, sheetNames, TEAM_SHEETS } from './app.mjs'

const dir = tempDir()
const db = join(dir, 'export.sqlite')
const report = join(dir, '周会报告.xlsx')
const profileFile = join(dir, '客户档案.xlsx')

let browser

const step = journeySteps('export', () => browser)

/** Waits for `path` to be a finished .xlsx (a zip with `sheets`, in that order) and returns its size. */
async function workbook(path, sheets) {
  await until(browser, async () => existsSync(path) && statSync(path).size > 0, `${path} was not written`, 60_000)
  const bytes = readFileSync(path)
  assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', `${path} is not a zip`)
  assert.deepEqual(sheetNames(path), sheets, `${path} has other sheets`)
  return bytes.length
}

const setSavePath = (path) => answerDialogs(browser, path)

describe('export', () => {
  before(async () => {
    browser = await launch({ db, ready: 'welcome' })
  })
  after(() => quit(browser))

  step('1. the sample data is loaded', async () => {
    await click(browser, tid('load-sample'))
    await gone(browser, tid('welcome'))
    await until(browser, async () => /36/.test(await (await shown(browser, tid('list-total'))).getText()), 'the sample customers are not listed', 60_000)
  })

  step('2. the team report is exported through the dialog to the chosen path', async () => {
    await setSavePath(report)
    await click(browser, tid('export-team-report'))
    await shown(browser, tid('export-dialog'))
    // Personal details are off by default; the warning says what ticking the box would add.
    assert.equal(await browser.execute(() => document.querySelector('[data-testid="export-personal"] input').checked), false)
    assert.match(await (await shown(browser, tid('export-personal-warning'))).getText(), /家庭/)
    await click(browser, tid('export-confirm'))
    await gone(browser, tid('export-dialog'), 60_000)
    const size = await workbook(report, TEAM_SHEETS)
    assert.ok(size > 10 * 1024, `the report is only ${size} bytes`)
    await until(browser, () => browser.execute(() => document.body.innerText.includes('已导出到')), 'no success message')
  })

  step('3. a customer profile is exported from its page', async () => {
    await setSavePath(profileFile)
    // The success toast can sit over the first rows: wait for it to go, then click a name.
    await until(browser, async () => (await browser.$$('.el-message')).length === 0, 'a toast stays up', 15_000)
    const name = await browser.$("//tr[contains(@class,'customer-row')]//span[contains(@class,'name')]")
    await name.waitForDisplayed()
    await name.scrollIntoView({ block: 'center' })
    await name.click()
    await shown(browser, tid('customer-header'))
    await click(browser, tid('export-customer'))
    await shown(browser, tid('export-dialog'))
    await click(browser, tid('export-confirm'))
    const size = await workbook(profileFile, ['客户档案'])
    assert.ok(size > 4 * 1024, `the profile is only ${size} bytes`)
  })
})
