// The page cannot run what the data says, on the real app. A purchase file whose product and
// category are written as HTML (`<img … onerror=…>`, `<script>`) is imported with the CLI, and a
// lost deal names its competitor the same way: the home feed, the 采购趋势 chart's tooltip
// (hovered with the real pointer), the lost-deal chart's tooltip and the team report show the
// characters typed, and nothing runs. The strict CSP is in force: an inline script or handler
// injected into the page does not run; a command given a path no dialog issued refuses it. A
// second launch of the app hands over to the first one.
import { describe, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { answerDialogs, APP, CLI, launch, quit, tid, tempDir, screenshot, shotPath, shown, click, until, journeySteps } from './app.mjs'

const dir = tempDir()
const db = join(dir, 'trust.sqlite')
const report = join(dir, '周会报告.xlsx')
const IMG = '<img src=x onerror="window.__pwned=1">'
const SCRIPT = "<script>window.__pwned='script'</script>"
const CUSTOMER = '华东精密机械股份有限公司'

/** YYYY-MM of `back` months before this month. */
function monthsAgo(back) {
  const d = new Date()
  d.setDate(1)
  d.setMonth(d.getMonth() - back)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`
}
const csvCell = (v) => `"${String(v).replace(/"/g, '""')}"`

// The sample data, then a product bought for the first time in the last two complete months:
// the 新产品 signal names it on the home feed (filtered to new products) and pins it on the chart.
execFileSync(CLI, ['demo', '--db', db], { stdio: 'ignore' })
const purchases = join(dir, '采购.csv')
writeFileSync(
  purchases,
  ['客户名称,月份,产品,类别,数量,金额', ...[2, 1].map((m) => [CUSTOMER, monthsAgo(m), IMG, SCRIPT, 10, 880000].map(csvCell).join(','))].join('\n'),
)
execFileSync(CLI, ['import', '--db', db, '--kind', 'purchases', purchases], { stdio: 'ignore' })

let browser
const step = journeySteps('trust', () => browser)

/** Nothing the data said has run. */
const nothingRan = () => browser.execute(() => window.__pwned === undefined)

/**
 * Moves the real pointer across the chart under `testid` until ECharts shows a tooltip holding
 * `text`; returns the tooltip's text and how many elements (img/script) it holds.
 */
async function hoverTooltip(testid, text) {
  const chart = await shown(browser, tid(testid))
  const { width, height } = await chart.getSize()
  // Across the plot, left to right and top to bottom: a category axis shows the tooltip of the
  // row or column under the pointer.
  for (const fx of [0.8, 0.6, 0.4]) {
    for (const fy of [-0.3, -0.2, -0.1, 0, 0.1, 0.2, 0.3]) {
      await browser
        .action('pointer', { parameters: { pointerType: 'mouse' } })
        .move({ origin: chart, x: Math.round(width * (fx - 0.5)), y: Math.round(height * fy) })
        .perform()
      await browser.pause(300)
      const tip = await browser.execute((id, want) => {
        const box = [...document.querySelectorAll(`[data-testid="${id}"] div`)].find(
          (d) => d.querySelector('.tt-month, .tt-row') && d.textContent.includes(want) && getComputedStyle(d).display !== 'none',
        )
        return box ? { text: box.textContent, elements: box.querySelectorAll('img, script, iframe').length } : null
      }, testid, text)
      if (tip) return tip
    }
  }
  throw new Error(`no tooltip with ${text} on ${testid}`)
}

