// Text on a canvas (the 共识确认 recap, the printed customer dossier's PDF): the UI's own font
// stack, so Chinese renders with the system's fonts and nothing is embedded; lines broken where
// Chinese may break (anywhere) and Latin words and numbers kept together; a line cut with "…".

/** Words that keep together: a run of Latin letters/digits, else one character (CJK breaks anywhere). */
const TOKENS = /[A-Za-z0-9@._%+\-/:]+|\s+|./gsu

/**
 * `text` broken into lines no wider than `width` (the first line) and `width - hang` (the
 * rest). Latin words and numbers are not split unless one alone is wider than a line.
 */
export function wrap(text: string, width: number, measure: (s: string) => number, hang = 0): string[] {
  const lines: string[] = []
  let line = ''
  const limit = () => (lines.length ? width - hang : width)
  for (const token of text.match(TOKENS) ?? []) {
    if (measure(line + token) <= limit()) {
      line += token
      continue
    }
    if (line.trim()) lines.push(line.trimEnd())
    line = /^\s+$/.test(token) ? '' : token
    // A word longer than a line: split by character.
    while (measure(line) > limit() && line.length > 1) {
      let cut = line.length - 1
      while (cut > 1 && measure(line.slice(0, cut)) > limit()) cut--
      lines.push(line.slice(0, cut))
      line = line.slice(cut)
    }
  }
  if (line.trim() || !lines.length) lines.push(line.trimEnd())
  return lines
}

/** The UI's font stack (styles.css), for `ctx.font`. */
export function fontFamily(): string {
  const f = typeof document !== 'undefined' ? getComputedStyle(document.body).fontFamily : ''
  return f || "'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', sans-serif"
}

/** `text` cut to fit `width`, ending in "…" when cut. */
export function ellipsis(text: string, width: number, measure: (s: string) => number): string {
  if (measure(text) <= width) return text
  const chars = [...text]
  let n = chars.length
  while (n > 0 && measure(chars.slice(0, n).join('') + '…') > width) n--
  return chars.slice(0, n).join('') + '…'
}
