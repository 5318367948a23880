import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';

/** Nothing under src/engine imports its host (CONVENTIONS.md: the core knows nothing of its host). */
const engineHost = {
  group: ['electron', '**/app/**', '**/web/**', '**/cli/**', '**/electron/**'],
  message: 'The engine knows nothing of its host: the host passes in paths, clock and logger.',
};

// An import that climbs to one of src/engine's own layers, from any depth ('../db/connection',
// '../../../api/router', '../../services'). A glob such as '../db/*' only matches one level up, and
// a glob for any folder named api would also match src/shared/api, which both sides may import.
const engineLayer = (...layers) => `^(\\.\\./)+(engine/)?(${layers.join('|')})(/|$)`;

/** Node's modules by their bare names ('fs', 'path'); 'node:*' patterns catch the prefixed ones. */
const nodeBuiltins = (message) => builtinModules.map((name) => ({ name, message }));

export default tseslint.config(
  { ignores: ['node_modules', 'out', 'dist', 'data', 'test-results', 'migrations'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['src/app/**/*.{ts,tsx}', 'src/hq/console/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // The engine knows nothing of its host (CONVENTIONS.md): no Electron, no renderer code.
    files: ['src/engine/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [engineHost] }] },
  },
  {
    // Domain rules are pure: no database, no services, no api, no Node I/O. A later block replaces
    // an earlier one's options, so the host's patterns are repeated here.
    files: ['src/engine/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins('Domain rules are pure: no Node I/O.'),
          patterns: [
            engineHost,
            {
              group: ['node:*'],
              message: 'Domain rules are pure: no Node I/O.',
            },
            {
              group: ['better-sqlite3', 'better-sqlite3/**', 'drizzle-orm', 'drizzle-orm/**'],
              message: 'Domain rules are pure: the database is reached through services.',
            },
            {
              regex: engineLayer('db', 'services', 'api'),
              message: 'Domain rules are pure: no database, no services, no api.',
            },
          ],
        },
      ],
    },
  },
  {
    // Services carry out what the api asks; the api depends on them, never the other way round.
    files: ['src/engine/services/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            engineHost,
            { regex: engineLayer('api'), message: 'Services must not import the api (src/engine/api).' },
          ],
        },
      ],
    },
  },
  {
    // The renderer talks to the engine only through the typed client.
    files: ['src/app/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins('The renderer runs in a browser: no Node modules.'),
          patterns: [
            {
              group: ['**/engine', '**/engine/**'],
              message: 'The renderer talks to the engine only through the typed client (src/app/api).',
            },
            { group: ['node:*'], message: 'The renderer runs in a browser: no Node modules.' },
            {
              group: ['electron', 'electron/**'],
              message: 'The renderer reaches the host only through the preload bridge.',
            },
          ],
        },
      ],
    },
  },
  {
    // Head office's console page runs in a browser and reads head office only through /console/api.
    files: ['src/hq/console/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins('The console runs in a browser: no Node modules.'),
          patterns: [
            { group: ['node:*'], message: 'The console runs in a browser: no Node modules.' },
            {
              group: ['**/engine', '**/engine/**'],
              message: 'The console page is head office’s: it knows nothing of the branch engine.',
            },
            {
              // Head office's server side, climbed to from any depth ('../../store/…', '../../console-api').
              regex: '^(\\.\\./)+(hq/)?(store|console-api)(/|$)',
              message: 'The console page reads head office only through its API (src/shared/hq-console).',
            },
          ],
        },
      ],
    },
  },
);
