import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions, e2eEnv, prepareE2eEnv } from './e2e/env';

prepareE2eEnv();
const env = e2eEnv();

export default defineConfig({
  testDir: 'e2e',
  // One sandbox and its fault switch are shared: the journeys run one after the other.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: {
    baseURL: env.url,
    trace: 'on-first-retry',
    locale: 'en-GB',
    ...devices['Desktop Chrome'],
    viewport: { width: 1366, height: 900 },
    launchOptions: chromiumLaunchOptions,
  },
  webServer: {
    command: `npm run build --silent -- --outDir "${env.distDir}" && node --import tsx e2e/server.ts`,
    url: `${env.url}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
