import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
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
    });
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
});
