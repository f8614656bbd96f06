import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** An import of a sibling folder, at any depth of `..`: `../api/x`, `../../server/y`. */
const folder = (names, message) => ({
  regex: `^(\\.\\./)+(${names.join('|')})(/|$)`,
  message,
});

const SERVER = folder(['server'], 'The dashboard talks to the server over HTTP only.');
const NO_PAGE_IN_TEST = folder(
  ['pages', 'app'],
  'A unit test imports the module it tests, not a page or the app.',
);
const NO_OTHER_TEST = {
  regex: '\\.test(\\.[jt]sx?)?$',
  message: "A test imports what it tests, not another module's test.",
};

/**
 * Layers import downwards only: pages > components > api > lib. ESLint keeps the
 * last `no-restricted-imports` that matches a file, so each layer states every
 * pattern it needs, for its code and (with the test-only ones) for its tests.
 */
function layer(dir, forbidden) {
  const patterns = forbidden.length
    ? [folder(forbidden, `src/${dir} may not import from ${forbidden.join(', ')}.`), SERVER]
    : [SERVER];
  return [
    {
      files: [`src/${dir}/**/*.{ts,tsx}`],
      rules: { 'no-restricted-imports': ['error', { patterns }] },
    },
    {
      files: [`src/${dir}/**/*.test.{ts,tsx}`],
      rules: {
        'no-restricted-imports': [
          'error',
          { patterns: [...patterns, NO_PAGE_IN_TEST, NO_OTHER_TEST] },
        ],
      },
    },
  ];
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
            folder(
              [other],
              `server/${dir} may not import server/${other}; server/start.ts joins them.`,
            ),
          ],
        },
      ],
    },
  };
}

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
  ...layer('lib', ['api', 'components', 'pages', 'app']),
  ...layer('api', ['components', 'pages', 'app']),
  ...layer('components', ['pages', 'app']),
  ...layer('pages', ['app']),
  ...layer('app', []),
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
  { files: ['**/*.js'], extends: [tseslint.configs.disableTypeChecked] },
  prettier,
);
