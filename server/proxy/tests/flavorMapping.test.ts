import { describe, expect, it } from 'vitest';
import {
  dashboardError,
  dashboardStatus,
  fieldNamedIn,
  fieldOfPointer,
  FlavorMapping,
  mapVerificationBody,
} from '../flavor';

/** The mapping's pure pieces (the wire is flavor.test.ts's). */
describe('the flavour mapping', () => {
  it('renames the bank-accounts path segment only, never the query, and only for fintecture', () => {
    const fintecture = new FlavorMapping('fintecture');
    expect(fintecture.outgoingTarget('/v1/customers/c-1/bank-accounts')).toBe(
      '/v1/customers/c-1/bank_accounts',
    );
    expect(fintecture.outgoingTarget('/v1/customers/c-1/bank-accounts/b-1?x=bank-accounts')).toBe(
      '/v1/customers/c-1/bank_accounts/b-1?x=bank-accounts',
    );
    expect(fintecture.outgoingTarget('/v1/customers/bank-accounts-x')).toBe(
      '/v1/customers/bank-accounts-x',
    );
    expect(new FlavorMapping('seed').outgoingTarget('/v1/customers/c/bank-accounts')).toBe(
      '/v1/customers/c/bank-accounts',
    );
  });

  it('maps a JSON:API resource under its attributes, and drops a meta left empty', () => {
    const resource = {
      data: {
        id: 'v-1',
        type: 'verification',
        attributes: { status: 'initiated', url: 'https://x/1' },
      },
    };
    mapVerificationBody(resource);
    expect(resource).toEqual({
      data: {
        id: 'v-1',
        type: 'verification',
        attributes: { status: 'pending', link: 'https://x/1' },
      },
    });
    const withMeta = { id: 'v-2', status: 'success', meta: { url: 'https://x/2' } };
    mapVerificationBody(withMeta);
    expect(withMeta).toEqual({ id: 'v-2', status: 'verified', link: 'https://x/2' });
    const keptMeta = {
      id: 'v-3',
      status: 'cancelled',
      meta: { url: 'https://x/3', session_id: 's' },
    };
    mapVerificationBody(keptMeta);
    expect(keptMeta).toEqual({
      id: 'v-3',
      status: 'cancelled',
      link: 'https://x/3',
      meta: { session_id: 's' },
    });
  });

  it('maps the four Fintecture statuses and passes any other through', () => {
    expect(
      ['initiated', 'success', 'failed', 'cancelled', 'pending', 'on_hold', 'constructor'].map(
        dashboardStatus,
      ),
    ).toEqual(['pending', 'verified', 'failed', 'cancelled', 'pending', 'on_hold', 'constructor']);
  });

  it('reads the field of a pointer, a quoted name or a leading name', () => {
    expect(fieldOfPointer('/email')).toBe('email');
    expect(fieldOfPointer('/data/attributes/email')).toBe('email');
    expect(fieldOfPointer('/address/city')).toBe('address.city');
    expect(fieldOfPointer('/a~1b')).toBe('a/b');
    expect(fieldOfPointer('/')).toBeUndefined();
    const known = ['email', 'first_name', 'address', 'address.city'];
    expect(fieldNamedIn("The field 'email' is invalid", known)).toBe('email');
    expect(fieldNamedIn('The field "first_name" is required', known)).toBe('first_name');
    expect(fieldNamedIn('address.city: must not be empty', known)).toBe('address.city');
    expect(fieldNamedIn('email: must be an email', known)).toBe('email');
    expect(fieldNamedIn('Your email is wrong', known)).toBeUndefined();
    expect(fieldNamedIn("The field 'iban' is invalid", known)).toBeUndefined();
  });

  it('builds the dashboard error from odd bodies without throwing', () => {
    expect(dashboardError(500, null)).toMatchObject({ status: 500, code: 'http_500', errors: [] });
    expect(dashboardError(400, { errors: 'nope', log_id: 7 })).toEqual({
      status: 400,
      code: 'http_400',
      message: 'The Fintecture API refused the request as invalid.',
      errors: [],
    });
    expect(
      dashboardError(400, { errors: [null, 3, { code: 'x', field: 'email' }], detail: 'Top' }),
    ).toEqual({
      status: 400,
      code: 'x',
      message: 'Top',
      errors: [{ field: 'email', code: 'x', message: 'This value is invalid.' }],
    });
  });
});
