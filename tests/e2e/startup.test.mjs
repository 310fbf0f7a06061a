// Start-up: a file that is not a Dossier database gets a clear page naming it and is left
// byte-for-byte untouched; and how long a cold start takes to show the customer list.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { CLI, launch, quit, shown, startSession, tempDir, tid } from './app.mjs'

const dir = tempDir()

describe('start-up', () => {
  it('a text file given as the database gets a clear message and stays untouched', async () => {
    const file = join(dir, '客户笔记.txt')
    const bytes = Buffer.from('拜访记录:周二下午见王总。\nmeeting notes\n'.repeat(20), 'utf8')
    writeFileSync(file, bytes)

    const browser = await launch({ db: file, ready: 'error' })
    try {
      const page = await shown(browser, tid('db-error'))
      const text = await page.getText()
      assert.ok(text.includes(file), `the error page should name ${file}; it says:\n${text}`)
      assert.match(text, /不是.*数据库/, 'the error page should say why')
      assert.match(text, /未被修改/, 'the error page should say the file was left alone')
      assert.ok(!(await browser.$(tid('customer-table')).isExisting()), 'the list should not be shown')
    } finally {
      await quit(browser)
    }

    assert.deepEqual(readFileSync(file), bytes, 'the file was changed')
    assert.deepEqual(readdirSync(dir).filter((f) => f.startsWith('客户笔记')), ['客户笔记.txt'], 'files were created beside it')
  })

  it('cold start to a visible customer list (median of 3)', async (t) => {
    const db = join(dir, 'demo.sqlite')
    execFileSync(CLI, ['demo', '--db', db], { stdio: 'pipe' })
    const times = []
    for (let i = 0; i < 3; i++) {
      const started = performance.now()
      const browser = await startSession({ db })
      try {
        await (await browser.$('.customer-row')).waitForDisplayed({ timeout: 45_000 })
        times.push(Math.round(performance.now() - started))
        assert.ok((await browser.$$('.customer-row')).length > 0)
      } finally {
        await quit(browser)
      }
    }
    const median = [...times].sort((a, b) => a - b)[1]
    t.diagnostic(`launches: ${times.join(', ')} ms`)
    console.log(`cold-start-ms: ${median}`)
  })
})
