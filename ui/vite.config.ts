/// <reference types="vitest/config" />
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import AutoImport from 'unplugin-auto-import/vite'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'
import type { Plugin } from 'vite'

/**
 * Tauri serves the built files with the MIME type the `infer` crate reads from their first
 * 1,024 bytes before it looks at the extension, and infer takes "%PDF" anywhere there for a PDF:
 * a chunk like that is served as application/pdf and its import fails, silently leaving a tab
 * blank. The build refuses such a chunk rather than ship it.
 */
function servedAsWhatTheyAre(): Plugin {
  return {
    name: 'dossier-served-as-what-they-are',
    generateBundle(_, bundle) {
      for (const file of Object.values(bundle)) {
        const head = file.type === 'chunk' ? file.code.slice(0, 1024) : String(file.source).slice(0, 1024)
        if (/\.(js|css)$/.test(file.fileName) && head.includes('%PDF')) {
          this.error(`${file.fileName} has "%PDF" in its first 1,024 bytes: Tauri would serve it as a PDF`)
        }
      }
    },
  }
}

// Element Plus components (and their styles) are imported per use by the resolver.
export default defineConfig({
  base: './',
  clearScreen: false,
  plugins: [
    servedAsWhatTheyAre(),
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
