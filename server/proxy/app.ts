import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import helmet from 'helmet';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';
import { IDEMPOTENCY_KEY, IdempotencyCache, type StoredAnswer } from './idempotency';
import { allowedOperations, matchOperation } from './operations';
import { Sessions, type SessionUser } from './sessions';
import { UpstreamClient, UpstreamError, type UpstreamConfig } from './upstream';
import { decoy, UsersFile, verifyPassword } from './users';

export interface ProxyConfig {
  upstream: UpstreamConfig;
  /** At least 32 characters; signs the session cookie. */
  sessionSecret: string;
  usersFile: string;
  /** The built dashboard. */
  distDir: string;
  /**
   * The origin agents open, e.g. https://backoffice.example.com. HTTPS makes the
   * session cookie `__Host-` and Secure; state-changing requests must come from it.
   */
  publicOrigin?: string;
  /** Fastify's trustProxy: the load balancer's address(es); unset = trust no forwarded header. */
  trustProxy?: string | boolean;
  sessionIdleMs?: number;
  sessionMaxMs?: number;
  loginLimits?: { perClient: number; perAccount: number; windowMs: number };
  logger?: FastifyServerOptions['logger'] | FastifyBaseLogger;
}

declare module 'fastify' {
  interface FastifyInstance {
    upstream: UpstreamClient;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const BODY_LIMIT = 1024 * 1024;

function problem(
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
  extra: Record<string, unknown> = {},
) {
  return reply
    .code(status)
    .header('cache-control', 'no-store')
    .send({ status, code, message, request_id: reply.request.id, ...extra });
}

export async function buildApp(config: ProxyConfig): Promise<FastifyInstance> {
  const secure = config.publicOrigin?.startsWith('https://') ?? false;
  const idleMs = config.sessionIdleMs ?? 30 * 60 * 1000;
  const maxMs = config.sessionMaxMs ?? 12 * 3600 * 1000;
  const app = Fastify({
    ...(config.logger && typeof config.logger === 'object' && 'child' in config.logger
      ? { loggerInstance: config.logger }
      : {
          logger: config.logger ?? false,
        }),
    trustProxy: config.trustProxy ?? false,
    bodyLimit: BODY_LIMIT,
    genReqId: () => randomUUID(),
    // A hung client must not hold a connection forever.
    requestTimeout: 30_000,
  });

  const upstream = new UpstreamClient(config.upstream);
  app.decorate('upstream', upstream);
  app.addHook('onClose', () => upstream.close());
  const users = new UsersFile(config.usersFile);
  const idempotency = new IdempotencyCache();
  const operations = allowedOperations();
  const sessions = new Sessions({ idleMs, maxMs, secure });
  app.addHook('onClose', async () => sessions.close());

  // Helmet's middleware is built once here; @fastify/helmet rebuilt it on every request.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine sets CSS variables in style attributes; no script is ever inline.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
    strictTransportSecurity: secure ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onRequest', (request, reply, done) => {
    securityHeaders(request.raw, reply.raw, (error) => done(error as Error | undefined));
  });

