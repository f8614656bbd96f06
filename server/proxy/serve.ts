import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { ownerOnlyDir, ownerOnlyIfPresent } from '../shared/privateFiles';
import { buildApp } from './app';
import { keptSessionSecret, type ProxyEnvConfig } from './config';
import type { UpstreamConfig } from './upstream';
import { UsersFile } from './users';

/**
 * Starts the proxy the way both entry points do (`npm run proxy` against a
 * configured upstream, `npm start` against the embedded sandbox): a first
 * account when there is none, a clean stop on SIGINT/SIGTERM, then listen.
 */
export async function serveProxy(
  config: ProxyEnvConfig,
  upstream: UpstreamConfig,
  onClose: () => Promise<void> = async () => {},
): Promise<void> {
  // DATA_DIR is the server's own: owner-only, even when an older version made it 0755.
  if (existsSync(config.dataDir)) ownerOnlyDir(config.dataDir, { ours: true });
  ownerOnlyIfPresent(config.proxy.usersFile);
  const sessionSecret = config.proxy.sessionSecret ?? keptSessionSecret(config.dataDir);
  const users = new UsersFile(config.proxy.usersFile);
  if (users.read().length === 0) {
    const password = randomBytes(12).toString('base64url');
    await users.add('agent', 'agent', password);
    console.log(
      [
        '',
        `No dashboard account existed, so one was created (in ${config.proxy.usersFile}):`,
        `  username: agent`,
        `  password: ${password}`,
        'It is shown only this once. Manage accounts with `npm run user -- list|add|remove`.',
        '',
      ].join('\n'),
    );
  }

  const app = await buildApp({
    ...config.proxy,
    upstream,
    sessionSecret,
    logger: {
      level: process.env.LOG_LEVEL ?? 'info',
      redact: ['req.headers.authorization', 'req.headers.cookie'],
    },
  });
  app.addHook('onClose', onClose);

  let closing = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (closing) return;
      closing = true;
      // In-flight requests finish; new ones get 503 while closing.
      const force = setTimeout(() => process.exit(1), 20_000);
      force.unref();
      void app.close().then(() => process.exit(0));
    });
  }

  const address = await app.listen({ port: config.port, host: config.host });
  const shown = config.proxy.publicOrigin ?? address;
  console.log(`\nCustomers back-office ready: open ${shown}/ in your browser.`);
}
