// ESLint flat config: type-checked typescript-eslint rules for all TypeScript,
// plus the never-rules between layers (DESIGN.md house rules 5 and 13).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The never-rules (DESIGN.md, house rule 13) as import restrictions, one zone per layer. Each zone
 * names the layers it must not know; test/lint/never-rules.test.ts lints a fixture per rule under
 * test/fixtures/lint/server/<layer>/ and expects the rule to fire (and a clean fixture to pass).
 */
const WEB = {
  paths: ['express', 'cookie', 'express-rate-limit'],
  patterns: ['**/http', '**/http/*'],
  what: 'web (express, server/http/)',
};
const DATABASE = { paths: ['mongoose', 'mongodb'], patterns: [], what: 'a database driver' };
const STORE = { paths: [], patterns: ['**/store', '**/store/*'], what: 'store (server/store/)' };
const SERVICES = {
  paths: [],
  patterns: ['**/services', '**/services/*'],
  what: 'use cases (server/services/)',
};
const INTAKE = { paths: [], patterns: ['**/intake', '**/intake/*'], what: 'parsers (server/intake/)' };
const REPORTS = {
  paths: [],
  patterns: ['**/reports', '**/reports/*'],
  what: 'view models (server/reports/)',
};
const FILES = { paths: ['fs', 'node:fs'], patterns: ['node:fs/*'], what: 'file I/O' };

/** The no-restricted-imports options for a layer that must not know `forbidden`. */
function neverRule(layer, rule, forbidden) {
  const message = (what) => `${layer} knows no ${what} (house rule ${rule}).`;
  return {
    paths: forbidden.flatMap((zone) => zone.paths.map((name) => ({ name, message: message(zone.what) }))),
    patterns: forbidden
      .filter((zone) => zone.patterns.length > 0)
      .map((zone) => ({ group: zone.patterns, message: message(zone.what) })),
  };
}

/** Layer folder → what it must never import. */
export const NEVER_RULES = {
  engine: neverRule('server/engine is pure: it', 5, [WEB, DATABASE, STORE, SERVICES, INTAKE, REPORTS, FILES]),
  reports: neverRule('server/reports (view models)', 13, [WEB, DATABASE, STORE, SERVICES]),
  domain: neverRule('server/domain (types both sides share)', 13, [WEB, DATABASE, STORE, SERVICES, REPORTS]),
  indicators: neverRule('server/indicators (the registry)', 13, [WEB, DATABASE, STORE, SERVICES]),
  intake: neverRule('server/intake (the parsers)', 13, [WEB, SERVICES]),
  store: neverRule('server/store', 13, [WEB, SERVICES]),
  // The doors reach the data through the use cases (server/services/), never the store itself.
  http: neverRule('server/http (the doors)', 11, [DATABASE, STORE]),
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
  // Also matches test/fixtures/lint/server/<layer>, so each rule itself is tested.
  ...Object.entries(NEVER_RULES).map(([layer, options]) => ({
    files: [`**/server/${layer}/**/*.ts`],
    rules: { 'no-restricted-imports': ['error', options] },
  })),
  {
    // View models are made per request: in Node 20's optimised code an object made by a spread and
    // then given more fields gets a hidden class of its own each time (slow, and garbage for the
    // collector), so view models add fields with withFields (server/reports/views/with-fields.ts).
    files: ['**/server/reports/views/**/*.ts', '**/server/http/views.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ObjectExpression > SpreadElement:first-child + *',
          message:
            'A view model made as { ...model, more } gets a hidden class of its own per object in Node 20; use withFields(model, { more }).',
        },
      ],
    },
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
