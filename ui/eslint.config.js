// ESLint for the UI (run first by scripts/test.sh, with Prettier and vue-tsc): the recommended
// rules of ESLint, typescript-eslint and eslint-plugin-vue. Layout is Prettier's
// (.prettierrc.json), so eslint-config-prettier turns off every rule that would argue with it.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import vue from 'eslint-plugin-vue'
import globals from 'globals'
import prettier from 'eslint-config-prettier'

export default tseslint.config(
  { ignores: ['dist/**', 'src/bindings.ts', 'src/auto-imports.d.ts', 'src/components.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.{ts,vue}'],
    languageOptions: {
      globals: globals.browser,
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'], sourceType: 'module' },
    },
    rules: {
      // 设置's cards edit the settings object their page owns and saves (SettingsView.vue):
      // members of a prop, never the prop itself.
      'vue/no-mutating-props': ['error', { shallowOnly: true }],
    },
  },
  {
    // Tests define small components inline and mock with loose types.
    files: ['src/__tests__/**'],
    rules: { 'vue/one-component-per-file': 'off', 'vue/require-default-prop': 'off' },
  },
  prettier,
)
