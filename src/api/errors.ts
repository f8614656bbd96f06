import type { components } from '../../openapi/customers';
import { currentLocale, t, type MessageId } from '../lib/i18n';
import { durationWords, retryAfterSeconds } from '../lib/retryAfter';

export type FieldError = components['schemas']['FieldError'];

/**
 * The one error type of the dashboard: every failed call, whatever failed,
 * becomes an ApiError the UI can branch on (status, code) and show (message,
 * field errors).
 */
export class ApiError extends Error {
  override name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fieldErrors: FieldError[] = [],
    readonly requestId?: string,
    /** Fintecture's `log_id`: what an agent quotes to Fintecture's support. */
    readonly logId?: string,
    /** The words of error items about no field, which a form cannot show under one. */
    readonly otherErrors: string[] = [],
    /** The seconds the server asked to wait (`Retry-After`), when it said. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }

  /** The reference an agent quotes about this failure: Fintecture's log id, else the request id. */
  get reference(): string | undefined {
    return this.logId ?? this.requestId;
  }

  /** The server or the network failed, not the request: worth retrying. */
  get retryable(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }

  /** The upstream API (or the way to it) is down, as opposed to a refused request. */
  get upstreamUnavailable(): boolean {
    // The back-office's own database failing is not the Fintecture API being down.
    if (this.code === 'store_unavailable') return false;
    return this.status === 0 || this.status === 502 || this.status === 503 || this.status === 504;
  }
}

/**
 * The proxy's own refusals, by code (`error.<code>` in the catalogs): their
 * English words are the proxy's, shown as they come; another language says
 * them in its own words. An upstream's words always pass through as they come.
 */
export const OWN_ERROR_CODES: ReadonlySet<string> = new Set([
  'unauthenticated',
  'forbidden',
  'invalid_credentials',
  'csrf_refused',
  'too_many_requests',
  'too_many_attempts',
  'upstream_unreachable',
  'upstream_timeout',
  'upstream_malformed',
  'upstream_refused_credentials',
  'store_unavailable',
  'idempotency_in_progress',
  'session_not_found',
  'payload_too_large',
]);

/** What the agent reads about any failure: the server's words, or a plain fallback for a bug of the dashboard. */
export function errorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return t('Something went wrong in the dashboard.');
  if (currentLocale() === 'en') return error.message;
  // The dashboard's own failures were worded when they happened: word them again now.
  if (error.code === 'network_error')
    return t('The dashboard server cannot be reached. Check your connection.');
  if (error.code === 'malformed_answer')
    return t('The server sent an answer that could not be read.');
  if (!OWN_ERROR_CODES.has(error.code)) return error.message;
  return t(`error.${error.code}` as MessageId);
}

/**
 * A refusal for being too busy (429) that said how long to wait, in words
 * with the time left: "The Fintecture API is busy; trying again in 5 seconds".
 * The proxy's own limit (`too_many_requests`) is the dashboard server's.
 */
export function busyMessage(error: ApiError, secondsLeft: number): string {
  if (secondsLeft <= 0) return t('Trying again now…');
  const duration = durationWords(secondsLeft);
  return error.code === 'too_many_requests'
    ? t('The dashboard server is busy; trying again in {duration}', { duration })
    : t('The Fintecture API is busy; trying again in {duration}', { duration });
}

/**
 * What an error body may hold. Two shapes reach the dashboard:
 * - the Customers API contract's (openapi/customers.yaml `Error`):
 *   `{status, code, message, errors: [{field, code, message}], request_id}`;
 * - Fintecture's own: `{status, code, log_id, errors: [{code, title, detail}]}`.
 *   Fintecture/fintecture-sdk-python `fintecture/api_requestor.py`
 *   (`specific_api_error`) reads `code`, `title`, `detail`, `message` and `type`
 *   of an item, none of them required; Fintecture/fintecture-sdk-php
 *   `src/Api/ApiResponse.php` takes each item's `message`, else `detail`, else
 *   `title`, and compares `status` as a string ('200');
 *   Fintecture/fintecture-sdk-ruby `lib/fintecture/exceptions.rb` reads the
 *   body's `code`, `log_id` (printed as the error's id) and every key of each
 *   item of `errors`. No SDK names a field pointer in an item, so one is taken
 *   where an upstream gives it (`field`, or JSON:API's `source.pointer` /
 *   `source.parameter`, as the proxy's mapping may) and never assumed.
 *   An OAuth refusal (token endpoint) is `{error, error_description}` (the
 *   Python SDK's `specific_oauth_error`).
 * Every part is optional: anything of the wrong type is ignored.
 */
type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A non-empty trimmed string, or undefined. */
function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed || undefined;
}

/** An identifier given as a string or a number (a log id may be either). */
function identifier(value: unknown): string | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : text(value);
}

