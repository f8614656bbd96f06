import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { ConfigError } from '../shared/env';
import { buildApp } from './app';
import { sandboxConfigFromEnv } from './config';

async function main(): Promise<void> {
  let config;
  try {
    config = sandboxConfigFromEnv(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`sandbox: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  if (config.db !== ':memory:') mkdirSync(join(config.db, '..'), { recursive: true });
  const app = await buildApp({ ...config, logger: { level: process.env.LOG_LEVEL ?? 'info' } });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void app.close().then(() => process.exit(0));
    });
  }
  const address = await app.listen({ port: config.port, host: config.host });
  const { appId, appSecret, store, flavor } = app.sandbox;
  console.log(
    [
      `Fintecture Customers API sandbox, ${flavor} flavour, on ${address} (${store.countCustomers()} customers in ${config.db})`,
      `  app id:     ${appId}`,
      `  app secret: ${appSecret}${config.appSecret ? '' : ' (generated; kept in the database)'}`,
      `  signatures: ${config.signaturePublicKey ? 'required' : 'not checked'}`,
    ].join('\n'),
  );
}

await main();
