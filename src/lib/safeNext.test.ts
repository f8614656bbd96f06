import { describe, expect, it } from 'vitest';
import { safeNext } from './safeNext';

describe('after sign-in', () => {
  it('returns to a path of the dashboard itself', () => {
    expect(safeNext('/customers/abc/verifications')).toBe('/customers/abc/verifications');
    expect(safeNext('/customers?page=2&size=50')).toBe('/customers?page=2&size=50');
  });

  it('goes to the customers list instead of another site, nowhere or the sign-in page again', () => {
    expect(safeNext('//evil.example')).toBe('/customers');
    expect(safeNext('https://evil.example')).toBe('/customers');
    expect(safeNext('evil.example/customers')).toBe('/customers');
    expect(safeNext(null)).toBe('/customers');
    expect(safeNext('')).toBe('/customers');
    expect(safeNext('/login?next=/x')).toBe('/customers');
  });
});
