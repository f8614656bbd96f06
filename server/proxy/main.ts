import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp as buildSandbox } from '../sandbox/app';
import { sandboxConfigFromEnv } from '../sandbox/config';
import { ConfigError, privateKeyFileVar } from '../shared/env';
import { buildApp } from './app';
import { keptSessionSecret, proxyConfigFromEnv } from './config';
import { UsersFile } from './users';

function fail(error: unknown): never {
  if (error instanceof ConfigError) {
    console.error(`proxy: ${error.message}`);
    process.exit(1);
  }
  throw error;
}

async function main(): Promise<void> {
  const env = process.env;
  let config;
  try {
    config = proxyConfigFromEnv(env);
  } catch (error) {
    fail(error);
  }

  let sandbox: FastifyInstance | undefined;
  let upstream = config.proxy.upstream;
  if (!upstream) {
    // No Fintecture credentials: embed the sandbox on a loopback port of its own.
    let sandboxConfig;
    let privateKey;
    try {
      sandboxConfig = sandboxConfigFromEnv({ ...env, DATA_DIR: config.dataDir });
      privateKey = privateKeyFileVar(env, 'FINTECTURE_PRIVATE_KEY_FILE');
    } catch (error) {
      fail(error);
    }
    if (sandboxConfig.db !== ':memory:')
      mkdirSync(dirname(resolve(sandboxConfig.db)), { recursive: true });
    sandbox = await buildSandbox({
      ...sandboxConfig,
      logger: { level: env.SANDBOX_LOG_LEVEL ?? 'warn' },
    });
    const address = await sandbox.listen({
      host: '127.0.0.1',
      port: env.SANDBOX_PORT ? sandboxConfig.port : 0,
    });
    upstream = {
      baseUrl: address,
      appId: sandbox.sandbox.appId,
      appSecret: sandbox.sandbox.appSecret,
    };
    if (privateKey) upstream.privateKey = privateKey;
    console.log(
      `Embedded sandbox on ${address} with ${sandbox.sandbox.store.countCustomers()} customers (${sandboxConfig.db})`,
    );
  }

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
      level: env.LOG_LEVEL ?? 'info',
      redact: ['req.headers.authorization', 'req.headers.cookie'],
    },
  });
  if (sandbox) {
    const embedded = sandbox;
    app.addHook('onClose', async () => embedded.close());
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

  const address = await app.listen({ port: config.port, host: config.host });
  const shown = config.proxy.publicOrigin ?? address;
  console.log(`\nCustomers back-office ready: open ${shown}/ in your browser.`);
}

await main();
