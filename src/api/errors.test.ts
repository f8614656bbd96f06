import { describe, expect, it } from 'vitest';
import { ApiError, errorFromResponse } from './errors';

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
