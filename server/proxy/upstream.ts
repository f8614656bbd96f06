import { randomUUID, type KeyObject } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Agent, errors as undiciErrors, request } from 'undici';
import type { HttpMethod } from '../shared/contract';
import { signRequest } from '../shared/httpSignature';
import { FlavorMapping, type ApiFlavor } from './flavor';

/**
 * The one client of the Fintecture API: it holds the token (cached, refreshed
 * once for any number of callers), signs every request, retries what is safe
 * to retry, and turns every failure into an answer within a bounded time.
 */
export interface UpstreamConfig {
  baseUrl: string;
  appId: string;
  appSecret: string;
  privateKey?: KeyObject;
  /** Per attempt: connect + headers + body. */
  attemptTimeoutMs?: number;
  /** All attempts of one call, retries and waits included. */
  deadlineMs?: number;
  maxRetries?: number;
  userAgent?: string;
  /** How long /readyz trusts what it last saw of the upstream and the token, failures included. */
  readinessWindowMs?: number;
  /** The upstream's dialect (flavor.ts): `seed` (the default) or `fintecture`. */
  flavor?: ApiFlavor;
}

/** What the proxy last saw of one dependency, and when. */
export interface CheckState {
  ok: boolean;
  message?: string;
  checked_at: string;
}

export interface Readiness {
  ready: boolean;
  checks: { upstream: CheckState; token: CheckState };
}

interface Seen {
  ok: boolean;
  message?: string;
  at: number;
}

export interface UpstreamResponse {
  status: number;
  contentType: string | undefined;
  retryAfter: string | undefined;
  requestId: string;
  body: Buffer;
}

/** A failure that never reached a usable upstream answer: the proxy answers 502/503/504. */
export class UpstreamError extends Error {
  constructor(
    readonly status: 502 | 503 | 504,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);
/** Methods that change nothing upstream, so a failed attempt can be tried again. */
const SAFE_METHODS = new Set<HttpMethod>(['GET', 'HEAD', 'OPTIONS']);
const TOKEN_MARGIN_MAX_S = 60;

interface CachedToken {
  value: string;
  expiresAt: number;
  fetchedAt: number;
  /** The token answer's `scope`, when it gave one. */
  scope?: string;
}

function checkState(seen: Seen): CheckState {
  return {
    ok: seen.ok,
    ...(seen.message === undefined ? {} : { message: seen.message }),
    checked_at: new Date(seen.at).toISOString(),
  };
}

/** Answers that say the upstream itself is in trouble (a 500 is one operation's bug). */
const UPSTREAM_DOWN_STATUS = new Set([502, 503, 504]);

export class UpstreamClient {
  private readonly agent: Agent;
  private readonly origin: string;
  private readonly basePath: string;
  private token: CachedToken | undefined;
  private pendingToken: Promise<CachedToken> | undefined;
  private readonly attemptTimeoutMs: number;
  private readonly deadlineMs: number;
  private readonly maxRetries: number;
  private readonly readinessWindowMs: number;
  /** The last answer (or failure to answer) of the upstream, to any request of ours. */
  private upstreamSeen: Seen | undefined;
  /** The last attempt to get a token. */
  private tokenSeen: Seen | undefined;
  private pendingReadiness: Promise<void> | undefined;
  /** Between the dashboard's contract and the upstream's flavour; the identity for `seed`. */
  readonly mapping: FlavorMapping;

  constructor(
    private readonly config: UpstreamConfig,
    /** The clock token lifetimes are measured by; tests move it. */
    private readonly now: () => number = Date.now,
  ) {
    const url = new URL(config.baseUrl);
    this.origin = url.origin;
    this.basePath = url.pathname.replace(/\/$/, '');
    this.attemptTimeoutMs = config.attemptTimeoutMs ?? 10_000;
    this.deadlineMs = config.deadlineMs ?? 14_000;
    this.maxRetries = config.maxRetries ?? 2;
    this.readinessWindowMs = config.readinessWindowMs ?? 5_000;
    this.mapping = new FlavorMapping(config.flavor ?? 'seed');
    this.agent = new Agent({
      connections: 64,
      keepAliveTimeout: 10_000,
      connectTimeout: Math.min(this.attemptTimeoutMs, 5_000),
      headersTimeout: this.attemptTimeoutMs,
      bodyTimeout: this.attemptTimeoutMs,
    });
  }

