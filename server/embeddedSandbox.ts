/**
 * The sandbox embedded when no Fintecture URL is configured: on a loopback
 * port of its own, speaking its own flavour, which the proxy must speak too.
 * Shared by `npm start` and `npm run check:upstream`, so both refuse the same
 * mismatch.
 */
import { dirname, resolve } from 'node:path';
import type { ApiFlavor } from './proxy/flavor';
import type { UpstreamConfig } from './proxy/upstream';
import { buildApp as buildSandbox } from './sandbox/app';
import { sandboxConfigFromEnv } from './sandbox/config';
import { ConfigError, privateKeyFileVar } from './shared/env';
import { listenOrSay } from './shared/listen';
import { ownerOnlyDir } from './shared/privateFiles';

export interface EmbeddedSandbox {
  upstream: UpstreamConfig;
  address: string;
  flavor: ApiFlavor;
  /** Where its data lives (`:memory:` for none). */
  db: string;
  customers: number;
  close: () => Promise<void>;
}

export async function startEmbeddedSandbox(
  env: NodeJS.ProcessEnv,
  {
    dataDir,
    apiFlavor,
    inMemory = false,
  }: {
    dataDir: string;
    /** FINTECTURE_API_FLAVOR as set: it must be the sandbox's own. */
    apiFlavor: ApiFlavor | undefined;
    /** A throwaway sandbox with one customer (the connection check's). */
    inMemory?: boolean;
  },
): Promise<EmbeddedSandbox> {
  const sandboxConfig = sandboxConfigFromEnv({
    ...env,
    DATA_DIR: dataDir,
    ...(inMemory ? { SANDBOX_DB: ':memory:', SANDBOX_SEED: '1' } : {}),
  });
  const privateKey = privateKeyFileVar(env, 'FINTECTURE_PRIVATE_KEY_FILE');
  if (sandboxConfig.db !== ':memory:') {
    ownerOnlyDir(dirname(resolve(sandboxConfig.db)), { ours: false });
  }
  const sandbox = await buildSandbox({
    ...sandboxConfig,
    logger: inMemory ? false : { level: env.SANDBOX_LOG_LEVEL ?? 'warn' },
  });
  const flavor: ApiFlavor = sandbox.sandbox.flavor;
  if (apiFlavor !== undefined && apiFlavor !== flavor) {
    await sandbox.close();
    throw new ConfigError(
      `FINTECTURE_API_FLAVOR=${apiFlavor} disagrees with the embedded sandbox, which speaks ${flavor} (SANDBOX_FLAVOR): unset FINTECTURE_API_FLAVOR, or set SANDBOX_FLAVOR=${apiFlavor}`,
    );
  }
  const address = await listenOrSay(
    sandbox,
    '127.0.0.1',
    env.SANDBOX_PORT && !inMemory ? sandboxConfig.port : 0,
    'SANDBOX_PORT',
  );
  const upstream: UpstreamConfig = {
    baseUrl: address,
    appId: sandbox.sandbox.appId,
    appSecret: sandbox.sandbox.appSecret,
    flavor,
    ...(privateKey ? { privateKey } : {}),
  };
  return {
    upstream,
    address,
    flavor,
    db: sandboxConfig.db,
    customers: sandbox.sandbox.store.countCustomers(),
    close: () => sandbox.close(),
  };
}
