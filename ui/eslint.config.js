// ESLint for the UI (run first by scripts/test.sh, with vue-tsc): the recommended rules of
// ESLint, typescript-eslint and eslint-plugin-vue. Formatting is not ESLint's business here.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import vue from 'eslint-plugin-vue'
import globals from 'globals'

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
      // Layout of templates is left to the author (as it was written); these only move lines.
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/first-attribute-linebreak': 'off',
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
)
