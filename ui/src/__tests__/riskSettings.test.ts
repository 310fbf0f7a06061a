// 设置 → 风险规则 and 行动提醒 with the IPC mocked: each rule with its explanation following the
// numbers as typed, the checks before a save (yellow < red, 1–365 days, 0–100 %) that block it,
// a switch and the thresholds sent as the core's Settings, the core's refusal under its field,
// and the reminder's switch/time/owners saved and the daily timer re-armed.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { ElInputNumber, ElSelect, ElSwitch, ElTimePicker } from 'element-plus'
import { coreError, mockBackupCard, mountWith, settingsFixture } from './helpers'
import { riskSettingsErrors } from '../features/settings/riskRules'

const api = await vi.hoisted(() => import('./apiMock').then((m) => m.apiMock()))
vi.mock('../api', () => ({ api }))
api.logFolder.mockResolvedValue('')
const reminders = vi.hoisted(() => ({ rescheduleDueReminders: vi.fn() }))
vi.mock('../features/reminders/dueNotifications', () => reminders)

import SettingsView from '../features/settings/SettingsView.vue'

vi.setConfig({ testTimeout: 30000 })
// Element Plus shows a field's error after a short debounce.
const settle = () => new Promise((r) => setTimeout(r, 150))

beforeEach(() => {
  vi.clearAllMocks()
  api.getSettings.mockResolvedValue(settingsFixture())
  api.saveSettings.mockImplementation(async (s) => s)
  api.customerFacets.mockResolvedValue({ industries: [], owners: ['李明', '王芳'], dealOwners: [] })
  // 设置 also shows the backup card.
  mockBackupCard(api)
})
afterEach(() => {
  document.body.innerHTML = ''
})

const number = (w: VueWrapper, id: string) =>
  w.findAllComponents(ElInputNumber).find((c) => c.attributes('data-testid') === id)!
const item = (w: VueWrapper, id: string) => w.get(`[data-testid="${id}"]`).element.closest('.el-form-item')!
const save = async (w: VueWrapper) => {
  await w.get('[data-testid="settings-save"]').trigger('click')
  await flushPromises()
  await settle()
}

describe('risk rule checks', () => {
  it('accept the defaults and name every bad field', () => {
    expect(riskSettingsErrors(settingsFixture())).toEqual({})
    const s = settingsFixture()
    s.risk.followUpYellowDays = 7
    s.risk.quoteIdleDays = 0
    s.stageProbabilities.quote = 120
    ;(s.stageProbabilities as Record<string, number | null>).needs = null
    s.risk.watchRedDays = 14
    s.risk.stageDays.negotiation = 0
    s.risk.stageDays.contract = 366
    s.risk.churnMonths = 37
    expect(riskSettingsErrors(s)).toEqual({
      'risk.churnMonths': '请输入 1–36 之间的整数',
      'risk.followUpRedDays': '黄灯天数要小于红灯天数',
      'risk.watchRedDays': '黄灯天数要小于红灯天数',
      'risk.stageDays.negotiation': '请输入 1–365 之间的整数',
      'risk.stageDays.contract': '请输入 1–365 之间的整数',
      'risk.quoteIdleDays': '请输入 1–365 之间的整数',
      'stageProbabilities.needs': '请输入 0–100 之间的整数',
      'stageProbabilities.quote': '请输入 0–100 之间的整数',
    })
  })
})

