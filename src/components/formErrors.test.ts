import { describe, expect, it, vi } from 'vitest';
import { ApiError, errorFromResponse } from '../api/errors';
import { applyServerErrors } from './formErrors';

const FIELDS = ['iban', 'bic', 'holder_name'] as const;

function refusal(fieldErrors: { field: string; message: string }[]): ApiError {
  return new ApiError(
    422,
    'validation_failed',
    'Some fields are invalid',
    fieldErrors.map((fieldError) => ({ ...fieldError, code: 'invalid' })),
  );
}

describe('applyServerErrors', () => {
  it('puts every field error under its field, focusing the first, and shows nothing above', () => {
    const setError = vi.fn();
    const message = applyServerErrors(
      refusal([
        { field: 'iban', message: 'Check digits do not match' },
        { field: 'holder_name', message: 'Too long' },
      ]),
      FIELDS,
      setError,
    );
    expect(message).toBeUndefined();
    expect(setError.mock.calls).toEqual([
      ['iban', { type: 'server', message: 'Check digits do not match' }, { shouldFocus: true }],
      ['holder_name', { type: 'server', message: 'Too long' }, { shouldFocus: false }],
    ]);
  });

  it('shows the message above the form when a field error is about a field the form lacks', () => {
    const setError = vi.fn();
    const message = applyServerErrors(
      refusal([
        { field: 'bic', message: 'Unknown bank' },
        { field: 'customer_id', message: 'Unknown customer' },
      ]),
      FIELDS,
      setError,
    );
    expect(message).toEqual({ message: 'Some fields are invalid' });
    expect(setError).toHaveBeenCalledTimes(1);
    expect(setError).toHaveBeenCalledWith(
      'bic',
      { type: 'server', message: 'Unknown bank' },
      { shouldFocus: true },
    );
  });

  it('shows the message above the form for a refusal without field errors', () => {
    const setError = vi.fn();
    const error = new ApiError(409, 'duplicate', 'This account is already registered');
    expect(applyServerErrors(error, FIELDS, setError)).toEqual({
      message: 'This account is already registered',
    });
    expect(setError).not.toHaveBeenCalled();
  });

  it('shows a create whose outcome is unknown above the form, as an answer not to retry by itself', () => {
    const setError = vi.fn();
    const message =
      'An earlier attempt of this create reached Fintecture, but its answer was lost when a server stopped, so the record may already exist.';
    const error = new ApiError(409, 'idempotency_outcome_unknown', message);
    expect(error.retryable).toBe(false);
    expect(error.upstreamUnavailable).toBe(false);
    expect(applyServerErrors(error, FIELDS, setError)).toEqual({ message });
    expect(setError).not.toHaveBeenCalled();
  });

  it('shows the network failure above the form', () => {
    const setError = vi.fn();
    const error = new ApiError(0, 'network_error', 'The dashboard server cannot be reached.');
    expect(applyServerErrors(error, FIELDS, setError)).toEqual({
      message: 'The dashboard server cannot be reached.',
    });
    expect(setError).not.toHaveBeenCalled();
  });

  it('says the dashboard failed when the error is not an API error', () => {
    const setError = vi.fn();
    expect(applyServerErrors(new TypeError('x is undefined'), FIELDS, setError)).toEqual({
      message: 'Something went wrong in the dashboard.',
    });
    expect(setError).not.toHaveBeenCalled();
  });

  it('puts the fields of a Fintecture error body under them, with the reference above for the rest', async () => {
    // Fintecture's shape (Python SDK fintecture/api_requestor.py, PHP src/Api/ApiResponse.php).
    const error = await errorFromResponse(
      Response.json(
        {
          status: '400',
          code: 'invalid_request',
          log_id: 'log-7f3a',
          errors: [
            { code: 'invalid_iban', title: 'Invalid IBAN', source: { pointer: '/iban' } },
            { code: 'account_closed', title: 'Account closed', detail: 'The bank refused it' },
          ],
        },
        { status: 400 },
      ),
    );
    const setError = vi.fn();
    expect(applyServerErrors(error, FIELDS, setError)).toEqual({
      message: 'Account closed: The bank refused it',
      reference: 'log-7f3a',
    });
    expect(setError.mock.calls).toEqual([
      ['iban', { type: 'server', message: 'Invalid IBAN' }, { shouldFocus: true }],
    ]);
  });

  it('shows nothing above when every item of a Fintecture body is under its field', async () => {
    const error = await errorFromResponse(
      Response.json(
        { log_id: 'log-1', errors: [{ code: 'required', detail: 'Required', field: 'bic' }] },
        { status: 400 },
      ),
    );
    const setError = vi.fn();
    expect(applyServerErrors(error, FIELDS, setError)).toBeUndefined();
    expect(setError).toHaveBeenCalledWith(
      'bic',
      { type: 'server', message: 'Required' },
      { shouldFocus: true },
    );
  });

  it("shows a Fintecture body's titles and its reference when it names no field of the form", async () => {
    const error = await errorFromResponse(
      Response.json(
        {
          status: '403',
          code: 'forbidden',
          log_id: 'log-2',
          errors: [{ code: 'scope', title: 'Missing scope', detail: 'customers scope required' }],
        },
        { status: 403 },
      ),
    );
    const setError = vi.fn();
    expect(applyServerErrors(error, FIELDS, setError)).toEqual({
      message: 'Missing scope: customers scope required',
      reference: 'log-2',
    });
    expect(setError).not.toHaveBeenCalled();
  });
});
