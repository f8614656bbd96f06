import { describe, expect, it } from 'vitest';
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
