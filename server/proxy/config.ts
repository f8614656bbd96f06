import { randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError, intVar, privateKeyFileVar, stringVar, urlVar } from '../shared/env';
import { ownerOnlyDir, ownerOnlyIfPresent } from '../shared/privateFiles';
import type { ProxyConfig } from './app';
import { defaultFlavorOf, flavorVar, isFintectureHost, type ApiFlavor } from './flavor';
import { isLoopbackListenAddress } from './hosts';
import { DEFAULT_MAX_CONNECTIONS } from './plugins/connectionLimits';

export const MIN_SESSION_SECRET_BYTES = 32;

export interface ProxyEnvConfig {
  port: number;
  host: string;
  dataDir: string;
  /** Unset: `npm start` embeds the sandbox, and `npm run proxy` refuses to start. */
  upstreamUrl?: string;
  /**
   * FINTECTURE_API_FLAVOR as set (validated), else, with FINTECTURE_API_URL set, that URL's
   * default (`fintecture` for a *.fintecture.com address, `seed` for any other). Unset with no
   * URL: `npm start` takes the embedded sandbox's own flavour.
   */
  apiFlavor?: ApiFlavor;
  proxy: Omit<ProxyConfig, 'upstream' | 'sessionSecret'> & {
    upstream?: ProxyConfig['upstream'];
    sessionSecret?: string;
  };
}

