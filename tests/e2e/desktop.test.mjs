// The desktop around the page on the real app: the window opens at the size it was left at; a
// GBK-encoded CSV dropped on the window opens the import wizard with it and is imported; Ctrl+Z
// brings a deleted contact back; the whole screen (the native menu bar included) is pictured
// for the README; a crash of WebKit's web process loads the page again. The menu's items themselves are native (WebDriver cannot click them): what
// each does is held by the shell's menu test and the page's Vitest.
import { describe, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import {
  CLI,
  answerDialogs,
  screenshot,
  launch,
  quit,
  tid,
  tempDir,
  shotPath,
  shown,
  gone,
  click,
  until,
  journeySteps,
  pageText,
} from './app.mjs'

const dir = tempDir()
const db = join(dir, 'desktop.sqlite')
execFileSync(CLI, ['demo', '--db', db], { stdio: 'ignore' })

/** 客户名称,所属行业,负责人 and two customers, in GBK (as Excel on a Chinese Windows saves a CSV). */
const GBK_CSV = Buffer.from(
  'bfcdbba7c3fbb3c62ccbf9caf4d0d0d2b52cb8bad4f0c8cb0d0ac9eedbdacdd8ceacbeabb9a4d3d0cfdeb9abcbbe2cd6c6d4ec2cc0eec3f70d0a' +
    'babcd6ddd4c6b7abb9a9d3a6c1b4d3d0cfdeb9abcbbe2cceefc1f72cd5c5ceb00d0a',
  'hex',
)
const DROPPED = ['深圳拓维精工有限公司', '杭州云帆供应链有限公司']
/** The window's size as the tests (and the README's pictures) expect it. */
const DEFAULT_SIZE = { width: 1280, height: 800 }

let browser
const step = journeySteps('desktop', () => browser)

const go = (hash) => browser.execute((h) => (location.hash = h), hash)
const windowSize = () => browser.execute(() => ({ width: window.outerWidth, height: window.outerHeight }))
/** Waits until the app on this test's database has exited (and written what it writes on the way out). */
async function appGone() {
  for (let i = 0; i < 100; i++) {
    try {
      execFileSync('pgrep', ['-f', db], { stdio: 'ignore' })
    } catch {
      return
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error('the app did not exit')
}

/** Resizes the window as a user would, and waits for the app to keep the size (half a second after the last change). */
async function resize({ width, height }) {
  await browser.setWindowSize(width, height)
  await until(browser, async () => (await windowSize()).width === width, `the window was not resized to ${width}`)
  await browser.pause(1500)
}

/** Drops a file made of `bytes` named `name` on the page, as a file manager would. */
const dropFile = (name, bytes) =>
  browser.execute(
    (n, b) => {
      const file = new File([new Uint8Array(b)], n)
      const data = new DataTransfer()
      data.items.add(file)
      for (const type of ['dragenter', 'dragover', 'drop']) {
        document.body.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }))
      }
    },
    name,
    [...bytes],
  )

