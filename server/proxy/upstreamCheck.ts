import { performance } from 'node:perf_hooks';
import { UpstreamClient, UpstreamError, type UpstreamConfig } from './upstream';

/**
 * The connection check (`npm run check:upstream`, and once at start-up): a
 * token, then one signed read, and in plain words the first step that failed.
 */
export type CheckOutcome =
  | 'ok'
  | 'address_unreachable'
  | 'credentials_refused'
  | 'scope_missing'
  | 'signature_refused'
  | 'key_missing'
  | 'token_failed'
  | 'read_failed';

export interface UpstreamCheckResult {
  ok: boolean;
  outcome: CheckOutcome;
  /** One line, in plain words. */
  message: string;
  flavor: string;
  /** How long the signed read took, when it was answered. */
  latencyMs?: number;
}

/** The read the check makes: the smallest page of customers. */
export const CHECK_TARGET = '/v1/customers?page[size]=1';

/** The customers scope, as the token request asks for it. */
const SCOPE = 'customers';

function causeCode(error: unknown): string | undefined {
  const cause = (error as { cause?: unknown } | undefined)?.cause as
    { code?: unknown; cause?: { code?: unknown } } | undefined;
  const code = cause?.code ?? cause?.cause?.code;
  return typeof code === 'string' ? code : undefined;
}

function unreachable(baseUrl: string, error: UpstreamError): UpstreamCheckResult['message'] {
  const code = causeCode(error);
  const why = error.code === 'upstream_timeout' ? 'no answer in time' : (code ?? 'no connection');
  return `address unreachable: ${new URL(baseUrl).origin} could not be reached (${why}); check FINTECTURE_API_URL, DNS, the network path and TLS.`;
}

const isUnreachable = (error: unknown): error is UpstreamError =>
  error instanceof UpstreamError &&
  (error.code === 'upstream_unreachable' || error.code === 'upstream_timeout');

export async function checkUpstream(
  config: UpstreamConfig,
  { timeoutMs = 10_000 }: { timeoutMs?: number } = {},
): Promise<UpstreamCheckResult> {
  const flavor = config.flavor ?? 'seed';
  const client = new UpstreamClient({
    ...config,
    attemptTimeoutMs: timeoutMs,
    deadlineMs: timeoutMs,
    maxRetries: 0,
  });
  const fail = (outcome: CheckOutcome, message: string): UpstreamCheckResult => ({
    ok: false,
    outcome,
    message,
    flavor,
  });
  try {
    try {
      await client.accessToken();
    } catch (error) {
      if (isUnreachable(error))
        return fail('address_unreachable', unreachable(config.baseUrl, error));
      if (error instanceof UpstreamError && error.code === 'upstream_credentials_refused') {
        return fail(
          'credentials_refused',
          'credentials refused: the token request was refused; check FINTECTURE_APP_ID and FINTECTURE_APP_SECRET (the application of the Fintecture Console).',
        );
      }
      return fail(
        'token_failed',
        `token failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    // How Fintecture echoes the scope is documented nowhere: it is a hint for a refused read, never a verdict.
    const scope = client.tokenScope;
    const scopeLacking =
      scope !== undefined &&
      !scope
        .toLowerCase()
        .split(/[\s,]+/)
        .includes(SCOPE);
    const startedAt = performance.now();
    let answer;
    try {
      answer = await client.call('GET', CHECK_TARGET, undefined, undefined, { retries: 0 });
    } catch (error) {
      if (isUnreachable(error))
        return fail('address_unreachable', unreachable(config.baseUrl, error));
      return fail(
        'read_failed',
        `read failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    const latencyMs = Math.round(performance.now() - startedAt);
    if (answer.status === 401) {
      return config.privateKey
        ? fail(
            'signature_refused',
            'signature refused: a token was granted, but the signed read was refused (HTTP 401); check that FINTECTURE_PRIVATE_KEY_FILE is the private key of the public key uploaded to the application.',
          )
        : fail(
            'key_missing',
            'signature refused: the read was refused (HTTP 401) and no key signs it; set FINTECTURE_PRIVATE_KEY_FILE to the private key of the public key uploaded to the application.',
          );
    }
    if (answer.status === 403) {
      return fail(
        'scope_missing',
        `scope missing: a token was granted, but the read of customers was refused (HTTP 403)${scopeLacking ? ` and the token's scope is "${scope}"` : ''}; give the application the Customers API ("${SCOPE}" scope) in the Fintecture Console.`,
      );
    }
    if (answer.status < 200 || answer.status >= 300) {
      return fail(
        'read_failed',
        `read failed: GET ${CHECK_TARGET} answered HTTP ${answer.status}${errorWords(answer.body)}.`,
      );
    }
    try {
      JSON.parse(answer.body.toString('utf8'));
    } catch {
      return fail('read_failed', `read failed: GET ${CHECK_TARGET} answered without valid JSON.`);
    }
    return {
      ok: true,
      outcome: 'ok',
      message: `OK: token and ${config.privateKey ? 'signed' : 'unsigned'} read of ${new URL(config.baseUrl).origin} (flavour ${flavor}), answered in ${latencyMs} ms.`,
      flavor,
      latencyMs,
    };
  } finally {
    await client.close();
  }
}

/** The upstream's own words on a failed read, when it gave any. */
function errorWords(body: Buffer): string {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { message?: unknown };
    return typeof parsed.message === 'string' ? ` (${parsed.message})` : '';
  } catch {
    return '';
  }
}
