// 周会 on the real app with the sample data: a follow-up record written for 长江汽配 and its
// 方案 deal moved to 报价 in the test; 周会 opened from the navigation on 本周 finds both (the
// record's summary, the move 方案 → 报价), and its Excel export — the save dialog answered by
// the app's --test-dialogs hook — is read back: its sheets, and the record's summary in it.
import { describe, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import { join } from 'node:path'
import {
  CLI,
  answerDialogs,
  appDay,
  launch,
  quit,
  tid,
  tempDir,
  screenshot,
  settle,
  shotPath,
  shown,
  gone,
  click,
  fill,
  fillDate,
  until,
  journeySteps,
  openNewRecord,
  addNextAction,
  sheetNames,
} from './app.mjs'

const dir = tempDir()
const db = join(dir, 'weekly.sqlite')
const file = join(dir, '周会.xlsx')
execFileSync(CLI, ['demo', '--db', db], { stdio: 'ignore' })

/** 长江汽配 in the sample (the second company). */
const CUSTOMER = 2
const SUMMARY = '周会测试：客户确认焊装线改造范围，下周提交报价'
const WEEKLY_SHEETS = ['概览', '跟进记录', '阶段推进', '风险商机', '成交', '丢单', '红灯变化', '逾期行动', '回款', '交付']

let browser
const step = journeySteps('weekly', () => browser)

describe('周会', () => {
  before(async () => {
    browser = await launch({ db, ready: 'list' })
  })
  after(() => quit(browser))

  step('1. a follow-up record is written for 长江汽配', async () => {
    await openNewRecord(browser, CUSTOMER)
    await fill(browser, tid('visit-form-summary', 'textarea'), SUMMARY)
    await addNextAction(browser, 0, ['提交焊装线报价', '王磊', await appDay(browser, 7)])
    await click(browser, tid('visit-save'))
    await until(
      browser,
      async () => {
        if (
          await browser
            .$(tid('visit-warnings'))
            .isDisplayed()
            .catch(() => false)
        ) {
          await click(browser, tid('visit-done'))
          return true
        }
        return !(await browser
          .$(tid('visit-form'))
          .isDisplayed()
          .catch(() => false))
      },
      'the record was not saved',
    )
    await gone(browser, tid('visit-form'))
  })

  step('2. its 方案 deal moves to 报价', async () => {
    await browser.execute((id) => {
      location.hash = `#/customers/${id}?tab=deals`
    }, CUSTOMER)
    await shown(browser, `${tid('opp-item')}[data-stage="solution"]`)
    await settle(browser)
    await click(browser, `${tid('opp-item')}[data-stage="solution"] ${tid('opp-move')}`)
    await shown(browser, tid('stage-move-dialog'))
    await fill(browser, tid('stage-move-field-quoteAmount', 'input'), '860000')
    await fillDate(browser, tid('stage-move-field-quoteDate', 'input'), await appDay(browser))
    await click(browser, tid('stage-move-confirm'))
    await gone(browser, tid('stage-move-dialog'))
    await shown(browser, `${tid('opp-item')}[data-stage="quote"]`)
  })

  step('3. 周会 opens on this week and finds the record and the move', async () => {
    await click(browser, tid('nav-weekly'))
    await shown(browser, tid('weekly'))
    const range = await (await shown(browser, tid('weekly-range'))).getText()
    assert.match(range, /负责人：全部/)
    await until(
      browser,
      () =>
        browser.execute(
          (summary) =>
            [...document.querySelectorAll('[data-testid="weekly-record-summary"]')].some(
              (e) => e.textContent === summary,
            ),
          SUMMARY,
        ),
      'the record is not among this week’s follow-ups',
    )
    const moves = await (await shown(browser, tid('weekly-moves'))).getText()
    assert.match(moves, /长江汽车零部件有限公司/)
    assert.match(moves, /方案 → 报价/)
    await screenshot(browser, shotPath('weekly.png'))
  })

  step('4. its Excel export is written to the chosen file and reads back', async () => {
    await answerDialogs(browser, file)
    await click(browser, tid('weekly-export'))
    await shown(browser, tid('export-dialog'))
    await click(browser, tid('export-confirm'))
    await gone(browser, tid('export-dialog'), 60_000)
    await until(browser, async () => existsSync(file) && statSync(file).size > 0, `${file} was not written`, 60_000)
    assert.deepEqual(sheetNames(file), WEEKLY_SHEETS)
    // The records sheet streams its rows (inline strings in the sheet's own XML).
    const xml = execFileSync('unzip', ['-p', file, 'xl/worksheets/sheet2.xml', 'xl/sharedStrings.xml']).toString('utf8')
    assert.ok(xml.includes(SUMMARY), 'the record’s summary is not in the workbook')
    const moves = execFileSync('unzip', ['-p', file, 'xl/worksheets/sheet3.xml', 'xl/sharedStrings.xml']).toString(
      'utf8',
    )
    assert.ok(moves.includes('长江汽车零部件有限公司'), 'the move is not in the workbook')
  })
})
