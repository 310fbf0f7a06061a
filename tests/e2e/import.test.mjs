// Importing the AM's own customer list on the real app: a messy CSV (a title block above the
// header, a required-mark, mixed date formats and one bad date) goes through the wizard, the
// customers appear in the list, and undoing the import from the history removes them again.
// The native file dialog cannot be driven by WebDriver: the wizard takes the path from
// window.__DOSSIER_E2E_PICK__ instead.
import { describe, it, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { launch, quit, tid, tempDir, screenshot, shotPath, shown, gone, click, pageText, until, WAIT, journeySteps } from './app.mjs'

const dir = tempDir()
const db = join(dir, 'import.sqlite')
const csv = join(dir, '2024客户清单.csv')
const GOOD = ['苏州华东精密机械有限公司', '长江汽车零部件有限公司', '北方化工集团']
const BAD = '西部新能源科技有限公司'
writeFileSync(
  csv,
  '\uFEFF' +
    [
      '2024 年重点客户清单,,,,',
      '导出日期：2024-03-05,,,,',
      '*客户名称,客户等级,成立日期,联系人,手机号码',
      `${GOOD[0]},A类,2019年3月5日,王芳,138 0013 8000`,
      `${GOOD[1]},B,2008/6/1,李四,13900139000`,
      `${GOOD[2]},C,2001-09,赵敏,`,
      `${BAD},A,2023年13月,钱七,13700137000`,
      '',
    ].join('\r\n'),
)

let browser

const step = journeySteps('import', () => browser)

const text = async (selector) => (await shown(browser, selector)).getText()
const rowNames = () => browser.execute(() => [...document.querySelectorAll('.customer-row .name')].map((e) => e.textContent.trim()))

describe('import wizard', () => {
  before(async () => {
    browser = await launch({ db, ready: 'welcome' })
  })
  after(() => quit(browser))

  step('1. the welcome panel opens the wizard; the file is inspected and its header row found', async () => {
    await browser.execute((p) => {
      window.__DOSSIER_E2E_PICK__ = p
    }, csv)
    await click(browser, tid('welcome-import'))
    await shown(browser, tid('import-wizard'))
    await click(browser, tid('import-pick'))
    await until(browser, async () => (await text(tid('import-file'))).includes('2024客户清单.csv'), 'the chosen file is not shown')
    await click(browser, tid('import-next'))
    // The header row is found below the two title lines and highlighted.
    const header = await until(
      browser,
      () => browser.execute(() => document.querySelector('[data-testid="import-sample-row"].header')?.textContent ?? ''),
      'no header row is highlighted',
      60_000,
    )
    assert.match(header, /客户名称/)
    assert.equal(await browser.execute(() => document.querySelectorAll('[data-testid="import-sample-row"]').length), 7)
    await screenshot(browser, shotPath('import-header.png'))
  })

  step('2. the mapping is suggested from the messy headers', async () => {
    await click(browser, tid('import-next'))
    await shown(browser, tid('import-map-0'))
    const labels = await browser.execute(() =>
      [0, 1, 2, 3, 4].map((i) => document.querySelector(`[data-testid="import-map-${i}"]`)?.innerText?.trim() ?? ''),
    )
    assert.deepEqual(labels, ['客户名称', '客户分级', '成立时间', '联系人姓名', '联系人电话'])
  })

  step('3. the preview counts the rows and names the bad cell', async () => {
    await click(browser, tid('import-next'))
    await shown(browser, tid('import-preview'))
    assert.equal(await text(tid('import-count-new')), '新增 3')
    assert.equal(await text(tid('import-count-error')), '错误 1')
    const issue = await text(tid('import-issue'))
    assert.equal(issue, "第 7 行 · C 列「成立日期」：日期不存在 '2023年13月'")
    assert.equal(await text(tid('import-commit')), '导入 3 条')
    await screenshot(browser, shotPath('import-preview.png'))
  })

  step('4. committing imports the three good rows; the list shows them', async () => {
    await click(browser, tid('import-commit'))
    await shown(browser, tid('import-done'), 60_000)
    assert.equal(await text(tid('import-done-created')), '3')
    assert.equal(await text(tid('import-done-errors')), '1')
    await screenshot(browser, shotPath('import-done.png'))
    await click(browser, tid('import-view-customers'))
    await gone(browser, tid('import-wizard'))
    await until(browser, async () => /共 3 个客户/.test(await text(tid('list-total'))), 'the list does not say 3 customers')
    const names = await rowNames()
    assert.deepEqual([...names].sort(), [...GOOD].sort())
    assert.ok(!(await pageText(browser)).includes(BAD))
  })

  step('5. undoing the import from the history removes the customers again', async () => {
    await click(browser, tid('nav-imports'))
    await shown(browser, tid('import-history'))
    await until(browser, async () => (await pageText(browser)).includes('2024客户清单.csv'), 'the import is not in the history')
    await click(browser, tid('import-history-undo'))
    await click(browser, '.el-message-box__btns .el-button--primary')
    await shown(browser, tid('import-history-undone'))
    const undo = await browser.$(tid('import-history-undo'))
    assert.equal(await undo.isEnabled(), false)
    await screenshot(browser, shotPath('import-history.png'))
    await click(browser, tid('nav-customers'))
    await shown(browser, tid('welcome'), WAIT)
    for (const name of GOOD) assert.ok(!(await pageText(browser)).includes(name), `${name} is still shown`)
  })
})
