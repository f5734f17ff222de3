import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

const noUiInCore = {
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        {
          group: ['svelte', 'svelte/*', '@deck.gl/*', 'idb'],
          message: 'src/core and src/gpu stay free of UI and storage.',
        },
        {
          group: ['**/app/**', '**/map/**', '**/store/**', '**/compute/**', '**/share/**'],
          message: 'Imports point down the layers only (DESIGN.md).',
        },
      ],
    },
  ],
  'no-restricted-globals': ['error', 'document', 'window', 'localStorage'],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'public/corpus/**', 'bench/results/**', '.gpu/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  prettier,
  ...svelte.configs['flat/prettier'],
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'prefer-const': 'error',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
    // Svelte's own rule knows that `let { … } = $props()` is the idiom.
    rules: { 'prefer-const': 'off', 'svelte/prefer-const': 'error' },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      ...noUiInCore,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...noUiInCore['no-restricted-imports'][1].patterns,
            {
              group: ['**/gpu/**', '@tensorflow/*'],
              message: 'src/core is pure TypeScript: no tfjs.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/gpu/**/*.ts'],
    rules: { ...noUiInCore },
  },
);
