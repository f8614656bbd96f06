/**
 * The servers of the end-to-end suite: the real sandbox and the real proxy on
 * the ports Playwright chose, with fresh in-memory databases and two accounts.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp as buildProxy } from '../server/proxy/app';
import { addOrResetAccount } from '../server/proxy/users';
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

const proxy = await buildProxy({
  upstream: {
    baseUrl: env.sandboxUrl,
    appId: env.appId,
    appSecret: env.appSecret,
    deadlineMs: 6000,
    attemptTimeoutMs: 4000,
  },
  sessionSecret: env.sessionSecret,
  usersFile: join(mkdtempSync(join(tmpdir(), 'e2e-users-')), 'users.json'),
  distDir: env.distDir,
  loginLimits: { perAddress: 1000, perPair: 1000, perUsername: 1000 },
  logger: { level: 'warn' },
});
for (const account of Object.values(ACCOUNTS))
  await addOrResetAccount(proxy.store, account.username, account.role, account.password);
await proxy.listen({ host: '127.0.0.1', port: env.port });

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void Promise.all([proxy.close(), sandbox.close()]).then(() => process.exit(0));
  });
}
