// Search by a contact's e-mail address and by their WeChat id, on the real app: a contact is
// added to a sample customer with both, and the search palette (Ctrl+K) finds them by each;
// Enter opens their customer. (Pinyin search is in journey.test.mjs.)
import { describe, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { CLI, launch, quit, tid, tempDir, shown, gone, click, fill, until, journeySteps, settle } from './app.mjs'

const dir = tempDir()
const db = join(dir, 'search.sqlite')
execFileSync(CLI, ['demo', '--db', db], { stdio: 'ignore' })

const CONTACT = '司马立新'
const WECHAT = 'sima_lixin_2026'
const EMAIL = 'sima.lixin@hengxing-jinggong.cn'

let browser
let customer = ''
const step = journeySteps('search', () => browser)

/** An input of the contact form, found by its label. */
const formInput = (label) =>
  browser.$(`//*[@data-testid='contact-form']//div[contains(@class,'el-form-item')][.//label[normalize-space()='${label}']]//input`)

/** Opens the palette, types `query` and returns the text of the first contact hit. */
async function searchContact(query) {
  await browser.keys(['Control', 'k'])
  const input = await shown(browser, tid('search-input'))
  await input.setValue(query)
  return until(
    browser,
    async () => {
      const hits = await browser.$$(`${tid('search-group-contacts')} ${tid('search-hit')}`)
      return hits.length ? hits[0].getText() : null
    },
    `no contact is found by “${query}”`,
  )
}

describe('search by e-mail and WeChat', () => {
  before(async () => {
    browser = await launch({ db, ready: 'list' })
  })
  after(() => quit(browser))

  step('1. a contact with an e-mail address and a WeChat id is added to a customer', async () => {
    await browser.execute(() => {
      location.hash = '#/customers/1'
    })
    customer = await (await shown(browser, tid('customer-name'))).getText()
    await click(browser, tid('contact-add'))
    await shown(browser, tid('contact-form'))
    await settle(browser)
    await fill(browser, tid('contact-name-input'), CONTACT)
    await fill(browser, await formInput('微信'), WECHAT)
    await fill(browser, await formInput('邮箱'), EMAIL)
    await click(browser, tid('contact-save'))
    await gone(browser, tid('contact-form'))
    await until(
      browser,
      () => browser.execute((name) => [...document.querySelectorAll('[data-testid="contact-name"]')].some((e) => e.textContent.trim() === name), CONTACT),
      'the contact card is not shown',
    )
  })

  step('2. the e-mail address finds the contact', async () => {
    await click(browser, tid('nav-customers'))
    await shown(browser, tid('list-total'))
    const hit = await searchContact(EMAIL)
    assert.match(hit, new RegExp(CONTACT))
    await browser.keys('Escape')
    await gone(browser, tid('search-palette'))
  })

  step('3. the WeChat id finds the contact, and Enter opens their customer', async () => {
    const hit = await searchContact(WECHAT)
    assert.match(hit, new RegExp(CONTACT))
    await browser.keys('Enter')
    await gone(browser, tid('search-palette'))
    await until(
      browser,
      async () => (await (await shown(browser, tid('customer-name'))).getText()) === customer,
      `Enter did not open ${customer}`,
    )
  })
})
