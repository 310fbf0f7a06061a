// 最近联系 as the core derives it: a contact's card shows the day of the latest follow-up
// record naming them (typed dates only without one, each said which), and the customer header
// shows the customer's latest record.
import { describe, expect, it, vi } from 'vitest'
import { contact, makeRouter, mountWith, profile } from './helpers'

const api = await vi.hoisted(() => import('./apiMock').then((m) => m.apiMock()))
vi.mock('../api', () => ({ api }))

import ContactCard from '../features/customers/contacts/ContactCard.vue'
import CustomerView from '../features/customers/CustomerView.vue'

vi.setConfig({ testTimeout: 30000 })

const lastLine = async (over: Parameters<typeof contact>[2]) => {
  const { wrapper } = await mountWith(ContactCard, { props: { contact: contact(5, '王建华', over), detailed: true } })
  const line = wrapper.find('[data-testid="contact-last-contact"]')
  return line.exists() ? line.text() : null
}

describe('最近联系', () => {
  it('on the card: the latest record wins over a typed date; a typed date is said to be typed', async () => {
    expect(await lastLine({ lastContact: '2026-12-01', followedUpOn: '2026-11-20' })).toBe(
      '最近联系：2026-11-20（跟进记录）',
    )
    expect(await lastLine({ lastContact: '2026-10-01' })).toBe('最近联系：2026-10-01（手动填写）')
    expect(await lastLine({})).toBeNull()
  })

  it('in the customer header: the latest follow-up record, or that there is none', async () => {
    api.customerRisk.mockResolvedValue({ level: 'green', reasons: [] })
    for (const [lastFollowUp, text] of [
      ['2026-11-28', '最近联系：2026-11-28'],
      [null, '暂无跟进记录'],
    ] as const) {
      api.getCustomer.mockResolvedValue(profile({ lastFollowUp }))
      const router = makeRouter()
      await router.push('/customers/1')
      const { wrapper } = await mountWith(CustomerView, { props: { id: 1 } }, router)
      expect(wrapper.get('[data-testid="customer-last-follow-up"]').text()).toBe(`· ${text}`)
      wrapper.unmount()
    }
  })
})
