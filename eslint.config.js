import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * A relative import that reaches one of these folders by any path: `../api/x`,
 * `../../src/api/x`, `./../lib/../api`. Matched on the written path, so a folder
 * of the same name lower down would match too; none exists.
 */
const into = (names, message) => ({
  regex: `^\\.{1,2}/(.*/)?(${names.join('|')})(/|$)`,
  caseSensitive: true,
  message,
});

const SERVER = into(['server'], 'The dashboard talks to the server over HTTP only.');
const NO_OTHER_TEST = {
  regex: '\\.(test|spec)(\\.[jt]sx?)?$',
  message: "A test imports what it tests, not another module's test.",
};

/** Layers import downwards only: pages > components > api > lib. */
function layer(dir, forbidden) {
  const patterns = forbidden.length
    ? [into(forbidden, `src/${dir} may not import from ${forbidden.join(', ')}.`), SERVER]
    : [SERVER];
  return {
    files: [`src/${dir}/**/*.{ts,tsx}`],
    rules: { 'no-restricted-imports': ['error', { patterns }] },
  };
}

/** The proxy and the emulator are separate programs; only test support may start both. */
function separateProgram(dir, other) {
  return {
    files: [`server/${dir}/**/*.ts`],
    ignores: ['**/testing.ts', '**/tests/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            into(
              [other],
              `server/${dir} may not import server/${other}; server/start.ts joins them.`,
            ),
          ],
        },
      ],
    },
  };
}

/**
 * Tests import only what they test (plus test support). A rule of its own, next
 * to the layers' `no-restricted-imports`, because ESLint keeps only the last
 * options of a rule that several blocks set; typescript-eslint's version also
 * lets a pattern admit type-only imports.
 */
const testImports = (files, ...patterns) => ({
  files,
  rules: {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      { patterns: [...patterns, NO_OTHER_TEST] },
    ],
  },
});

const testRules = [
  testImports(
    ['src/**/*.test.{ts,tsx}'],
    into(['pages', 'app'], 'A unit test imports the module it tests, not a page or the app.'),
  ),
  testImports(['server/**/*.test.ts']),
  testImports(['server/proxy/**/*.test.ts'], {
    regex: '^\\.{1,2}/(.*/)?sandbox(/(?!testing(\\.ts)?$)|$)',
    caseSensitive: true,
    message:
      'A proxy test starts the sandbox through server/sandbox/testing.ts or server/testing, never its internals.',
  }),
  testImports(
    ['server/sandbox/**/*.test.ts'],
    into(['proxy'], 'A sandbox test drives the sandbox alone; the proxy is another program.'),
  ),
  testImports(
    ['server/store/**/*.test.ts'],
    into(
      ['proxy', 'sandbox'],
      'A store test drives the store alone; the proxy uses it, not the reverse.',
    ),
  ),
  testImports(
    ['e2e/**/*.spec.ts'],
    {
      regex: '^(?!@playwright/test$|@axe-core/playwright$|\\.{1,2}/)',
      caseSensitive: true,
      message:
        'An end-to-end spec drives the browser: Playwright, axe and the helpers in e2e/ only.',
    },
    {
      regex: '^(\\./)?\\.\\./(?!e2e/|openapi/|server/(sandbox|proxy)/)',
      caseSensitive: true,
      message:
        'An end-to-end spec imports helpers from e2e/ and types from openapi/ or the servers, nothing else.',
    },
    {
      regex: '^(\\./)?\\.\\./(openapi|server/(sandbox|proxy))/',
      caseSensitive: true,
      allowTypeImports: true,
      message:
        'An end-to-end spec reaches the servers over HTTP; import their types only (import type).',
    },
  ),
];

export default tseslint.config(
  {
    ignores: ['dist', 'data', 'coverage', 'test-results', 'playwright-report', 'openapi/*.d.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Fastify's idiom is an async handler that returns its answer, await or not.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  layer('lib', ['api', 'components', 'pages', 'app']),
  layer('api', ['components', 'pages', 'app']),
  layer('components', ['pages', 'app']),
  layer('pages', ['app']),
  layer('app', []),
  {
    files: ['src/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [SERVER] }] },
  },
  {
    // A test waits for the condition it needs (expect.poll, vi.waitFor, auto-waiting locators), never for time.
    files: ['e2e/**/*.ts', '**/*.test.{ts,tsx}', 'server/testing/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='waitForTimeout']",
          message: 'Wait for a condition (expect(locator)…, expect.poll), not for time.',
        },
        {
          selector: "ImportDeclaration[source.value='node:timers/promises']",
          message: 'Wait for a condition (vi.waitFor, expect.poll) or move a clock, not for time.',
        },
      ],
    },
  },
  separateProgram('proxy', 'sandbox'),
  separateProgram('sandbox', 'proxy'),
  ...testRules,
  { files: ['**/*.js'], extends: [tseslint.configs.disableTypeChecked] },
  prettier,
);