  // Every body this proxy takes is JSON; text, forms and multipart get 415.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => {
    try {
      const raw = body as Buffer;
      done(null, {
        raw,
        json: raw.length === 0 ? undefined : (JSON.parse(raw.toString('utf8')) as unknown),
      });
    } catch {
      done(
        Object.assign(new Error('The body is not valid JSON.'), {
          statusCode: 400,
          code: 'invalid_json',
        }),
        undefined,
      );
    }
  });

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
    if (error instanceof UpstreamError)
      return problem(reply, error.status, error.code, error.message);
    const status = error.statusCode ?? 500;
    if (status === 413)
      return problem(reply, 413, 'payload_too_large', 'The request body is larger than 1 MB.');
    if (status === 415)
      return problem(
        reply,
        415,
        'unsupported_media_type',
        'Send JSON (Content-Type: application/json).',
      );
    if (status === 429) return problem(reply, 429, 'too_many_requests', error.message);
    if (status >= 400 && status < 500) {
      return problem(
        reply,
        status,
        error.code === 'invalid_json' ? 'invalid_json' : 'bad_request',
        error.message,
      );
    }
    request.log.error({ err: error }, 'proxy failure');
    return problem(
      reply,
      500,
      'internal_error',
      'The dashboard server failed; the error is logged.',
    );
  });

  // Graceful shutdown: requests in flight finish, then their keep-alive connections close.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
    app.server.closeIdleConnections();
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    if (closing) reply.header('connection', 'close');
    return payload;
  });

  // WebSocket and other protocol switches are never proxied.
  app.addHook('onRequest', async (request, reply) => {
    if (request.headers.upgrade !== undefined) {
      return problem(reply, 400, 'upgrade_refused', 'Protocol upgrades are not supported.');
    }
  });

  app.get('/healthz', async (_request, reply) =>
    reply.header('cache-control', 'no-store').send({ status: 'ok' }),
  );
  app.get('/readyz', async (_request, reply) => {
    try {
      await upstream.accessToken();
      return await reply.header('cache-control', 'no-store').send({ status: 'ready' });
    } catch (error) {
      const message =
        error instanceof UpstreamError ? error.message : 'The upstream token cannot be obtained.';
      return problem(reply, 503, 'not_ready', message);
    }
  });

  // Sessions, sign-in and the API live together; static files need none of it.
  await app.register(async (api) => {
    await api.register(fastifyCookie, { secret: config.sessionSecret });
    await api.register(fastifyRateLimit, {
      global: false,
    });

    // Anti-forgery: writes need our custom header and must come from our own origin.
    api.addHook('onRequest', async (request, reply) => {
      if (SAFE_METHODS.has(request.method)) return;
      const expected = config.publicOrigin ?? `${request.protocol}://${request.host}`;
      if (request.headers['x-csrf'] !== '1' || request.headers.origin !== expected) {
        return problem(
          reply,
          403,
          'csrf_refused',
          'This request needs the X-CSRF header and must come from the dashboard itself.',
        );
      }
    });

    const currentUser = (request: FastifyRequest, reply: FastifyReply): SessionUser | undefined => {
      const session = sessions.current(request, reply);
      if (!session) return undefined;
      // Removed accounts lose their sessions; a changed role applies at once.
      const account = users.current(session.user.username);
      if (!account) {
        sessions.end(request, reply);
        return undefined;
      }
      if (account.role !== session.user.role) {
        sessions.update(session.id, { username: account.username, role: account.role });
      }
      return { username: account.username, role: account.role };
    };

    const limits = config.loginLimits ?? { perClient: 20, perAccount: 5, windowMs: 15 * 60 * 1000 };
    const perClient = api.createRateLimit({
      max: limits.perClient,
      timeWindow: limits.windowMs,
      keyGenerator: (request) => `ip:${request.ip}`,
    });
    const perAccount = api.createRateLimit({
      max: limits.perAccount,
      timeWindow: limits.windowMs,
      keyGenerator: (request) => `account:${loginBody(request)?.username?.toLowerCase() ?? ''}`,
    });
    api.post(
      '/auth/login',
      {
        preHandler: async (request, reply) => {
          // Every attempt counts per client address; failed ones count per account name.
          const client = await perClient(request);
          const account = await perAccount(request, { increment: false });
          const limited =
            !client.isAllowed && client.isExceeded
              ? client
              : !account.isAllowed && account.remaining === 0
                ? account
                : undefined;
          if (limited) {
            reply.header('retry-after', String(limited.ttlInSeconds));
            return problem(
              reply,
              429,
              'too_many_attempts',
              `Too many sign-in attempts; try again in ${limited.ttlInSeconds} s.`,
            );
          }
        },
      },
      async (request, reply) => {
        const body = loginBody(request);
        if (!body?.username || !body.password) {
          return problem(reply, 400, 'validation_failed', 'Enter your username and password.');
        }
        const account = users.find(body.username);
        const valid = await verifyPassword(
          body.password,
          account?.password_hash ?? (await decoy()),
        );
        if (!account || !valid) {
          await perAccount(request);
          request.log.info(
            { audit: { event: 'sign_in', agent: body.username.slice(0, 64), outcome: 'refused' } },
            'audit',
          );
          return problem(reply, 401, 'invalid_credentials', 'The username or password is wrong.');
        }
        // A new session id at sign-in, so an id planted before cannot be ridden.
        const user: SessionUser = { username: account.username, role: account.role };
        sessions.start(request, reply, user);
        request.log.info(
          { audit: { event: 'sign_in', agent: account.username, outcome: 'signed_in' } },
          'audit',
        );
        return reply.header('cache-control', 'no-store').send(user);
      },
    );

    api.post('/auth/logout', async (request, reply) => {
      const user = sessions.end(request, reply);
      if (user)
        request.log.info(
          { audit: { event: 'sign_out', agent: user.username, outcome: 'signed_out' } },
          'audit',
        );
      return reply.code(204).header('cache-control', 'no-store').send();
    });

    api.get('/auth/me', async (request, reply) => {
      const user = currentUser(request, reply);
      if (!user) return problem(reply, 401, 'unauthenticated', 'Sign in to continue.');
      return reply.header('cache-control', 'no-store').send(user);
    });

    api.route({
      method: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
      url: '/api/*',
      handler: async (request, reply) => {
        const user = currentUser(request, reply);
        if (!user) return problem(reply, 401, 'unauthenticated', 'Sign in to continue.');
        const rawUrl = request.raw.url ?? '';
        const queryAt = rawUrl.indexOf('?');
        const path = (queryAt < 0 ? rawUrl : rawUrl.slice(0, queryAt)).slice('/api'.length);
        const match = matchOperation(operations, request.method, path);
        if (match.kind === 'not_found') {
          return problem(
            reply,
            404,
            'route_not_found',
            'This is not an operation the dashboard may use.',
          );
        }
        if (match.kind === 'method_not_allowed') {
          reply.header('allow', match.allow.join(', '));
          return problem(reply, 405, 'method_not_allowed', `Use ${match.allow.join(' or ')} here.`);
        }
        const { operation } = match;
        if (operation.method === 'POST' && user.role !== 'agent') {
          return problem(
            reply,
            403,
            'forbidden',
            'Your role is viewer: you can look but not create.',
          );
        }

        const query = new URLSearchParams(queryAt < 0 ? '' : rawUrl.slice(queryAt + 1));
        const kept = operation.query
          .filter((name) => query.has(name))
          .map((name) => `${name}=${encodeURIComponent(query.get(name)!)}`);
        const target = `${path}${kept.length > 0 ? `?${kept.join('&')}` : ''}`;

        if (operation.method === 'GET') {
          const answer = await upstream.call('GET', target, undefined, request.id);
          return sendAnswer(reply, answer);
        }

        const body = (request.body as { raw: Buffer } | undefined)?.raw;
        if (!body) {
          return problem(
            reply,
            415,
            'unsupported_media_type',
            'Send JSON (Content-Type: application/json).',
          );
        }
        const execute = async (): Promise<StoredAnswer> => {
          try {
            const answer = await upstream.call('POST', target, body, request.id);
            const stored = {
              status: answer.status,
              contentType: answer.contentType,
              body: answer.body,
            };
            audit(request, user, operation.operationId, match.params, body, stored);
            return stored;
          } catch (error) {
            if (error instanceof UpstreamError) {
              audit(request, user, operation.operationId, match.params, body, {
                status: error.status,
                contentType: undefined,
                body: Buffer.alloc(0),
              });
            }
            throw error;
          }
        };
        const key = request.headers['idempotency-key'];
        let answer: StoredAnswer;
        let replayed = false;
        if (key === undefined) {
          answer = await execute();
        } else {
          if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key)) {
            return problem(
              reply,
              400,
              'invalid_idempotency_key',
              'An Idempotency-Key has 8 to 128 letters, digits, dashes, dots, colons or underscores.',
            );
          }
          const outcome = await idempotency.run(
            user.username,
            key,
            IdempotencyCache.fingerprint('POST', target, body),
            execute,
          );
          if (outcome.kind === 'mismatch') {
            return problem(
              reply,
              422,
              'idempotency_key_reused',
              'This Idempotency-Key was used for a different request.',
            );
          }
          answer = outcome.answer;
          replayed = outcome.kind === 'replayed';
        }
        if (replayed) reply.header('idempotent-replayed', 'true');
        return sendAnswer(reply, answer);
      },
    });
  });

  // The dashboard: hashed assets cached for a year, index.html never.
  const indexFile = join(config.distDir, 'index.html');
  if (existsSync(indexFile)) {
    await app.register(fastifyStatic, {
      root: config.distDir,
      wildcard: false,
      index: false,
      setHeaders: (res, path) => {
        res.header(
          'cache-control',
          path.includes(`${join(config.distDir, 'assets')}`)
            ? 'public, max-age=31536000, immutable'
            : 'no-cache',
        );
      },
    });
  }
  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const clientRoute =
      (request.method === 'GET' || request.method === 'HEAD') &&
      !/^\/(api|auth)(\/|$)/.test(path) &&
      !path.startsWith('/assets/') &&
      (request.headers.accept ?? '').includes('text/html');
    if (clientRoute && existsSync(indexFile)) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html', config.distDir);
    }
    return problem(reply, 404, 'not_found', `${request.method} ${path} does not exist.`);
  });

  return app;
}

