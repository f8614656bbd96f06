import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // e2e/ holds Playwright's specs; Vitest runs the unit and HTTP tests.
    include: [
      'server/**/*.test.ts',
      'src/**/*.test.{ts,tsx}',
      'openapi/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 20_000,
  },
});
