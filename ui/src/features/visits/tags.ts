// The tag colour of a follow-up record's confirmation state and progress status, by meaning: the same in the
// record list (VisitItem.vue) and the customer timeline (TimelineItem.vue).
import type { Confirmation, Progress } from '../../bindings'

type TagType = 'success' | 'warning' | 'info' | 'danger'

export const CONFIRMATION_TAG: Record<Confirmation, TagType> = { draft: 'info', sent: 'warning', confirmed: 'success' }

export const PROGRESS_TAG: Record<Progress, TagType> = {
  intent: 'success',
  doubts: 'warning',
  needs_material: 'warning',
  no_progress: 'info',
  rejected: 'danger',
}
