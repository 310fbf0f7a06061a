// A chart on the page repaints after the window is printed (lib/printing.ts says why): resized by
// a pixel and back, which makes ECharts redraw every layer and keeps the user's zoom and pan.
import { onBeforeUnmount, onMounted } from 'vue'
import { onPrinted } from '../lib/printing'

interface Resizable {
  getWidth(): number
  resize(opts?: { width?: number; animation?: { duration: number } }): void
}

export function useRepaintAfterPrint(chart: () => Resizable | null | undefined) {
  let stop = () => {}
  onMounted(() => {
    stop = onPrinted(() => {
      const c = chart()
      if (!c) return
      const still = { duration: 0 }
      c.resize({ width: c.getWidth() - 1, animation: still })
      c.resize({ animation: still })
    })
  })
  onBeforeUnmount(() => stop())
}
