/**
 * `npm start`: builds the dashboard when dist/ is missing or older than its
 * sources, then starts the proxy, in front of the embedded sandbox when no
 * Fintecture URL is configured. The proxy itself knows nothing of the sandbox.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { proxyConfigFromEnv, type ProxyEnvConfig } from './proxy/config';
import { embeddedSandboxFlavor } from './proxy/flavor';
import { serveProxy } from './proxy/serve';
import type { UpstreamConfig } from './proxy/upstream';
import { buildApp as buildSandbox } from './sandbox/app';
import { sandboxConfigFromEnv } from './sandbox/config';
import { ConfigError, privateKeyFileVar } from './shared/env';
import { ownerOnlyDir } from './shared/privateFiles';
import { StoreError } from './store/errors';

const SOURCES = ['src', 'index.html', 'vite.config.ts', 'public', 'package-lock.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (newest, entry) => Math.max(newest, newestMtime(join(path, entry))),
    stat.mtimeMs,
  );
}

function buildDashboardIfStale(): void {
  const built = join('dist', 'index.html');
  const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
  const sourcesAt = Math.max(...SOURCES.map(newestMtime));
  if (builtAt >= sourcesAt) return;
  console.log(
    builtAt === 0 ? 'Building the dashboard…' : 'The dashboard sources changed; rebuilding…',
  );
  const result = spawnSync(
    process.execPath,
    [join('node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'],
    { stdio: 'inherit' },
  );
  if (result.status !== 0) {
    console.error('The dashboard build failed; see above.');
    process.exit(1);
  }
}

/** No Fintecture credentials: the sandbox on a loopback port of its own, with its data under DATA_DIR. */
async function embedSandbox(config: ProxyEnvConfig) {
  const env = process.env;
  const sandboxConfig = sandboxConfigFromEnv({ ...env, DATA_DIR: config.dataDir });
  const privateKey = privateKeyFileVar(env, 'FINTECTURE_PRIVATE_KEY_FILE');
  if (sandboxConfig.db !== ':memory:') {
    ownerOnlyDir(dirname(resolve(sandboxConfig.db)), { ours: false });
  }
  const sandbox = await buildSandbox({
    ...sandboxConfig,
    logger: { level: env.SANDBOX_LOG_LEVEL ?? 'warn' },
  });
  const address = await sandbox.listen({
    host: '127.0.0.1',
    port: env.SANDBOX_PORT ? sandboxConfig.port : 0,
  });
  const flavor = embeddedSandboxFlavor([sandbox.sandbox, sandboxConfig], env);
  if (config.apiFlavor !== undefined && config.apiFlavor !== flavor) {
    await sandbox.close();
    throw new ConfigError(
      `FINTECTURE_API_FLAVOR=${config.apiFlavor} disagrees with the embedded sandbox, which speaks ${flavor} (SANDBOX_FLAVOR): unset FINTECTURE_API_FLAVOR, or set SANDBOX_FLAVOR=${config.apiFlavor}`,
    );
  }
  console.log(
    `Embedded sandbox on ${address} with ${sandbox.sandbox.store.countCustomers()} customers (${sandboxConfig.db}) (flavour ${flavor}${privateKey ? ', signed' : ''})`,
  );
  const upstream: UpstreamConfig = {
    baseUrl: address,
    appId: sandbox.sandbox.appId,
    appSecret: sandbox.sandbox.appSecret,
    flavor,
  };
  if (privateKey) upstream.privateKey = privateKey;
  return { upstream, close: () => sandbox.close() };
}

// DIST_DIR names a dashboard built elsewhere: serve it as it is.
if (!process.env.DIST_DIR?.trim()) buildDashboardIfStale();
// From here on, whatever the server writes is its user's alone (explicit modes are set as well).
process.umask(0o077);
try {
  const config = proxyConfigFromEnv(process.env);
  ownerOnlyDir(config.dataDir, { ours: true });
  if (config.proxy.upstream) {
    await serveProxy(config, config.proxy.upstream);
  } else {
    const sandbox = await embedSandbox(config);
    await serveProxy(config, sandbox.upstream, sandbox.close);
  }
} catch (error) {
  if (!(error instanceof ConfigError || error instanceof StoreError)) throw error;
  console.error(`start: ${error.message}`);
  process.exit(1);
}
