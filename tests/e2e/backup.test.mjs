// Backups on the real app: 设置 → 备份与恢复 lists the day's automatic snapshot; 立即备份 adds a
// verified one; a customer is renamed; restoring the 立即备份 snapshot brings the old name back,
// and the snapshot of the state before the restore is listed.
import { describe, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { CLI, launch, quit, tid, tempDir, screenshot, shotPath, shown, gone, click, fill, until, journeySteps } from './app.mjs'

const dir = tempDir()
const db = join(dir, 'backup.sqlite')
const backups = join(dir, 'backup-backups')
execFileSync(CLI, ['demo', '--db', db], { stdio: 'ignore' })

let browser
const step = journeySteps('backup', () => browser)
/** The listed snapshots' reasons, newest first. */
const reasons = () => browser.execute(() => [...document.querySelectorAll('[data-testid="backup-reason"]')].map((e) => e.dataset.reason))
const customerName = async () => (await shown(browser, tid('customer-name'))).getText()

describe('backup and restore', () => {
  before(async () => {
    browser = await launch({ db, ready: 'list' })
  })
  after(() => quit(browser))

  step('1. the first start of the day took a verified snapshot beside the database', async () => {
    await until(browser, () => existsSync(backups) && readdirSync(backups).some((f) => f.endsWith('-daily.sqlite')), 'no daily snapshot was taken', 30_000)
    await click(browser, tid('nav-settings'))
    await shown(browser, tid('settings-backup'))
    assert.match(await (await shown(browser, tid('backup-folder'))).getText(), /backup-backups$/)
    await until(browser, async () => (await reasons()).includes('daily'), 'the daily snapshot is not listed')
  })

  step('2. 立即备份 adds a manual snapshot with its counts', async () => {
    await click(browser, tid('backup-now'))
    await until(browser, async () => (await reasons())[0] === 'manual', 'the manual snapshot is not listed first')
    const first = await browser.execute(() => document.querySelector('[data-testid="backup-list"] .el-table__row').textContent)
    assert.match(first, /手动/)
    assert.match(first, /36 个客户/)
    await (await browser.$(tid('settings-backup'))).scrollIntoView()
    await screenshot(browser, shotPath('backup-settings.png'))
  })

  let customerPage
  step('3. a customer is renamed', async () => {
    await click(browser, tid('nav-customers'))
    await shown(browser, tid('list-total'))
    await click(browser, '.customer-row .name')
    await shown(browser, tid('customer-name'))
    customerPage = await browser.getUrl()
    await click(browser, tid('customer-edit'))
    await shown(browser, tid('customer-form'))
    await fill(browser, tid('customer-name-input'), '改名后的客户有限公司')
    await click(browser, tid('customer-save'))
    await gone(browser, tid('customer-form'))
    await until(browser, async () => (await customerName()) === '改名后的客户有限公司', 'the customer was not renamed')
  })

  step('4. restoring the manual snapshot brings the old name back; the state before is listed', async () => {
    await click(browser, tid('nav-settings'))
    await until(browser, async () => (await reasons())[0] === 'manual', 'the list did not load')
    // The manual snapshot is the newest: its row's 恢复.
    await click(browser, `${tid('backup-list')} .el-table__row:first-child ${tid('backup-restore')}`)
    await click(browser, '.el-message-box__btns .el-button--primary')
    await until(browser, async () => (await reasons())[0] === 'before-restore', 'the before-restore snapshot is not listed first', 60_000)
    assert.ok((await reasons()).includes('manual'), 'the restored snapshot is gone from the list')
    await browser.url(customerPage)
    await until(browser, async () => {
      const name = await customerName()
      return name !== '改名后的客户有限公司' && name.length > 0
    }, 'the rename survived the restore')
  })
})