describe('设置 → 风险规则', () => {
  it('explains each rule with the numbers as typed and saves the switches and thresholds', async () => {
    const { wrapper } = await mountWith(SettingsView)
    const card = wrapper.get('[data-testid="settings-risk"]')
    expect(card.findAll('.rule').map((r) => r.attributes('data-testid'))).toEqual(
      [
        'noFollowUp',
        'quoteIdle',
        'stuckInStage',
        'powerMap',
        'overdueAction',
        'unconfirmed',
        'lateRecord',
        'signals',
        'overduePayment',
        'overdueMilestone',
        'churnReview',
      ].map((k) => `settings-rule-${k}`),
    )
    const help = (rule: string) =>
      card.get(`[data-testid="settings-rule-${rule}"] [data-testid="settings-rule-help"]`).text()
    expect(help('noFollowUp')).toBe(
      '进行中的商机超过 3 天未跟进（拜访、电话、微信都算）亮黄灯，超过 7 天亮红灯；没有进行中商机的 A 类客户超过 14 天未跟进亮黄灯，超过 30 天亮红灯。',
    )
    expect(help('stuckInStage')).toContain('达到两倍亮红灯')
    expect(help('quoteIdle')).toContain('报价阶段 5 天')
    expect(help('unconfirmed')).toContain('跟进记录在沟通 3 天后')
    expect(help('powerMap')).toContain('决策者')
    expect(help('lateRecord')).toBe('客户最近一条跟进记录（近 30 天内的沟通）在沟通 24 小时后才写，亮黄灯。')
    expect(help('overduePayment')).toBe(
      '已成交商机的分期过了应回款日仍未回款（已回款按最早的分期先抵），次日起亮黄灯，逾期 30 天亮红灯。',
    )
    expect(help('overdueMilestone')).toBe('已成交商机的交付里程碑过了计划日期仍未完成，亮黄灯。')
    expect(help('churnReview')).toContain('连续 6 个月无采购、无在谈商机，亮黄灯')

    number(wrapper, 'settings-risk-followUpYellowDays').vm.$emit('update:modelValue', 4)
    number(wrapper, 'settings-risk-followUpRedDays').vm.$emit('update:modelValue', 10)
    wrapper
      .findAllComponents(ElSelect)
      .find((s) => s.attributes('data-testid') === 'settings-risk-grades')!
      .vm.$emit('update:modelValue', ['A', 'B'])
    await flushPromises()
    expect(help('noFollowUp')).toContain(
      '超过 4 天未跟进（拜访、电话、微信都算）亮黄灯，超过 10 天亮红灯；没有进行中商机的 A/B 类客户',
    )

    const quoteSwitch = wrapper
      .findAllComponents(ElSwitch)
      .find((s) => s.attributes('data-testid') === 'settings-risk-quoteIdle')!
    quoteSwitch.vm.$emit('update:modelValue', false)
    wrapper
      .findAllComponents(ElSwitch)
      .find((s) => s.attributes('data-testid') === 'settings-risk-lateRecord')!
      .vm.$emit('update:modelValue', false)
    number(wrapper, 'settings-prob-solution').vm.$emit('update:modelValue', 35)
    number(wrapper, 'settings-risk-watchRedDays').vm.$emit('update:modelValue', 45)
    number(wrapper, 'settings-stage-days-quote').vm.$emit('update:modelValue', 20)
    number(wrapper, 'settings-risk-paymentRedDays').vm.$emit('update:modelValue', 45)
    number(wrapper, 'settings-risk-churnMonths').vm.$emit('update:modelValue', 9)
    await flushPromises()
    expect(help('overduePayment')).toContain('逾期 45 天亮红灯')
    expect(help('churnReview')).toContain('连续 9 个月无采购')
    expect(number(wrapper, 'settings-risk-churnMonths').props('max')).toBe(36)
    expect(number(wrapper, 'settings-risk-quoteIdleDays').props('disabled')).toBe(true)

    await save(wrapper)
    const want = settingsFixture()
    want.risk = {
      ...want.risk,
      followUpYellowDays: 4,
      followUpRedDays: 10,
      followUpGrades: ['A', 'B'],
      quoteIdle: false,
      lateRecord: false,
      watchRedDays: 45,
      stageDays: { ...want.risk.stageDays, quote: 20 },
      paymentRedDays: 45,
      churnMonths: 9,
    }
    want.stageProbabilities = { ...want.stageProbabilities, solution: 35 }
    expect(api.saveSettings).toHaveBeenCalledWith(want)
    wrapper.unmount()
  })

  it('red days not above yellow, or an emptied probability, is marked at once and blocks the save', async () => {
    const { wrapper } = await mountWith(SettingsView)
    number(wrapper, 'settings-risk-followUpRedDays').vm.$emit('update:modelValue', 3)
    number(wrapper, 'settings-prob-quote').vm.$emit('update:modelValue', null)
    await flushPromises()
    await settle()
    expect(item(wrapper, 'settings-risk-followUpRedDays').textContent).toContain('黄灯天数要小于红灯天数')
    expect(item(wrapper, 'settings-prob-quote').textContent).toContain('请输入 0–100 之间的整数')
    await save(wrapper)
    expect(api.saveSettings).not.toHaveBeenCalled()
    expect(document.body.textContent).toContain('请先修正标红的设置项')

    number(wrapper, 'settings-risk-followUpRedDays').vm.$emit('update:modelValue', 8)
    number(wrapper, 'settings-prob-quote').vm.$emit('update:modelValue', 55)
    await flushPromises()
    await settle()
    expect(item(wrapper, 'settings-risk-followUpRedDays').textContent).not.toContain('黄灯天数要小于红灯天数')
    await save(wrapper)
    expect(api.saveSettings).toHaveBeenCalledTimes(1)
    wrapper.unmount()
  })

  it('the core’s refusal shows under the rule’s field', async () => {
    api.saveSettings.mockRejectedValue(
      coreError({
        type: 'validation',
        data: { field: 'risk.unconfirmedDays', reason: 'out_of_range', detail: { kind: 'text', text: '1–365' } },
      }),
    )
    const { wrapper } = await mountWith(SettingsView)
    await save(wrapper)
    expect(item(wrapper, 'settings-risk-unconfirmedDays').textContent).toContain('超出范围 1–365')
    expect(document.body.textContent).not.toContain('设置已保存')
    wrapper.unmount()
  })
})

