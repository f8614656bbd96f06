import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndexStatus } from '../api/indexStatus';
import { loadLocale } from '../lib/i18n';
import { indexStatusDetails, indexStatusText } from './indexStatusText';

const NOW = Date.parse('2026-11-25T12:00:00Z');
const minutesAgo = (minutes: number) => new Date(NOW - minutes * 60_000).toISOString();

const idle: IndexStatus = {
  customers: 12_345,
  bank_accounts: 800,
  verifications: 950,
  watching: 3,
  state: 'idle',
  progress: null,
  last_sync_at: minutesAgo(2),
  last_full_sync_at: minutesAgo(60),
  details_pending: 0,
  last_error: null,
};

describe('the index status line', () => {
  beforeAll(() => loadLocale('en'));

  it('gives the size and freshness of an idle index, in the locale', () => {
    expect(indexStatusText(idle, NOW, 'en-GB')).toBe(
      'Index: 12,345 customers, updated 2 minutes ago',
    );
    expect(indexStatusText({ ...idle, customers: 1 }, NOW, 'en-GB')).toBe(
      'Index: 1 customer, updated 2 minutes ago',
    );
  });

  it('gives the progress of a full walk', () => {
    expect(indexStatusText({ ...idle, state: 'syncing', progress: 0.404 }, NOW, 'en-GB')).toBe(
      'Indexing… 40%',
    );
    expect(indexStatusText({ ...idle, state: 'syncing', progress: null }, NOW, 'en-GB')).toBe(
      'Index: 12,345 customers, updating…',
    );
  });

  it('says why it waits, and when it was never built', () => {
    // A 429 or a failure: the line says it waits, its tooltip says why (last_error).
    expect(
      indexStatusText(
        { ...idle, state: 'waiting', last_error: 'The Customers API failed (HTTP 503).' },
        NOW,
        'en-GB',
      ),
    ).toBe('Index waiting for the Customers API');
    expect(
      indexStatusText({ ...idle, state: 'never_synced', last_sync_at: null }, NOW, 'en-GB'),
    ).toBe('Index: not built yet');
  });

  it('details the counts, the pending fetches and the last error', () => {
    expect(
      indexStatusDetails({ ...idle, details_pending: 40, last_error: 'HTTP 429' }, 'en-GB'),
    ).toBe(
      "12,345 customers, 800 bank accounts, 950 verifications\n3 verifications being watched\n40 customers' details still to fetch\nLast error: HTTP 429",
    );
  });
});

describe('the index status line in French', () => {
  beforeAll(() => loadLocale('fr'));
  afterAll(() => loadLocale('en'));

  it('says it all in French, numbers and relative time included (no "updated maintenant")', () => {
    expect(indexStatusText(idle, NOW, 'fr-FR')).toBe(
      'Index\u00a0: 12\u202f345 clients, mis à jour il y a 2 minutes',
    );
    expect(
      indexStatusText({ ...idle, customers: 1, last_sync_at: minutesAgo(0) }, NOW, 'fr-FR'),
    ).toBe('Index\u00a0: 1 client, mis à jour maintenant');
    expect(indexStatusText({ ...idle, state: 'syncing', progress: 0.404 }, NOW, 'fr-FR')).toBe(
      'Indexation… 40\u00a0%',
    );
  });
});
