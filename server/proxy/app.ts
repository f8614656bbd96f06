import { randomUUID } from 'node:crypto';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyServerOptions,
} from 'fastify';
import { serverEnvironment } from './environment';
import type { IdempotencySettings } from './idempotency';
import { allowedOperations } from './operations';
import audit from './plugins/audit';
import body, { acceptJson, SMALL_BODY_LIMIT } from './plugins/body';
import connectionLimits, {
  connectionSettings,
  serverTimeouts,
  type ConnectionSettings,
} from './plugins/connectionLimits';
import csrf from './plugins/csrf';
import errors from './plugins/errors';
import hostCheck from './plugins/hostCheck';
import idempotency from './plugins/idempotency';
import refuseUpgrades from './plugins/refuseUpgrades';
import securityHeaders from './plugins/securityHeaders';
import sessions from './plugins/sessions';
import shutdown from './plugins/shutdown';
import store, { type StoreSource } from './plugins/store';
import upstream from './plugins/upstream';
import users from './plugins/users';
import worker, { type WorkerSettings } from './plugins/worker';
import api from './routes/api';
import auth from './routes/auth';
import backOffice from './routes/bo/backOffice';
import type { LiveEventSettings } from './routes/bo/events';
import health from './routes/health';
import dashboardFiles from './routes/static';
import type { SignInLimits } from './routes/signInLimits';
import type { UpstreamConfig } from './upstream';

export interface ProxyConfig {
  upstream: UpstreamConfig;
  /**
   * The upstream is the embedded sandbox (`npm start` without FINTECTURE_API_URL):
   * /bo/environment says `emulated`. Unset: judged by the upstream's URL.
   */
  embeddedSandbox?: boolean;
  /** At least 32 characters; signs the session cookie. */
  sessionSecret: string;
  usersFile: string;
  /**
   * The back-office's store: where to open it (`{ databaseUrl, dataDir }`), or
   * one already open. Unset: an in-memory SQLite store that ends with the app.
   */
  store?: StoreSource;
  /** The built dashboard. */
  distDir: string;
  /**
   * The origin agents open, e.g. https://backoffice.example.com. HTTPS makes the
   * session cookie `__Host-` and Secure; state-changing requests must come from it.
   */
  publicOrigin?: string;
  /** Fastify's trustProxy: the load balancer's address(es); unset = trust no forwarded header. */
  trustProxy?: string | boolean;
  /** Connection caps and timeouts; unset ones take the defaults of plugins/connectionLimits. */
  connectionLimits?: Partial<ConnectionSettings>;
  sessionIdleMs?: number;
  sessionMaxMs?: number;
  /** Sign-in attempt limits; unset ones take DEFAULT_SIGN_IN_LIMITS (routes/signInLimits.ts). */
  loginLimits?: Partial<SignInLimits>;
  /** Idempotency-Key answers: per-account quota (1,000), how long a repeat waits for the first (15 s). */
  idempotency?: IdempotencySettings;
  /** AUDIT_RETENTION_DAYS: audit events older than this are swept (400). */
  auditRetentionDays?: number;
  /** /bo/events: store polling, heartbeat and session re-check periods (tests shorten them). */
  liveEvents?: Partial<LiveEventSettings>;
  /** The deployment's one background worker (lease and sweeps). */
  worker?: WorkerSettings;
  logger?: FastifyServerOptions['logger'] | FastifyBaseLogger;
  /** The clock of session lifetimes, account re-reads, token expiry and idempotency; tests move it. */
  now?: () => number;
}

/** The proxy, composed: cross-cutting plugins, services, then routes. */
export async function buildApp(config: ProxyConfig): Promise<FastifyInstance> {
  // Checked first: a contract operation without a policy entry stops start-up here.
  const operations = allowedOperations();
  const secure = config.publicOrigin?.startsWith('https://') ?? false;
  const now = config.now ?? Date.now;
  const behindBalancer = config.trustProxy !== undefined && config.trustProxy !== false;
  const connections = connectionSettings(config.connectionLimits, behindBalancer);
  const app = Fastify({
    ...(config.logger && typeof config.logger === 'object' && 'child' in config.logger
      ? { loggerInstance: config.logger }
      : { logger: config.logger ?? false }),
    trustProxy: config.trustProxy ?? false,
    // The default for any route that takes a body (sign-in); /api/* sets its own.
    bodyLimit: SMALL_BODY_LIMIT,
    genReqId: () => randomUUID(),
    // Path ids up to the contracts' 128 characters reach the routes' own checks (Fastify's default, 100, answers 414).
    routerOptions: { maxParamLength: 256 },
    // Slow, idle or half-open clients must not hold connections for long.
    ...serverTimeouts(connections),
  });

  await app.register(connectionLimits, connections);
  await app.register(securityHeaders, { secure });
  await app.register(hostCheck, { publicOrigin: config.publicOrigin, behindBalancer });
  await app.register(body);
  await app.register(errors);
  await app.register(shutdown);
  await app.register(store, {
    source: config.store ?? { dataDir: '.', sqliteFile: ':memory:' },
  });
  await app.register(refuseUpgrades);
  await app.register(upstream, { config: config.upstream, now });
  await app.register(users, { file: config.usersFile });
  await app.register(idempotency, { ...config.idempotency, now });
  await app.register(audit, { now });
  await app.register(worker, {
    ...config.worker,
    now,
    sessions: {
      idleMs: config.sessionIdleMs ?? 30 * 60 * 1000,
      maxMs: config.sessionMaxMs ?? 12 * 3600 * 1000,
    },
    auditRetentionDays: config.auditRetentionDays ?? 400,
  });

  await app.register(health);
  // Sessions, anti-forgery, sign-in and the API live together; static files need none of it.
  await app.register(async (signedIn) => {
    await signedIn.register(sessions, {
      secret: config.sessionSecret,
      idleMs: config.sessionIdleMs ?? 30 * 60 * 1000,
      maxMs: config.sessionMaxMs ?? 12 * 3600 * 1000,
      secure,
      now,
    });
    await signedIn.register(csrf, { publicOrigin: config.publicOrigin });
    // JSON is parsed here only, after the anti-forgery check, for routes that declare a body.
    await signedIn.register(acceptJson);
    await signedIn.register(auth, { limits: config.loginLimits, now });
    await signedIn.register(api, { operations, now });
    await signedIn.register(backOffice, {
      now,
      liveEvents: config.liveEvents,
      environment: serverEnvironment(config.upstream.baseUrl, config.embeddedSandbox === true),
    });
  });
  await app.register(dashboardFiles, { distDir: config.distDir });
  return app;
}
