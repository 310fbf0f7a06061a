// The trash (回收站) on the real app with the sample data: a customer (with its contacts, deals,
// summaries, purchases and power map) is deleted, then a contact of another customer; the
// confirmations and the undo banner say they go to the 回收站. After quitting and starting the
// app again on the same file both are listed there, newest first, with what went with them.
// Restoring the customer brings its contacts and its power map back (opened from the restore
// message); the contact is still in the trash, restored on its own afterwards.
import { describe, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { CLI, launch, quit, tid, tempDir, screenshot, shotPath, shown, click, until, journeySteps, pageText, settle } from './app.mjs'

const dir = tempDir()
const db = join(dir, 'trash.sqlite')
execFileSync(CLI, ['demo', '--db', db], { stdio: 'ignore' })

// From the sample data (core sample.rs): customer 1 with five contacts, a deal, two summaries,
// purchases and a power map; 张洋 (contact 12) of customer 3.
const CUSTOMER = { id: 1, name: '华东精密机械股份有限公司' }
const OTHER = { id: 3, name: '中恒电力工程集团有限公司' }
const CONTACT = { id: 12, name: '张洋' }

let browser
const step = journeySteps('trash', () => browser)
/** What the customer page showed before the delete: its contacts and its map's nodes. */
const before_ = { contacts: 0, nodes: 0 }

/** The text of the first `selector` once it matches `re` (WebKit's getText can lag a fade-in). */
const textMatching = (selector, re) =>
  until(
    browser,
    async () => {
      const text = await browser.execute((sel) => document.querySelector(sel)?.textContent ?? '', selector)
      return re.test(text) ? text : null
    },
    `${selector} does not say ${re}`,
  )
const go = (hash) => browser.execute((h) => (location.hash = h), hash)
const contactCards = () => browser.execute(() => document.querySelectorAll('[data-testid="section-contacts"] [data-testid="contact-card"]').length)
const mapNodes = () => browser.execute(() => window.__DOSSIER_E2E_PM__?.view()?.nodes.length ?? null)

/** Opens customer `id` and waits for its header and its contacts. */
async function openCustomer(id, name) {
  await go(`#/customers/${id}`)
  await until(browser, async () => (await (await shown(browser, tid('customer-name'))).getText()) === name, `customer ${name} did not open`)
}

/** Opens the 权力地图 tab of the open customer; the number of nodes drawn. */
async function openMap() {
  await click(browser, '#tab-map')
  await shown(browser, tid('pm-chart'))
  return until(browser, async () => (await mapNodes()) || null, 'the power map did not load')
}

/** Confirms the open message box with its red button. */
const confirmRed = () => click(browser, '.el-message-box__btns .el-button--danger')
/** Waits for the undo banner to say that `name` went to the 回收站 (its text, as it fades in). */
const bannerSays = (name) =>
  until(
    browser,
    async () => (await browser.execute(() => document.querySelector('[data-testid="undo-banner"]')?.textContent ?? '')).includes(`已将「${name}」移到回收站`),
    `the banner does not say ${name} is in the 回收站`,
  )

/** The trash's rows: [name, kind, contents]. */
const trashRows = () =>
  browser.execute(() =>
    [...document.querySelectorAll('.el-table__body-wrapper tr')]
      .filter((r) => r.querySelector('[data-testid="trash-name"]'))
      .map((r) => ['trash-name', 'trash-kind', 'trash-contents'].map((id) => r.querySelector(`[data-testid="${id}"]`).textContent.trim())),
  )
/** Clicks `button` (a test id) in the trash row named `name`; false when no such row. */
const clickInRow = (name, button) =>
  browser.execute(
    (n, b) => {
      const row = [...document.querySelectorAll('.el-table__body-wrapper tr')].find((r) => r.querySelector('[data-testid="trash-name"]')?.textContent.trim() === n)
      row?.querySelector(`[data-testid="${b}"]`).click()
      return !!row
    },
    name,
    button,
  )

describe('trash', () => {
  before(async () => {
    browser = await launch({ db, ready: 'list' })
  })
  after(() => quit(browser))

  step('1. a customer is deleted to the 回收站 with what hangs off it', async () => {
    await openCustomer(CUSTOMER.id, CUSTOMER.name)
    before_.contacts = await until(browser, contactCards, 'the contacts are not shown')
    before_.nodes = await openMap()
    assert.equal(before_.contacts, 5)
    assert.ok(before_.nodes >= before_.contacts, `the map shows ${before_.nodes} nodes for ${before_.contacts} contacts`)
    await click(browser, tid('customer-delete'))
    await textMatching(tid('customer-delete-preview'), /联系人 5 位[\s\S]*以上内容会一起移到回收站，保留 30 天/)
    await confirmRed()
    await bannerSays(CUSTOMER.name)
    await shown(browser, tid('list-total'))
    await until(browser, async () => !(await pageText(browser)).includes(CUSTOMER.name), 'the deleted customer is still listed')
  })

  step('2. then a contact of another customer', async () => {
    await openCustomer(OTHER.id, OTHER.name)
    await until(browser, async () => (await contactCards()) === 5, 'the other customer’s contacts are not shown')
    await click(browser, `${tid('section-contacts')} #contact-${CONTACT.id} ${tid('contact-delete')}`)
    await textMatching('.el-message-box__message', /^删除联系人「张洋」？.*删除后会移到回收站，保留 30 天，期间可以恢复。$/)
    await confirmRed()
    await until(browser, async () => (await contactCards()) === 4, 'the contact is still shown')
    await bannerSays(CONTACT.name)
  })

  step('3. after quitting and starting again, both are in the 回收站, newest first, with what went with them', async () => {
    await quit(browser)
    browser = undefined
    browser = await launch({ db, ready: 'list' })
    await click(browser, tid('nav-trash'))
    const rows = await until(browser, async () => {
      const r = await trashRows()
      return r.length === 2 ? r : null
    }, 'the trash does not list the two deletes')
    assert.deepEqual(rows[0].slice(0, 2), [CONTACT.name, '联系人'])
    assert.deepEqual(rows[1].slice(0, 2), [CUSTOMER.name, '客户'])
    assert.match(rows[1][2], /^含 5 位联系人、\d+ 个商机、\d+ 条跟进记录/)
    assert.match(rows[1][2], /条采购记录/)
    await textMatching(tid('trash-lead'), /保留 30 天/)
    assert.ok((await pageText(browser)).includes(`客户：${OTHER.name}`), 'the contact’s customer is not named')
    await settle(browser)
    await screenshot(browser, shotPath('trash.png'))
  })

  step('4. restoring the customer brings back its contacts and its power map', async () => {
    assert.ok(await clickInRow(CUSTOMER.name, 'trash-restore'))
    await textMatching(tid('trash-restored'), new RegExp(`已恢复客户「${CUSTOMER.name}」`))
    await until(browser, async () => (await trashRows()).length === 1, 'the customer is still in the trash')
    await click(browser, tid('trash-restored-open'))
    await until(browser, async () => (await (await shown(browser, tid('customer-name'))).getText()) === CUSTOMER.name, 'the restored customer did not open')
    assert.equal(await until(browser, async () => (await contactCards()) || null, 'no contacts are shown'), before_.contacts)
    assert.equal(await openMap(), before_.nodes)
  })

  step('5. the contact is still in the trash and is restored too', async () => {
    await click(browser, tid('nav-trash'))
    const rows = await until(browser, async () => {
      const r = await trashRows()
      return r.length === 1 ? r : null
    }, 'the contact is not in the trash any more')
    assert.equal(rows[0][0], CONTACT.name)
    assert.ok(await clickInRow(CONTACT.name, 'trash-restore'))
    await textMatching(tid('trash-restored'), /已恢复联系人「张洋」/)
    await shown(browser, tid('trash-empty'))
    await screenshot(browser, shotPath('trash-empty.png'))
    await click(browser, tid('trash-restored-open'))
    await until(browser, async () => (await (await shown(browser, tid('customer-name'))).getText()) === OTHER.name, 'the contact’s customer did not open')
    await until(browser, async () => (await contactCards()) === 5, 'the restored contact is not shown')
    await shown(browser, `${tid('section-contacts')} #contact-${CONTACT.id}`)
  })
})
