import { randomBytes, type KeyObject } from 'node:crypto';
import type { FastifyBaseLogger, FastifyServerOptions } from 'fastify';
import { generateDemoCustomers } from './demoData';
import { FaultSwitch } from './faults';
import type { SandboxFlavor } from './flavor';
import { SandboxStore } from './store';
import { newSigningKey } from './tokens';

export interface SandboxConfig {
  /** Whose words the API speaks: the seed contract's (default) or Fintecture's own (see flavor.ts). */
  flavor?: SandboxFlavor;
  /**
   * The origin of the consent links (fintecture flavour), e.g. `https://sandbox.example.com`;
   * when unset, the origin the request starting the verification came in on.
   */
  publicUrl?: string;
  /** SQLite file, or `:memory:`. */
  db: string;
  /** Demo customers created when the database is empty. */
  seed: number;
  appId: string;
  /** Generated and kept in the database when not given. */
  appSecret?: string;
  verificationDelayMs: number;
  tokenTtlSeconds: number;
  /** When set, every /v1 request must carry a valid HTTP Signature made with the matching private key. */
  signaturePublicKey?: KeyObject;
  logger?: FastifyServerOptions['logger'] | FastifyBaseLogger;
  /** How often pending verifications are resolved in the background. */
  sweepIntervalMs?: number;
}

/** What `app.sandbox` exposes to main files, tests and demos. */
export interface SandboxHandle {
  flavor: SandboxFlavor;
  appId: string;
  appSecret: string;
  store: SandboxStore;
  faults: FaultSwitch;
  stats: { operations: Record<string, number> };
  /** The last requests as received (method, target, headers, arrival in epoch ms), newest last, for tests and demos. */
  recent: { method: string; url: string; headers: Record<string, unknown>; at: number }[];
  /** Revoking tokens bumps it; kept in the database, read once here rather than on every call. */
  tokenGeneration: number;
}

/** The open database and everything kept in it; `close` stops the sweep and the database. */
export interface SandboxState {
  handle: SandboxHandle;
  /** Signs bearer tokens; kept in the database so tokens survive a restart. */
  signingKey: string;
  close: () => void;
}

export function openSandbox(config: SandboxConfig): SandboxState {
  const store = new SandboxStore(config.db);
  if (store.countCustomers() === 0 && config.seed > 0) {
    store.seed(generateDemoCustomers(config.seed), config.verificationDelayMs);
  }
  const handle: SandboxHandle = {
    flavor: config.flavor ?? 'seed',
    appId: config.appId,
    appSecret:
      config.appSecret ??
      persisted(store, 'app_secret', () => randomBytes(24).toString('base64url')),
    store,
    faults: new FaultSwitch(),
    stats: { operations: {} },
    recent: [],
    tokenGeneration: Number(store.getMeta('token_generation') ?? '0'),
  };

  // Verifications resolve on the reads that show them and, for everyone else, in the background.
  store.resolveDueVerifications();
  const sweep = setInterval(() => store.resolveDueVerifications(), config.sweepIntervalMs ?? 1000);
  sweep.unref();
  return {
    handle,
    signingKey: persisted(store, 'token_signing_key', newSigningKey),
    close: () => {
      clearInterval(sweep);
      store.close();
    },
  };
}

function persisted(store: SandboxStore, key: string, create: () => string): string {
  const existing = store.getMeta(key);
  if (existing !== undefined) return existing;
  const value = create();
  store.setMeta(key, value);
  return value;
}
