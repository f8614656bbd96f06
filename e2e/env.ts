import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The suite's ports and keys: chosen once by playwright.config.ts, passed down by the environment. */
export const ACCOUNTS = {
  agent: { username: 'e2e-agent', password: 'agent-password-e2e', role: 'agent' },
  viewer: { username: 'e2e-viewer', password: 'viewer-password-e2e', role: 'viewer' },
  /** The sessions journey's own: it ends every session of it, which no other test may meet. */
  sessions: { username: 'e2e-sessions', password: 'sessions-password-e2e', role: 'agent' },
} as const;

function freePort(): string {
  return execFileSync(process.execPath, [
    '-e',
    "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})",
  ]).toString();
}

/** Called in the config: picks free ports and fresh secrets unless a parent process already did. */
export function prepareE2eEnv(): void {
  process.env.E2E_PORT ??= freePort();
  process.env.E2E_SANDBOX_PORT ??= freePort();
  process.env.E2E_FT_PORT ??= freePort();
  process.env.E2E_FT_SANDBOX_PORT ??= freePort();
  process.env.E2E_APP_SECRET ??= randomBytes(18).toString('base64url');
  process.env.E2E_SESSION_SECRET ??= randomBytes(36).toString('base64url');
}

export function e2eEnv() {
  const port = Number(process.env.E2E_PORT);
  const sandboxPort = Number(process.env.E2E_SANDBOX_PORT);
  const fintecturePort = Number(process.env.E2E_FT_PORT);
  const fintectureSandboxPort = Number(process.env.E2E_FT_SANDBOX_PORT);
  if (!port || !sandboxPort || !fintecturePort || !fintectureSandboxPort)
    throw new Error('Run the end-to-end suite with `npx playwright test`.');
  return {
    port,
    sandboxPort,
    url: `http://127.0.0.1:${port}`,
    sandboxUrl: `http://127.0.0.1:${sandboxPort}`,
    /** A second stack whose sandbox speaks Fintecture's own flavour (paths, statuses, consent link). */
    fintecturePort,
    fintectureSandboxPort,
    fintectureUrl: `http://127.0.0.1:${fintecturePort}`,
    fintectureSandboxUrl: `http://127.0.0.1:${fintectureSandboxPort}`,
    appId: 'e2e-app',
    appSecret: process.env.E2E_APP_SECRET!,
    sessionSecret: process.env.E2E_SESSION_SECRET!,
    /**
     * The suite's own build of the dashboard, not dist/: a build someone runs
     * meanwhile (it empties dist/ first) cannot pull the pages from under it.
     */
    distDir: resolve('node_modules/.cache/e2e-dist'),
  };
}

/**
 * Debian's Chromium where it is installed (CI, this machine), Playwright's own
 * elsewhere; without the background-networking flags it dials out at start.
 */
const SYSTEM_CHROMIUM = '/usr/bin/chromium';
export const chromiumLaunchOptions = {
  ...(existsSync(SYSTEM_CHROMIUM) ? { executablePath: SYSTEM_CHROMIUM } : {}),
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};
