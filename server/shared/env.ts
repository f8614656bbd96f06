import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** A bad configuration value: start-up stops with this one line. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

function present(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

export function stringVar(env: Env, name: string, fallback: string): string;
export function stringVar(env: Env, name: string): string | undefined;
export function stringVar(env: Env, name: string, fallback?: string): string | undefined {
  return present(env, name) ?? fallback;
}

export function intVar(
  env: Env,
  name: string,
  { fallback, min, max }: { fallback: number; min: number; max: number },
): number {
  const raw = present(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return Number(raw);
}

/** A PEM key named by a file path: the signing key of the proxy, the verifying key of the sandbox. */
function keyFileVar(env: Env, name: string, kind: 'public' | 'private'): KeyObject | undefined {
  const path = present(env, name);
  if (path === undefined) return undefined;
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(
      `${name} names a file that cannot be read: ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  try {
    return kind === 'public' ? createPublicKey(pem) : createPrivateKey(pem);
  } catch {
    throw new ConfigError(`${name} must name a PEM ${kind} key file; ${path} is not one`);
  }
}

export function publicKeyFileVar(env: Env, name: string): KeyObject | undefined {
  return keyFileVar(env, name, 'public');
}

export function privateKeyFileVar(env: Env, name: string): KeyObject | undefined {
  return keyFileVar(env, name, 'private');
}

export function urlVar(env: Env, name: string): string | undefined {
  const value = present(env, name);
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${name} must be an http:// or https:// URL, got "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`${name} must be an http:// or https:// URL, got "${value}"`);
  }
  return value.replace(/\/$/, '');
}
