// 设置 → 备份与恢复: the folder only from the folder dialog, 立即备份, the list worded, restore
// after a question, failures in words; an automatic backup that failed is told once.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DOMWrapper, flushPromises } from '@vue/test-utils'
import type { BackupSettings, Snapshot } from '../bindings'
import { chosenFile, coreError, mountWith } from './helpers'
import { expectErrorToast } from './setup'
import { appState } from '../stores/app'

const api = await vi.hoisted(() => import('./apiMock').then((m) => m.apiMock()))
vi.mock('../api', () => ({ api }))

import BackupCard from '../features/backup/BackupCard.vue'
import { backupWarningText, showBackupWarning } from '../features/backup/backupWarning'

const DEFAULTS: BackupSettings = { folder: null, keepDaily: 7, keepWeekly: 4, keepMonthly: 12 }
const FOLDER = '/home/am/.local/share/app.dossier.desktop/dossier-backups'
function snap(
  file: string,
  reason: Snapshot['reason'],
  takenAt: string,
  counts = { customers: 36, contacts: 80, visits: 120 },
): Snapshot {
  return { file, path: `${FOLDER}/${file}`, takenAt, reason, bytes: 2_500_000, counts }
}
const body = () => new DOMWrapper(document.body)
const click = async (id: string) => {
  await body().get(`[data-testid="${id}"]`).trigger('click')
  await flushPromises()
}

beforeEach(() => {
  vi.clearAllMocks()
  api.backupSettings.mockResolvedValue(DEFAULTS)
  api.backupFolder.mockResolvedValue(FOLDER)
  api.snapshots.mockResolvedValue([])
})
afterEach(() => {
  document.body.innerHTML = ''
})

describe('backup card', () => {
  it('an empty list says what to do; 立即备份 takes one and lists it with its reason and counts', async () => {
    const { wrapper } = await mountWith(BackupCard)
    expect(body().get('[data-testid="backup-folder"]').text()).toBe(FOLDER)
    expect(body().get('[data-testid="backup-empty"]').text()).toContain('立即备份')
    const taken = snap('dossier-20261206T053000Z-manual.sqlite', 'manual', '2026-12-06T05:30:00Z')
    api.snapshotNow.mockResolvedValue(taken)
    api.snapshots.mockResolvedValue([taken])
    await click('backup-now')
    expect(api.snapshotNow).toHaveBeenCalledTimes(1)
    expect(body().text()).toContain('已备份并校验：dossier-20261206T053000Z-manual.sqlite（2.4 MB）')
    expect(body().get('[data-testid="backup-reason"]').text()).toBe('手动')
    expect(body().get('[data-testid="backup-list"]').text()).toContain('36 个客户，80 位联系人，120 条跟进记录')
    wrapper.unmount()
  })

  it('the folder changes only through the folder dialog; backing out changes nothing', async () => {
    const { wrapper } = await mountWith(BackupCard)
    api.chooseFile.mockResolvedValueOnce(null)
    await click('backup-choose-folder')
    expect(api.setBackupFolder).not.toHaveBeenCalled()
    api.chooseFile.mockResolvedValueOnce(chosenFile('/media/u/坚果云/备份'))
    api.setBackupFolder.mockResolvedValue({ ...DEFAULTS, folder: '/media/u/坚果云/备份' })
    api.backupFolder.mockResolvedValue('/media/u/坚果云/备份')
    await click('backup-choose-folder')
    expect(api.chooseFile).toHaveBeenLastCalledWith('backupFolder', '', '备份文件夹')
    expect(api.setBackupFolder).toHaveBeenCalledWith('token:/media/u/坚果云/备份')
    expect(body().get('[data-testid="backup-folder"]').text()).toBe('/media/u/坚果云/备份')
    api.setBackupFolder.mockResolvedValue(DEFAULTS)
    api.backupFolder.mockResolvedValue(FOLDER)
    await click('backup-default-folder')
    expect(api.setBackupFolder).toHaveBeenLastCalledWith(null)
    expect(body().find('[data-testid="backup-default-folder"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('a missing folder is said in words on the list and on 立即备份', async () => {
    const missing = coreError({
      type: 'backup',
      data: { reason: 'folder_missing', path: '/media/u/移动硬盘', detail: '' },
    })
    api.snapshots.mockRejectedValue(missing)
    const { wrapper } = await mountWith(BackupCard)
    expect(body().get('[data-testid="backup-list-error"]').text()).toBe(
      '备份文件夹 /media/u/移动硬盘 不存在（移动硬盘未连接或云盘文件夹已移走？）。',
    )
    api.snapshotNow.mockRejectedValue(missing)
    expectErrorToast('/media/u/移动硬盘 不存在')
    await click('backup-now')
    expect(body().get('.el-message--error').text()).toContain('/media/u/移动硬盘 不存在')
    wrapper.unmount()
  })

  it('restore asks first, then restores the listed file and says where the state before went', async () => {
    const old = snap('dossier-20261205T010000Z-daily.sqlite', 'daily', '2026-12-05T01:00:00Z')
    api.snapshots.mockResolvedValue([old])
    const version = appState.dataVersion
    const { wrapper } = await mountWith(BackupCard)
    await click('backup-restore')
    expect(body().get('.el-message-box').text()).toContain('「恢复前」备份')
    api.restoreSnapshot.mockResolvedValue(
      snap('dossier-20261206T060000Z-before-restore.sqlite', 'before-restore', '2026-12-06T06:00:00Z'),
    )
    await body().get('.el-message-box__btns .el-button--primary').trigger('click')
    await flushPromises()
    await flushPromises()
    expect(api.restoreSnapshot).toHaveBeenCalledWith('dossier-20261205T010000Z-daily.sqlite')
    expect(body().text()).toContain('恢复前的数据已备份为 dossier-20261206T060000Z-before-restore.sqlite')
    expect(appState.dataVersion).toBe(version + 1)
    wrapper.unmount()
  })

  it('a refused rotation shows its reason', async () => {
    api.saveBackupSettings.mockRejectedValue(
      coreError({
        type: 'validation',
        data: { field: 'backup.keepDaily', reason: 'out_of_range', detail: { kind: 'text', text: '1–365' } },
      }),
    )
    const { wrapper } = await mountWith(BackupCard)
    await click('backup-save-rotation')
    expect(body().get('[data-testid="settings-backup"]').text()).toContain('1–365')
    wrapper.unmount()
  })
})

describe('automatic backup warnings', () => {
  it('a failed automatic backup is told once, naming when and why', async () => {
    const w = {
      reason: 'before-import' as const,
      error: { type: 'backup' as const, data: { reason: 'disk_full' as const, path: '/backups', detail: '' } },
    }
    expect(backupWarningText(w)).toBe(
      '自动备份失败（导入前）：/backups 所在的磁盘已满。操作已照常完成。请在「设置 → 备份与恢复」中检查备份文件夹。',
    )
    api.takeBackupWarning.mockResolvedValueOnce(w).mockResolvedValue(null)
    await showBackupWarning()
    await showBackupWarning()
    expect(body().findAll('.el-message--warning')).toHaveLength(1)
  })
})
