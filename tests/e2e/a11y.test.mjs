// Accessibility on the real app (the webview the user gets, with its fonts and colours): axe-core
// checks the main screens on the sample data against WCAG 2.1 A and AA, and none may have a
// serious or critical violation; the keyboard reaches the customer list's search and rows with
// a visible focus.
import { describe, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { CLI, launch, quit, tid, tempDir, shown, click, until, journeySteps, settle } from './app.mjs'

const dir = tempDir()
const db = join(dir, 'a11y.sqlite')
execFileSync(CLI, ['demo', '--db', db], { stdio: 'ignore' })
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

let browser
const step = journeySteps('a11y', () => browser)
const go = (hash) => browser.execute((h) => (location.hash = h), hash)

/** axe-core's serious and critical violations on the page as it stands, one line each. */
async function violations() {
  await settle(browser).catch(() => {})
  // The source is sent as the script itself (the page's CSP forbids eval, not WebDriver's script).
  await browser.execute(`${AXE}; return true`)
  const found = await browser.executeAsync((done) => {
    window.axe
      .run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        resultTypes: ['violations'],
      })
      .then((r) =>
        done(
          r.violations
            .filter((v) => v.impact === 'serious' || v.impact === 'critical')
            .map(
              (v) =>
                `${v.impact} ${v.id}: ${v.help} — ${v.nodes
                  .slice(0, 4)
                  .map((n) => `${n.target.join(' ')} ${n.html.slice(0, 160)}`)
                  .join(' | ')}`,
            ),
        ),
      )
      .catch((e) => done([`axe failed: ${e}`]))
  })
  return found
}

/** Each screen's violations, asserted at the end so one run names them all. */
const report = []
async function check(screen) {
  for (const v of await violations()) report.push(`${screen}: ${v}`)
}

describe('accessibility', () => {
  before(async () => {
    browser = await launch({ db, ready: 'list' })
  })
  after(() => quit(browser))

  step('客户列表', async () => {
    await shown(browser, '.customer-row')
    await check('客户列表')
  })

  step('the keyboard reaches the search and the rows, with a visible focus', async () => {
    await browser.execute(() => document.activeElement?.blur?.())
    const seen = []
    for (let i = 0; i < 12; i++) {
      await browser.keys('Tab')
      seen.push(
        await browser.execute(() => {
          const el = document.activeElement
          if (!el || el === document.body) return null
          const style = getComputedStyle(el)
          const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0
          return { tag: el.tagName, ring: ring || style.boxShadow !== 'none' }
        }),
      )
    }
    const focused = seen.filter(Boolean)
    assert.ok(focused.length >= 6, `Tab moved through ${focused.length} elements`)
    const unringed = focused.filter((f) => !f.ring)
    assert.deepEqual(unringed, [], 'every focused element shows its focus')
  })

  step('客户档案', async () => {
    await go('#/customers/1')
    await shown(browser, tid('customer-name'))
    await check('客户档案')
  })

  step('权力地图', async () => {
    await click(browser, '#tab-map')
    await shown(browser, tid('pm-chart'))
    await until(
      browser,
      () => browser.execute(() => window.__DOSSIER_E2E_PM__?.view()?.nodes.length ?? null),
      'the power map did not load',
    )
    await check('权力地图')
  })

  step('采购趋势', async () => {
    await click(browser, '#tab-trends')
    await shown(browser, tid('trends-tab'))
    await check('采购趋势')
  })

  step('商机', async () => {
    await click(browser, '#tab-deals')
    await shown(browser, tid('opp-tab'))
    await check('商机')
    await go('#/pipeline')
    await shown(browser, tid('pipeline'))
    await check('商机管道')
  })

  step('今日', async () => {
    await go('#/home')
    await shown(browser, tid('home'))
    await check('今日')
  })

  step('设置', async () => {
    await go('#/settings')
    await shown(browser, tid('settings-save'))
    await check('设置')
  })

  step('no serious or critical violation on any of them', () => {
    assert.deepEqual(report, [], report.join('\n'))
  })
})