  async close(): Promise<void> {
    await this.agent.close();
  }

  /** The cached token, while it is still good at `now`. */
  private validToken(now = this.now()): CachedToken | undefined {
    return this.token && this.token.expiresAt > now ? this.token : undefined;
  }

  /** A valid token, from the cache or from one shared request to the token endpoint. */
  async accessToken(): Promise<string> {
    const valid = this.validToken();
    if (valid) return valid.value;
    this.pendingToken ??= this.fetchToken().finally(() => {
      this.pendingToken = undefined;
    });
    this.token = await this.pendingToken;
    return this.token.value;
  }

  /**
   * Ready or not, from what the proxy last saw, never one upstream request per
   * question: a valid cached token needs no request; a failure is remembered for
   * the readiness window; past it, one shared request (a token) looks again.
   */
  async readiness(): Promise<Readiness> {
    if (this.needsLook()) {
      this.pendingReadiness ??= this.look().finally(() => {
        this.pendingReadiness = undefined;
      });
      await this.pendingReadiness;
    }
    const now = this.now();
    const unknown: Seen = { ok: false, message: 'Not checked yet.', at: now };
    const upstream = this.upstreamSeen ?? unknown;
    // A token in hand is fine whatever a later attempt did; without one, the last attempt says why.
    const held = this.validToken(now);
    const token: Seen = held
      ? { ok: true, at: held.fetchedAt }
      : this.tokenSeen && !this.tokenSeen.ok
        ? this.tokenSeen
        : { ok: false, message: 'No valid token yet.', at: now };
    return {
      ready: token.ok && upstream.ok,
      checks: { upstream: checkState(upstream), token: checkState(token) },
    };
  }

  private needsLook(): boolean {
    const now = this.now();
    const stale = (seen: Seen | undefined) => !seen || now - seen.at >= this.readinessWindowMs;
    if (!this.validToken(now)) return stale(this.tokenSeen);
    // A token in hand: look again only at an upstream last seen failing, once per window.
    return this.upstreamSeen !== undefined && !this.upstreamSeen.ok && stale(this.upstreamSeen);
  }

  private async look(): Promise<void> {
    try {
      if (this.validToken()) {
        this.token = await this.fetchToken();
      } else {
        await this.accessToken();
      }
    } catch {
      // Recorded by fetchToken and send.
    }
  }

  /** Forgets a token the upstream refused, unless another caller already replaced it. */
  private invalidate(value: string): void {
    if (this.token?.value === value) this.token = undefined;
  }

  private async fetchToken(): Promise<CachedToken> {
    try {
      const token = await this.requestToken();
      this.tokenSeen = { ok: true, at: this.now() };
      return token;
    } catch (error) {
      this.tokenSeen = {
        ok: false,
        message:
          error instanceof UpstreamError ? error.message : 'The upstream token cannot be obtained.',
        at: this.now(),
      };
      throw error;
    }
  }

