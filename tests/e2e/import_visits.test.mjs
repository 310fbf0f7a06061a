// Importing follow-up records on the real app (docs/import.md, "What a file can hold"): a small
// CSV of 跟进记录 about the sample's 华东精密 goes through the wizard with 跟进记录 chosen in its
// first step; the row naming a customer Dossier does not have is refused in the preview with its
// row and column, the good one is imported and shows on the customer's tab with its next action,
// and undoing the import from 导入记录 sends it to the trash. The native open dialog is answered
// with the CSV's path (answerDialogs).
import { describe, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { CLI, answerDialogs, appDay, launch, quit, tid, tempDir, screenshot, shotPath, shown, gone, click, pageText, until, WAIT, journeySteps } from './app.mjs'

const dir = tempDir()
const db = join(dir, 'visits-import.sqlite')
const csv = join(dir, '跟进记录.csv')
const NAME = '华东精密机械股份有限公司'
const SUMMARY = '电话确认二期产线的交期和验收安排'
const ACTION = '发送交期确认表'
execFileSync(CLI, ['demo', '--db', db], { stdio: 'ignore' })
const hits = JSON.parse(execFileSync(CLI, ['search', '--db', db, '--json', NAME], { encoding: 'utf8' }))
const CUSTOMER = hits.find((h) => h.kind === 'customer' && h.title === NAME).id

let browser
const step = journeySteps('import-visits', () => browser)
const text = async (selector) => (await shown(browser, selector)).getText()

/** The customer's 跟进记录 tab, and whether it lists the imported record. */
async function visitsTab() {
  await browser.execute((id) => {
    location.hash = `#/customers/${id}?tab=visits`
  }, CUSTOMER)
  await shown(browser, tid('visits-tab'))
  return () => browser.execute((s) => [...document.querySelectorAll('[data-testid="visit-item"]')].some((e) => e.textContent.includes(s)), SUMMARY)
}

describe('importing follow-up records', () => {
  before(async () => {
    browser = await launch({ db, ready: 'list' })
  })
  after(() => quit(browser))

  step('1. 跟进记录 is chosen in the first step; the file is read and its columns mapped', async () => {
    const [today, due] = [await appDay(browser), await appDay(browser, 7)]
    writeFileSync(
      csv,
      [
        '客户名称,跟进日期,沟通方式,跟进内容,下一步,行动负责人,截止日期',
        `${NAME},${today},电话,${SUMMARY},${ACTION},张伟,${due}`,
        `不存在的公司,${today},面谈,寒暄,,,`,
        '',
      ].join('\r\n'),
    )
    answerDialogs(browser, csv)
    await click(browser, tid('import-open'))
    await shown(browser, tid('import-wizard'))
    await click(browser, tid('import-kind-visits'))
    await until(browser, async () => (await pageText(browser)).includes('参与人须是该客户的联系人'), 'the kind hint does not change')
    await click(browser, tid('import-pick'))
    await until(browser, async () => (await text(tid('import-file'))).includes('跟进记录.csv'), 'the chosen file is not shown')
    await screenshot(browser, shotPath('import-visits-kind.png'))
    await click(browser, tid('import-next'))
    await shown(browser, tid('import-sample-row', '') + '.header', 60_000)
    await click(browser, tid('import-next'))
    await shown(browser, tid('import-map-0'))
    const labels = await browser.execute(() =>
      [0, 1, 2, 3, 4, 5, 6].map((i) => document.querySelector(`[data-testid="import-map-${i}"]`)?.innerText?.trim() ?? ''),
    )
    assert.deepEqual(labels, ['客户名称', '跟进日期', '沟通方式', '沟通纪要', '下一步行动', '行动负责人', '行动截止日期'])
  })

  step('2. the preview refuses the unknown customer by row and column and skips duplicates', async () => {
    await click(browser, tid('import-next'))
    await shown(browser, tid('import-preview'))
    assert.equal(await text(tid('import-count-new')), '新增 1')
    assert.equal(await text(tid('import-count-error')), '错误 1')
    assert.equal(await text(tid('import-issue')), '第 3 行 · A 列「客户名称」：档案中没有客户「不存在的公司」，请先导入客户')
    assert.match(await text(tid('import-duplicate-skipped')), /同一客户、同一天、同一沟通方式、相同纪要的跟进记录已在档案中，跳过/)
    await screenshot(browser, shotPath('import-visits-preview.png'))
  })

  step('3. the good row is imported and shows on the customer’s tab with its next action', async () => {
    await click(browser, tid('import-commit'))
    await shown(browser, tid('import-done'), 60_000)
    assert.equal(await text(tid('import-done-created')), '1')
    assert.equal(await text(tid('import-done-errors')), '1')
    await click(browser, tid('import-view-customers'))
    await gone(browser, tid('import-wizard'))
    const listed = await visitsTab()
    await until(browser, listed, 'the imported record is not on the tab')
    const item = await browser.execute((s) => [...document.querySelectorAll('[data-testid="visit-item"]')].find((e) => e.textContent.includes(s))?.textContent ?? '', SUMMARY)
    assert.ok(item.includes(ACTION) && item.includes('张伟'), `the next action is not shown: ${item}`)
    await screenshot(browser, shotPath('import-visits-tab.png'))
  })

  step('4. undoing the import from 导入记录 sends the record to the trash', async () => {
    await click(browser, tid('nav-imports'))
    await shown(browser, tid('import-history'))
    await until(browser, async () => (await pageText(browser)).includes('跟进记录.csv'), 'the import is not in the history')
    await click(browser, tid('import-history-undo'))
    await until(
      browser,
      async () => (await (await shown(browser, tid('import-undo-lines'))).getText()).includes('导入的 1 条跟进记录移到回收站'),
      'the undo does not say what goes',
    )
    await click(browser, tid('import-undo-confirm'))
    assert.match(await (await shown(browser, tid('import-undo-done'))).getText(), /导入的 1 条跟进记录已移到回收站/)
    await click(browser, tid('import-undo-close'))
    await gone(browser, tid('import-undo-dialog'))
    const listed = await visitsTab()
    await until(browser, async () => !(await listed()), 'the undone record is still on the tab', WAIT)
  })
})
