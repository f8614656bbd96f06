import type { FastifyError } from 'fastify';
import type { components } from '../../openapi/customers';
import { DuplicateError } from './store';
import { fieldErrorsFromValidation } from './validationErrors';

export type ErrorBody = components['schemas']['Error'];
export type FieldError = components['schemas']['FieldError'];

/** An answer the API gives on purpose: a status, a stable code, a sentence, maybe field errors. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors?: FieldError[],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function validationFailed(errors: FieldError[]): ApiError {
  const fields = [...new Set(errors.map((error) => error.field))];
  const message =
    errors.length === 1
      ? errors[0]!.message
      : `${fields.length} fields are invalid: ${fields.join(', ')}.`;
  return new ApiError(400, 'validation_failed', message, errors);
}

export function notFound(what: 'customer' | 'bank_account' | 'verification', id: string): ApiError {
  const label = {
    customer: 'customer',
    bank_account: 'bank account',
    verification: 'verification',
  }[what];
  return new ApiError(404, `${what}_not_found`, `No ${label} has the id "${id}".`);
}

/** Runs a store write; a duplicate becomes a 409 with the field at fault. */
export function conflictOnDuplicate<T>(
  write: () => T,
  code: string,
  message: string,
  fieldError: { field: string; message: string },
): T {
  try {
    return write();
  } catch (error) {
    if (!(error instanceof DuplicateError)) throw error;
    throw new ApiError(409, code, message, [{ ...fieldError, code: 'duplicate' }]);
  }
}

const frameworkErrors: Record<string, { status: number; code: string; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: 'payload_too_large',
    message: 'The request body is larger than 1 MB.',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'unsupported_media_type',
    message: 'This operation takes a JSON body (Content-Type: application/json).',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: 'invalid_json',
    message: 'The body is empty; send a JSON object.',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: 'invalid_json',
    message: 'The body is not valid JSON.',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'invalid_content_length',
    message: 'The Content-Length header does not match the body.',
  },
};

/** Maps any error to the contract's error body; internals of a 5xx never leave the process. */
export function errorReply(error: FastifyError | ApiError): {
  status: number;
  body: Omit<ErrorBody, 'request_id'>;
  headers: Record<string, string>;
} {
  if (error instanceof ApiError) {
    const body: Omit<ErrorBody, 'request_id'> = {
      status: error.status,
      code: error.code,
      message: error.message,
    };
    if (error.errors) body.errors = error.errors;
    return { status: error.status, body, headers: error.headers };
  }
  if (error.validation) {
    return errorReply(
      validationFailed(fieldErrorsFromValidation(error.validation, error.validationContext)),
    );
  }
  const known = error.code ? frameworkErrors[error.code] : undefined;
  if (known) return { status: known.status, body: { ...known }, headers: {} };
  if (error instanceof SyntaxError) {
    return { status: 400, body: frameworkErrors.FST_ERR_CTP_INVALID_JSON_BODY!, headers: {} };
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    return { status, body: { status, code: 'bad_request', message: error.message }, headers: {} };
  }
  return {
    status: 500,
    body: { status: 500, code: 'internal_error', message: 'The sandbox failed unexpectedly.' },
    headers: {},
  };
}

/** An error item of Fintecture's body (Python SDK `api_requestor.py`, PHP `ApiResponse.php`). */
export interface FintectureErrorItem {
  code: string;
  title: string;
  detail: string;
  /** The field at fault, as a JSON pointer into the request (`/email`, `/page[size]`). */
  source?: { pointer: string };
}

/** Fintecture's error body: the status as a string, a general code, a log id to quote to support. */
export interface FintectureErrorBody {
  status: string;
  code: string;
  log_id: string;
  errors: FintectureErrorItem[];
}

const FINTECTURE_CODES: Record<number, string> = {
  400: 'invalid_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'too_many_requests',
  500: 'internal_server_error',
  502: 'bad_gateway',
  503: 'service_unavailable',
  504: 'gateway_timeout',
};

/** "customer_not_found" → "Customer not found". */
function titleOf(code: string): string {
  const words = code.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** What validation calls the request as a whole rather than one of its fields. */
const NOT_A_FIELD = new Set(['body', 'querystring', 'params', 'headers', 'request']);

/**
 * The contract's error body in Fintecture's words: each field error points at its
 * field and names it in its detail; an error about no field is one item without
 * a source, with the specific code (`customer_not_found`, `token_expired`).
 */
export function fintectureErrorBody(
  body: Omit<ErrorBody, 'request_id'>,
  logId: string,
): FintectureErrorBody {
  const errors: FintectureErrorItem[] =
    body.errors && body.errors.length > 0
      ? body.errors.map(({ field, code, message }) => {
          if (NOT_A_FIELD.has(field)) return { code, title: titleOf(code), detail: message };
          // The detail begins with the field's name, as Fintecture's do ("email: …").
          const detail = message.startsWith(`${field} `) ? message : `${field}: ${message}`;
          return {
            code,
            title: titleOf(code),
            detail,
            source: { pointer: `/${field.replace(/\./g, '/')}` },
          };
        })
      : [{ code: body.code, title: titleOf(body.code), detail: body.message }];
  return {
    status: String(body.status),
    code:
      FINTECTURE_CODES[body.status] ?? (body.status >= 500 ? 'server_error' : 'invalid_request'),
    log_id: logId,
    errors,
  };
}
