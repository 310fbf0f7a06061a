// A control drawn as a stand-in (its closed look, components/HoverSelect.vue and
// HoverDatePicker.vue) until the pointer or the keyboard reaches it, then built for real: a
// popper control builds its whole menu or calendar when mounted, and a list of them was most of
// a tab's drawing time for controls rarely opened. `reach` builds it once; reached by the
// keyboard the real control takes the focus, clicked it opens, hovered it only appears.
import { nextTick, ref } from 'vue'

export function useBuiltOnReach(real: { focus: () => void; open: () => void }) {
  const built = ref(false)
  async function reach(then?: 'focus' | 'open') {
    if (built.value) return
    built.value = true
    await nextTick()
    if (then === 'focus') real.focus()
    else if (then === 'open') real.open()
  }
  return { built, reach }
}
