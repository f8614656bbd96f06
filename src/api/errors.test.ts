import { afterAll, describe, expect, it } from 'vitest';
import { loadLocale } from '../lib/i18n';
import { messages as en } from '../lib/locales/en';
import { messages as fr } from '../lib/locales/fr';
import { ApiError, errorFromResponse, errorMessage, networkError, OWN_ERROR_CODES } from './errors';

function json(status: number, body: unknown, statusText = ''): Response {
  return new Response(JSON.stringify(body), {
    status,
    statusText,
    headers: { 'content-type': 'application/json' },
  });
}

describe('ApiError', () => {
  it('knows which failures are worth retrying and which mean the upstream is down', () => {
    expect(new ApiError(503, 'x', 'm').retryable).toBe(true);
    expect(new ApiError(429, 'rate_limited', 'm').retryable).toBe(true);
    expect(new ApiError(0, 'network_error', 'm').upstreamUnavailable).toBe(true);
    expect(new ApiError(400, 'validation_failed', 'm').retryable).toBe(false);
    expect(new ApiError(404, 'not_found', 'm').upstreamUnavailable).toBe(false);
    expect(new ApiError(429, 'rate_limited', 'm').upstreamUnavailable).toBe(false);
    expect(new ApiError(503, 'store_unavailable', 'm').upstreamUnavailable).toBe(false);
    expect(new ApiError(503, 'store_unavailable', 'm').retryable).toBe(true);
  });
});

describe('errorFromResponse', () => {
  it('keeps the status, code, message, field errors and request id of an API error body', async () => {
    const error = await errorFromResponse(
      json(422, {
        status: 422,
        code: 'validation_failed',
        message: 'Some fields are invalid',
        errors: [{ field: 'email', code: 'format', message: 'Enter a valid email' }],
        request_id: 'req-42',
      }),
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 422,
      code: 'validation_failed',
      message: 'Some fields are invalid',
      fieldErrors: [{ field: 'email', code: 'format', message: 'Enter a valid email' }],
      requestId: 'req-42',
    });
  });

  it('uses the body the client already parsed, without reading the response again', async () => {
    const response = json(409, { message: 'ignored' });
    await response.text(); // consumed, as openapi-fetch leaves it
    const error = await errorFromResponse(response, {
      code: 'duplicate_external_id',
      message: 'This external ID is taken',
    });
    expect(error).toMatchObject({
      status: 409,
      code: 'duplicate_external_id',
      message: 'This external ID is taken',
      fieldErrors: [],
    });
  });

  it('defaults the code and ignores field errors that are not a list', async () => {
    const error = await errorFromResponse(json(400, { message: 'Bad request', errors: 'email' }));
    expect(error).toMatchObject({ status: 400, code: 'error', fieldErrors: [] });
  });

  it('explains a non-JSON error body by its status', async () => {
    const error = await errorFromResponse(
      new Response('<html>Bad Gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
    );
    expect(error).toMatchObject({
      status: 502,
      code: 'unexpected_answer',
      message: 'The server answered 502 Bad Gateway without an explanation.',
    });
    expect(error.upstreamUnavailable).toBe(true);
  });

  it('explains an empty error body or one without a message, even with no status text', async () => {
    expect((await errorFromResponse(new Response(null, { status: 500 }))).message).toBe(
      'The server answered 500 without an explanation.',
    );
    const noMessage = await errorFromResponse(json(503, { status: 503 }, 'Service Unavailable'));
    expect(noMessage).toMatchObject({
      code: 'unexpected_answer',
      message: 'The server answered 503 Service Unavailable without an explanation.',
    });
  });

  it('treats an error body openapi-fetch could only read as text like a non-JSON body', async () => {
    const error = await errorFromResponse(new Response(null, { status: 504 }), 'upstream timeout');
    expect(error).toMatchObject({ status: 504, code: 'unexpected_answer' });
  });
});

