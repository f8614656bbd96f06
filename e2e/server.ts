/**
 * The servers of the end-to-end suite: the real sandbox and the real proxy on
 * the ports Playwright chose, with fresh in-memory databases and the accounts.
 * Two such stacks: one whose sandbox speaks the seed's contract (most journeys),
 * one whose sandbox speaks Fintecture's own flavour (bank_accounts, initiated /
 * success, a consent link the customer opens), behind a proxy that maps it.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp as buildProxy } from '../server/proxy/app';
import { addOrResetAccount } from '../server/proxy/users';
import { buildApp as buildSandbox } from '../server/sandbox/app';
import { ACCOUNTS, e2eEnv } from './env';

const env = e2eEnv();

async function startStack({
  port,
  sandboxPort,
  flavor,
}: {
  port: number;
  sandboxPort: number;
  flavor: 'seed' | 'fintecture';
}) {
  const sandbox = await buildSandbox({
    db: ':memory:',
    seed: 45,
    appId: env.appId,
    appSecret: env.appSecret,
    verificationDelayMs: 3000,
    tokenTtlSeconds: 3600,
    flavor,
    logger: { level: 'warn' },
  });
  await sandbox.listen({ host: '127.0.0.1', port: sandboxPort });
  const proxy = await buildProxy({
    upstream: {
      baseUrl: `http://127.0.0.1:${sandboxPort}`,
      appId: env.appId,
      appSecret: env.appSecret,
      deadlineMs: 6000,
      attemptTimeoutMs: 4000,
      flavor,
    },
    // The sandbox runs in this process: the dashboard is told it talks to an emulation.
    embeddedSandbox: true,
    sessionSecret: env.sessionSecret,
    usersFile: join(mkdtempSync(join(tmpdir(), 'e2e-users-')), 'users.json'),
    distDir: env.distDir,
    loginLimits: { perAddress: 1000, perPair: 1000, perUsername: 1000 },
    logger: { level: 'warn' },
  });
  for (const account of Object.values(ACCOUNTS))
    await addOrResetAccount(proxy.store, account.username, account.role, account.password);
  await proxy.listen({ host: '127.0.0.1', port });
  return () => Promise.all([proxy.close(), sandbox.close()]);
}

// The seed stack last: Playwright waits for its /healthz, so both are up by then.
const stops = [
  await startStack({
    port: env.fintecturePort,
    sandboxPort: env.fintectureSandboxPort,
    flavor: 'fintecture',
  }),
  await startStack({ port: env.port, sandboxPort: env.sandboxPort, flavor: 'seed' }),
];

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void Promise.all(stops.map((stop) => stop())).then(() => process.exit(0));
  });
}
