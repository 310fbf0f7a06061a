/// <reference types="vitest/config" />
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import AutoImport from 'unplugin-auto-import/vite'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'

// Element Plus components (and their styles) are imported per use by the resolver.
export default defineConfig({
  base: './',
  clearScreen: false,
  plugins: [
    vue(),
    AutoImport({
      resolvers: [ElementPlusResolver()],
      dts: 'src/auto-imports.d.ts',
    }),
    Components({
      resolvers: [ElementPlusResolver()],
      dts: 'src/components.d.ts',
      dirs: [],
    }),
  ],
  server: {
    port: 5173,
    strictPort: true,
    watch: { ignored: ['**/src-tauri/**', '**/target/**'] },
  },
  envPrefix: ['VITE_', 'TAURI_ENV_'],
  build: {
    outDir: 'dist',
    target: ['es2021', 'safari15'],
    chunkSizeWarningLimit: 1500,
  },
  test: {
    environment: 'happy-dom',
    globals: false,
    include: ['src/**/*.test.ts'],
    css: false,
    // Fails a test that shows an unexpected error toast, logs console.error or calls an unmocked api function.
    setupFiles: ['src/__tests__/setup.ts'],
    server: { deps: { inline: ['element-plus'] } },
    // The first test of a file pays for transforming Element Plus; on a busy 2-core CI
    // machine that alone can pass vitest's 5 s default.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
})