  private async requestToken(): Promise<CachedToken> {
    // The form and headers every Fintecture SDK sends for a client_credentials token: grant_type,
    // app_id and scope as a form, the app's id and secret as Basic auth, unsigned. PHP SDK
    // `src/Api/Auth/Token.php` (with `src/Util/Header.php`, auth method 2: Basic, form, no
    // signature); Python SDK `fintecture/api_resources/pis.py` (oauth); Ruby SDK
    // `lib/fintecture/api/auth/authentication.rb` (access_token_data); JS SDK
    // `src/Authentication.ts` (_getAccessTokenData, qs-encoded) with
    // `src/services/AuthenticationService.ts` (Basic, form, Accept: application/json).
    // The scope is the Customers API's own, as the contract says.
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      app_id: this.config.appId,
      scope: 'customers',
    }).toString();
    const basic = Buffer.from(`${this.config.appId}:${this.config.appSecret}`).toString('base64');
    const response = await this.send(
      'POST',
      '/oauth/accesstoken',
      {
        authorization: `Basic ${basic}`,
        accept: 'application/json',
        'content-type': 'application/x-www-form-urlencoded',
      },
      Buffer.from(body),
      Date.now() + this.deadlineMs,
    );
    if (response.status === 401 || response.status === 400) {
      throw new UpstreamError(
        502,
        'upstream_credentials_refused',
        'The Fintecture API refused the application credentials (FINTECTURE_APP_ID / FINTECTURE_APP_SECRET).',
      );
    }
    if (response.status !== 200) {
      throw new UpstreamError(
        response.status === 429 || response.status >= 500 ? 503 : 502,
        'upstream_token_unavailable',
        `The Fintecture API did not give an access token (HTTP ${response.status}); retry shortly.`,
      );
    }
    let parsed: { access_token?: unknown; expires_in?: unknown; scope?: unknown };
    try {
      parsed = JSON.parse(response.body.toString('utf8')) as typeof parsed;
    } catch {
      throw new UpstreamError(
        502,
        'upstream_malformed',
        'The Fintecture API answered the token request with malformed JSON.',
      );
    }
    if (typeof parsed.access_token !== 'string' || typeof parsed.expires_in !== 'number') {
      throw new UpstreamError(
        502,
        'upstream_malformed',
        'The Fintecture API answered the token request without a token.',
      );
    }
    // Renew shortly before expiry: a tenth of the lifetime, at most a minute.
    const margin = Math.min(TOKEN_MARGIN_MAX_S, parsed.expires_in / 10);
    return {
      value: parsed.access_token,
      fetchedAt: this.now(),
      expiresAt: this.now() + (parsed.expires_in - margin) * 1000,
      ...(typeof parsed.scope === 'string' ? { scope: parsed.scope } : {}),
    };
  }

  get flavor(): ApiFlavor {
    return this.mapping.flavor;
  }

  /** The token's scope as the token answer gave it (undefined when it said none, or no token yet). */
  get tokenScope(): string | undefined {
    return this.validToken()?.scope;
  }

  /**
   * Calls a /v1 operation. `target` is the path with its query string in the
   * dashboard's contract; it goes on the request line (and into the signature)
   * as the upstream's flavour names it, and the answer comes back in the
   * dashboard's words (flavor.ts).
   */
  async call(
    method: HttpMethod,
    target: string,
    body?: Buffer,
    requestId: string = randomUUID(),
    /** `retries: 0` for a caller that paces and retries by itself (the index). */
    { retries: maxRetries = this.maxRetries }: { retries?: number } = {},
  ): Promise<UpstreamResponse> {
    const deadline = Date.now() + this.deadlineMs;
    const sent = this.mapping.active ? this.mapping.outgoingTarget(target) : target;
    const retryable = SAFE_METHODS.has(method);
    let refreshed = false;
    let retries = 0;
    for (;;) {
      const token = await this.accessToken();
      const headers: Record<string, string> = {
        authorization: `Bearer ${token}`,
        accept: 'application/json',
        'x-request-id': requestId,
      };
      if (body) headers['content-type'] = 'application/json';
      let response: UpstreamResponse;
      try {
        response = await this.send(method, sent, headers, body, deadline, requestId);
      } catch (error) {
        // A read that failed on the way can be tried again; a create might have happened.
        if (
          retryable &&
          retries < maxRetries &&
          error instanceof UpstreamError &&
          error.status !== 504
        ) {
          const wait = backoff(retries);
          if (Date.now() + wait < deadline) {
            retries += 1;
            await sleep(wait);
            continue;
          }
        }
        throw error;
      }
      if (response.status === 401 && !refreshed) {
        // Revoked or expired early: one new token, one more try. The request was refused, so this is safe for creates too.
        refreshed = true;
        this.invalidate(token);
        continue;
      }
      if (retryable && RETRYABLE_STATUS.has(response.status) && retries < maxRetries) {
        const wait = retryAfterMs(response.retryAfter) ?? backoff(retries);
        if (Date.now() + wait < deadline) {
          retries += 1;
          await sleep(wait);
          continue;
        }
      }
      return this.mapping.active ? this.mapping.incoming(method, target, response) : response;
    }
  }

  private async send(
    method: HttpMethod,
    target: string,
    headers: Record<string, string>,
    body: Buffer | undefined,
    deadline: number,
    requestId: string = randomUUID(),
  ): Promise<UpstreamResponse> {
    const path = `${this.basePath}${target}`;
    // Every API call is signed; the token request is not (PHP SDK `src/Util/Header.php`: no
    // Signature for the Basic-auth token call). A Digest only when there is a body (see httpSignature).
    const signed =
      this.config.privateKey && !target.startsWith('/oauth/')
        ? signRequest({
            method,
            target: path,
            body,
            keyId: this.config.appId,
            privateKey: this.config.privateKey,
            requestId,
          })
        : undefined;
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw timeout();
    try {
      const response = await request(`${this.origin}${path}`, {
        method,
        headers: {
          ...headers,
          'user-agent': this.config.userAgent ?? 'customers-backoffice-proxy',
          ...(signed
            ? {
                date: signed.Date,
                ...(signed.Digest === undefined ? {} : { digest: signed.Digest }),
                'x-request-id': signed['X-Request-ID'],
                signature: signed.Signature,
              }
            : {}),
        },
        body: body ?? null,
        dispatcher: this.agent,
        // Per-attempt limits, cut to what is left of the call's deadline (cheaper than an AbortSignal per call).
        headersTimeout: Math.min(remaining, this.attemptTimeoutMs),
        bodyTimeout: Math.min(remaining, this.attemptTimeoutMs),
      });
      const bytes = Buffer.from(await response.body.arrayBuffer());
      const header = (name: string) => {
        const value = response.headers[name];
        return Array.isArray(value) ? value[0] : value;
      };
      this.upstreamSeen = UPSTREAM_DOWN_STATUS.has(response.statusCode)
        ? {
            ok: false,
            message: `The Fintecture API answered HTTP ${response.statusCode}.`,
            at: this.now(),
          }
        : { ok: true, at: this.now() };
      if (response.statusCode >= 300 && response.statusCode < 400) {
        throw new UpstreamError(
          502,
          'upstream_redirect',
          'The Fintecture API answered with a redirect, which the proxy does not follow.',
        );
      }
      return {
        status: response.statusCode,
        contentType: header('content-type'),
        retryAfter: header('retry-after'),
        requestId: header('x-request-id') ?? requestId,
        body: bytes,
      };
    } catch (error) {
      if (error instanceof UpstreamError) throw error;
      const failure = isTimeout(error)
        ? timeout()
        : new UpstreamError(
            502,
            'upstream_unreachable',
            'The Fintecture API cannot be reached; retry shortly.',
          );
      // What the connection check names (ENOTFOUND, ECONNREFUSED, a TLS code…).
      failure.cause = error;
      this.upstreamSeen = { ok: false, message: failure.message, at: this.now() };
      throw failure;
    }
  }
}

function timeout(): UpstreamError {
  return new UpstreamError(
    504,
    'upstream_timeout',
    'The Fintecture API did not answer in time; retry shortly.',
  );
}

function isTimeout(error: unknown): boolean {
  return (
    error instanceof undiciErrors.HeadersTimeoutError ||
    error instanceof undiciErrors.BodyTimeoutError ||
    error instanceof undiciErrors.ConnectTimeoutError ||
    (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
  );
}

/** 200 ms, 400 ms, 800 ms... with jitter, so retrying clients do not stampede. */
function backoff(attempt: number): number {
  return Math.round(200 * 2 ** attempt * (0.75 + Math.random() * 0.5));
}

export function retryAfterMs(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}
