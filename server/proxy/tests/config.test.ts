import { execFile, spawn } from 'node:child_process';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../shared/env';
import { keptSessionSecret, proxyConfigFromEnv } from '../config';
import { openStore } from '../../store/store';
import { verifyPassword } from '../users';

const dir = mkdtempSync(join(tmpdir(), 'proxy-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const real = {
  FINTECTURE_API_URL: 'https://api-sandbox.fintecture.com',
  FINTECTURE_APP_ID: 'app',
  FINTECTURE_APP_SECRET: 'secret',
  SESSION_SECRET: 'x'.repeat(32),
};

describe('proxy configuration', () => {
  it('embeds the sandbox when FINTECTURE_API_URL is unset', () => {
    const config = proxyConfigFromEnv({ DATA_DIR: dir });
    expect(config.upstreamUrl).toBeUndefined();
    expect(config.port).toBe(3000);
    expect(config.proxy.usersFile).toBe(join(dir, 'users.json'));
  });

  it.each([
    [{ ...real, SESSION_SECRET: undefined }, 'SESSION_SECRET'],
    [{ ...real, SESSION_SECRET: 'x'.repeat(31) }, 'SESSION_SECRET'],
    [{ ...real, FINTECTURE_APP_SECRET: '' }, 'FINTECTURE_APP_SECRET'],
    [{ ...real, FINTECTURE_APP_ID: undefined }, 'FINTECTURE_APP_ID'],
    [{ ...real, FINTECTURE_API_URL: 'ftp://example.com' }, 'FINTECTURE_API_URL'],
    [{ ...real, FINTECTURE_PRIVATE_KEY_FILE: '/nonexistent.pem' }, 'FINTECTURE_PRIVATE_KEY_FILE'],
    [{ PORT: '-1' }, 'PORT'],
    [{ TRUST_PROXY: 'everyone' }, 'TRUST_PROXY'],
    [{ SESSION_IDLE_MINUTES: '0' }, 'SESSION_IDLE_MINUTES'],
    [{ INDEX_SYNC_MINUTES: '0' }, 'INDEX_SYNC_MINUTES'],
    [{ INDEX_FULL_SYNC_HOURS: 'daily' }, 'INDEX_FULL_SYNC_HOURS'],
    [{ INDEX_MAX_RPS: '0' }, 'INDEX_MAX_RPS'],
    [{ INDEX_MAX_RPS: '2.5' }, 'INDEX_MAX_RPS'],
    [{ ...real, FINTECTURE_API_FLAVOR: 'stripe' }, 'FINTECTURE_API_FLAVOR'],
    [{ FINTECTURE_API_FLAVOR: 'Fintecture ' }, 'FINTECTURE_API_FLAVOR'],
  ])('refuses to start with %j, naming %s', (env, name) => {
    expect(() => proxyConfigFromEnv(env)).toThrow(ConfigError);
    expect(() => proxyConfigFromEnv(env)).toThrow(name);
  });

  it('syncs the index every 5 minutes, walks it all daily and calls the API 5 times a second at most, unless told otherwise', () => {
    expect(proxyConfigFromEnv({ DATA_DIR: dir }).proxy.worker?.index).toEqual({
      everyMs: 5 * 60_000,
      fullEveryMs: 24 * 3_600_000,
      maxRps: 5,
    });
    const tuned = proxyConfigFromEnv({
      DATA_DIR: dir,
      INDEX_SYNC_MINUTES: '1',
      INDEX_FULL_SYNC_HOURS: '6',
      INDEX_MAX_RPS: '20',
    });
    expect(tuned.proxy.worker?.index).toEqual({
      everyMs: 60_000,
      fullEveryMs: 6 * 3_600_000,
      maxRps: 20,
    });
  });

  it('keeps a generated session secret under DATA_DIR, readable by its owner only', () => {
    const secret = keptSessionSecret(dir);
    expect(Buffer.byteLength(secret)).toBeGreaterThanOrEqual(32);
    expect(keptSessionSecret(dir)).toBe(secret);
    expect(statSync(join(dir, 'session-secret')).mode & 0o777).toBe(0o600);
  });

  /** Runs `npm run proxy`'s entry file, which must fail; its exit code and what it printed. */
  const failedProxyStart = async (env: Record<string, string | undefined>) => {
    const failure = await promisify(execFile)('npx', ['tsx', 'server/proxy/main.ts'], {
      env: { ...process.env, ...env },
    }).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure).toBeDefined();
    const lines = failure!.stderr
      .split('\n')
      .filter((line) => line.trim() && !line.includes('npm warn'));
    return { code: failure!.code, lines };
  };

  it('stops the proxy with one line when a real upstream has no session secret', async () => {
    expect(await failedProxyStart({ ...real, SESSION_SECRET: 'too-short' })).toEqual({
      code: 1,
      lines: ['proxy: SESSION_SECRET must be at least 32 bytes long'],
    });
  });

  it('stops the proxy with one line naming FINTECTURE_PRIVATE_KEY_FILE on production Fintecture without a key', async () => {
    expect(
      await failedProxyStart({ ...real, FINTECTURE_API_URL: 'https://api.fintecture.com' }),
    ).toEqual({
      code: 1,
      lines: [
        "proxy: FINTECTURE_PRIVATE_KEY_FILE is required when FINTECTURE_API_URL is Fintecture's production API (api.fintecture.com): production calls must be signed",
      ],
    });
  });

  it('stops the proxy alone with one line when FINTECTURE_API_URL is unset', async () => {
    const { code, lines } = await failedProxyStart({ FINTECTURE_API_URL: '', DATA_DIR: dir });
    expect(code).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^proxy: FINTECTURE_API_URL is not set: set it .* or run `npm start`/);
  });
});

