import { describe, expect, it } from 'vitest';
import { formatRelative } from './relativeTime';

const NOW = Date.parse('2026-03-05T12:00:00Z');

describe('how long ago, in the agent locale', () => {
  it('picks the largest whole unit', () => {
    expect(formatRelative('2026-03-05T11:59:30Z', NOW, 'en-GB')).toBe('now');
    expect(formatRelative('2026-03-05T11:55:00Z', NOW, 'en-GB')).toBe('5 minutes ago');
    expect(formatRelative('2026-03-05T09:10:00Z', NOW, 'en-GB')).toBe('2 hours ago');
    expect(formatRelative('2026-03-04T10:00:00Z', NOW, 'en-GB')).toBe('yesterday');
    expect(formatRelative('2026-02-10T12:00:00Z', NOW, 'en-GB')).toBe('3 weeks ago');
    expect(formatRelative('2025-01-05T12:00:00Z', NOW, 'en-GB')).toBe('last year');
  });

  it('speaks the locale and says nothing of a missing or broken date', () => {
    expect(formatRelative('2026-03-05T11:55:00Z', NOW, 'fr-FR')).toBe('il y a 5 minutes');
    expect(formatRelative(null, NOW)).toBe('—');
    expect(formatRelative('not a date', NOW)).toBe('—');
  });
});
