// ECharts draws its tooltips as HTML: whatever a formatter returns is set as innerHTML. Every
// piece of data in a tooltip (a product or competitor name from an imported file, a month, a
// series name, a signal's explanation) goes through `escapeHtml` here, so a name such as
// `<img src=x onerror=…>` shows as text. The only markup not escaped is ECharts' own colour
// marker (`params.marker`), which ECharts builds itself.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** `text` safe to place inside HTML, as text or in a quoted attribute. */
export function escapeHtml(text: unknown): string {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c])
}

/** The tooltip's heading line (a month, a stage, a competitor). */
export function tooltipTitle(text: string): string {
  return `<div class="tt-month">${escapeHtml(text)}</div>`
}

/**
 * One line of a tooltip: ECharts' colour marker, then `label：value` with the value in bold
 * (`value` omitted: the label alone).
 */
export function tooltipRow(marker: unknown, label: string, value?: string): string {
  const mark = typeof marker === 'string' ? marker : ''
  const figure = value === undefined ? '' : `：<b>${escapeHtml(value)}</b>`
  return `<div class="tt-row">${mark}${escapeHtml(label)}${figure}</div>`
}
