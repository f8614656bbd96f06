import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it, onTestFinished } from 'vitest';
import { ConfigError } from '../../shared/env';
import { sandboxConfigFromEnv } from '../config';

describe('SANDBOX_* configuration', () => {
  it('has defaults that work with nothing set', () => {
    const config = sandboxConfigFromEnv({});
    expect(config).toMatchObject({
      port: 4010,
      host: '127.0.0.1',
      seed: 200,
      db: 'data/sandbox.db',
      flavor: 'seed',
    });
    expect(config).not.toHaveProperty('publicUrl');
  });

  it('takes the fintecture flavour and a public URL for consent links', () => {
    expect(
      sandboxConfigFromEnv({
        SANDBOX_FLAVOR: 'fintecture',
        SANDBOX_PUBLIC_URL: 'https://sandbox.example.com/',
      }),
    ).toMatchObject({ flavor: 'fintecture', publicUrl: 'https://sandbox.example.com' });
    expect(sandboxConfigFromEnv({ SANDBOX_FLAVOR: 'seed' }).flavor).toBe('seed');
  });

  it('refuses another flavour, naming the variable and the flavours it takes', () => {
    expect(() => sandboxConfigFromEnv({ SANDBOX_FLAVOR: 'Fintecture-v2' })).toThrow(
      new ConfigError('SANDBOX_FLAVOR must be one of seed, fintecture, got "Fintecture-v2"'),
    );
  });

  it.each([
    ['SANDBOX_PORT', 'abc'],
    ['SANDBOX_PORT', '70000'],
    ['SANDBOX_SEED', '-5'],
    ['SANDBOX_VERIFICATION_DELAY_MS', '1.5'],
    ['SANDBOX_TOKEN_TTL_SECONDS', '0'],
    ['SANDBOX_APP_ID', 'has spaces'],
    ['SANDBOX_APP_SECRET', 'short'],
    ['SANDBOX_SIGNATURE_PUBLIC_KEY_FILE', '/nonexistent/key.pem'],
    ['SANDBOX_SIGNATURE_PUBLIC_KEY_FILE', 'package.json'],
    ['SANDBOX_FLAVOR', 'stripe'],
    ['SANDBOX_PUBLIC_URL', 'not a url'],
    ['SANDBOX_PUBLIC_URL', 'ftp://sandbox.example.com'],
  ])('refuses %s=%s with a message naming it', (name, value) => {
    expect(() => sandboxConfigFromEnv({ [name]: value })).toThrow(ConfigError);
    expect(() => sandboxConfigFromEnv({ [name]: value })).toThrow(name);
  });

  it('stops `npm run sandbox` with one line naming the bad variable', async () => {
    const run = promisify(execFile)('npx', ['tsx', 'server/sandbox/main.ts'], {
      env: { ...process.env, SANDBOX_PORT: 'eighty', SANDBOX_DB: ':memory:' },
    });
    const failure = await run.then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    const lines = failure!.stderr
      .split('\n')
      .filter((line) => line.trim() && !line.includes('npm warn'));
    expect(lines).toEqual([
      'sandbox: SANDBOX_PORT must be a whole number from 0 to 65535, got "eighty"',
    ]);
  });

  it('names the flavour in the start-up line of `npm run sandbox`', async () => {
    // One process (no npx or tsx wrapper), so stopping it stops the server.
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/sandbox/main.ts'], {
      env: {
        ...process.env,
        SANDBOX_FLAVOR: 'fintecture',
        SANDBOX_PORT: '0',
        SANDBOX_DB: ':memory:',
        SANDBOX_SEED: '0',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    onTestFinished(() => {
      child.kill('SIGTERM');
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    await expect
      .poll(() => out.split('\n')[0], { timeout: 20_000 })
      .toMatch(
        /^Fintecture Customers API sandbox, fintecture flavour, on http:\/\/127\.0\.0\.1:\d+ /,
      );
  }, 30_000);
});
