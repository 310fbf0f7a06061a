// The customer page loads its tabs' code once its profile is drawn and the page is idle, so a
// tab's first opening does not wait for it (README, "What a user waits for").
import { describe, expect, it, vi } from 'vitest'
import { makeRouter, mountWith, profile } from './helpers'

const api = await vi.hoisted(() => import('./apiMock').then((m) => m.apiMock()))
vi.mock('../api', () => ({ api }))

/** The tabs whose code was imported. */
const loaded = vi.hoisted(() => new Set<string>())
const stub = (name: string) => {
  loaded.add(name)
  return { default: { render: () => null } }
}
vi.mock('../features/powermap/tab/PowerMapTab.vue', () => stub('map'))
vi.mock('../features/trends/TrendsTab.vue', () => stub('trends'))
vi.mock('../features/visits/VisitsTab.vue', () => stub('visits'))
vi.mock('../features/timeline/TimelineTab.vue', () => stub('timeline'))
vi.mock('../features/opportunities/OpportunitiesTab.vue', () => stub('deals'))

import CustomerView from '../features/customers/CustomerView.vue'

vi.setConfig({ testTimeout: 30000 })

describe('customer page', () => {
  it('loads every tab’s code after its profile is drawn, with no tab opened', async () => {
    api.getCustomer.mockResolvedValue(profile({}))
    api.customerRisk.mockResolvedValue({ level: 'green', reasons: [] })
    const router = makeRouter()
    await router.push('/customers/1')
    const { wrapper } = await mountWith(CustomerView, { props: { id: 1 } }, router)
    expect(wrapper.find('[data-testid="customer-header"]').exists()).toBe(true)
    await vi.waitFor(() => expect([...loaded].sort()).toEqual(['deals', 'map', 'timeline', 'trends', 'visits']), {
      timeout: 3000,
    })
    wrapper.unmount()
  })
})
