import type { components } from '../../openapi/customers';

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
  ) {
    super(message);
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

/** What the agent reads about any failure: the server's words, or a plain fallback for a bug of the dashboard. */
export function errorMessage(error: unknown): string {
  return error instanceof ApiError ? error.message : 'Something went wrong in the dashboard.';
}

interface ErrorBody {
  status?: number;
  code?: string;
  message?: string;
  errors?: FieldError[];
  request_id?: string;
}

export async function errorFromResponse(response: Response, body?: unknown): Promise<ApiError> {
  let parsed = body as ErrorBody | undefined;
  if (parsed === undefined) {
    try {
      parsed = (await response.clone().json()) as ErrorBody;
    } catch {
      parsed = undefined;
    }
  }
  if (parsed && typeof parsed.message === 'string') {
    return new ApiError(
      response.status,
      parsed.code ?? 'error',
      parsed.message,
      Array.isArray(parsed.errors) ? parsed.errors : [],
      parsed.request_id,
    );
  }
  const status = [response.status, response.statusText].filter(Boolean).join(' ');
  return new ApiError(
    response.status,
    'unexpected_answer',
    `The server answered ${status} without an explanation.`,
  );
}

export function networkError(): ApiError {
  return new ApiError(
    0,
    'network_error',
    'The dashboard server cannot be reached. Check your connection.',
  );
}

export function malformedAnswer(): ApiError {
  return new ApiError(502, 'malformed_answer', 'The server sent an answer that could not be read.');
}
