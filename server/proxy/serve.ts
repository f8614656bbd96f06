import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { listenOrSay } from '../shared/listen';
import { ownerOnlyDir, ownerOnlyIfPresent } from '../shared/privateFiles';
import { buildApp } from './app';
import { keptSessionSecret, type ProxyEnvConfig } from './config';
import type { UpstreamConfig } from './upstream';
import { checkUpstream } from './upstreamCheck';
import { DuplicateAccountError } from '../store/errors';
import type { Store } from '../store/store';
import { hashPassword } from './users';

/**
 * Starts the proxy the way both entry points do (`npm run proxy` against a
 * configured upstream, `npm start` against the embedded sandbox): a first
 * account when there is none, a clean stop on SIGINT/SIGTERM, then listen.
 */
export async function serveProxy(
  config: ProxyEnvConfig,
  upstream: UpstreamConfig,
  onClose: () => Promise<void> = async () => {},
  /** The upstream is the embedded sandbox (`npm start`): the banner says so. */
  { embeddedSandbox = false }: { embeddedSandbox?: boolean } = {},
): Promise<void> {
  // DATA_DIR is the server's own: owner-only, even when an older version made it 0755.
  if (existsSync(config.dataDir)) ownerOnlyDir(config.dataDir, { ours: true });
  ownerOnlyIfPresent(config.proxy.usersFile);
  const sessionSecret = config.proxy.sessionSecret ?? keptSessionSecret(config.dataDir);
  const app = await buildApp({
    ...config.proxy,
    upstream,
    embeddedSandbox,
    sessionSecret,
    logger: {
      level: process.env.LOG_LEVEL ?? 'info',
      redact: ['req.headers.authorization', 'req.headers.cookie'],
    },
  });
  app.addHook('onClose', onClose);
  // Accounts live in the store (a users.json of an older version was imported by buildApp).
  const password = randomBytes(12).toString('base64url');
  if ((await app.store.accounts.list()).length === 0 && (await createFirst(app.store, password))) {
    console.log(
      [
        '',
        `No dashboard account existed, so one was created (in ${app.store.where}):`,
        `  username: agent`,
        `  password: ${password}`,
        'It is shown only this once. Manage accounts with `npm run user -- list|add|remove`.',
        '',
      ].join('\n'),
    );
  }

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

  if (config.upstreamUrl !== undefined) {
    console.log(
      `Upstream: ${config.upstreamUrl} (flavour ${upstream.flavor ?? 'seed'}, ${upstream.privateKey ? 'signed' : 'unsigned'})`,
    );
  }
  const address = await listenOrSay(app, config.host, config.port);
  const shown = config.proxy.publicOrigin ?? address;
  console.log(`\nCustomers back-office ready: open ${shown}/ in your browser.`);
  // The connection check of `npm run check:upstream`, once, in the background: said, never fatal.
  void checkUpstream(upstream).then(
    (result) => console.log(`Upstream check: ${result.message}`),
    (error: unknown) => console.log(`Upstream check: could not run (${String(error)})`),
  );
}

/** The first account, unless another replica starting at the same time made it first. */
async function createFirst(store: Store, password: string): Promise<boolean> {
  try {
    const passwordHash = await hashPassword(password);
    await store.accounts.create({ username: 'agent', role: 'agent', passwordHash }, Date.now());
    return true;
  } catch (error) {
    if (error instanceof DuplicateAccountError) return false;
    throw error;
  }
}
