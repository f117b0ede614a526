import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import layers from './eslint/layers.js';

/**
 * Each runtime sees its own globals (TypeScript does the same per tsconfig.<layer>.json), and the
 * layering rule (eslint/layers.js) checks every import against the layer of the file it resolves to.
 */
export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'tmp/**', 'renderer/dist/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { samen: layers },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'samen/layering': 'error',
    },
  },
  { files: ['server/**', 'main/**', 'scripts/**', 'bench/**', 'eslint/**', '*.js', '*.ts'], languageOptions: { globals: globals.node } },
  { files: ['renderer/src/**', 'preload/**'], languageOptions: { globals: globals.browser } },
  { files: ['test/**'], languageOptions: { globals: { ...globals.node, ...globals.browser } } },
  {
    files: ['test/**/*.ts', 'test/**/*.tsx', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  // Playwright fixtures must destructure their (unused) first argument.
  { files: ['test/e2e/**/*.ts'], rules: { 'no-empty-pattern': 'off' } },
);
