// Dark mode: the `dark` class on <html> (Element Plus's dark variables key on it).
import { computed, ref, watchEffect } from 'vue'

const dark = ref(false)
export const isDark = computed(() => dark.value)

export function toggleDark() {
  dark.value = !dark.value
}

watchEffect(() => document.documentElement.classList.toggle('dark', dark.value))
