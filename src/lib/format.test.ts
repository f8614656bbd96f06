import { describe, expect, it } from 'vitest';
import { formatCount, formatDate, formatDateTime, formatPercent } from './format';

describe('formatting in the agent locale', () => {
  it('writes dates the way the locale does', () => {
    expect(formatDate('2026-03-05T10:00:00Z', 'en-GB')).toBe('5 Mar 2026');
    expect(formatDate('2026-03-05T10:00:00Z', 'fr-FR')).toBe('5 mars 2026');
    expect(formatDateTime(undefined)).toBe('—');
    expect(formatDate('not a date')).toBe('—');
  });

  it('writes numbers and percentages the way the locale does', () => {
    expect(formatCount(100000, 'en-GB')).toBe('100,000');
    expect(formatCount(100000, 'fr-FR')).toBe('100\u202f000');
    expect(formatPercent(0.87, 'en-GB')).toBe('87%');
    expect(formatPercent(undefined)).toBe('—');
  });
});
