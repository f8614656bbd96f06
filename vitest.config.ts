import { configDefaults, defineConfig } from 'vitest/config';

const shared = { environment: 'node' as const, testTimeout: 20_000 };

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...shared,
          name: 'unit',
          // e2e/ holds Playwright's specs; Vitest runs the unit and HTTP tests.
          include: [
            'server/**/*.test.ts',
            'src/**/*.test.{ts,tsx}',
            'openapi/**/*.test.ts',
            'scripts/**/*.test.ts',
          ],
          // Tests run on both dialects (`*.dialects.test.ts`, the two-replica test)
          // need the store project's PostgreSQL cluster.
          exclude: [
            ...configDefaults.exclude,
            'server/store/**',
            'server/**/*.dialects.test.ts',
            'server/proxy/tests/replicas.test.ts',
          ],
        },
      },
      {
        // The store's tests run on SQLite and on a throwaway PostgreSQL cluster that
        // globalSetup starts only when one of them is selected.
        test: {
          ...shared,
          name: 'store',
          include: [
            'server/store/**/*.test.ts',
            'server/**/*.dialects.test.ts',
            'server/proxy/tests/replicas.test.ts',
          ],
          globalSetup: ['server/store/testing/globalSetup.ts'],
        },
      },
      {
        // `npm run test:attack`: black-box attacks on the real proxy. One file at a
        // time, since floods and timing baselines must not share the cores.
        test: {
          ...shared,
          name: 'attack',
          include: ['attack/**/*.attack.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
