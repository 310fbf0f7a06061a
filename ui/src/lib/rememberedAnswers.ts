// The last answers of a few views, kept while the app runs, so that a view opened again (a
// customer page's tab left for 概况 and back) draws at once with what it showed before while it
// asks again: the tabs are built anew on each opening (no chart is kept alive on a hidden tab),
// and waiting for their answers made each opening draw twice, the frame before the answers and
// the one after. The fresh answer replaces the remembered one; an equal one redraws nothing.
// Answers belong to the data version they were given in: an undo, an import or another
// database opened (`appState.dataVersion`) leaves every remembered answer unused. Only a few are
// kept, the oldest forgotten first: a customer's map, trends and a page of its records.
import { appState } from '../stores/app'

const LIMIT = 12
const answers = new Map<string, unknown>()
const versioned = (key: string) => `${appState.dataVersion}|${key}`

/** The answer last remembered under `key` in this data version, or null. */
export function recalled<T>(key: string): T | null {
  return (answers.get(versioned(key)) as T | undefined) ?? null
}

/** Remembers `value` under `key`, forgetting the oldest answer beyond LIMIT. */
export function remember(key: string, value: unknown) {
  const k = versioned(key)
  answers.delete(k)
  answers.set(k, value)
  if (answers.size > LIMIT) answers.delete(answers.keys().next().value as string)
}

/**
 * Whether `fresh` is the answer already shown (compared as JSON): then nothing is drawn again.
 * Fifty rows of a table or a map of 150 people take most of a frame to draw.
 */
export function sameAnswer(fresh: unknown, shown: unknown): boolean {
  return shown !== null && JSON.stringify(fresh) === JSON.stringify(shown)
}

/** Forgets every answer (each test starts without any). */
export function forgetAnswers() {
  answers.clear()
}
