import { join } from 'node:path';
import { ConfigError, intVar, publicKeyFileVar, stringVar, urlVar } from '../shared/env';
import type { SandboxConfig } from './app';
import { isSandboxFlavor, SANDBOX_FLAVORS, type SandboxFlavor } from './flavor';

export type SandboxEnvConfig = SandboxConfig & { port: number; host: string };

/** Reads the SANDBOX_* variables; a bad value throws a ConfigError naming it. */
export function sandboxConfigFromEnv(env: NodeJS.ProcessEnv): SandboxEnvConfig {
  const dataDir = stringVar(env, 'DATA_DIR', 'data');
  const db = stringVar(env, 'SANDBOX_DB', join(dataDir, 'sandbox.db'));
  const appId = stringVar(env, 'SANDBOX_APP_ID', 'sandbox-app');
  if (!/^[\w.-]{1,128}$/.test(appId)) {
    throw new ConfigError(
      `SANDBOX_APP_ID must be 1 to 128 letters, digits, dots, dashes or underscores, got "${appId}"`,
    );
  }
  const appSecret = stringVar(env, 'SANDBOX_APP_SECRET');
  if (appSecret !== undefined && appSecret.length < 16) {
    throw new ConfigError('SANDBOX_APP_SECRET must have at least 16 characters');
  }
  const flavor = stringVar(env, 'SANDBOX_FLAVOR', 'seed');
  if (!isSandboxFlavor(flavor)) {
    throw new ConfigError(
      `SANDBOX_FLAVOR must be one of ${SANDBOX_FLAVORS.join(', ')}, got "${flavor}"`,
    );
  }
  const config: SandboxEnvConfig = {
    flavor: flavor satisfies SandboxFlavor,
    port: intVar(env, 'SANDBOX_PORT', { fallback: 4010, min: 0, max: 65535 }),
    host: stringVar(env, 'SANDBOX_HOST', '127.0.0.1'),
    db,
    seed: intVar(env, 'SANDBOX_SEED', { fallback: 200, min: 0, max: 1_000_000 }),
    appId,
    verificationDelayMs: intVar(env, 'SANDBOX_VERIFICATION_DELAY_MS', {
      fallback: 5000,
      min: 0,
      max: 86_400_000,
    }),
    tokenTtlSeconds: intVar(env, 'SANDBOX_TOKEN_TTL_SECONDS', {
      fallback: 3600,
      min: 1,
      max: 86_400,
    }),
  };
  if (appSecret !== undefined) config.appSecret = appSecret;
  // Where consent links point; else the origin each request came in on.
  const publicUrl = urlVar(env, 'SANDBOX_PUBLIC_URL');
  if (publicUrl) config.publicUrl = publicUrl;
  const publicKey = publicKeyFileVar(env, 'SANDBOX_SIGNATURE_PUBLIC_KEY_FILE');
  if (publicKey) config.signaturePublicKey = publicKey;
  return config;
}