/** Reads the proxy's variables; a bad value throws a ConfigError naming it. */
export function proxyConfigFromEnv(env: NodeJS.ProcessEnv): ProxyEnvConfig {
  const dataDir = resolve(stringVar(env, 'DATA_DIR', 'data'));
  const upstreamUrl = urlVar(env, 'FINTECTURE_API_URL');
  const sessionSecret = stringVar(env, 'SESSION_SECRET');
  const flavor = flavorVar(env, 'FINTECTURE_API_FLAVOR');
  const config: ProxyEnvConfig = {
    port: intVar(env, 'PORT', { fallback: 3000, min: 0, max: 65535 }),
    host: stringVar(env, 'HOST', '127.0.0.1'),
    dataDir,
    proxy: {
      usersFile: resolve(stringVar(env, 'DASHBOARD_USERS_FILE', join(dataDir, 'users.json'))),
      distDir: resolve(stringVar(env, 'DIST_DIR', 'dist')),
      // PostgreSQL when DATABASE_URL is set (shared by replicas), else $DATA_DIR/backoffice.db.
      store: { databaseUrl: stringVar(env, 'DATABASE_URL'), dataDir },
      sessionIdleMs:
        intVar(env, 'SESSION_IDLE_MINUTES', { fallback: 30, min: 1, max: 24 * 60 }) * 60_000,
      sessionMaxMs:
        intVar(env, 'SESSION_MAX_HOURS', { fallback: 12, min: 1, max: 24 * 30 }) * 3_600_000,
      // Audit events older than this are deleted by the worker's sweep.
      auditRetentionDays: intVar(env, 'AUDIT_RETENTION_DAYS', {
        fallback: 400,
        min: 1,
        max: 100 * 365,
      }),
      // A claim on an Idempotency-Key this old is presumed dead (its replica gone) and taken over.
      idempotency: {
        staleMs:
          intVar(env, 'IDEMPOTENCY_TAKEOVER_SECONDS', { fallback: 60, min: 5, max: 3_600 }) * 1_000,
      },
      // The index's sync: how often it walks the Customers API, and how hard it may call it.
      worker: {
        index: {
          everyMs:
            intVar(env, 'INDEX_SYNC_MINUTES', { fallback: 5, min: 1, max: 24 * 60 }) * 60_000,
          fullEveryMs:
            intVar(env, 'INDEX_FULL_SYNC_HOURS', { fallback: 24, min: 1, max: 24 * 30 }) *
            3_600_000,
          maxRps: intVar(env, 'INDEX_MAX_RPS', { fallback: 5, min: 1, max: 1_000 }),
        },
      },
    },
  };
  if (flavor !== undefined) config.apiFlavor = flavor;
  const publicUrl = urlVar(env, 'PUBLIC_URL');
  if (publicUrl) config.proxy.publicOrigin = new URL(publicUrl).origin;
  if (!publicUrl && !isLoopbackListenAddress(config.host)) {
    // Otherwise only loopback Host names would be served: every request from elsewhere would get 421.
    throw new ConfigError(
      `HOST=${config.host} serves other machines, so PUBLIC_URL must say the address agents open (e.g. https://backoffice.example.com); it is what the Host and Origin checks accept`,
    );
  }
  const maxConnections = intVar(env, 'MAX_CONNECTIONS', {
    fallback: DEFAULT_MAX_CONNECTIONS,
    min: 1,
    max: 1_000_000,
  });
  config.proxy.connectionLimits = { max: maxConnections };
  if (env.MAX_CONNECTIONS_PER_CLIENT?.trim()) {
    config.proxy.connectionLimits.perClient = intVar(env, 'MAX_CONNECTIONS_PER_CLIENT', {
      fallback: maxConnections,
      min: 1,
      max: maxConnections,
    });
  }
  const trustProxy = stringVar(env, 'TRUST_PROXY');
  if (trustProxy !== undefined) {
    if (!/^[0-9a-fA-F:.,/ ]+$/.test(trustProxy)) {
      throw new ConfigError(
        `TRUST_PROXY must list the load balancer's addresses or CIDR ranges, got "${trustProxy}"`,
      );
    }
    config.proxy.trustProxy = trustProxy;
  }
  if (sessionSecret !== undefined) {
    if (Buffer.byteLength(sessionSecret) < MIN_SESSION_SECRET_BYTES) {
      throw new ConfigError(
        `SESSION_SECRET must be at least ${MIN_SESSION_SECRET_BYTES} bytes long`,
      );
    }
    config.proxy.sessionSecret = sessionSecret;
  }
  if (upstreamUrl !== undefined) {
    const appId = stringVar(env, 'FINTECTURE_APP_ID');
    const appSecret = stringVar(env, 'FINTECTURE_APP_SECRET');
    if (!appId)
      throw new ConfigError('FINTECTURE_APP_ID is required when FINTECTURE_API_URL is set');
    if (!appSecret)
      throw new ConfigError('FINTECTURE_APP_SECRET is required when FINTECTURE_API_URL is set');
    if (sessionSecret === undefined) {
      throw new ConfigError(
        `SESSION_SECRET is required (at least ${MIN_SESSION_SECRET_BYTES} bytes) when FINTECTURE_API_URL is set`,
      );
    }
    config.upstreamUrl = upstreamUrl;
    config.apiFlavor = flavor ?? defaultFlavorOf(upstreamUrl);
    config.proxy.upstream = { baseUrl: upstreamUrl, appId, appSecret, flavor: config.apiFlavor };
    const privateKey = privateKeyFileVar(env, 'FINTECTURE_PRIVATE_KEY_FILE');
    if (privateKey && privateKey.asymmetricKeyType !== 'rsa') {
      // The signature is rsa-sha256 (PHP SDK `src/Util/Header.php`, JS SDK `src/utils/Crypto.ts`).
      throw new ConfigError(
        `FINTECTURE_PRIVATE_KEY_FILE must name an RSA private key (the signature is rsa-sha256); it holds a ${privateKey.asymmetricKeyType ?? 'different'} key`,
      );
    }
    if (!privateKey && isProductionFintectureHost(upstreamUrl)) {
      // Signing is mandatory in production (JS SDK `fintecture-client.ts`, _validateConfigIntegrity:
      // no private_key with env production is refused): without a key the proxy would start, then
      // fail every call as if the credentials were wrong.
      throw new ConfigError(
        `FINTECTURE_PRIVATE_KEY_FILE is required when FINTECTURE_API_URL is Fintecture's production API (${new URL(upstreamUrl).host}): production calls must be signed`,
      );
    }
    if (privateKey) config.proxy.upstream.privateKey = privateKey;
  }
  return config;
}

/**
 * Fintecture's production API: a fintecture.com host other than a sandbox one. The SDKs'
 * base URLs: `https://api.fintecture.com` in production, `https://api-sandbox.fintecture.com`
 * in the sandbox (JS SDK `src/utils/URLBuilders/BaseUrls.ts`, Ruby SDK `lib/fintecture/api/base_url.rb`).
 */
export function isProductionFintectureHost(url: string): boolean {
  if (!isFintectureHost(url)) return false;
  const label = new URL(url).hostname.toLowerCase().split('.')[0]!;
  // `api-sandbox`, `api-sandbox-test` (Ruby SDK's test environment) are not production.
  return !label.includes('sandbox') && !label.includes('test');
}

/** For the embedded sandbox only: a session secret generated once and kept under DATA_DIR. */
export function keptSessionSecret(dataDir: string): string {
  const path = join(dataDir, 'session-secret');
  try {
    const kept = readFileSync(path, 'utf8').trim();
    if (Buffer.byteLength(kept) >= MIN_SESSION_SECRET_BYTES) {
      ownerOnlyIfPresent(path);
      return kept;
    }
  } catch {
    // Not there yet: make one.
  }
  ownerOnlyDir(dataDir, { ours: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(path, `${secret}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
  return secret;
}
