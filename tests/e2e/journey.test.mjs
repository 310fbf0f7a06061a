// The journey of a new user, on the real app: an empty database, the sample data, a new customer
// with three dimensions and a contact with a family note, pinyin search, presentation mode,
// delete + undo, and everything still there after the app is started again.
import { describe, it, before, after } from 'node:test'
import assert from 'node:assert/strict'
import {
  launch, quit, tid, tempDb, screenshot, settle, shotPath, shown, gone, click, fill, pageText, until, WAIT, journeySteps } from './app.mjs'

const CUSTOMER = '苏州恒星精工科技有限公司'
const PRODUCTS = '精密主轴、直线导轨与数控转台'
const SP_GOALS = '三年内成为长三角前三的精密部件供应商'
const CONTACT = '欧阳修远'
const INITIALS = 'oyxy'
const FAMILY = '女儿明年高考，周末常陪孩子去图书馆'
const SAMPLE_SIGNAL_CUSTOMER = '华东精密机械股份有限公司'
const SAMPLE_TO_DELETE = '长江汽车零部件有限公司'

const db = tempDb('journey')
let browser

const step = journeySteps('journey', () => browser)

const section = (code, rest = '') => tid(`section-${code}`, rest)

async function listTotal() {
  const text = await (await shown(browser, tid('list-total'))).getText()
  return Number(/\d+/.exec(text)?.[0])
}

async function waitForTotal(n) {
  await until(browser, async () => (await listTotal()) === n, `the list does not say ${n} customers`)
}

/** The names in the customer table (all rows: the sample fits on one page). */
async function rowNames() {
  return browser.execute(() => [...document.querySelectorAll('.customer-row .name')].map((e) => e.textContent.trim()))
}

async function openFromList(name) {
  await click(browser, tid('nav-customers'))
  await shown(browser, tid('list-total'))
  const cell = await browser.$(`//tr[contains(@class,'customer-row')]//span[contains(@class,'name') and normalize-space()='${name}']`)
  await cell.waitForDisplayed({ timeout: WAIT })
  await cell.scrollIntoView({ block: 'center' })
  await cell.click()
  await until(browser, async () => (await (await shown(browser, tid('customer-name'))).getText()) === name, `${name}'s page did not open`)
}

/** Waits for the ElMessage toasts to go, so they are neither in a screenshot nor in the way. */
async function noToasts() {
  await until(browser, async () => (await browser.$$('.el-message')).length === 0, 'a toast stays up', 15_000)
}

/** Edits one section card: opens it, lets `fillIn` fill it, saves and waits for the read view. */
async function editSection(code, fillIn) {
  await click(browser, section(code, tid('section-edit')))
  await shown(browser, section(code, tid('section-save')))
  await fillIn(await browser.$(section(code)))
  await click(browser, section(code, tid('section-save')))
  await shown(browser, section(code, tid('section-edit')))
  await gone(browser, section(code, tid('section-save')))
}

async function assertUpdated(code) {
  const updated = await (await shown(browser, section(code, tid('section-updated')))).getText()
  assert.match(updated, /更新于/, `section ${code} should say 更新于, says "${updated}"`)
}

async function openContactCard(name) {
  const card = await browser.$(`//*[@data-testid='contact-card'][.//*[@data-testid='contact-name' and normalize-space()='${name}']]`)
  await card.waitForDisplayed({ timeout: WAIT })
  // The dialog that added the contact may still be fading out over the card: a click then
  // lands on nothing (seen once in a full run). Wait for the page to be still.
  await settle(browser)
  const view = await card.$(tid('contact-view'))
  await view.waitForClickable({ timeout: WAIT })
  await view.click()
  const dialog = await shown(browser, '.contact-dialog')
  await shown(browser, `.contact-dialog ${tid('contact-card')}`)
  return dialog
}

async function closeDialog() {
  await click(browser, `//div[contains(@class,'contact-dialog')]//footer//button[normalize-space()='关闭']`)
  await gone(browser, '.contact-dialog')
}

