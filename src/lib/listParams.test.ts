import { describe, expect, it } from 'vitest';
import { safeNext } from '../pages/LoginPage';
import { pollInterval } from '../api/verifications';
import { ApiError } from '../api/errors';
import { listParams, matchesFilter } from './listParams';

describe('list state in the URL', () => {
  it('reads page and size, falling back on anything invalid', () => {
    expect(listParams(new URLSearchParams('page=3&size=50&q=dup'))).toEqual({
      page: 3,
      size: 50,
      filter: 'dup',
    });
    expect(listParams(new URLSearchParams('page=0&size=7'))).toEqual({
      page: 1,
      size: 20,
      filter: '',
    });
    expect(listParams(new URLSearchParams('page=abc&size=abc'))).toEqual({
      page: 1,
      size: 20,
      filter: '',
    });
  });

  it('filters the loaded page ignoring case and accents', () => {
    const customer = {
      first_name: 'Zoë',
      last_name: 'Müller',
      email: 'zoe@example.de',
      external_id: 'CRM-7',
    };
    expect(matchesFilter(customer, 'zoe martin')).toBe(false);
    expect(matchesFilter(customer, 'zoe mu')).toBe(true);
    expect(matchesFilter(customer, 'MULLER')).toBe(true);
    expect(matchesFilter(customer, 'crm-7')).toBe(true);
    expect(matchesFilter(customer, '  ')).toBe(true);
  });
});

describe('after sign-in', () => {
  it('returns only to paths of the dashboard itself', () => {
    expect(safeNext('/customers/abc/verifications')).toBe('/customers/abc/verifications');
    expect(safeNext('//evil.example')).toBe('/customers');
    expect(safeNext('https://evil.example')).toBe('/customers');
    expect(safeNext(null)).toBe('/customers');
    expect(safeNext('/login?next=/x')).toBe('/customers');
  });
});

describe('polling pending verifications', () => {
  it('polls while one is pending, slower when hidden, and stops when none is', () => {
    expect(pollInterval([{ status: 'pending' }, { status: 'verified' }], false)).toBe(2000);
    expect(pollInterval([{ status: 'pending' }], true)).toBe(15000);
    expect(pollInterval([{ status: 'failed' }], false)).toBe(false);
    expect(pollInterval(undefined, false)).toBe(false);
  });
});

describe('ApiError', () => {
  it('knows which failures are worth retrying and which mean the upstream is down', () => {
    expect(new ApiError(503, 'x', 'm').retryable).toBe(true);
    expect(new ApiError(0, 'network_error', 'm').upstreamUnavailable).toBe(true);
    expect(new ApiError(400, 'validation_failed', 'm').retryable).toBe(false);
    expect(new ApiError(404, 'not_found', 'm').upstreamUnavailable).toBe(false);
  });
});
