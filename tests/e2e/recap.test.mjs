// The visit recap (共识确认) exported as a PDF and as a PNG, on the real app: the save dialog is
// answered with a path (answerDialogs) and the file written there is read back — a PDF with
// an A4 page carrying the drawn recap, a PNG of the recap image's width.
import { describe, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { answerDialogs, CLI, launch, quit, tid, tempDir, shown, click, until, journeySteps, settle } from './app.mjs'

const dir = tempDir()
const db = join(dir, 'recap.sqlite')
const pdf = join(dir, '共识确认.pdf')
const png = join(dir, '共识确认.png')
execFileSync(CLI, ['demo', '--db', db], { stdio: 'ignore' })

/** The recap image is 640 CSS px wide drawn at 2× (ui/src/components/visits/recapImage.ts IMAGE_THEME). */
const PNG_WIDTH = 1280

let browser
const step = journeySteps('recap', () => browser)

/** Waits for `path` to be written and stop growing; returns its bytes. */
async function written(path) {
  let size = -1
  await until(
    browser,
    async () => {
      if (!existsSync(path)) return false
      const now = statSync(path).size
      const still = now > 0 && now === size
      size = now
      return still
    },
    `${path} was not written`,
    30_000,
  )
  return readFileSync(path)
}

describe('visit recap export', () => {
  before(async () => {
    browser = await launch({ db, ready: 'list' })
  })
  after(() => quit(browser))

  step('1. the recap of a sample visit opens', async () => {
    await browser.execute(() => {
      location.hash = '#/customers/1?tab=visits'
    })
    await shown(browser, tid('visits-tab'))
    await click(browser, `${tid('visit-item')} ${tid('visit-recap-open')}`)
    const text = await until(browser, async () => (await (await shown(browser, tid('visit-recap'))).getText()).trim(), 'the recap is empty')
    assert.ok(text.length > 20, `the recap says only: ${text}`)
    await settle(browser)
  })

  step('2. 导出 PDF writes an A4 PDF with the recap drawn on its page', async () => {
    answerDialogs(browser, pdf)
    await click(browser, tid('visit-recap-pdf'))
    const bytes = await written(pdf)
    const text = bytes.toString('latin1')
    assert.equal(text.slice(0, 5), '%PDF-', 'not a PDF')
    assert.match(text, /\/Type \/Pages \/Kids \[[^\]]+\] \/Count [1-9]/, 'no page tree with a page')
    assert.match(text, /\/Type \/Page \/Parent 2 0 R \/MediaBox \[0 0 595\.28 841\.89\]/, 'no A4 page')
    const image = /\/Subtype \/Image \/Width (\d+) \/Height (\d+)/.exec(text)
    assert.ok(image && Number(image[1]) > 0 && Number(image[2]) > 0, 'the page carries no image')
    assert.match(text.trimEnd(), /%%EOF$/, 'the PDF is cut short')
    await until(browser, async () => (await (await shown(browser, tid('export-saved'))).getText()).includes(pdf), 'no message names the PDF')
  })

  step('3. 导出图片 writes a PNG as wide as the recap image', async () => {
    answerDialogs(browser, png)
    await click(browser, tid('visit-recap-png'))
    const bytes = await written(png)
    assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'not a PNG')
    assert.equal(bytes.subarray(12, 16).toString('latin1'), 'IHDR')
    const width = bytes.readUInt32BE(16)
    const height = bytes.readUInt32BE(20)
    assert.equal(width, PNG_WIDTH)
    assert.ok(height > 100, `the image is only ${height} px high`)
  })
})