describe('the store', () => {
  it('is PostgreSQL with DATABASE_URL, else the SQLite file under DATA_DIR', () => {
    const shared = proxyConfigFromEnv({ ...real, DATA_DIR: dir, DATABASE_URL: 'postgres://db/bo' });
    expect(shared.proxy.store).toEqual({ databaseUrl: 'postgres://db/bo', dataDir: dir });
    const embedded = proxyConfigFromEnv({ ...real, DATA_DIR: dir });
    expect(embedded.proxy.store).toEqual({ databaseUrl: undefined, dataDir: dir });
  });
});

describe('the Idempotency-Key takeover age', () => {
  it('is 60 s unless IDEMPOTENCY_TAKEOVER_SECONDS says otherwise, within 5 to 3600', () => {
    expect(proxyConfigFromEnv({ ...real, DATA_DIR: dir }).proxy.idempotency).toEqual({
      staleMs: 60_000,
    });
    expect(
      proxyConfigFromEnv({ ...real, DATA_DIR: dir, IDEMPOTENCY_TAKEOVER_SECONDS: '5' }).proxy
        .idempotency,
    ).toEqual({ staleMs: 5_000 });
    for (const bad of ['4', '3601', '1.5', 'soon']) {
      expect(() =>
        proxyConfigFromEnv({ ...real, DATA_DIR: dir, IDEMPOTENCY_TAKEOVER_SECONDS: bad }),
      ).toThrow(/IDEMPOTENCY_TAKEOVER_SECONDS must be a whole number from 5 to 3600/);
    }
  });
});

describe('npm run user', () => {
  const dataDir = join(dir, 'cli-data');
  const run = (args: string[], input?: string) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn('npx', ['tsx', 'scripts/user.ts', ...args], {
        env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('close', (code) => resolve({ code, stdout, stderr }));
      child.stdin.end(input);
    });
  const storedAccount = async (username: string) => {
    const store = await openStore({ dataDir });
    try {
      return await store.accounts.find(username);
    } finally {
      await store.close();
    }
  };

  it('adds an agent with the password from standard input, lists and removes accounts', async () => {
    const added = await run(['add', 'Carla', '--role', 'agent'], 'carla-password-123\n');
    expect(added.code).toBe(0);
    const account = (await storedAccount('carla'))!;
    expect(account.role).toBe('agent');
    expect(account.password_hash).toMatch(/^scrypt\$/);
    expect(readFileSync(join(dataDir, 'backoffice.db')).includes('carla-password-123')).toBe(false);
    expect(await verifyPassword('carla-password-123', account.password_hash)).toBe(true);
    expect(statSync(join(dataDir, 'backoffice.db')).mode & 0o777).toBe(0o600);

    expect((await run(['add', 'dan', '--role', 'viewer'], 'dan-password-1234\n')).code).toBe(0);
    const list = await run(['list']);
    expect(list.stdout).toMatch(/carla\s+agent/);
    expect(list.stdout).toMatch(/dan\s+viewer/);

    expect((await run(['remove', 'dan'])).code).toBe(0);
    expect((await run(['list'])).stdout).not.toContain('dan');
  }, 30_000);

  it('refuses a short or over-long password, a bad role and an unknown account', async () => {
    const short = await run(['add', 'erin', '--role', 'agent'], 'short\n');
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('at least 12 characters');
    // Sign-in takes at most the contract's maxLength: a longer one could never sign in.
    const long = await run(['add', 'erin', '--role', 'agent'], `${'p'.repeat(1025)}\n`);
    expect(long.code).toBe(1);
    expect(long.stderr).toContain('at most 1024 characters');
    expect(await storedAccount('erin')).toBeUndefined();
    expect((await run(['add', 'erin', '--role', 'admin'], 'long-enough-password\n')).code).toBe(2);
    expect((await run(['remove', 'nobody'])).code).toBe(1);
  }, 30_000);
});

