// 打印…: the system print dialog for the window (the page's `@media print` styles choose what is
// on paper). WebKit clears the page's canvases while it prints, and ECharts repaints only what
// changed, so the charts left on the page would stay blank: after a print every chart is told
// to repaint (`onPrinted`, used by composables/useRepaintAfterPrint.ts) — on `afterprint`, which
// WebKit fires once the pages are printed (after the dialog has returned), and when the dialog
// returns, for a print cancelled there.
import { api } from '../api'

const PRINTED = 'dossier:printed'

/** Opens the system print dialog; when it is done (printed or cancelled) the charts repaint. */
export async function printWindow(): Promise<void> {
  try {
    await api.printWindow()
  } finally {
    window.dispatchEvent(new Event(PRINTED))
  }
}

/** Calls `repaint` after each print; returns the function that stops it. */
export function onPrinted(repaint: () => void): () => void {
  window.addEventListener(PRINTED, repaint)
  window.addEventListener('afterprint', repaint)
  return () => {
    window.removeEventListener(PRINTED, repaint)
    window.removeEventListener('afterprint', repaint)
  }
}