/** The request field an error item is about, where the upstream names one. */
function fieldOf(item: Json): string | undefined {
  const named = text(item.field);
  if (named) return named;
  const source = item.source;
  if (!isObject(source)) return undefined;
  const parameter = text(source.parameter);
  if (parameter) return parameter;
  // JSON:API pointer, e.g. `/data/attributes/iban` or `/iban`: its last segment.
  const pointer = text(source.pointer);
  const last = pointer?.split('/').filter(Boolean).pop();
  return last ? last.replace(/~1/g, '/').replace(/~0/g, '~') : undefined;
}

/** An item's words: its message, else title and detail (both when they differ). */
function wordsOf(item: Json): string | undefined {
  const message = text(item.message);
  if (message) return message;
  const title = text(item.title);
  const detail = text(item.detail);
  if (title && detail && title !== detail) {
    return `${title}: ${detail}`;
  }
  return detail ?? title;
}

interface ParsedBody {
  code?: string;
  message: string;
  fieldErrors: FieldError[];
  otherErrors: string[];
  requestId?: string;
  logId?: string;
}

/** Reads an error body of either shape; undefined when it explains nothing. */
export function parseErrorBody(body: unknown): ParsedBody | undefined {
  if (!isObject(body)) return undefined;
  const fieldErrors: FieldError[] = [];
  const otherErrors: string[] = [];
  let firstItemCode: string | undefined;
  const items = Array.isArray(body.errors) ? body.errors : [];
  for (const item of items) {
    if (!isObject(item)) {
      const words = text(item);
      if (words) otherErrors.push(words);
      continue;
    }
    const code = text(item.code);
    firstItemCode ??= code;
    const words = wordsOf(item);
    const field = fieldOf(item);
    if (field && words) fieldErrors.push({ field, code: code ?? 'invalid', message: words });
    else if (words) otherErrors.push(words);
    else if (field)
      fieldErrors.push({ field, code: code ?? 'invalid', message: t('Invalid value') });
  }
  // An OAuth refusal: `error` (RFC 6749), or `errors` as a string beside an
  // `error_description` (the Python SDK's `handle_error_response`), is its code.
  const oauthWords = text(body.error_description);
  const oauthCode = text(body.error) ?? (oauthWords ? text(body.errors) : undefined);
  const topMessage = text(body.message) ?? oauthWords;
  const parts = [topMessage, ...otherErrors].filter(
    (part, index, all): part is string => part !== undefined && all.indexOf(part) === index,
  );
  // Field errors the form may lack still explain the refusal in words.
  if (parts.length === 0) parts.push(...fieldErrors.map((e) => `${e.field}: ${e.message}`));
  if (parts.length === 0) return undefined;
  return {
    code: text(body.code) ?? oauthCode ?? firstItemCode,
    message: parts.join(' — '),
    fieldErrors,
    otherErrors,
    requestId: identifier(body.request_id),
    logId: identifier(body.log_id),
  };
}

/** A bare code, when a body has nothing else: top-level, else its first item's. */
function codeOf(body: unknown): string | undefined {
  if (!isObject(body)) return undefined;
  const first: unknown = Array.isArray(body.errors) ? body.errors[0] : undefined;
  return text(body.code) ?? text(body.error) ?? (isObject(first) ? text(first.code) : undefined);
}

export async function errorFromResponse(response: Response, body?: unknown): Promise<ApiError> {
  let parsed = body;
  if (parsed === undefined) {
    try {
      parsed = await response.clone().json();
    } catch {
      parsed = undefined;
    }
  }
  const read = parseErrorBody(parsed);
  const retryAfter = retryAfterSeconds(response.headers.get('retry-after'));
  if (read) {
    return new ApiError(
      response.status,
      read.code ?? 'error',
      read.message,
      read.fieldErrors,
      read.requestId,
      read.logId,
      read.otherErrors,
      retryAfter,
    );
  }
  const status = [response.status, response.statusText].filter(Boolean).join(' ');
  const code = codeOf(parsed);
  return new ApiError(
    response.status,
    'unexpected_answer',
    code
      ? t('The server answered {status} without an explanation (code {code}).', { status, code })
      : t('The server answered {status} without an explanation.', { status }),
    [],
    isObject(parsed) ? identifier(parsed.request_id) : undefined,
    isObject(parsed) ? identifier(parsed.log_id) : undefined,
    [],
    retryAfter,
  );
}

export function networkError(): ApiError {
  return new ApiError(
    0,
    'network_error',
    t('The dashboard server cannot be reached. Check your connection.'),
  );
}

export function malformedAnswer(): ApiError {
  return new ApiError(
    502,
    'malformed_answer',
    t('The server sent an answer that could not be read.'),
  );
}
