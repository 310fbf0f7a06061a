// The customer timeline's presentation rules, kept pure so they are tested without mounting:
// which day and time an entry belongs to (`at` is a local date, a local date and time, or a UTC
// timestamp depending on the kind; the core orders them all by local time), the day groups, and
// where on the customer page an entry's source lives.
import type { TimelineEntry, TimelineKind } from '../../bindings'
import { localWhen } from '../../lib/format'

/** Entries per page (加载更多 fetches the next). */
export const TIMELINE_PAGE_SIZE = 30

/** The kinds in the order the filter lists them. */
export const TIMELINE_KINDS: TimelineKind[] = ['visit', 'action', 'stage', 'after_sale', 'power_map', 'profile']

export interface DayGroup {
  day: string
  entries: TimelineEntry[]
}

/**
 * Consecutive entries of one local day grouped, in the core's order (newest first). A day that
 * continues on the next page extends the last group instead of starting a second heading.
 */
export function groupByDay(entries: TimelineEntry[]): DayGroup[] {
  const groups: DayGroup[] = []
  for (const e of entries) {
    const { day } = localWhen(e.at)
    const last = groups[groups.length - 1]
    if (last && last.day === day) last.entries.push(e)
    else groups.push({ day, entries: [e] })
  }
  return groups
}

/** A profile entry's title when the customer's lifecycle changed (its cause in `detail`, the
 * lifecycle codes in `from` and `to`); it is edited with the overview. */
export const LIFECYCLE = 'lifecycle'

/** Where an entry's source is shown: a tab of the customer page, and the profile section. */
export interface EntryTarget {
  tab: 'profile' | 'map' | 'visits' | 'deals'
  section?: string
  /** 跟进记录 filtered to this deal's summaries (where its actions are). */
  deal?: number
  /** The summary to open on 跟进记录. */
  visit?: number
}

/**
 * Visits and their actions are on 跟进记录 (a visit opens in its form; an action of a deal: filtered to that deal's
 * summaries — the 商机 tab lists no actions); stage changes, payments and milestones on 商机; power-map changes on
 * 权力地图; a profile save at its section of 档案 (a lifecycle change at the overview).
 */
export function entryTarget(e: TimelineEntry): EntryTarget {
  switch (e.kind) {
    case 'visit':
      return { tab: 'visits', visit: e.refId }
    case 'action':
      return e.opportunityId !== null ? { tab: 'visits', deal: e.opportunityId } : { tab: 'visits' }
    case 'stage':
    case 'after_sale':
      return { tab: 'deals' }
    case 'power_map':
      return { tab: 'map' }
    case 'profile':
      return { tab: 'profile', section: e.title === LIFECYCLE ? 'overview' : e.title }
  }
}
