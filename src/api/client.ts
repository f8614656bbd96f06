import createClient from 'openapi-fetch';
import type { paths as BackOfficePaths } from '../../openapi/backoffice';
import type { paths } from '../../openapi/customers';
import { ApiError, errorFromResponse, malformedAnswer, networkError } from './errors';

/**
 * The typed client of the Customers API, through the proxy's /api. Nothing
 * else in src/ calls fetch for the API; auth.ts does for /auth.
 */
export const api = createClient<paths>({ baseUrl: '/api' });

/** The back-office's own API (`/bo`: its index, the queue, the timeline); reads only. */
export const bo = createClient<BackOfficePaths>({ baseUrl: '' });

/** Writes need the anti-forgery header the proxy checks. */
api.use({
  onRequest({ request }) {
    if (request.method !== 'GET') request.headers.set('x-csrf', '1');
    return request;
  },
});

type Unauthorized = () => void;
let onUnauthorized: Unauthorized = () => undefined;
/** Where a 401 sends the agent: set once by the app (back to sign-in, then where they were). */
export function handleUnauthorized(handler: Unauthorized): void {
  onUnauthorized = handler;
}

export interface Result<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Turns an openapi-fetch call into data or an ApiError, whatever went wrong. */
export async function unwrap<T>(call: Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await call;
  } catch (error) {
    if (error instanceof SyntaxError) throw malformedAnswer();
    throw networkError();
  }
  const { data, error, response } = result;
  if (!response.ok) {
    const failure = await errorFromResponse(response, error);
    if (failure.status === 401) onUnauthorized();
    throw failure;
  }
  if (data === undefined) throw malformedAnswer();
  return data;
}

export { ApiError };