describe('journey', () => {
  before(async () => {
    browser = await launch({ db, ready: 'welcome' })
  })
  after(async () => {
    await quit(browser)
  })

  step('a. a fresh database shows the welcome panel; the sample data fills the list', async () => {
    const welcome = await shown(browser, tid('welcome'))
    assert.match(await (await welcome.$(tid('load-sample'))).getText(), /载入示例数据/)
    assert.match(await (await welcome.$(tid('new-customer'))).getText(), /新建客户/)

    await click(browser, tid('load-sample'))
    await gone(browser, tid('welcome'))
    await waitForTotal(36)
    assert.match(await (await browser.$(tid('list-total'))).getText(), /共 36 个客户/)
    await until(browser, async () => (await rowNames()).length === 36, 'the table does not show 36 rows')
    assert.ok((await rowNames()).includes(SAMPLE_SIGNAL_CUSTOMER))

    await noToasts()
    await (await browser.$(tid('list-total'))).moveTo() // no row under the pointer (hover colour)
    await screenshot(browser, shotPath('customer-list.png'))
  })

  step('a. a sample customer page shows its inventory-days signal (→60)', async () => {
    await openFromList(SAMPLE_SIGNAL_CUSTOMER)
    // The sample's inventory days are 28, 30, 60 over three years: the jump to 60 doubles them.
    const badge = await shown(browser, `${tid('customer-header')} ${tid('signal-badge')}`)
    assert.match(await badge.getText(), /库存周转天数 30→60 天，\+100%/)
    await shown(browser, section('financials', tid('signal-badge')))
    await noToasts()
    await (await browser.$(tid('customer-name'))).moveTo()
    await browser.execute(() => document.querySelector('.content')?.scrollTo(0, 0))
    await screenshot(browser, shotPath('customer-page.png'))
  })

  step('b. a new customer with a Chinese name opens on its own page', async () => {
    await click(browser, tid('nav-customers'))
    await click(browser, `.head ${tid('new-customer')}`)
    await shown(browser, tid('customer-form'))
    await fill(browser, tid('customer-name-input'), CUSTOMER)
    await click(browser, tid('customer-save'))
    await gone(browser, tid('customer-form'))
    await until(
      browser,
      async () => (await (await shown(browser, tid('customer-name'))).getText()) === CUSTOMER,
      'the new customer page did not open',
    )
    assert.match(await browser.getUrl(), /#\/customers\/\d+/)
  })

  step('b. three dimensions filled through their section cards say 更新于', async () => {
    await editSection('business', async (card) => {
      // The first textarea of the business card is 主要产品 (no business lines yet).
      await fill(browser, await card.$('textarea'), PRODUCTS)
    })
    assert.match(await (await browser.$(section('business'))).getText(), new RegExp(PRODUCTS))
    await assertUpdated('business')

    await editSection('sp_bp', async (card) => {
      await fill(browser, await card.$('textarea'), SP_GOALS) // SP 战略目标 comes first
    })
    assert.match(await (await browser.$(section('sp_bp'))).getText(), new RegExp(SP_GOALS))
    await assertUpdated('sp_bp')

    await editSection('financials', async (card) => {
      await click(browser, section('financials', tid('financials-add')))
      await click(browser, section('financials', tid('financials-add')))
      const rows = await card.$$(tid('financial-edit-row'))
      assert.equal(rows.length, 2)
      const periods = [['2023', '30'], ['2024', '60']]
      for (const [i, [period, days]] of periods.entries()) {
        await fill(browser, await rows[i].$('[data-col="period"]'), period)
        await fill(browser, await rows[i].$('[data-col="inventoryDays"]'), days)
      }
    })
    await until(
      browser,
      async () => (await browser.$$(section('financials', tid('financial-row')))).length === 2,
      'the financials table does not show two periods',
    )
    const badge = await shown(browser, section('financials', tid('signal-badge')))
    assert.match(await badge.getText(), /30→60/)
    await assertUpdated('financials')
  })

  step('c. a contact with a family note shows on a contact card', async () => {
    await click(browser, tid('contact-add'))
    await shown(browser, tid('contact-form'))
    await fill(browser, tid('contact-name-input'), CONTACT)
    const family = await browser.$(
      `//*[@data-testid='contact-form']//div[contains(@class,'el-form-item')][.//label[contains(normalize-space(),'家庭')]]//textarea`,
    )
    await fill(browser, family, FAMILY)
    await click(browser, tid('contact-save'))
    await gone(browser, tid('contact-form'))

    const card = await shown(browser, section('contacts', tid('contact-card')))
    assert.equal(await (await card.$(tid('contact-name'))).getText(), CONTACT)

    await openContactCard(CONTACT)
    const note = await shown(browser, `.contact-dialog ${tid('contact-family')}`)
    assert.equal((await note.getText()).trim(), FAMILY)
    await closeDialog()
  })

  step('d. the contact is found by pinyin initials and Enter opens the customer', async () => {
    await click(browser, tid('nav-customers'))
    await shown(browser, tid('list-total'))
    await browser.keys(['Control', 'k'])
    const input = await shown(browser, tid('search-input'))
    await input.setValue(INITIALS)
    const hit = await shown(browser, `${tid('search-group-contacts')} ${tid('search-hit')}`)
    assert.match(await hit.getText(), new RegExp(CONTACT))
    await browser.keys('Enter')
    await gone(browser, tid('search-palette'))
    await until(
      browser,
      async () => (await (await shown(browser, tid('customer-name'))).getText()) === CUSTOMER,
      'Enter did not open the customer of the contact',
    )
    await shown(browser, section('contacts', tid('contact-card')))
  })

  step('e. presentation mode hides the family note everywhere, and shows it again when off', async () => {
    await openContactCard(CONTACT)
    assert.ok((await browser.getPageSource()).includes(FAMILY), 'the family note should be on the card before')
    await closeDialog()

    await click(browser, tid('presentation-toggle'))
    await shown(browser, tid('presentation-badge'))
    await openContactCard(CONTACT)
    const note = await shown(browser, `.contact-dialog ${tid('contact-family')}`)
    assert.match(await note.getText(), /已隐藏/)
    assert.ok(!(await browser.getPageSource()).includes(FAMILY), 'the family note is in the page source')
    assert.ok(!(await pageText(browser)).includes(FAMILY), 'the family note is visible')

    await browser.keys(['Control', 'Shift', 'p'])
    await gone(browser, tid('presentation-badge'))
    await until(
      browser,
      async () => (await (await browser.$(`.contact-dialog ${tid('contact-family')}`)).getText()).trim() === FAMILY,
      'the family note did not come back after presentation mode',
    )
    await closeDialog()
  })

  step('f. a deleted customer leaves the list; undo brings it back', async () => {
    await click(browser, tid('nav-customers'))
    await waitForTotal(37)
    await openFromList(SAMPLE_TO_DELETE)
    await click(browser, tid('customer-delete'))
    await click(browser, '.el-message-box__btns .el-button--danger, .el-message-box__btns .el-button--primary')
    await shown(browser, tid('undo-banner'))
    await waitForTotal(36)
    assert.ok(!(await rowNames()).includes(SAMPLE_TO_DELETE), 'the deleted customer is still listed')

    await click(browser, tid('undo-button'))
    await until(
      browser,
      async () => (await (await shown(browser, tid('customer-name'))).getText()) === SAMPLE_TO_DELETE,
      'undo did not bring the customer back',
    )
    await click(browser, tid('nav-customers'))
    await waitForTotal(37)
    assert.ok((await rowNames()).includes(SAMPLE_TO_DELETE), 'the restored customer is not listed')
  })

  step('g. after quitting and starting again everything is still there', async () => {
    await quit(browser)
    browser = undefined
    browser = await launch({ db, ready: 'list' })
    await waitForTotal(37)
    await openFromList(CUSTOMER)

    assert.match(await (await shown(browser, section('business'))).getText(), new RegExp(PRODUCTS))
    assert.match(await (await shown(browser, section('sp_bp'))).getText(), new RegExp(SP_GOALS))
    assert.equal((await browser.$$(section('financials', tid('financial-row')))).length, 2)
    assert.match(await (await shown(browser, section('financials', tid('signal-badge')))).getText(), /30→60/)
    for (const code of ['business', 'sp_bp', 'financials']) await assertUpdated(code)

    const card = await shown(browser, section('contacts', tid('contact-card')))
    assert.equal(await (await card.$(tid('contact-name'))).getText(), CONTACT)
    await openContactCard(CONTACT)
    assert.equal((await (await shown(browser, `.contact-dialog ${tid('contact-family')}`)).getText()).trim(), FAMILY)
    await closeDialog()
  })
})
