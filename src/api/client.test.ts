import createClient from 'openapi-fetch';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { paths } from '../../openapi/customers';
import { ApiError, handleUnauthorized, unwrap } from './client';

/** A typed client like the app's, answering from `answer` instead of the network. */
function clientAnswering(answer: () => Response | Promise<Response>) {
  return createClient<paths>({
    baseUrl: 'http://backoffice.test/api',
    fetch: async () => answer(),
  });
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

const unauthorized = vi.fn();
beforeEach(() => handleUnauthorized(unauthorized));
afterEach(() => {
  unauthorized.mockReset();
  handleUnauthorized(() => undefined);
});

async function failure(call: Promise<unknown>): Promise<ApiError> {
  const error: unknown = await call.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('unwrap', () => {
  it('gives the data of a successful answer', async () => {
    const customer = { id: 'c1', first_name: 'Zoë', last_name: 'Müller', email: 'z@example.de' };
    const client = clientAnswering(() => json(200, customer));
    await expect(
      unwrap(
        client.GET('/v1/customers/{customer_id}', { params: { path: { customer_id: 'c1' } } }),
      ),
    ).resolves.toEqual(customer);
    expect(unauthorized).not.toHaveBeenCalled();
  });

  it('turns an unreachable server into a network error (status 0, retryable)', async () => {
    const client = clientAnswering(() => Promise.reject(new TypeError('fetch failed')));
    const error = await failure(unwrap(client.GET('/v1/customers')));
    expect(error).toMatchObject({ status: 0, code: 'network_error' });
    expect(error.retryable).toBe(true);
    expect(error.upstreamUnavailable).toBe(true);
  });

  it('turns a successful answer that is not JSON into a malformed-answer error', async () => {
    const client = clientAnswering(
      () =>
        new Response('{"data": [', {
          status: 200,
          headers: { 'content-type': 'application/json' },
        }),
    );
    const error = await failure(unwrap(client.GET('/v1/customers')));
    expect(error).toMatchObject({ status: 502, code: 'malformed_answer' });
  });

  it('turns a successful answer without a body into a malformed-answer error', async () => {
    const client = clientAnswering(() => new Response(null, { status: 204 }));
    const error = await failure(unwrap(client.GET('/v1/customers')));
    expect(error).toMatchObject({ status: 502, code: 'malformed_answer' });
  });

  it('calls the unauthorized handler once on a 401, and still fails the call', async () => {
    const client = clientAnswering(() =>
      json(401, { status: 401, code: 'unauthenticated', message: 'Sign in first' }),
    );
    const error = await failure(unwrap(client.GET('/v1/customers')));
    expect(error).toMatchObject({ status: 401, code: 'unauthenticated' });
    expect(error.message).toBe('Sign in first');
    expect(unauthorized).toHaveBeenCalledTimes(1);
  });

  it('does not call the unauthorized handler for other refusals', async () => {
    const client = clientAnswering(() =>
      json(403, { status: 403, code: 'forbidden', message: 'Agents only' }),
    );
    expect(await failure(unwrap(client.GET('/v1/customers')))).toMatchObject({ status: 403 });
    expect(unauthorized).not.toHaveBeenCalled();
  });

  it('keeps the field errors of an upstream refusal for the form', async () => {
    const client = clientAnswering(() =>
      json(422, {
        status: 422,
        code: 'validation_failed',
        message: 'Some fields are invalid',
        errors: [{ field: 'phone', code: 'pattern', message: 'Not a phone number' }],
        request_id: 'req-7',
      }),
    );
    const error = await failure(
      unwrap(
        client.POST('/v1/customers', {
          body: { first_name: 'Zoë', last_name: 'Müller', email: 'z@example.de', phone: 'x' },
        }),
      ),
    );
    expect(error).toMatchObject({ status: 422, code: 'validation_failed', requestId: 'req-7' });
    expect(error.fieldErrors).toEqual([
      { field: 'phone', code: 'pattern', message: 'Not a phone number' },
    ]);
    expect(error.retryable).toBe(false);
  });

  it('explains an error answer that is not JSON by its status', async () => {
    const client = clientAnswering(
      () => new Response('<h1>Bad Gateway</h1>', { status: 502, statusText: 'Bad Gateway' }),
    );
    const error = await failure(unwrap(client.GET('/v1/customers')));
    expect(error).toMatchObject({ status: 502, code: 'unexpected_answer' });
    expect(error.message).toBe('The server answered 502 Bad Gateway without an explanation.');
    expect(error.upstreamUnavailable).toBe(true);
  });

  it("reads Fintecture's error body as openapi-fetch parsed it: fields kept, titles as the message, log_id as the reference", async () => {
    // Shape: Fintecture/fintecture-sdk-python fintecture/api_requestor.py, PHP src/Api/ApiResponse.php.
    const client = clientAnswering(() =>
      json(400, {
        status: '400',
        code: 'invalid_request',
        log_id: 'f1e2d3c4',
        errors: [
          { code: 'invalid_iban', title: 'Invalid IBAN', source: { pointer: '/iban' } },
          { code: 'unknown_customer', title: 'Not found', detail: 'No such customer' },
        ],
      }),
    );
    const error = await failure(
      unwrap(
        client.GET('/v1/customers/{customer_id}', { params: { path: { customer_id: 'c1' } } }),
      ),
    );
    expect(error).toMatchObject({
      status: 400,
      code: 'invalid_request',
      message: 'Not found: No such customer',
      fieldErrors: [{ field: 'iban', code: 'invalid_iban', message: 'Invalid IBAN' }],
      reference: 'f1e2d3c4',
    });
    expect(unauthorized).not.toHaveBeenCalled();
  });
});