describe('设置 → 行动提醒', () => {
  it('saves the switch, the time and whose actions, then re-arms the daily reminder', async () => {
    const { wrapper } = await mountWith(SettingsView)
    const card = wrapper.get('[data-testid="settings-reminder"]')
    expect(card.text()).toContain('每日提醒时间')
    const picker = wrapper.getComponent(ElTimePicker)
    expect(picker.props('modelValue')).toBe('09:00')
    picker.vm.$emit('update:modelValue', '18:30')
    wrapper
      .findAllComponents(ElSelect)
      .find((s) => s.attributes('data-testid') === 'settings-notify-owners')!
      .vm.$emit('update:modelValue', ['李明'])
    await flushPromises()
    await save(wrapper)
    expect(api.saveSettings).toHaveBeenCalledWith(
      settingsFixture({ notify: { enabled: true, time: '18:30', owners: ['李明'] } }),
    )
    expect(reminders.rescheduleDueReminders).toHaveBeenCalledTimes(1)

    wrapper
      .findAllComponents(ElSwitch)
      .find((s) => s.attributes('data-testid') === 'settings-notify-enabled')!
      .vm.$emit('update:modelValue', false)
    await flushPromises()
    expect(picker.props('disabled')).toBe(true)
    // 「我的负责人姓名」 also sets 今日's owners: it stays editable with the notifications off.
    const ownersSelect = wrapper
      .findAllComponents(ElSelect)
      .find((s) => s.attributes('data-testid') === 'settings-notify-owners')!
    expect(ownersSelect.props('disabled')).toBeFalsy()
    await save(wrapper)
    expect(api.saveSettings).toHaveBeenLastCalledWith(
      settingsFixture({ notify: { enabled: false, time: '18:30', owners: ['李明'] } }),
    )
    wrapper.unmount()
  })

  it('a refused owner name shows under the owners field, and the timer is left alone', async () => {
    api.saveSettings.mockRejectedValue(
      coreError({
        type: 'validation',
        data: { field: 'notify.owners.1', reason: 'required', detail: { kind: 'none' } },
      }),
    )
    const { wrapper } = await mountWith(SettingsView)
    await save(wrapper)
    expect(item(wrapper, 'settings-notify-owners').textContent).toContain('必填')
    expect(reminders.rescheduleDueReminders).not.toHaveBeenCalled()
    wrapper.unmount()
  })
})
