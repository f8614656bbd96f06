import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, busyMessage } from './errors';
import { loadLocale } from '../lib/i18n';
import { durationWords, retryAfterSeconds } from '../lib/retryAfter';

describe('Retry-After', () => {
  it('reads seconds and HTTP dates, and nothing else', () => {
    const now = Date.parse('2026-11-26T04:00:00Z');
    expect(retryAfterSeconds('5', now)).toBe(5);
    expect(retryAfterSeconds(' 120 ', now)).toBe(120);
    expect(retryAfterSeconds('Thu, 26 Nov 2026 04:00:30 GMT', now)).toBe(30);
    expect(retryAfterSeconds('Thu, 26 Nov 2026 03:59:00 GMT', now)).toBe(0);
    expect(retryAfterSeconds(null, now)).toBeUndefined();
    expect(retryAfterSeconds('', now)).toBeUndefined();
    expect(retryAfterSeconds('soon', now)).toBeUndefined();
    expect(retryAfterSeconds('-5', now)).toBeUndefined();
  });
});

describe('how long, in words', () => {
  describe('in English', () => {
    beforeAll(() => loadLocale('en'));

    it('says seconds, minutes and hours', () => {
      expect(durationWords(1)).toBe('1 second');
      expect(durationWords(5)).toBe('5 seconds');
      expect(durationWords(4.2)).toBe('5 seconds');
      expect(durationWords(60)).toBe('1 minute');
      expect(durationWords(90)).toBe('1 minute and 30 seconds');
      expect(durationWords(3600)).toBe('60 minutes');
      expect(durationWords(5430)).toBe('90 minutes');
    });

    it('words a 429 by who is busy, counting down to now', () => {
      const upstream = new ApiError(429, 'rate_limited', 'Too many requests', [], 'r', 'l', [], 5);
      expect(busyMessage(upstream, 5)).toBe(
        'The Fintecture API is busy; trying again in 5 seconds',
      );
      expect(busyMessage(upstream, 1)).toBe('The Fintecture API is busy; trying again in 1 second');
      expect(busyMessage(upstream, 0)).toBe('Trying again now…');
      const own = new ApiError(
        429,
        'too_many_requests',
        'Too many requests',
        [],
        'r',
        undefined,
        [],
        5,
      );
      expect(busyMessage(own, 65)).toBe(
        'The dashboard server is busy; trying again in 1 minute and 5 seconds',
      );
    });
  });

  describe('in French', () => {
    beforeAll(() => loadLocale('fr'));
    afterAll(() => loadLocale('en'));

    it('says seconds, minutes and hours', () => {
      expect(durationWords(1)).toBe('1 seconde');
      expect(durationWords(5)).toBe('5 secondes');
      expect(durationWords(90)).toBe('1 minute et 30 secondes');
      expect(durationWords(120)).toBe('2 minutes');
    });

    it('words a 429 in French', () => {
      const upstream = new ApiError(429, 'rate_limited', 'Too many requests', [], 'r', 'l', [], 5);
      expect(busyMessage(upstream, 5)).toBe(
        "L'API Fintecture est saturée\u202f; nouvel essai dans 5 secondes",
      );
    });
  });
});
