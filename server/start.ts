/**
 * `npm start`: builds the dashboard when dist/ is missing or older than its
 * sources, then starts the proxy, in front of the embedded sandbox when no
 * Fintecture URL is configured. The proxy itself knows nothing of the sandbox.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { startEmbeddedSandbox } from './embeddedSandbox';
import { proxyConfigFromEnv, type ProxyEnvConfig } from './proxy/config';
import { serveProxy } from './proxy/serve';
import { ConfigError } from './shared/env';
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
  const sandbox = await startEmbeddedSandbox(process.env, {
    dataDir: config.dataDir,
    apiFlavor: config.apiFlavor,
  });
  console.log(
    `Embedded sandbox on ${sandbox.address} with ${sandbox.customers} customers (${sandbox.db}) (flavour ${sandbox.flavor}${sandbox.upstream.privateKey ? ', signed' : ''})`,
  );
  return sandbox;
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
    await serveProxy(config, sandbox.upstream, sandbox.close, { embeddedSandbox: true });
  }
} catch (error) {
  if (!(error instanceof ConfigError || error instanceof StoreError)) throw error;
  console.error(`start: ${error.message}`);
  process.exit(1);
}
