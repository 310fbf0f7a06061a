// The English UI on the real app: 设置 → Language → English translates the navigation, the
// page titles and a dialog at once; on an empty database no Chinese is left on the main pages
// (the language switch's own 中文 aside); switching back gives the Chinese UI again.
import { describe, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { launch, quit, tid, tempDb, shown, gone, click, until, journeySteps, settle } from './app.mjs'

const db = tempDb('english')
let browser
const step = journeySteps('english', () => browser)

/** CJK ideographs, CJK punctuation and full-width forms. */
const CHINESE = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/

/** The Chinese lines of the page's visible text (or of `selector`); the language switch's 中文 and the logo's 档 left out. */
const chineseLines = (selector = 'body') =>
  browser.execute(
    (sel, source) => {
      const root = document.querySelector(sel)
      const lines = (e) => e.innerText.split('\n').map((l) => l.trim())
      const own = new Set([...root.querySelectorAll('[data-testid="language-switch"], .logo')].flatMap(lines))
      return lines(root).filter((l) => new RegExp(source).test(l) && !own.has(l))
    },
    selector,
    CHINESE.source,
  )

const navText = async (page) => (await (await shown(browser, tid(`nav-${page}`))).getText()).trim()

async function pickLanguage(label) {
  await click(browser, tid('nav-settings'))
  await click(browser, `//*[@data-testid='language-switch']//label[normalize-space()='${label}']`)
}

describe('English UI', () => {
  before(async () => {
    browser = await launch({ db, ready: 'welcome' })
  })
  after(async () => {
    // The language is kept in the webview's storage, which the next test files share: leave
    // the Chinese UI even when a step failed.
    await pickLanguage('中文').catch(() => {})
    await quit(browser)
  })

  step('1. 设置 → English translates the navigation and the page at once', async () => {
    assert.equal(await navText('settings'), '设置')
    await pickLanguage('English')
    await until(browser, async () => (await navText('settings')) === 'Settings', 'the navigation stays Chinese')
    const nav = {}
    for (const page of ['home', 'customers', 'pipeline', 'imports', 'trash', 'settings']) nav[page] = await navText(page)
    assert.deepEqual(nav, {
      home: 'Home',
      customers: 'Customers',
      pipeline: 'Pipeline',
      imports: 'Import history',
      trash: 'Trash',
      settings: 'Settings',
    })
    assert.equal(await (await shown(browser, 'main h2')).getText(), 'Settings')
    assert.equal(await browser.execute(() => document.documentElement.lang), 'en')
  })

  step('2. no Chinese on the main pages', async () => {
    const titles = { home: 'Home', pipeline: 'Pipeline', imports: 'Import history', trash: 'Trash', settings: 'Settings' }
    for (const page of ['home', 'customers', 'pipeline', 'imports', 'trash', 'settings']) {
      await click(browser, tid(`nav-${page}`))
      if (page === 'customers') {
        assert.match(await (await shown(browser, tid('welcome'))).getText(), /Welcome to Dossier/)
      } else {
        await until(browser, async () => (await (await shown(browser, 'main h2')).getText()) === titles[page], `the ${page} page's title is not “${titles[page]}”`)
      }
      await settle(browser)
      assert.deepEqual(await chineseLines(), [], `Chinese on the ${page} page`)
    }
  })

  step('3. a dialog is in English too', async () => {
    await click(browser, tid('nav-customers'))
    await click(browser, `${tid('welcome')} ${tid('new-customer')}`)
    const title = await shown(browser, '.el-dialog .el-dialog__title')
    assert.equal(await title.getText(), 'New customer')
    await settle(browser)
    assert.deepEqual(await chineseLines('.el-dialog'), [], 'Chinese in the new customer dialog')
    await browser.keys('Escape')
    await gone(browser, '.el-dialog')
  })

  step('4. switching back to 中文 gives the Chinese UI', async () => {
    await pickLanguage('中文')
    await until(browser, async () => (await navText('settings')) === '设置', 'the navigation stays English')
    assert.equal(await navText('customers'), '客户')
    assert.equal(await (await shown(browser, 'main h2')).getText(), '设置')
  })
})
