// Importing the AM's own customer list on the real app (docs/import.md): a messy CSV (a title
// block above the header, a required-mark, mixed date formats, a column the synonyms do not
// know and one bad date) goes through the wizard with the mapping adjusted once and saved as a
// template; the bad row is skipped, the customers appear in the list, the import is undone
// from the history; the re-import gets the saved template by itself and the bad cell is fixed
// in the preview; then the team report is exported and found on disk, and "show in folder" is
// offered. The native file dialogs cannot be driven by WebDriver: the app answers them with the
// paths the test gives (answerDialogs).
import { describe, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { answerDialogs, launch, quit, tid, tempDir, screenshot, shotPath, shown, gone, click, fill, choose, pageText, until, WAIT, journeySteps, sheetNames, TEAM_SHEETS } from './app.mjs'

const dir = tempDir()
const db = join(dir, 'import.sqlite')
const csv = join(dir, '2024客户清单.csv')
const report = join(dir, '周会报告.xlsx')
const GOOD = ['苏州华东精密机械有限公司', '长江汽车零部件有限公司', '北方化工集团']
const BAD = '西部新能源科技有限公司'
const TEMPLATE = '销售部客户清单'
writeFileSync(
  csv,
  '\uFEFF' +
    [
      '2024 年重点客户清单,,,,,',
      '导出日期：2024-03-05,,,,,',
      '*客户名称,客户等级,成立日期,联系人,手机号码,跟单',
      `${GOOD[0]},A类,2019年3月5日,王芳,138 0013 8000,李明`,
      `${GOOD[1]},B,2008/6/1,李四,13900139000,李明`,
      `${GOOD[2]},C,2001-09,赵敏,,张伟`,
      `${BAD},A,2023年13月,钱七,13700137000,张伟`,
      '',
    ].join('\r\n'),
)

let browser

const step = journeySteps('import', () => browser)

const text = async (selector) => (await shown(browser, selector)).getText()
const rowNames = () => browser.execute(() => [...document.querySelectorAll('.customer-row .name')].map((e) => e.textContent.trim()))
const mappingLabels = () =>
  browser.execute(() => [0, 1, 2, 3, 4, 5].map((i) => document.querySelector(`[data-testid="import-map-${i}"]`)?.innerText?.trim() ?? ''))

/** Opens the wizard from `opener`, picks the CSV and goes to the header-row step. */
async function openWizard(opener) {
  answerDialogs(browser, csv)
  await click(browser, tid(opener))
  await shown(browser, tid('import-wizard'))
  await click(browser, tid('import-pick'))
  await until(browser, async () => (await text(tid('import-file'))).includes('2024客户清单.csv'), 'the chosen file is not shown')
  await click(browser, tid('import-next'))
  return until(
    browser,
    () => browser.execute(() => document.querySelector('[data-testid="import-sample-row"].header')?.textContent ?? ''),
    'no header row is highlighted',
    60_000,
  )
}

/** Waits for the success toasts to go (they can sit over the first rows of the list). */
const noToasts = () => until(browser, async () => (await browser.$$('.el-message')).length === 0, 'a toast stays up', 15_000)

describe('import wizard', () => {
  before(async () => {
    browser = await launch({ db, ready: 'welcome' })
  })
  after(() => quit(browser))

  step('1. the welcome panel opens the wizard; the file is inspected and its header row found', async () => {
    const header = await openWizard('welcome-import')
    // The header row is found below the two title lines and highlighted.
    assert.match(header, /客户名称/)
    assert.equal(await browser.execute(() => document.querySelectorAll('[data-testid="import-sample-row"]').length), 7)
    await screenshot(browser, shotPath('import-header.png'))
  })

  step('2. the mapping is suggested from the messy headers, adjusted once and saved as a template', async () => {
    await click(browser, tid('import-next'))
    await shown(browser, tid('import-map-0'))
    assert.deepEqual(await mappingLabels(), ['客户名称', '客户分级', '成立时间', '联系人姓名', '联系人电话', '不导入'])
    assert.equal(await browser.$(tid('import-template-note')).isExisting(), false, 'no template yet')
    // 跟单 (who follows the account) is the owner: the synonyms do not know it.
    await choose(browser, tid('import-map-5'), '负责人')
    await until(browser, async () => (await mappingLabels())[5] === '负责人', 'column F is not mapped to 负责人')
    await click(browser, tid('import-template-save'))
    await fill(browser, tid('import-template-name'), TEMPLATE)
    await click(browser, tid('import-template-save-confirm'))
    await gone(browser, tid('import-template-form'))
    assert.equal(await text(tid('import-template-note')), `已套用模板「${TEMPLATE}」`)
    await screenshot(browser, shotPath('import-mapping.png'))
  })

  step('3. the preview counts the rows, names the bad cell and says its row will be skipped', async () => {
    await click(browser, tid('import-next'))
    await shown(browser, tid('import-preview'))
    assert.equal(await text(tid('import-count-new')), '新增 3')
    assert.equal(await text(tid('import-count-error')), '错误 1')
    const issue = await text(tid('import-issue'))
    assert.equal(issue, "第 7 行 · C 列「成立日期」：日期不存在 '2023年13月'")
    assert.match(await text(tid('import-errors-skipped')), /^1 行有错误，导入时将被跳过/)
    assert.equal(await text(tid('import-commit')), '导入 3 条')
    await screenshot(browser, shotPath('import-preview.png'))
  })

  step('4. committing imports the three good rows (the bad one skipped); the list shows them with their owner', async () => {
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
    const page = await pageText(browser)
    assert.ok(!page.includes(BAD))
    assert.ok(page.includes('李明') && page.includes('张伟'), 'the owners from the adjusted column are not listed')
  })

  step('5. undoing the import from the history moves the customers to the 回收站', async () => {
    await noToasts()
    await click(browser, tid('nav-imports'))
    await shown(browser, tid('import-history'))
    await until(browser, async () => (await pageText(browser)).includes('2024客户清单.csv'), 'the import is not in the history')
    await click(browser, tid('import-history-undo'))
    await until(browser, async () => (await (await shown(browser, tid('import-undo-lines'))).getText()).includes('新增的 3 个客户移到回收站'), 'the undo does not say what goes')
    await click(browser, tid('import-undo-confirm'))
    assert.match(await (await shown(browser, tid('import-undo-done'))).getText(), /新增的 3 个客户已移到回收站/)
    await click(browser, tid('import-undo-close'))
    await gone(browser, tid('import-undo-dialog'))
    await shown(browser, tid('import-history-undone'))
    const undo = await browser.$(tid('import-history-undo'))
    assert.equal(await undo.isEnabled(), false)
    await screenshot(browser, shotPath('import-history.png'))
    await click(browser, tid('nav-customers'))
    await shown(browser, tid('welcome'), WAIT)
    for (const name of GOOD) assert.ok(!(await pageText(browser)).includes(name), `${name} is still shown`)
  })

  step('6. the re-import gets the saved template by itself; the bad date is fixed in the preview', async () => {
    await openWizard('welcome-import')
    await click(browser, tid('import-next'))
    await shown(browser, tid('import-map-0'))
    assert.equal(await text(tid('import-template-note')), `表头与保存时相同，已自动套用模板「${TEMPLATE}」`)
    assert.deepEqual(await mappingLabels(), ['客户名称', '客户分级', '成立时间', '联系人姓名', '联系人电话', '负责人'])
    await screenshot(browser, shotPath('import-template-auto.png'))
    await click(browser, tid('import-next'))
    await shown(browser, tid('import-preview'))
    assert.equal(await text(tid('import-count-error')), '错误 1')
    const input = await shown(browser, tid('import-fix'))
    assert.equal(await input.getValue(), '2023年13月')
    await fill(browser, input, '2023年12月')
    await until(browser, async () => /有 1 处修改还没有检查/.test(await text(tid('import-fixes-pending'))), 'the pending change is not announced')
    assert.equal(await (await browser.$(tid('import-commit'))).isEnabled(), false, 'commit waits for the check')
    await click(browser, tid('import-recheck'))
    await until(browser, async () => (await text(tid('import-count-new'))) === '新增 4', 'the fixed row is not new after checking again')
    assert.equal(await text(tid('import-count-error')), '错误 0')
    assert.match(await text(tid('import-fixes-applied')), /已改正 1 处/)
    await screenshot(browser, shotPath('import-fixed.png'))
    await click(browser, tid('import-commit'))
    await shown(browser, tid('import-done'), 60_000)
    assert.equal(await text(tid('import-done-created')), '4')
    assert.equal(await text(tid('import-done-errors')), '0')
    await click(browser, tid('import-view-customers'))
    await gone(browser, tid('import-wizard'))
    await until(browser, async () => /共 4 个客户/.test(await text(tid('list-total'))), 'the list does not say 4 customers')
    assert.deepEqual([...(await rowNames())].sort(), [...GOOD, BAD].sort())
  })

  step('7. the team report is exported, found on disk, and can be shown in the file manager', async () => {
    await noToasts()
    answerDialogs(browser, report)
    await click(browser, tid('export-team-report'))
    await shown(browser, tid('export-dialog'))
    await click(browser, tid('export-confirm'))
    await gone(browser, tid('export-dialog'), 60_000)
    await until(browser, async () => existsSync(report) && statSync(report).size > 0, `${report} was not written`, 60_000)
    assert.equal(readFileSync(report).subarray(0, 2).toString('latin1'), 'PK', 'the report is not an .xlsx (zip)')
    assert.deepEqual(sheetNames(report), TEAM_SHEETS)
    const saved = await shown(browser, tid('export-saved'))
    assert.match(await saved.getText(), /已导出到 .*周会报告\.xlsx/)
    assert.equal(await text(tid('export-reveal')), '在文件夹中显示')
    await screenshot(browser, shotPath('export-saved.png'))
    // The real plugin: allowed by the window's capabilities. Under Xvfb there is no file
    // manager on the session bus, so it may answer with that error, never with a refusal.
    await click(browser, tid('export-reveal'))
    // What the plugin answers, asked the same way the button asks it: done, or (no file
    // manager) an error the page then shows in words; never a refusal by the capabilities.
    const answer = await browser.executeAsync((path, done) => {
      window.__TAURI_INTERNALS__
        .invoke('plugin:opener|reveal_item_in_dir', { paths: [path] })
        .then(() => done('revealed'), (e) => done(String(e?.message ?? e)))
    }, report)
    assert.ok(!/not allowed|denied|ACL/i.test(answer), `reveal was refused: ${answer}`)
    if (answer !== 'revealed') {
      await until(browser, async () => (await pageText(browser)).includes('无法打开文件夹'), `the page does not say why the folder did not open (${answer})`)
    }
    await screenshot(browser, shotPath('export-reveal.png'))
    const after = await pageText(browser)
    assert.ok(!/not allowed|denied|ACL/i.test(after), `reveal was refused: ${after}`)
    // With the hook, the path handed to the file manager is the exported file.
    await noToasts().catch(() => {})
    await browser.execute(() => {
      window.__DOSSIER_E2E_REVEALED__ = []
    })
    await click(browser, tid('export-team-report'))
    await click(browser, tid('export-confirm'))
    await click(browser, tid('export-reveal'))
    const revealed = await until(
      browser,
      () => browser.execute(() => (window.__DOSSIER_E2E_REVEALED__.length > 0 ? window.__DOSSIER_E2E_REVEALED__ : null)),
      'nothing was revealed',
    )
    assert.deepEqual(revealed, [report])
  })
})
