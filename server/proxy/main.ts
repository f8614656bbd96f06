/**
 * `npm run proxy`: the proxy alone, in front of the Fintecture API that
 * FINTECTURE_API_URL names. (`npm start` embeds the sandbox instead.)
 */
import { ConfigError } from '../shared/env';
import { StoreError } from '../store/errors';
import { proxyConfigFromEnv } from './config';
import { serveProxy } from './serve';

// Whatever the server writes is its user's alone (explicit modes are set as well).
process.umask(0o077);
try {
  const config = proxyConfigFromEnv(process.env);
  if (!config.proxy.upstream) {
    throw new ConfigError(
      'FINTECTURE_API_URL is not set: set it (with FINTECTURE_APP_ID, FINTECTURE_APP_SECRET and SESSION_SECRET), or run `npm start` to use the embedded sandbox',
    );
  }
  await serveProxy(config, config.proxy.upstream);
} catch (error) {
  if (!(error instanceof ConfigError || error instanceof StoreError)) throw error;
  console.error(`proxy: ${error.message}`);
  process.exit(1);
}
