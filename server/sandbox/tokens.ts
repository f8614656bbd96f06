import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

/**
 * Bearer tokens shaped like Fintecture's (a JWT), signed with HS256 by a key the
 * sandbox keeps in its database, so tokens survive a restart like real ones do.
 */
export interface TokenClaims {
  sub: string;
  scope: string;
  iat: number;
  /** Revoking tokens bumps the sandbox's generation; older tokens stop working. */
  gen: number;
  exp: number;
  jti: string;
}

export type TokenCheck =
  { ok: true; claims: TokenClaims } | { ok: false; code: 'invalid_token' | 'token_expired' };

const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

export function newSigningKey(): string {
  return randomBytes(32).toString('base64');
}

export function issueToken(
  key: string,
  appId: string,
  scope: string,
  ttlSeconds: number,
  generation: number,
  now = Date.now(),
): string {
  const claims: TokenClaims = {
    sub: appId,
    scope,
    iat: Math.floor(now / 1000),
    gen: generation,
    exp: Math.floor(now / 1000) + ttlSeconds,
    jti: randomUUID(),
  };
  const body = `${HEADER}.${base64url(JSON.stringify(claims))}`;
  return `${body}.${sign(key, body)}`;
}

export function checkToken(
  key: string,
  token: string,
  { appId, generation, now = Date.now() }: { appId: string; generation: number; now?: number },
): TokenCheck {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== HEADER) return { ok: false, code: 'invalid_token' };
  const expected = Buffer.from(sign(key, `${parts[0]}.${parts[1]}`));
  const given = Buffer.from(parts[2]!);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, code: 'invalid_token' };
  }
  let claims: TokenClaims;
  try {
    claims = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as TokenClaims;
  } catch {
    return { ok: false, code: 'invalid_token' };
  }
  if (claims.sub !== appId || claims.gen !== generation) {
    return { ok: false, code: 'invalid_token' };
  }
  if (claims.exp * 1000 <= now) return { ok: false, code: 'token_expired' };
  return { ok: true, claims };
}

function sign(key: string, data: string): string {
  return createHmac('sha256', key).update(data).digest('base64url');
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}