function loginBody(request: FastifyRequest): { username?: string; password?: string } | undefined {
  const json = (request.body as { json?: unknown } | undefined)?.json;
  if (json === null || typeof json !== 'object') return undefined;
  const { username, password } = json as Record<string, unknown>;
  return {
    ...(typeof username === 'string' ? { username } : {}),
    ...(typeof password === 'string' ? { password } : {}),
  };
}

/** Passes the upstream's answer on: its status and JSON, nothing of its headers but the useful ones. */
function sendAnswer(
  reply: FastifyReply,
  answer: StoredAnswer & { retryAfter?: string | undefined },
) {
  // A 401 here is the API refusing the proxy (token or signature), not the agent's session.
  if (answer.status === 401) {
    return problem(
      reply,
      502,
      'upstream_refused_credentials',
      "The Fintecture API refused the dashboard server's token or signature; check its configuration.",
    );
  }
  const json = (answer.contentType ?? '').includes('json');
  if (json) {
    if (!looksComplete(answer.body)) {
      return problem(
        reply,
        502,
        'upstream_malformed',
        'The Fintecture API answered with malformed JSON; retry shortly.',
      );
    }
  } else if (answer.body.length > 0 || answer.status >= 300) {
    return problem(
      reply,
      502,
      'upstream_malformed',
      `The Fintecture API answered HTTP ${answer.status} without JSON.`,
    );
  }
  reply
    .code(answer.status)
    .header('cache-control', 'no-store')
    .header('content-type', 'application/json; charset=utf-8');
  if (answer.retryAfter !== undefined) reply.header('retry-after', answer.retryAfter);
  return reply.send(answer.body);
}

