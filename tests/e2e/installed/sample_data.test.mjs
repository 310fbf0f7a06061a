// The installed package's app (DOSSIER_APP=/usr/bin/dossier) loads the sample data: run by
// scripts/package.sh after it installs the .deb, not by the E2E suite (run.sh's default list is
// tests/e2e/*.test.mjs, this folder is left out). The database is the script's
// (PACKAGE_SAMPLE_DB), so it can check the file after the package is removed.
import { describe, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { APP, click, gone, journeySteps, launch, quit, screenshot, shotPath, shown, tid, until } from '../app.mjs'

const db = process.env.PACKAGE_SAMPLE_DB
let browser
const step = journeySteps('installed', () => browser)

describe('the installed app', () => {
  before(async () => {
    assert.ok(db, 'PACKAGE_SAMPLE_DB names the database (scripts/package.sh sets it)')
    assert.ok(APP.startsWith('/usr/'), `DOSSIER_APP is the installed binary, not ${APP}`)
    browser = await launch({ db, ready: 'welcome' })
  })
  after(() => quit(browser))

  step('loads the sample data: 36 customers in the list', async () => {
    await click(browser, tid('load-sample'))
    await gone(browser, tid('welcome'), 60_000)
    const total = await until(
      browser,
      async () => {
        const text = await (await shown(browser, tid('list-total'))).getText()
        return /36/.test(text) && text
      },
      'the sample customers are not listed',
      60_000,
    )
    assert.match(total, /共 36 个客户/)
    await screenshot(browser, shotPath('installed-sample-data.png'))
  })
})
