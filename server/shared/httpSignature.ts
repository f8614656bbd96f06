import { createHash, createSign, createVerify, randomUUID, type KeyObject } from 'node:crypto';

/**
 * Fintecture's HTTP Signature scheme (draft-cavage style): the proxy signs every
 * upstream request with the application's private key, the sandbox verifies it
 * with the matching public key. Both sides live here so they cannot drift apart.
 *
 * What is signed follows Fintecture's SDKs: `(request-target) date x-request-id`,
 * with `digest` (`SHA-256=<base64 of the body's SHA-256>`) between date and
 * x-request-id only when the request has a body. PHP SDK `src/Util/Header.php`
 * (generateSignature / generateFullSignature: the digest line and the word
 * "digest" only when a digest was made); JS SDK `src/services/ApiService.ts`
 * (`if (body) headers['Digest'] = ...`) with `src/utils/Crypto.ts` and
 * `src/utils/Constants.ts` (SIGNEDHEADERPARAMETERLIST, headers present only);
 * Ruby SDK `lib/fintecture/utils/constants.rb` and `utils/crypto.rb`, the same.
 * The Signature header: `keyId="<app_id>",algorithm="rsa-sha256",headers="<list>",signature="<base64>"`.
 */
export const SIGNED_HEADERS_WITHOUT_BODY = ['(request-target)', 'date', 'x-request-id'] as const;
export const SIGNED_HEADERS_WITH_BODY = [
  '(request-target)',
  'date',
  'digest',
  'x-request-id',
] as const;
export const SIGNATURE_ALGORITHM = 'rsa-sha256';
/** How far the Date header may be from the verifier's clock. */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

export function digestHeader(body: Buffer | string): string {
  return `SHA-256=${createHash('sha256').update(body).digest('base64')}`;
}

interface SigningInput {
  method: string;
  /** Path with the query string, exactly as sent on the request line. */
  target: string;
  date: string;
  /** Absent: the request has no body and its signature does not cover a digest. */
  digest?: string | undefined;
  requestId: string;
}

/** The signed lines, in the order of the signed-header list: with `digest` only when one is given. */
export function signingString({ method, target, date, digest, requestId }: SigningInput): string {
  return [
    `(request-target): ${method.toLowerCase()} ${target}`,
    `date: ${date}`,
    ...(digest === undefined ? [] : [`digest: ${digest}`]),
    `x-request-id: ${requestId}`,
  ].join('\n');
}

export interface SignedHeaders {
  Date: string;
  /** Only for a request with a body. */
  Digest?: string;
  'X-Request-ID': string;
  Signature: string;
}

function hasBody(body: Buffer | string | undefined): body is Buffer | string {
  return body !== undefined && body.length > 0;
}

export function signRequest(options: {
  method: string;
  target: string;
  /** Absent or empty: nothing is sent, so no Digest is made or signed. */
  body?: Buffer | string | undefined;
  keyId: string;
  privateKey: KeyObject;
  date?: Date;
  requestId?: string;
}): SignedHeaders {
  const date = (options.date ?? new Date()).toUTCString();
  const digest = hasBody(options.body) ? digestHeader(options.body) : undefined;
  const requestId = options.requestId ?? randomUUID();
  const headers = digest === undefined ? SIGNED_HEADERS_WITHOUT_BODY : SIGNED_HEADERS_WITH_BODY;
  const signature = createSign('sha256')
    .update(
      signingString({ method: options.method, target: options.target, date, digest, requestId }),
    )
    .sign(options.privateKey, 'base64');
  return {
    Date: date,
    ...(digest === undefined ? {} : { Digest: digest }),
    'X-Request-ID': requestId,
    Signature: `keyId="${options.keyId}",algorithm="${SIGNATURE_ALGORITHM}",headers="${headers.join(' ')}",signature="${signature}"`,
  };
}

export function parseSignatureHeader(value: string): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  const pattern = /\s*([a-zA-Z]+)="([^"]*)"\s*(?:,|$)/y;
  let consumed = 0;
  let match: RegExpExecArray | null;
  while (consumed < value.length && (match = pattern.exec(value)) !== null) {
    params[match[1]!] = match[2]!;
    consumed = pattern.lastIndex;
  }
  return consumed === value.length && Object.keys(params).length > 0 ? params : undefined;
}

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

export function verifyRequestSignature(options: {
  method: string;
  target: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer | string;
  publicKey: KeyObject;
  keyId: string;
  now?: number;
}): SignatureCheck {
  const header = (name: string) => {
    const value = options.headers[name];
    return Array.isArray(value) ? undefined : value;
  };
  const signature = header('signature');
  if (!signature) return { ok: false, reason: 'The Signature header is missing.' };
  const params = parseSignatureHeader(signature);
  if (!params?.signature || !params.keyId || !params.headers) {
    return { ok: false, reason: 'The Signature header is malformed.' };
  }
  if (params.keyId !== options.keyId)
    return { ok: false, reason: 'The signature keyId is unknown.' };
  if (params.algorithm !== undefined && params.algorithm !== SIGNATURE_ALGORITHM) {
    return { ok: false, reason: `The signature algorithm must be ${SIGNATURE_ALGORITHM}.` };
  }
  const listed = params.headers.toLowerCase().trim().split(/\s+/).join(' ');
  const signsDigest = listed === SIGNED_HEADERS_WITH_BODY.join(' ');
  if (!signsDigest && listed !== SIGNED_HEADERS_WITHOUT_BODY.join(' ')) {
    return {
      ok: false,
      reason: `The signature must cover "${SIGNED_HEADERS_WITHOUT_BODY.join(' ')}", or "${SIGNED_HEADERS_WITH_BODY.join(' ')}" for a request with a body.`,
    };
  }
  if (hasBody(options.body) && !signsDigest) {
    return {
      ok: false,
      reason: `A request with a body must send a Digest header and sign it: "${SIGNED_HEADERS_WITH_BODY.join(' ')}".`,
    };
  }
  const date = header('date');
  const requestId = header('x-request-id');
  const digest = signsDigest ? header('digest') : undefined;
  if (!date || !requestId || (signsDigest && !digest)) {
    return {
      ok: false,
      reason: signsDigest
        ? 'Signed requests need Date, Digest and X-Request-ID headers.'
        : 'Signed requests need Date and X-Request-ID headers.',
    };
  }
  const sentAt = Date.parse(date);
  if (Number.isNaN(sentAt) || Math.abs((options.now ?? Date.now()) - sentAt) > MAX_CLOCK_SKEW_MS) {
    return { ok: false, reason: 'The Date header is missing, malformed or too far from now.' };
  }
  if (digest !== undefined && digest !== digestHeader(options.body)) {
    return { ok: false, reason: 'The Digest header does not match the body.' };
  }
  const valid = createVerify('sha256')
    .update(
      signingString({ method: options.method, target: options.target, date, digest, requestId }),
    )
    .verify(options.publicKey, params.signature, 'base64');
  return valid ? { ok: true } : { ok: false, reason: 'The signature does not verify.' };
}
