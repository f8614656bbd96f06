import { describe, expect, it } from 'vitest';
import {
  correctedListSearch,
  listParams,
  matchesFilter,
  queueOldestFirst,
  queueParams,
  queueQuery,
  queueSearch,
} from './listParams';

describe('correcting the list URL', () => {
  const corrected = (search: string, lastPage?: number) =>
    correctedListSearch(new URLSearchParams(search), lastPage)?.toString();

  it('leaves a right URL alone', () => {
    expect(corrected('')).toBeUndefined();
    expect(corrected('page=3&size=50&q=dup', 11)).toBeUndefined();
    expect(corrected('page=11&size=100', 11)).toBeUndefined();
    expect(corrected('page=999')).toBeUndefined(); // the total is not known yet
  });

  it('brings a page past the last to the last, keeping the rest', () => {
    expect(corrected('page=999&size=50&q=dup', 11)).toBe('page=11&size=50&q=dup');
    expect(corrected('page=12', 11)).toBe('page=11');
    expect(corrected('page=5&status=verified', 1)).toBe('status=verified');
    expect(corrected('page=2', 1)).toBe('');
  });

  it('drops an unknown size and a page that is no page number', () => {
    expect(corrected('size=7')).toBe('');
    expect(corrected('page=2&size=abc', 11)).toBe('page=2');
    expect(corrected('page=0&size=20')).toBe('size=20');
    expect(corrected('page=-3')).toBe('');
    expect(corrected('page=1.5&q=x')).toBe('q=x');
    expect(corrected('page=abc&size=7&q=x', 3)).toBe('q=x');
  });
});

describe('list state in the URL', () => {
  it('reads page and size, falling back on anything invalid', () => {
    expect(listParams(new URLSearchParams('page=3&size=50&q=dup'))).toEqual({
      page: 3,
      size: 50,
      filter: 'dup',
      status: undefined,
    });
    expect(listParams(new URLSearchParams('page=0&size=7'))).toEqual({
      page: 1,
      size: 20,
      filter: '',
      status: undefined,
    });
    expect(listParams(new URLSearchParams('page=abc&size=abc'))).toEqual({
      page: 1,
      size: 20,
      filter: '',
      status: undefined,
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

  it('reads the status filter of the list, ignoring one the index does not know', () => {
    expect(listParams(new URLSearchParams('status=failed')).status).toBe('failed');
    expect(listParams(new URLSearchParams('status=none')).status).toBe('none');
    expect(listParams(new URLSearchParams('status=Failed')).status).toBeUndefined();
    expect(listParams(new URLSearchParams('status=pending,failed')).status).toBeUndefined();
  });
});

describe('the verification queue in the URL', () => {
  it('reads several statuses in one canonical order, "mine", the age and the page', () => {
    expect(
      queueParams(new URLSearchParams('status=failed,pending,bogus&mine=1&age=24h&page=3')),
    ).toEqual({
      statuses: ['pending', 'failed'],
      mine: true,
      age: '24h',
      page: 3,
    });
  });

  it("falls back to every verification, anyone's, any age, page 1", () => {
    expect(queueParams(new URLSearchParams('status=&mine=yes&age=2h&page=-1'))).toEqual({
      statuses: [],
      mine: false,
      age: undefined,
      page: 1,
    });
  });

  it('writes back the same filters, leaving the defaults out', () => {
    const filters = queueParams(
      new URLSearchParams('status=unverified,stale&mine=1&age=7d&page=2'),
    );
    expect(queueSearch(filters).toString()).toBe('status=unverified%2Cstale&mine=1&age=7d&page=2');
    expect(queueSearch({ statuses: [], mine: false, age: undefined, page: 1 }).toString()).toBe('');
  });

  it('asks the API for exactly the filters set', () => {
    expect(queueQuery({ statuses: ['pending'], mine: true, age: '1h' })).toEqual({
      status: 'pending',
      mine: true,
      age: '1h',
    });
    expect(queueQuery({ statuses: [], mine: false, age: undefined })).toEqual({});
  });

  it('comes oldest first only when every status asked for is open (pending, cancelled)', () => {
    expect(queueOldestFirst({ statuses: ['pending'] })).toBe(true);
    expect(queueOldestFirst({ statuses: ['cancelled'] })).toBe(true);
    expect(queueOldestFirst({ statuses: ['pending', 'cancelled'] })).toBe(true);
    expect(queueOldestFirst({ statuses: ['pending', 'failed'] })).toBe(false);
    expect(queueOldestFirst({ statuses: [] })).toBe(false);
  });
});
