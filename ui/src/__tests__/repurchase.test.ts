// 复购提醒 in the UI: the prompt worded from its figures in both languages (the usual interval,
// the months since the last purchase, that purchase), in the signal lists and on 今日's card —
// which asks the feed for the repurchase signals of the page's owners, opens the customer's
// 采购趋势 at the product, and says when none is due.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { SignalFeed, TrendSignal } from '../bindings'
import { i18n } from '../i18n'
import { makeRouter, mountWith } from './helpers'

const api = await vi.hoisted(() => import('./apiMock').then((m) => m.apiMock()))
vi.mock('../api', () => ({ api }))

import TodayRepurchase from '../features/home/TodayRepurchase.vue'
import SignalList from '../features/trends/SignalList.vue'
import { signalLine } from '../features/trends/words'

vi.setConfig({ testTimeout: 30000 })

function due(customerId: number, customerName: string, product: string): TrendSignal {
  return {
    customerId,
    customerName,
    kind: 'repurchase',
    severity: 'low',
    product,
    category: '',
    metric: null,
    months: ['2026-07', '2026-08', '2026-09', '2026-10', '2026-11'],
    values: [70_000, 0, 0, 0, 0],
    baselineMonths: [],
    from: 3,
    to: 4,
    changePct: null,
    impact: 20_000,
    text: '复购提醒：伺服电机 平均每 3 个月采购一次，距上次采购已 4 个月（上次 2026-07 采购 7 万元）',
  }
}

const feed = (signals: TrendSignal[], total = signals.length): SignalFeed => ({
  signals,
  total,
  evaluatedMonth: '2026-10',
})

beforeEach(() => {
  vi.clearAllMocks()
})
afterEach(() => {
  i18n.global.locale.value = 'zh-CN'
  document.body.innerHTML = ''
})

describe('the repurchase prompt', () => {
  it('is worded from its figures in the UI’s language; other signals keep the core’s line', () => {
    const s = due(1, '华东精密', '伺服电机')
    expect(signalLine(s)).toBe('伺服电机 平均每 3 个月采购一次，距上次采购已 4 个月（上次 2026-07 采购 7 万元）')
    i18n.global.locale.value = 'en'
    expect(signalLine(s)).toBe(
      '伺服电机: bought every 3 months on average, 4 months since the last purchase (2026-07, 70K CNY)',
    )
    expect(signalLine({ ...s, kind: 'decline', text: '伺服电机 连续 3 个月下降' })).toBe('伺服电机 连续 3 个月下降')
  })

  it('shows in a signal list under its kind', async () => {
    const { wrapper } = await mountWith(SignalList, { props: { signals: [due(1, '华东精密', '伺服电机')] } })
    expect(wrapper.text()).toContain('复购提醒')
    expect(wrapper.text()).toContain('伺服电机 平均每 3 个月采购一次，距上次采购已 4 个月')
    wrapper.unmount()
  })
})

describe('今日 → 复购提醒', () => {
  it('lists the prompts due for the page’s owners and opens the customer’s trends at the product', async () => {
    api.signalFeed.mockResolvedValue(feed([due(1, '华东精密', '伺服电机'), due(2, '长江汽配', '变频器')], 23))
    const router = makeRouter()
    await router.push('/home')
    const { wrapper } = await mountWith(TodayRepurchase, { props: { owners: ['李明'] } }, router)
    expect(api.signalFeed).toHaveBeenCalledWith({
      grades: [],
      owners: ['李明'],
      kinds: ['repurchase'],
      offset: 0,
      limit: 20,
    })
    const rows = wrapper.findAll('[data-testid="home-repurchase-item"]')
    expect(rows.map((r) => r.attributes('data-customer-id'))).toEqual(['1', '2'])
    expect(rows[0].text()).toContain('华东精密')
    expect(rows[0].text()).toContain('伺服电机 平均每 3 个月采购一次，距上次采购已 4 个月')
    expect(wrapper.get('[data-testid="home-count"]').text()).toBe('23')
    expect(wrapper.get('[data-testid="home-more"]').text()).toBe('显示前 2 项，共 23 项')
    await rows[1].get('a').trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('customer'), { timeout: 10000 })
    expect(router.currentRoute.value.params.id).toBe('2')
    expect(router.currentRoute.value.query).toEqual({ tab: 'trends', product: '变频器' })
    wrapper.unmount()
  })

  it('says when none is due, and asks again for other owners', async () => {
    api.signalFeed.mockResolvedValue(feed([]))
    const { wrapper } = await mountWith(TodayRepurchase, { props: { owners: [] } })
    expect(wrapper.get('[data-testid="home-empty"]').text()).toContain('没有到期的复购')
    expect(wrapper.find('[data-testid="home-more"]').exists()).toBe(false)
    await wrapper.setProps({ owners: ['王芳'] })
    await flushPromises()
    expect(api.signalFeed).toHaveBeenLastCalledWith(
      expect.objectContaining({ owners: ['王芳'], kinds: ['repurchase'] }),
    )
    wrapper.unmount()
  })
})
