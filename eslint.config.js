// ESLint flat config: type-checked typescript-eslint rules for all TypeScript,
// plus the engine boundary (house rule 5): server/engine stays pure.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Imports the engine must never make: the web, the database, or their adapters. */
export const engineForbiddenImports = {
  paths: [
    { name: 'express', message: 'server/engine is pure: no web framework (house rule 5).' },
    { name: 'mongoose', message: 'server/engine is pure: no database (house rule 5).' },
    { name: 'mongodb', message: 'server/engine is pure: no database (house rule 5).' },
  ],
  patterns: [
    {
      group: ['**/http', '**/http/*', '**/store', '**/store/*', 'node:fs', 'node:fs/*', 'fs'],
      message: 'server/engine is pure: no http/, store/ or file I/O (house rule 5).',
    },
  ],
};

/** Imports the view models must never make (house rule 13): the store, the use cases, the web. */
export const reportsForbiddenImports = {
  paths: [{ name: 'express', message: 'server/reports is pure: no web framework (house rule 13).' }],
  patterns: [
    {
      group: ['**/store', '**/store/*', '**/services', '**/services/*', '**/http', '**/http/*'],
      message:
        'server/reports is pure: view models take results and domain types, never the store, a use case or a request (house rule 13).',
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'test/fixtures/lint/**',
      'node_modules/**',
      'data/**',
      'coverage/**',
      '.zhili-tmp/**',
      'views/static/vendor/**',
      '**/*.js',
      '!eslint.config.js',
      '!views/static/js/*.js',
    ],
  },
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.strictTypeChecked, tseslint.configs.stylisticTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // chai's `expect(x).to.be.true` is an expression statement by design.
      '@typescript-eslint/no-unused-expressions': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // Also matches test/fixtures/lint/server/engine, so the boundary itself is tested.
    files: ['**/server/engine/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', engineForbiddenImports] },
  },
  {
    // Also matches test/fixtures/lint/server/reports, so the boundary itself is tested.
    files: ['**/server/reports/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', reportsForbiddenImports] },
  },
  {
    // The report pages' browser scripts: plain ES modules without a build step.
    files: ['views/static/js/*.js'],
    languageOptions: { sourceType: 'module', globals: globals.browser },
  },
  {
    files: ['eslint.config.js'],
    languageOptions: { globals: { console: 'readonly' } },
  },
);