describe('the upstream flavour', () => {
  it.each([
    ['https://api-sandbox.fintecture.com', 'fintecture'],
    ['https://api.fintecture.com', 'fintecture'],
    ['https://API.Fintecture.com.', 'fintecture'],
    ['https://fintecture.com', 'fintecture'],
    ['http://127.0.0.1:4010', 'seed'],
    ['https://fintecture.example.com', 'seed'],
    ['https://notfintecture.com', 'seed'],
  ])('is, for %s unless FINTECTURE_API_FLAVOR says otherwise, %s', (url, flavor) => {
    const key = join(dir, 'flavour-rsa.pem');
    writeFileSync(
      key,
      generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
        type: 'pkcs8',
        format: 'pem',
      }),
    );
    const env = { ...real, FINTECTURE_API_URL: url, FINTECTURE_PRIVATE_KEY_FILE: key };
    const config = proxyConfigFromEnv(env);
    expect(config.apiFlavor).toBe(flavor);
    expect(config.proxy.upstream?.flavor).toBe(flavor);
    for (const set of ['seed', 'fintecture'] as const) {
      const told = proxyConfigFromEnv({ ...env, FINTECTURE_API_FLAVOR: set });
      expect(told.proxy.upstream?.flavor).toBe(set);
    }
  });

  it('is left to the embedded sandbox without FINTECTURE_API_URL, unless set', () => {
    expect(proxyConfigFromEnv({ DATA_DIR: dir }).apiFlavor).toBeUndefined();
    expect(
      proxyConfigFromEnv({ DATA_DIR: dir, FINTECTURE_API_FLAVOR: 'fintecture' }).apiFlavor,
    ).toBe('fintecture');
  });
});

describe('the production guard', () => {
  const pem = (key: KeyObject) => key.export({ type: 'pkcs8', format: 'pem' }) as string;
  const rsaKeyFile = join(dir, 'rsa.pem');
  const ecKeyFile = join(dir, 'ec.pem');
  const publicKeyFile = join(dir, 'public.pem');
  const garbageFile = join(dir, 'garbage.pem');
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  writeFileSync(rsaKeyFile, pem(rsa.privateKey));
  writeFileSync(ecKeyFile, pem(generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey));
  writeFileSync(publicKeyFile, rsa.publicKey.export({ type: 'spki', format: 'pem' }));
  writeFileSync(garbageFile, '-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n');

  it.each([
    'https://api.fintecture.com',
    'https://api.fintecture.com/',
    'https://API.Fintecture.com.',
    'https://oauth.fintecture.com',
  ])('refuses %s without FINTECTURE_PRIVATE_KEY_FILE, in one line naming it', (url) => {
    const start = () => proxyConfigFromEnv({ ...real, FINTECTURE_API_URL: url });
    expect(start).toThrow(ConfigError);
    expect(start).toThrow(
      /^FINTECTURE_PRIVATE_KEY_FILE is required when FINTECTURE_API_URL is Fintecture's production API/,
    );
    expect(start).not.toThrow(/\n/);
  });

  it.each([
    'https://api-sandbox.fintecture.com',
    'https://api-sandbox-test.fintecture.com',
    'http://127.0.0.1:4010',
    'https://fintecture.example.com',
  ])('lets %s start without a key (calls unsigned)', (url) => {
    const config = proxyConfigFromEnv({ ...real, FINTECTURE_API_URL: url });
    expect(config.proxy.upstream?.privateKey).toBeUndefined();
  });

  it('starts on production with an RSA private key, which signs', () => {
    const config = proxyConfigFromEnv({
      ...real,
      FINTECTURE_API_URL: 'https://api.fintecture.com',
      FINTECTURE_PRIVATE_KEY_FILE: rsaKeyFile,
    });
    expect(config.proxy.upstream?.privateKey?.asymmetricKeyType).toBe('rsa');
  });

  it.each([
    [garbageFile, 'must name a PEM private key file'],
    [publicKeyFile, 'must name a PEM private key file'],
    [ecKeyFile, 'must name an RSA private key'],
    [join(dir, 'missing.pem'), 'names a file that cannot be read'],
  ])(
    'refuses a key file that is no RSA private key (%s) in one line naming the variable',
    (file, why) => {
      for (const url of ['https://api.fintecture.com', 'https://api-sandbox.fintecture.com']) {
        const start = () =>
          proxyConfigFromEnv({
            ...real,
            FINTECTURE_API_URL: url,
            FINTECTURE_PRIVATE_KEY_FILE: file,
          });
        expect(start).toThrow(ConfigError);
        expect(start).toThrow(`FINTECTURE_PRIVATE_KEY_FILE ${why}`);
        expect(start).not.toThrow(/\n/);
      }
    },
  );
});
