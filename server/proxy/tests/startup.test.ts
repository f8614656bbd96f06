import { spawn } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startLikeNpmStart } from '../../testing/started';
import { CHECK_TARGET } from '../upstreamCheck';
import { startRecordingUpstream } from './recordingUpstream';

/**
 * Start-up names the upstream's flavour and logs the connection check in one
 * line, never stopping: the proxy alone in front of a recording upstream, and
 * `npm start` with its embedded sandbox.
 */
const dir = mkdtempSync(join(tmpdir(), 'proxy-startup-'));
const dist = join(dir, 'dist');
mkdirSync(dist, { recursive: true });
writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Dashboard</title>');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const quiet = {
  DIST_DIR: dist,
  PORT: '0',
  HOST: '127.0.0.1',
  PUBLIC_URL: '',
  SESSION_SECRET: 'x'.repeat(40),
  DASHBOARD_USERS_FILE: '',
  FINTECTURE_PRIVATE_KEY_FILE: '',
  FINTECTURE_API_FLAVOR: '',
  SANDBOX_FLAVOR: '',
  LOG_LEVEL: 'warn',
};

/** `npm run proxy` until its output matches `until`; then stopped. */
async function proxyOutput(env: Record<string, string>, until: RegExp): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', join('server', 'proxy', 'main.ts')], {
    env: { ...process.env, ...quiet, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    await expect
      .poll(() => until.test(output) || child.exitCode !== null, { timeout: 30_000 })
      .toBe(true);
    return output;
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

describe('start-up', () => {
  it('names the flavour and logs an OK check, or the failing step without stopping', async () => {
    const upstream = await startRecordingUpstream({
      [`GET ${CHECK_TARGET}`]: { body: { data: [], meta: { count: 0 } } },
    });
    try {
      const env = {
        DATA_DIR: join(dir, 'ok'),
        FINTECTURE_API_URL: upstream.url,
        FINTECTURE_APP_ID: 'app-1',
        FINTECTURE_APP_SECRET: 'secret-1',
        FINTECTURE_API_FLAVOR: 'fintecture',
      };
      const ok = await proxyOutput(env, /Upstream check: .*\n/);
      expect(ok).toContain(`Upstream: ${upstream.url} (flavour fintecture, unsigned)`);
      expect(ok).toMatch(/ready: open http:\/\/127\.0\.0\.1:\d+\/ in your browser/);
      expect(ok).toMatch(
        /\nUpstream check: OK: token and unsigned read of .* \(flavour fintecture\), answered in \d+ ms\.\n/,
      );

      upstream.routes.set(`GET ${CHECK_TARGET}`, { status: 403, body: { code: 'forbidden' } });
      const refused = await proxyOutput(
        { ...env, FINTECTURE_API_FLAVOR: '', DATA_DIR: join(dir, 'refused') },
        /Upstream check: .*\n/,
      );
      expect(refused).toContain(`Upstream: ${upstream.url} (flavour seed, unsigned)`);
      expect(refused).toMatch(/\nUpstream check: scope missing: .*\n/);
      expect(refused).toMatch(/ready: open/);
    } finally {
      await upstream.close();
    }
  });

  it('takes the embedded sandbox flavour with `npm start` (and says emulated), and refuses a FINTECTURE_API_FLAVOR that disagrees', async () => {
    const env = {
      ...quiet,
      DATA_DIR: join(dir, 'embedded'),
      FINTECTURE_API_URL: '',
      SESSION_SECRET: '',
      SANDBOX_PORT: '',
      SANDBOX_DB: '',
      SANDBOX_SEED: '3',
      SANDBOX_APP_SECRET: '',
      SANDBOX_FLAVOR: 'fintecture',
    };
    const server = await startLikeNpmStart(env);
    try {
      expect(server.output()).toMatch(/Embedded sandbox on .*\(flavour fintecture\)/);
      // The environment banner's source says so, to anyone, before sign-in.
      const environment = await fetch(`${server.url}/bo/environment`);
      expect(await environment.json()).toEqual({
        kind: 'emulated',
        label: 'Sandbox (emulated, demo data)',
      });
      await expect
        .poll(server.output, { timeout: 30_000 })
        .toMatch(/Upstream check: OK: .*flavour fintecture/);
    } finally {
      await server.stop();
    }
    await expect(startLikeNpmStart({ ...env, FINTECTURE_API_FLAVOR: 'seed' })).rejects.toThrow(
      /start: FINTECTURE_API_FLAVOR=seed disagrees with the embedded sandbox, which speaks fintecture/,
    );
  });

  it('says in one line that its port is taken, and stops, instead of a stack trace', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as AddressInfo;
    try {
      const attempt = startLikeNpmStart({
        ...quiet,
        PORT: String(port),
        DATA_DIR: join(dir, 'port-taken'),
        FINTECTURE_API_URL: '',
        SANDBOX_PORT: '',
        SANDBOX_DB: '',
        SANDBOX_SEED: '3',
        SANDBOX_APP_SECRET: '',
      });
      const error = await attempt.then(
        () => new Error('it started'),
        (refusal: unknown) => refusal as Error,
      );
      expect(error.message).toMatch(/exited with 1/);
      expect(error.message).toContain(
        `start: cannot listen on 127.0.0.1:${port}: the port is in use (another server runs there); set PORT (and HOST) to another`,
      );
      expect(error.message).not.toMatch(/\n\s+at /);
    } finally {
      taken.close();
    }
  });

  it('says in one line that the embedded sandbox’s port is taken, naming SANDBOX_PORT', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as AddressInfo;
    try {
      const error = await startLikeNpmStart({
        ...quiet,
        DATA_DIR: join(dir, 'sandbox-port-taken'),
        FINTECTURE_API_URL: '',
        SANDBOX_PORT: String(port),
        SANDBOX_DB: '',
        SANDBOX_SEED: '3',
        SANDBOX_APP_SECRET: '',
      }).then(
        () => new Error('it started'),
        (refusal: unknown) => refusal as Error,
      );
      expect(error.message).toMatch(/exited with 1/);
      expect(error.message).toContain(
        `start: cannot listen on 127.0.0.1:${port}: the port is in use (another server runs there); set SANDBOX_PORT to another`,
      );
      expect(error.message).not.toMatch(/\n\s+at /);
    } finally {
      taken.close();
    }
  });
});
