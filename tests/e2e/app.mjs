// Helpers for the end-to-end tests: start the real Dossier binary through tauri-driver
// (run.sh starts it, and Xvfb), find things by data-testid, type, screenshot.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { after, it } from 'node:test'
import { remote } from 'webdriverio'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
export const APP = process.env.DOSSIER_APP || join(ROOT, 'target/debug/dossier')
export const CLI = process.env.DOSSIER_CLI || join(ROOT, 'target/debug/dossier-cli')
export const PORT = Number(process.env.E2E_PORT || 4444)
/** The debug build on a 2-core machine is slow: wait generously. */
export const WAIT = 20_000

/** `[data-testid="…"]`, optionally followed by a descendant selector. */
export const tid = (id, rest = '') => `[data-testid="${id}"]${rest ? ` ${rest}` : ''}`

/** A fresh directory for this test file's databases, removed when the file's tests end. */
export function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-e2e-'))
  after(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** A fresh (not yet existing) database path in its own temp directory. */
export function tempDb(name = 'dossier') {
  return join(tempDir(), `${name}.sqlite`)
}

/**
 * Asks tauri-driver for a session on the app; returns the browser without waiting for the UI.
 * Native file dialogs cannot be driven by WebDriver: the app is launched with
 * `--test-dialogs FILE` and answers every dialog with the path written there
 * (`answerDialogs`; empty: backed out).
 */
export async function startSession({ db, args = [] }) {
  const answers = join(mkdtempSync(join(tmpdir(), 'dossier-dialogs-')), 'answer')
  const dialogArgs = ['--test-dialogs', answers]
  const browser = await remote({
    hostname: '127.0.0.1',
    port: PORT,
    logLevel: process.env.E2E_LOG_LEVEL || 'error',
    connectionRetryTimeout: 120_000,
    connectionRetryCount: 1,
    waitforTimeout: WAIT,
    waitforInterval: 100,
    capabilities: {
      'tauri:options': { application: APP, args: db ? ['--db', db, ...dialogArgs, ...args] : [...dialogArgs, ...args] },
      'wdio:enforceWebDriverClassic': true,
    },
  })
  browser.dialogAnswers = answers
  return browser
}

/** The next native dialogs of `browser`'s app answer with `path` (null: the person backs out). */
export function answerDialogs(browser, path) {
  writeFileSync(browser.dialogAnswers, path ?? '')
}

/**
 * Starts the app on `db` and waits until it shows something a user can act on: the customer
 * list with its rows loaded, the welcome panel or the database error page (`ready` names which
 * one is expected).
 */
export async function launch({ db, args = [], ready = 'any' } = {}) {
  const browser = await startSession({ db, args })
  try {
    const wanted = {
      any: [tid('list-total'), tid('welcome'), tid('db-error')].join(', '),
      list: tid('list-total'),
      welcome: tid('welcome'),
      error: tid('db-error'),
    }[ready]
    await browser.$(wanted).waitForDisplayed({ timeout: 45_000, timeoutMsg: `the app did not show ${ready} in 45 s` })
  } catch (e) {
    await quit(browser)
    throw e
  }
  return browser
}

/** Ends the session; the app quits with it. */
export async function quit(browser) {
  if (!browser) return
  try {
    await browser.deleteSession()
  } catch {
    /* already gone */
  }
}

/**
 * Waits until the page is still: no Vue enter/leave transition and no finite CSS animation or
 * transition running (under Xvfb the webview's frames come slowly, so a tag can still be
 * zooming in, or a toast fading out, seconds after the DOM is ready), then one more frame.
 */
export async function settle(browser, timeout = 10_000, pause = 300) {
  await browser.waitUntil(
    () =>
      browser.execute(() => {
        if (document.querySelector('[class*="-enter-active"], [class*="-leave-active"]')) return false
        const running = (document.getAnimations?.() ?? []).filter(
          (a) => a.playState === 'running' && a.effect?.getTiming?.().iterations !== Infinity,
        )
        return running.length === 0
      }),
    { timeout, interval: 100, timeoutMsg: `the page was still animating after ${timeout} ms` },
  )
  await browser.executeAsync((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())))
  await browser.pause(pause)
}

/**
 * Waits (at most a few seconds) for the page to be still before a click: a click during a
 * drawer's slide, a drop-down's zoom or a dialog's fade lands where the element was a frame ago
 * (on a loaded CI machine that missed an option of a select). A page that never settles is
 * clicked anyway, and the click's own checks decide.
 */
