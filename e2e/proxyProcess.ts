/**
 * A proxy alone, started as the README says (`npm run proxy`: the process its
 * environment configures), with the e2e agent's account in its own store: for
 * the upstreams the suite's stacks do not embed.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import { freePort } from '../server/store/testing/postgres';
import { ACCOUNTS, e2eEnv } from './env';

export { freePort };

const env = e2eEnv();

export interface KindStack {
  url: string;
  stop(): Promise<void>;
}

export async function startProxy(
  upstreamUrl: string,
  extra: Record<string, string> = {},
): Promise<KindStack> {
  const dataDir = mkdtempSync(join(tmpdir(), 'e2e-kind-'));
  const port = await freePort();
  const vars = {
    ...process.env,
    DATA_DIR: dataDir,
    DIST_DIR: env.distDir,
    PORT: String(port),
    FINTECTURE_API_URL: upstreamUrl,
    FINTECTURE_APP_ID: 'e2e-kind-app',
    FINTECTURE_APP_SECRET: randomBytes(18).toString('base64url'),
    SESSION_SECRET: randomBytes(36).toString('base64url'),
    ...extra,
  };
  const account = ACCOUNTS.agent;
  const added = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'scripts/user.ts', 'add', account.username, '--role', account.role],
    { env: vars, input: `${account.password}\n`, encoding: 'utf8' },
  );
  expect(added.status, `user add: ${added.stderr}`).toBe(0);
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/proxy/main.ts'], {
    env: vars,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  await expect
    .poll(
      async () => {
        if (child.exitCode !== null) throw new Error(`the proxy stopped: ${stderr}`);
        return fetch(`${url}/healthz`).then(
          (response) => response.status,
          () => 0,
        );
      },
      { timeout: 30_000 },
    )
    .toBe(200);
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** A fresh RSA private key in a file of its own, as production's signing needs. */
export function rsaKeyFile(): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const file = join(mkdtempSync(join(tmpdir(), 'e2e-kind-key-')), 'private.pem');
  writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  return file;
}
