/**
 * The servers of the end-to-end suite: the real sandbox and the real proxy on
 * the ports Playwright chose, with a fresh in-memory database and two accounts.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp as buildProxy } from '../server/proxy/app';
import { UsersFile } from '../server/proxy/users';
import { buildApp as buildSandbox } from '../server/sandbox/app';
import { ACCOUNTS, e2eEnv } from './env';

const env = e2eEnv();
const sandbox = await buildSandbox({
  db: ':memory:',
  seed: 45,
  appId: env.appId,
  appSecret: env.appSecret,
  verificationDelayMs: 3000,
  tokenTtlSeconds: 3600,
  logger: { level: 'warn' },
});
await sandbox.listen({ host: '127.0.0.1', port: env.sandboxPort });

const users = new UsersFile(join(mkdtempSync(join(tmpdir(), 'e2e-users-')), 'users.json'));
for (const account of Object.values(ACCOUNTS))
  await users.add(account.username, account.role, account.password);

const proxy = await buildProxy({
  upstream: {
    baseUrl: env.sandboxUrl,
    appId: env.appId,
    appSecret: env.appSecret,
    deadlineMs: 6000,
    attemptTimeoutMs: 4000,
  },
  sessionSecret: env.sessionSecret,
  usersFile: users.path,
  distDir: env.distDir,
  loginLimits: { perClient: 1000, perAccount: 1000, windowMs: 60_000 },
  logger: { level: 'warn' },
});
await proxy.listen({ host: '127.0.0.1', port: env.port });

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void Promise.all([proxy.close(), sandbox.close()]).then(() => process.exit(0));
  });
}