const stillBeforeClick = (browser) => settle(browser, 5_000, 50).catch(() => {})

/**
 * Where a screenshot of the journey goes: the README's pictures in docs/screenshots/ when
 * UPDATE_SCREENSHOTS=1, otherwise $E2E_ARTIFACTS (default /tmp/dossier-e2e), so a test run
 * leaves the work tree clean. Open them and look: that is what a user sees.
 */
export function shotPath(name) {
  const dir = process.env.UPDATE_SCREENSHOTS ? 'docs/screenshots' : process.env.E2E_ARTIFACTS || '/tmp/dossier-e2e'
  return `${dir}/${name}`
}

/**
 * Saves the whole X screen as a PNG (directories are created), once the page is still: the
 * window with its native menu bar, taken by ImageMagick's `import` on run.sh's $DISPLAY.
 * WebKitWebDriver's own screenshot is not used: it draws the page inside the web process, and
 * WebKitGTK 2.50's web process has crashed there (a `ud2` trap in libwebkit2gtk), which ends
 * the session in the middle of a journey that had passed.
 */
export async function screenshot(browser, file, { wait = true } = {}) {
  if (wait) await settle(browser).catch(() => {})
  const path = resolve(ROOT, file)
  mkdirSync(dirname(path), { recursive: true })
  execFileSync('import', ['-window', 'root', path], { stdio: 'ignore' })
  return path
}

/** The first displayed element matching `selector` (waits for it). */
export async function shown(browser, selector, timeout = WAIT) {
  const el = await browser.$(selector)
  await el.waitForDisplayed({ timeout })
  return el
}

/** Waits until `selector` is gone or hidden. */
export async function gone(browser, selector, timeout = WAIT) {
  await browser.waitUntil(
    async () => {
      const els = await browser.$$(selector)
      // One that left the page between the search and the look is gone too (a menu built
      // when opened, ui/src/features/powermap/tab/MapToolbar.vue, removes its items).
      for (const el of els) if (await el.isDisplayed().catch(() => false)) return false
      return true
    },
    { timeout, timeoutMsg: `${selector} still shown after ${timeout} ms` },
  )
}

/** Clicks the first displayed element matching `selector`. */
export async function click(browser, selector, timeout = WAIT) {
  await stillBeforeClick(browser)
  const el = await shown(browser, selector, timeout)
  await el.waitForClickable({ timeout })
  await el.click()
  return el
}

/**
 * Types `text` into an <input>/<textarea> (or the one inside `selector`) the way Vue sees it:
 * the value is set and an `input` event fired. WebDriver key synthesis does not reliably produce
 * Chinese characters under Xvfb (there is no input method), so the value is set from the page.
 */
export async function fill(browser, selectorOrEl, text) {
  const el = typeof selectorOrEl === 'string' ? await shown(browser, selectorOrEl) : selectorOrEl
  // A field drawn as a stand-in until it is reached (ui/src/components/HoverDatePicker.vue)
  // becomes the real one when focused: focus it, as a person clicking in would, then type into
  // what took its place (`el` is the element around it).
  const standIn = await browser.execute((node) => {
    const stand = node.querySelector('[data-stand-in]')
    stand?.querySelector('input')?.focus()
    return !!stand
  }, el)
  if (standIn) {
    await browser.waitUntil(() => browser.execute((node) => !node.querySelector('[data-stand-in]'), el), {
      timeout: WAIT,
      timeoutMsg: 'the field did not become itself when focused',
    })
  }
  await browser.execute(
    (node, value) => {
      const input = node.matches('input, textarea') ? node : node.querySelector('input, textarea')
      input.focus()
      const proto = input instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype
      Object.getOwnPropertyDescriptor(proto, 'value').set.call(input, value)
      input.dispatchEvent(new Event('input', { bubbles: true }))
      input.dispatchEvent(new Event('change', { bubbles: true }))
    },
    el,
    text,
  )
  return el
}

/** Opens customer `id`'s 跟进记录 tab and the form of a new record. */
export async function openNewRecord(browser, id) {
  await browser.execute((customer) => {
    location.hash = `#/customers/${customer}?tab=visits`
  }, id)
  await click(browser, tid('visit-new'))
  await shown(browser, tid('visit-form'))
}

/** Adds the open record form's next action number `i` (from 0): what, who, by which day. */
export async function addNextAction(browser, i, [what, owner, due]) {
  await click(browser, tid('visit-form-actions-add'))
  const rows = await until(
    browser,
    async () => {
      const r = await browser.$$(tid('visit-form-actions-row'))
      return r.length > i ? r : null
    },
    'the next action row was not added',
  )
  const inputs = await rows[i].$$('input')
  await fill(browser, inputs[0], what)
  await fill(browser, inputs[1], owner)
  await fillDate(browser, inputs[2], due)
}