// Fintecture's error body: Fintecture/fintecture-sdk-python `fintecture/api_requestor.py`
// (`specific_api_error`: code, title, detail, message of an item) and
// Fintecture/fintecture-sdk-php `src/Api/ApiResponse.php` (message, else detail, else title).
describe("errorFromResponse with Fintecture's error body", () => {
  it('makes the message of the titles and details, and keeps log_id as the reference', async () => {
    const error = await errorFromResponse(
      json(400, {
        status: '400',
        code: 'bad_request',
        log_id: 'a1b2c3d4',
        errors: [
          { code: 'invalid_provider', title: 'Invalid provider', detail: 'Unknown provider xyz' },
          { code: 'expired', title: 'Expired' },
          { code: 'blank', detail: 'The name is blank' },
        ],
      }),
    );
    expect(error).toMatchObject({
      status: 400,
      code: 'bad_request',
      message: 'Invalid provider: Unknown provider xyz — Expired — The name is blank',
      fieldErrors: [],
      logId: 'a1b2c3d4',
      requestId: undefined,
      reference: 'a1b2c3d4',
    });
    expect(error.message).not.toContain('without an explanation');
  });

  it("keeps an item under its field where the upstream names it (field, or source's pointer or parameter)", async () => {
    const error = await errorFromResponse(
      json(422, {
        status: '422',
        code: 'validation_error',
        log_id: 42,
        errors: [
          {
            code: 'invalid_iban',
            title: 'Invalid IBAN',
            source: { pointer: '/data/attributes/iban' },
          },
          { code: 'required', detail: 'Required', source: { parameter: 'holder_name' } },
          { code: 'format', title: 'Bad BIC', field: 'bic' },
          { code: 'other', title: 'Something else' },
        ],
      }),
    );
    expect(error.fieldErrors).toEqual([
      { field: 'iban', code: 'invalid_iban', message: 'Invalid IBAN' },
      { field: 'holder_name', code: 'required', message: 'Required' },
      { field: 'bic', code: 'format', message: 'Bad BIC' },
    ]);
    // Words not about a field make the message; a numeric log id is a reference too.
    expect(error).toMatchObject({ message: 'Something else', reference: '42' });
  });

  it('explains by the field errors when every item is about a field', async () => {
    const error = await errorFromResponse(
      json(400, { errors: [{ code: 'x', detail: 'Not an IBAN', field: 'iban' }] }),
    );
    expect(error).toMatchObject({ code: 'x', message: 'iban: Not an IBAN' });
  });

  it('takes the code of the first item when the body has none, and the message when an item has one', async () => {
    const error = await errorFromResponse(
      json(401, {
        errors: [{ code: 'invalid_token', message: 'Token expired', title: 'Unauthorized' }],
      }),
    );
    expect(error).toMatchObject({ status: 401, code: 'invalid_token', message: 'Token expired' });
  });

  it('prefers the log id as the reference, keeping the request id too', async () => {
    const error = await errorFromResponse(
      json(502, { message: 'Upstream refused', request_id: 'req-1', log_id: 'log-9' }),
    );
    expect(error).toMatchObject({ requestId: 'req-1', logId: 'log-9', reference: 'log-9' });
  });

  it('reads an OAuth refusal of the token endpoint', async () => {
    expect(
      await errorFromResponse(
        json(401, { error: 'invalid_client', error_description: 'Client authentication failed' }),
      ),
    ).toMatchObject({ code: 'invalid_client', message: 'Client authentication failed' });
    expect(
      await errorFromResponse(
        json(400, { errors: 'invalid_scope', error_description: 'Scope customers missing' }),
      ),
    ).toMatchObject({ code: 'invalid_scope', message: 'Scope customers missing' });
  });
});

describe('errorFromResponse with malformed or partial bodies', () => {
  it('ignores items of the wrong type, blank words and duplicates, and never throws', async () => {
    const error = await errorFromResponse(
      json(400, {
        code: 7,
        message: '  ',
        errors: [null, 3, 'Plain words', ['nested'], { title: '   ' }, { detail: 'Plain words' }],
      }),
    );
    expect(error).toMatchObject({
      status: 400,
      code: 'error',
      message: 'Plain words',
      fieldErrors: [],
    });
  });

  it('keeps an item naming a field but saying nothing under its field, with a plain message', async () => {
    const error = await errorFromResponse(json(400, { errors: [{ code: 'bad', field: 'email' }] }));
    expect(error.fieldErrors).toEqual([{ field: 'email', code: 'bad', message: 'Invalid value' }]);
    expect(error.message).toBe('email: Invalid value');
  });

  it('names the code when a body has a code and nothing else', async () => {
    expect(
      (await errorFromResponse(json(403, { errors: [{ code: 'forbidden_scope' }] }, 'Forbidden')))
        .message,
    ).toBe('The server answered 403 Forbidden without an explanation (code forbidden_scope).');
    const bare = await errorFromResponse(json(500, { code: 'boom', log_id: 'l-1' }));
    expect(bare).toMatchObject({
      code: 'unexpected_answer',
      message: 'The server answered 500 without an explanation (code boom).',
      reference: 'l-1',
    });
  });

  it('treats a JSON answer that is not an object as no explanation', async () => {
    for (const body of [null, [], ['an error'], 'error', 12, true]) {
      const error = await errorFromResponse(json(400, body));
      expect(error).toMatchObject({ code: 'unexpected_answer', fieldErrors: [] });
    }
  });
});

describe("the proxy's own refusals in the language in use", () => {
  afterAll(() => loadLocale('en'));

  it('has a sentence for each of its codes in both catalogs', () => {
    for (const code of OWN_ERROR_CODES) {
      expect(en, code).toHaveProperty([`error.${code}`]);
      expect(fr, code).toHaveProperty([`error.${code}`]);
    }
  });

  it("shows the server's words in English, and French words by code in French; an upstream's words pass through", async () => {
    const refused = new ApiError(401, 'unauthenticated', 'Sign in to continue.');
    const upstream = new ApiError(400, 'validation_failed', 'email must be a valid email address.');
    await loadLocale('en');
    expect(errorMessage(refused)).toBe('Sign in to continue.');
    await loadLocale('fr');
    expect(errorMessage(refused)).toBe('Connectez-vous pour continuer.');
    expect(errorMessage(upstream)).toBe('email must be a valid email address.');
    expect(errorMessage(networkError())).toBe(
      'Le serveur du tableau de bord est injoignable. Vérifiez votre connexion.',
    );
    expect(errorMessage(new Error('bug'))).toBe('Une erreur est survenue dans le tableau de bord.');
  });
});
