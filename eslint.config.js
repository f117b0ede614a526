import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Layering, as VS Code enforces it: common/ imports nothing of ours; server/ and the client never
 * import each other; only main/electron (and the preload) may import 'electron'; the renderer reaches
 * the machine only through window.samen.
 */
const layer = (files, patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'tmp/**', 'renderer/dist/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  layer(['common/**/*.ts'], [
    { group: ['**/server/**', '**/main/**', '**/renderer/**', '**/preload/**'], message: 'common/ imports nothing from the other layers.' },
    { group: ['electron', 'node:*', 'fs', 'path'], message: 'common/ runs in every process, the renderer included.' },
  ]),
  layer(['server/**/*.ts'], [
    { group: ['**/main/**', '**/renderer/**', '**/preload/**', 'electron'], message: 'The server shares code with the client only through common/.' },
  ]),
  layer(['main/core/**/*.ts', 'main/web/**/*.ts'], [
    { group: ['electron'], message: "Only main/electron imports 'electron'; inject a small interface instead." },
    { group: ['**/server/**', '**/renderer/**'], message: 'The client shares code with the server only through common/.' },
  ]),
  layer(['main/electron/**/*.ts', 'preload/**/*.ts'], [
    { group: ['**/server/**', '**/renderer/**'], message: 'The client shares code with the server only through common/.' },
  ]),
  layer(['renderer/**/*.ts', 'renderer/**/*.tsx'], [
    { group: ['electron', 'node:*', '**/main/**', '**/server/**', '**/preload/**'], message: 'The renderer reaches the machine only through window.samen.' },
  ]),
  {
    files: ['test/**/*.ts', 'test/**/*.tsx', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  // Playwright fixtures must destructure their (unused) first argument.
  { files: ['test/e2e/**/*.ts'], rules: { 'no-empty-pattern': 'off' } },
);