/** Types into an Element Plus date picker and commits it with Enter, as a user does. */
export async function fillDate(browser, selectorOrEl, day) {
  const el = await fill(browser, selectorOrEl, day)
  await browser.execute((node) => {
    const input = node.matches('input') ? node : node.querySelector('input')
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true }))
    input.blur()
  }, el)
}

/**
 * Picks `label` in the Element Plus single select `selector`: opens its drop-down, clicks the
 * shown option with exactly that text (every select keeps its own hidden drop-down in the page),
 * and checks the select now shows exactly that label. A pick that did not take (the drop-down
 * was still moving under the pointer) is tried again; after three misses it throws here, where
 * the cause is, rather than in a later step.
 */
export async function choose(browser, selector, label) {
  const shownOption = async () => {
    for (const el of await browser.$$(
      `//li[contains(@class,'el-select-dropdown__item')][normalize-space(.)='${label}']`,
    )) {
      if (await el.isDisplayed()) return el
    }
    return null
  }
  const picked = async () =>
    (await (await browser.$(selector)).getText()).split('\n').some((line) => line.trim() === label)
  for (let attempt = 1; attempt <= 3; attempt++) {
    if (!(await shownOption())) await click(browser, selector)
    const option = await until(browser, shownOption, `no option “${label}” is shown for ${selector}`)
    await stillBeforeClick(browser)
    await option.click()
    // The drop-down closes (and stops covering what is below it).
    await gone(browser, '.el-select-dropdown__item', 5_000).catch(() => {})
    if (await picked()) return
  }
  throw new Error(`“${label}” could not be picked in ${selector} (three tries)`)
}

/**
 * The app's calendar day `days` from now, as YYYY-MM-DD. The core records "today" on the
 * laptop's calendar (core/src/clock.rs `local_day`), not in UTC; the page runs in the app's
 * process and so in its time zone, which the test process need not share.
 */
export function appDay(browser, days = 0) {
  return browser.execute((n) => {
    const d = new Date()
    d.setDate(d.getDate() + n)
    const pad = (x) => String(x).padStart(2, '0')
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
  }, days)
}

/** The team report's sheets, Chinese UI (core/src/export/team.rs; src-tauri/core/tests/export.rs checks the same list). */
export const TEAM_SHEETS = [
  '概览',
  '客户',
  '联系人',
  '财务信号',
  '采购',
  '采购信号',
  '跟进记录',
  '商机管道',
  '预测',
  '丢单分析',
  '阶段分析',
  '回款',
  '交付',
  '业绩',
]

/** The sheet names of the .xlsx at `path`, in workbook order (its xl/workbook.xml, read with unzip). */
export function sheetNames(path) {
  const xml = execFileSync('unzip', ['-p', path, 'xl/workbook.xml']).toString('utf8')
  const unescape = (s) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&')
  return [...xml.matchAll(/<sheet\b[^>]*\bname="([^"]*)"/g)].map((m) => unescape(m[1]))
}

/** The visible text of the whole page. */
export function pageText(browser) {
  return browser.execute(() => document.body.innerText)
}

/** Waits until `fn()` is truthy; returns its last value. */
export async function until(browser, fn, timeoutMsg, timeout = WAIT) {
  let value
  await browser.waitUntil(async () => (value = await fn()), { timeout, interval: 150, timeoutMsg })
  return value
}

/**
 * Steps of one journey: each builds on the previous ones, so once one fails the rest are
 * skipped rather than piled on, and a screenshot of the failure is saved.
 * `currentBrowser` returns the session of the moment (it changes on relaunch).
 */
export function journeySteps(label, currentBrowser) {
  let broken = false
  return function step(name, fn) {
    it(name, async (t) => {
      if (broken) return t.skip('an earlier step failed')
      try {
        await fn(t)
      } catch (e) {
        broken = true
        const browser = currentBrowser()
        if (browser) {
          const tag = `${label}-${name.slice(0, 2).replace(/\W/g, '')}`
          const file = `${process.env.E2E_ARTIFACTS || '/tmp'}/dossier-e2e-failure-${tag}.png`
          await screenshot(browser, file, { wait: false }).then(
            () => t.diagnostic(`screenshot of the failure: ${file}`),
            () => {},
          )
        }
        throw e
      }
    })
  }
}
