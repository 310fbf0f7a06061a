import type { CustomerProfile, Section, SectionStatus } from '../../../bindings'

export function statusOf(profile: CustomerProfile, section: Section): SectionStatus | null {
  return profile.sections.find((s) => s.section === section) ?? null
}

/** 1-based position of a dimension on the page. */
export const SECTION_INDEX: Record<Section, number> = {
  overview: 1,
  business: 2,
  financials: 3,
  sp_bp: 4,
  power_map: 5,
  key_persons: 6,
  suppliers: 7,
  process_it: 8,
}