describe('nothing the data says runs', () => {
  before(async () => {
    browser = await launch({ db, ready: 'list' })
  })
  after(() => quit(browser))

  step('1. the strict CSP is in force: an injected inline script or handler does not run', async () => {
    const blocked = await browser.executeAsync((done) => {
      const violations = []
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective))
      const box = document.createElement('div')
      box.innerHTML = '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" onload="window.__inline=1" onerror="window.__inline=1">'
      document.body.appendChild(box)
      const s = document.createElement('script')
      s.textContent = 'window.__inline = 2'
      document.head.appendChild(s)
      setTimeout(() => {
        box.remove()
        s.remove()
        done({ ran: window.__inline !== undefined, violations })
      }, 800)
    })
    assert.equal(blocked.ran, false, 'an inline script or handler ran')
    assert.ok(blocked.violations.some((d) => d.startsWith('script-src')), `no CSP violation reported: ${blocked.violations}`)
  })

  step('2. a command given a path no dialog issued is refused, and nothing is written', async () => {
    const target = join(dir, 'made-up.xlsx')
    const answers = await browser.executeAsync((path, done) => {
      const invoke = window.__TAURI_INTERNALS__.invoke
      const tryIt = (cmd, args) => invoke(cmd, args).then(() => 'written', (e) => e?.type ?? String(e))
      ;(async () => {
        const options = { language: 'zh', includePersonal: true }
        done([
          await tryIt('export_team_report', { file: path, options, filter: { owners: [], period: null } }),
          await tryIt('export_weekly', {
            file: path,
            options,
            query: { period: { preset: 'this_week', from: '', to: '' }, owners: [], limit: 10 },
          }),
          await tryIt('save_file_bytes', { file: path, bytes: [80, 75] }),
          await tryIt('open_database', { file: path }),
          await tryIt('import_inspect', { spec: { path, kind: 'customers', sheet: null, headerRow: null, mapping: null, encoding: null, onDuplicate: 'skip', fixes: [] } }),
        ])
      })()
    }, target)
    assert.deepEqual(answers, ['fileNotChosen', 'fileNotChosen', 'fileNotChosen', 'fileNotChosen', 'fileNotChosen'])
    assert.ok(!existsSync(target), 'a file was written at a path the page made up')
  })

  step('3. the home feed names the product as typed', async () => {
    await click(browser, tid('nav-home'))
    // The kind filter (a multi-select that stays open): only new products.
    await click(browser, tid('home-filter-kind'))
    await click(browser, "//li[contains(@class,'el-select-dropdown__item')][normalize-space(.)='新产品']")
    await browser.keys('Escape')
    const entry = await until(browser, () =>
      browser.execute((img) => {
        const e = [...document.querySelectorAll('[data-testid="home-signal"]')].find((x) => x.dataset.product === img)
        return e ? { text: e.textContent, elements: e.querySelectorAll('img, script').length } : null
      }, IMG), 'the new product is not on the home feed')
    assert.ok(entry.text.includes(IMG), entry.text)
    assert.equal(entry.elements, 0)
    assert.ok(await nothingRan())
  })

  step('4. the purchase chart’s tooltip, hovered, shows the product as text', async () => {
    await browser.execute((img) => {
      ;[...document.querySelectorAll('[data-testid="home-signal"]')].find((x) => x.dataset.product === img).click()
    }, IMG)
    await shown(browser, tid('trends-tab'))
    const tip = await hoverTooltip('trends-chart', IMG)
    assert.equal(tip.elements, 0, 'the tooltip made an element from the data')
    assert.ok(tip.text.includes(IMG), tip.text)
    await screenshot(browser, shotPath('trust-trend-tooltip.png'))
    assert.ok(await nothingRan())
  })

  step('5. a lost deal’s competitor written as HTML: the lost-deal chart’s tooltip shows it as text', async () => {
    // The customer page of step 4 is open: its id is in the address.
    const made = await browser.executeAsync((lostTo, done) => {
      const invoke = window.__TAURI_INTERNALS__.invoke
      const id = Number(location.hash.match(/customers\/(\d+)/)[1])
      ;(async () => {
        const fields = {
          name: 'MES 二期', owner: '李明', amount: 1200000, stage: 'initiation', probability: null, expectedClose: '', scopeId: null,
          keyPersons: [], budget: null, competitors: [lostTo], needs: '', quoteAmount: null, quoteDate: '', contractAmount: null,
          contractDate: '', notes: '', lostReview: null,
        }
        const deal = await invoke('create_opportunity', { customerId: id, fields })
        await invoke('move_opportunity', { id: deal.id, stage: 'lost', review: { lostTo, reason: 'price', text: lostTo, stageLostAt: null, next: '' } })
        done(true)
      })().catch((e) => done(JSON.stringify(e)))
    }, SCRIPT)
    assert.equal(made, true, `the lost deal was not made: ${made}`)
    await browser.execute(() => {
      location.hash = '#/pipeline'
    })
    await click(browser, tid('pipeline-view-lost'))
    await shown(browser, tid('pipeline-lost'))
    const tip = await hoverTooltip('pipeline-lost-competitor-chart', SCRIPT)
    assert.equal(tip.elements, 0)
    assert.ok(tip.text.includes(SCRIPT), tip.text)
    const table = await (await shown(browser, tid('pipeline-lost-table'))).getText()
    assert.ok(table.includes(SCRIPT), 'the lost table does not show the competitor as typed')
    assert.ok(await nothingRan())
  })

  step('6. the team report holds the names as text', async () => {
    answerDialogs(browser, report)
    await browser.execute(() => {
      location.hash = '#/customers'
    })
    await click(browser, tid('export-team-report'))
    await click(browser, tid('export-confirm'))
    await until(browser, async () => existsSync(report) && statSync(report).size > 0, 'the report was not written', 60_000)
    const xml = execFileSync('unzip', ['-p', report, 'xl/sharedStrings.xml', 'xl/worksheets/*.xml'], { maxBuffer: 64 << 20 }).toString()
    assert.ok(xml.includes('&lt;img src=x onerror='), 'the product is not in the report')
    assert.ok(xml.includes('&lt;script&gt;'), 'the competitor or category is not in the report as text')
  })
})