describe('desktop', () => {
  before(async () => {
    browser = await launch({ db, ready: 'list' })
  })
  after(() => quit(browser))

  step('1. the window opens at the size it was left at', async () => {
    await resize({ width: 1120, height: 720 })
    await quit(browser)
    browser = await launch({ db, ready: 'list' })
    const size = await windowSize()
    assert.deepEqual(size, { width: 1120, height: 720 }, 'the remembered size')
    // The other tests picture the default size: forget the remembered one (run.sh's config
    // folder is this run's own) once the app has quit, having saved the size on its way out.
    await quit(browser)
    await appGone()
    rmSync(join(process.env.XDG_CONFIG_HOME, 'app.dossier.desktop', '.window-state.json'), { force: true })
    browser = await launch({ db, ready: 'list' })
    assert.deepEqual(await windowSize(), DEFAULT_SIZE)
  })

  step('2. a GBK CSV dropped on the window opens the wizard with it and is imported', async () => {
    await dropFile('华南新客户.csv', GBK_CSV)
    await shown(browser, tid('import-wizard'))
    await until(
      browser,
      async () => (await pageText(browser)).includes('华南新客户.csv'),
      'the dropped file is not named',
    )
    await click(browser, tid('import-next'))
    await until(
      browser,
      () =>
        browser.execute(() => document.querySelector('[data-testid="import-sample-row"].header')?.textContent ?? ''),
      'no header row is highlighted',
      60_000,
    ).then((header) => assert.match(header, /客户名称/))
    await click(browser, tid('import-next'))
    await shown(browser, tid('import-map-0'))
    await click(browser, tid('import-next'))
    await shown(browser, tid('import-preview'))
    await click(browser, tid('import-commit'))
    await shown(browser, tid('import-done'), 60_000)
    assert.equal(await (await shown(browser, tid('import-done-created'))).getText(), '2')
    await click(browser, tid('import-view-customers'))
    await gone(browser, tid('import-wizard'))
    const page = await until(
      browser,
      async () => {
        const text = await pageText(browser)
        return DROPPED.every((n) => text.includes(n)) ? text : null
      },
      'the dropped customers are not listed',
    )
    assert.ok(page.includes('李明'), 'the owner read from GBK is not listed')
  })

  step('3. a dropped file of another type is refused in words, and no wizard opens', async () => {
    await dropFile('合同.pdf', Buffer.from('%PDF-1.4'))
    await until(
      browser,
      async () => (await pageText(browser)).includes('合同.pdf'),
      'the refusal does not name the file',
    )
    assert.equal(await browser.$(tid('import-wizard')).isExisting(), false)
  })

  step('4. Ctrl+Z brings a deleted contact back', async () => {
    await go('#/customers/3')
    const cards = () =>
      browser.execute(
        () => document.querySelectorAll('[data-testid="section-contacts"] [data-testid="contact-card"]').length,
      )
    const before_ = await until(browser, async () => (await cards()) || null, 'the contacts are not shown')
    const name = await browser.execute(
      () =>
        document
          .querySelector('[data-testid="section-contacts"] [data-testid="contact-card"] [data-testid="contact-name"]')
          ?.textContent?.trim() ?? '',
    )
    await click(browser, `${tid('section-contacts')} ${tid('contact-card')} ${tid('contact-delete')}`)
    await click(browser, '.el-message-box__btns .el-button--danger')
    await until(browser, async () => (await cards()) === before_ - 1, 'the contact is still shown')
    await browser.execute(() => document.activeElement?.blur?.())
    await browser.keys(['Control', 'z'])
    await until(browser, async () => (await cards()) === before_, 'Ctrl+Z did not bring the contact back')
    if (name) assert.ok((await pageText(browser)).includes(name), `${name} is not shown again`)
  })

  step('5. the whole screen, menu bar included, for the README: 今日, a customer page, its power map', async () => {
    // No toast of the steps before (a restored contact) over the pictures.
    await until(browser, async () => (await browser.$$('.el-message')).length === 0, 'a toast stays up', 15_000)
    await go('#/home')
    await shown(browser, tid('home'))
    await screenshot(browser, shotPath('desktop-home.png'))
    await go('#/customers/1')
    await shown(browser, tid('customer-name'))
    await screenshot(browser, shotPath('desktop-customer.png'))
    await click(browser, '#tab-map')
    await shown(browser, tid('pm-chart'))
    await until(
      browser,
      () => browser.execute(() => window.__DOSSIER_E2E_PM__?.view()?.nodes.length ?? null),
      'the power map did not load',
    )
    await screenshot(browser, shotPath('desktop-power-map.png'))
  })

  step('6. 深色 in 设置 darkens every screen; the power map is drawn for it', async () => {
    await go('#/settings')
    await click(browser, tid('theme-dark'))
    await until(
      browser,
      () => browser.execute(() => document.documentElement.classList.contains('dark')),
      'no dark class',
    )
    await go('#/customers/1')
    await shown(browser, tid('customer-name'))
    await click(browser, '#tab-map')
    await shown(browser, tid('pm-chart'))
    await until(
      browser,
      () => browser.execute(() => window.__DOSSIER_E2E_PM__?.view()?.nodes.length ?? null),
      'the power map did not load',
    )
    // The page behind the map is dark, not white.
    const bg = await browser.execute(() => getComputedStyle(document.querySelector('.content')).backgroundColor)
    const [r, g, b] = bg.match(/\d+/g).map(Number)
    assert.ok(r + g + b < 150, `the page is ${bg} in dark mode`)
    await screenshot(browser, shotPath('power-map-dark.png'))
  })

  step('7. the 客户档案 is saved as a one-page PDF, Chinese drawn in', async () => {
    const pdf = join(dir, '客户档案.pdf')
    await click(browser, tid('print-customer'))
    await shown(browser, tid('dossier-sheet'))
    answerDialogs(browser, pdf)
    await click(browser, tid('dossier-pdf'))
    const bytes = await until(
      browser,
      async () => (existsSync(pdf) && statSync(pdf).size > 0 ? readFileSync(pdf) : null),
      'no PDF written',
    )
    assert.equal(bytes.subarray(0, 5).toString(), '%PDF-')
    assert.equal((bytes.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length, 1, 'one page')
    // The page is an image of the drawn sheet (Chinese in the system's fonts): a real one, not a blank.
    assert.ok(bytes.length > 30_000, `the PDF is only ${bytes.length} bytes`)
    await go('#/settings')
    await click(browser, tid('theme-system'))
  })

  step('8. when WebKit\'s web process dies, the window loads the page again', async () => {
    await go('#/customers')
    await shown(browser, tid('list-total'))
    const app = appProcess()
    const before = webProcessesOf(app)
    assert.equal(before.length, 1, `one web process under the app (pid ${app}): ${before}`)
    const log = join(process.env.XDG_DATA_HOME, 'app.dossier.desktop', 'logs', 'dossier.log')
    const logged = statSync(log).size
    process.kill(before[0], 'SIGKILL')
    // WebKitWebDriver ends a session whose page crashed, so what follows is read from outside:
    // the app is still running, a new web process draws for it, and its log says why. The words
    // the reloaded page shows are held by ui/src/__tests__/pageRecovered.test.ts.
    await waitFor(() =>
      readFileSync(log).subarray(logged).toString('utf8').includes('the web process ended (Crashed); the page is loaded again'),
    )
    await waitFor(() => webProcessesOf(app).some((pid) => pid !== before[0]))
    assert.equal(appProcess(), app, 'the app kept running')
    await new Promise((resolve) => setTimeout(resolve, 1500))
    await screenshot(null, `${process.env.E2E_ARTIFACTS || '/tmp'}/dossier-e2e-page-recovered.png`, { wait: false })
    process.kill(app, 'SIGTERM')
    browser = null
  })
})

/** Waits (at most 20 s) until `ok()` holds, without a WebDriver session. */
async function waitFor(ok) {
  for (let end = Date.now() + 20_000; Date.now() < end; ) {
    if (ok()) return
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  assert.fail(`not so after 20 s: ${ok}`)
}

/** The pid of this test's app (the oldest process naming its database). */
function appProcess() {
  return Number(execFileSync('pgrep', ['-f', '-o', db]).toString().trim().split('\n')[0])
}

/** The pids of the WebKit web processes drawing for the app `app` (its children; none while one starts). */
function webProcessesOf(app) {
  let children = ''
  try {
    children = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(app)]).toString()
  } catch {
    return [] // ps exits 1 when there is no child
  }
  return children
    .split('\n')
    .filter((line) => line.includes('WebKitWebProcess'))
    .map((line) => Number(line.trim().split(/\s+/)[0]))
}