/**
 * A cut-off answer (the usual way JSON arrives broken) is caught here without
 * parsing every answer: an object or array must close with the bracket it opened
 * with. Parsing each body cost about a sixth of the proxy's CPU per request; the
 * dashboard still parses, and reports anything subtler as a malformed answer.
 */
function looksComplete(body: Buffer): boolean {
  let start = 0;
  let end = body.length - 1;
  while (start <= end && isJsonSpace(body[start]!)) start += 1;
  while (end >= start && isJsonSpace(body[end]!)) end -= 1;
  if (start > end) return false;
  const open = body[start];
  const close = body[end];
  return (open === 0x7b && close === 0x7d) || (open === 0x5b && close === 0x5d);
}

function isJsonSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

/** One line per create: who, what, the resulting id, the outcome; IBANs only by their last four. */
function audit(
  request: FastifyRequest,
  user: SessionUser,
  operationId: string,
  params: Record<string, string>,
  body: Buffer,
  answer: StoredAnswer,
) {
  let created: { id?: unknown } | undefined;
  let sent: { iban?: unknown } | undefined;
  try {
    created =
      answer.status < 300
        ? (JSON.parse(answer.body.toString('utf8')) as { id?: unknown })
        : undefined;
    sent = JSON.parse(body.toString('utf8')) as { iban?: unknown };
  } catch {
    // Malformed either way: the line still says who tried what and how it ended.
  }
  const iban = typeof sent?.iban === 'string' ? sent.iban.replace(/\s+/g, '') : undefined;
  request.log.info(
    {
      audit: {
        event: 'create',
        operation: operationId,
        agent: user.username,
        role: user.role,
        customer_id: params.customer_id,
        resource_id: typeof created?.id === 'string' ? created.id : undefined,
        iban: iban ? `****${iban.slice(-4)}` : undefined,
        status: answer.status,
        outcome: answer.status < 300 ? 'created' : answer.status < 500 ? 'refused' : 'failed',
      },
    },
    'audit',
  );
}
