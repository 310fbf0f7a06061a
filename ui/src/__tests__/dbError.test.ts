import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { CoreError, DbStatus } from '../bindings'
import { chosenFile, coreError, mountWith } from './helpers'
import { expectErrorToast } from './setup'

const api = await vi.hoisted(() => import('./apiMock').then((m) => m.apiMock()))
vi.mock('../api', () => ({ api }))

import DbErrorPage from '../components/DbErrorPage.vue'
import { errorMessage } from '../errors'

const PATH = '/home/am/文档/客户.sqlite'
const status = (error: CoreError): DbStatus => ({ path: PATH, error, empty: false })
const mountPage = (error: CoreError) => mountWith(DbErrorPage, { props: { status: status(error) } })

beforeEach(() => vi.clearAllMocks())

describe('database error page', () => {
  it.each<[CoreError, string]>([
    [{ type: 'notSqlite', data: { path: PATH } }, '这不是 SQLite 数据库文件'],
    [{ type: 'notDossier', data: { path: PATH } }, '不是大客户档案数据库'],
    [
      { type: 'corrupt', data: { path: PATH, detail: 'database disk image is malformed' } },
      'database disk image is malformed',
    ],
    [{ type: 'tooNew', data: { path: PATH, found: 9, supported: 3 } }, '结构版本 9'],
    [{ type: 'io', data: { path: PATH, detail: 'Permission denied' } }, 'Permission denied'],
    [{ type: 'database', data: { detail: 'disk I/O error' } }, 'disk I/O error'],
    [{ type: 'inUse', data: { path: PATH } }, '正由另一个大客户档案窗口或命令行使用'],
  ])('%o: shows the file and why it could not be opened', async (error, reason) => {
    const { wrapper } = await mountPage(error)
    expect(wrapper.text()).toContain('无法打开数据库')
    expect(wrapper.get('[data-testid="db-error-path"]').text()).toBe(PATH)
    expect(wrapper.get('[data-testid="db-error-reason"]').text()).toContain(reason)
    expect(wrapper.text()).toContain('原文件未被修改')
    wrapper.unmount()
  })

  it('a too-new file names both versions', async () => {
    const { wrapper } = await mountPage({ type: 'tooNew', data: { path: PATH, found: 9, supported: 3 } })
    const reason = wrapper.get('[data-testid="db-error-reason"]').text()
    expect(reason).toContain('9')
    expect(reason).toContain('3')
    wrapper.unmount()
  })

  it('打开其他文件… opens the picked file and hands the new status up', async () => {
    api.chooseFile.mockResolvedValue(chosenFile('/tmp/other.sqlite'))
    const ok: DbStatus = { path: '/tmp/other.sqlite', error: null, empty: false }
    api.openDatabase.mockResolvedValue(ok)
    const { wrapper } = await mountPage({ type: 'notSqlite', data: { path: PATH } })
    const button = wrapper.get('[data-testid="db-open-other"]')
    expect(button.text()).toBe('打开其他文件…')
    await button.trigger('click')
    await flushPromises()
    expect(api.chooseFile).toHaveBeenCalledWith('openDatabase', 'dossier.sqlite', expect.any(String))
    expect(api.openDatabase).toHaveBeenCalledWith('token:/tmp/other.sqlite')
    expect(wrapper.emitted('opened')).toEqual([[ok]])
    wrapper.unmount()
  })

  it('新建数据库… opens the path chosen in the save dialog', async () => {
    api.chooseFile.mockResolvedValue(chosenFile('/tmp/new.sqlite'))
    api.openDatabase.mockResolvedValue({ path: '/tmp/new.sqlite', error: null, empty: true })
    const { wrapper } = await mountPage({ type: 'notDossier', data: { path: PATH } })
    await wrapper.get('[data-testid="db-create-new"]').trigger('click')
    await flushPromises()
    expect(api.chooseFile).toHaveBeenCalledWith('newDatabase', 'dossier.sqlite', expect.any(String))
    expect(api.openDatabase).toHaveBeenCalledWith('token:/tmp/new.sqlite')
    expect(wrapper.emitted('opened')?.[0]?.[0]).toMatchObject({ empty: true })
    wrapper.unmount()
  })

  it('cancelling the file dialog opens nothing', async () => {
    api.chooseFile.mockResolvedValue(null)
    const { wrapper } = await mountPage({ type: 'notSqlite', data: { path: PATH } })
    await wrapper.get('[data-testid="db-open-other"]').trigger('click')
    await flushPromises()
    expect(api.openDatabase).not.toHaveBeenCalled()
    expect(wrapper.emitted('opened')).toBeUndefined()
    wrapper.unmount()
  })

  it('a failing open shows the error and stays on the page', async () => {
    api.chooseFile.mockResolvedValue(chosenFile('/tmp/locked.sqlite'))
    api.openDatabase.mockRejectedValue(
      coreError({
        type: 'io',
        data: { path: '/tmp/locked.sqlite', detail: 'Permission denied' },
      }),
    )
    expectErrorToast('Permission denied')
    const { wrapper } = await mountPage({ type: 'notSqlite', data: { path: PATH } })
    await wrapper.get('[data-testid="db-open-other"]').trigger('click')
    await flushPromises()
    expect(document.body.textContent).toContain('Permission denied')
    expect(wrapper.emitted('opened')).toBeUndefined()
    wrapper.unmount()
  })
})

describe('typed failures of any command', () => {
  it.each<[CoreError, string]>([
    [{ type: 'diskFull', data: { path: null } }, '磁盘已满，没有写入任何内容。请腾出空间后再试。'],
    [
      { type: 'diskFull', data: { path: '/media/u/周报.xlsx' } },
      '磁盘已满，/media/u/周报.xlsx 没有写入。请腾出空间后再试。',
    ],
    [{ type: 'busy' }, '数据库正忙（另一个程序正在写入），请稍后再试。'],
    [
      { type: 'wouldOverwriteDatabase', data: { path: '/home/am/dossier.sqlite' } },
      '不能保存到 /home/am/dossier.sqlite：这是正在使用的数据库文件，请换一个文件名或位置',
    ],
    [{ type: 'fileNotChosen' }, '请先在对话框中选择文件'],
  ])('%o is worded, not shown as JSON', (error, text) => {
    expect(errorMessage(error)).toBe(text)
  })
})