const single = journeySteps('single-instance', () => null)

describe('one app per desktop session', () => {
  single('a second launch hands over to the running app and exits', async () => {
    // Its own session bus and data folder: the app's single-instance name lives on the bus, and
    // its log (where the hand-over is written) in the data folder.
    const home = join(dir, 'xdg')
    mkdirSync(home, { recursive: true })
    const bus = execFileSync('dbus-daemon', ['--session', '--fork', '--print-address=1', '--print-pid=1'], { encoding: 'utf8' }).trim().split('\n')
    const env = { ...process.env, DBUS_SESSION_BUS_ADDRESS: bus[0], XDG_DATA_HOME: home }
    const logDir = join(home, 'app.dossier.desktop', 'logs')
    const logText = () => (existsSync(logDir) ? readdirSync(logDir).map((f) => readFileSync(join(logDir, f), 'utf8')).join('\n') : '')
    const first = spawn(APP, ['--db', join(dir, 'single.sqlite')], { env, stdio: 'ignore' })
    try {
      await waitFor(() => logText().includes('database opened'), 'the first app did not start', 60_000)
      const second = spawn(APP, ['--db', join(dir, 'other.sqlite')], { env, stdio: 'ignore' })
      const code = await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the second launch did not exit within 30 s')), 30_000)
        second.on('exit', (c) => {
          clearTimeout(timer)
          resolve(c)
        })
      })
      assert.equal(code, 0)
      await waitFor(() => logText().includes('a second launch was handed to this window'), 'the first app was not told', 10_000)
      assert.equal(first.exitCode, null, 'the first app quit')
      assert.ok(!existsSync(join(dir, 'other.sqlite')), 'the second launch opened its database')
    } finally {
      first.kill('SIGTERM')
      process.kill(Number(bus[1]), 'SIGTERM')
    }
  })
})

async function waitFor(check, message, timeout) {
  const end = Date.now() + timeout
  while (Date.now() < end) {
    if (check()) return
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(message)
}
