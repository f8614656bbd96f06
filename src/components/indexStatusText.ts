import type { IndexStatus } from '../api/indexStatus';
import { formatLocale as locale, t } from '../lib/i18n';
import { formatRelative } from '../lib/relativeTime';

/**
 * The index's state in one discreet line: its size and freshness when idle,
 * the progress of a full walk, or why it waits.
 */
export function indexStatusText(status: IndexStatus, now: number, localeName = locale()): string {
  const count = new Intl.NumberFormat(localeName).format(status.customers);
  const customers = t('{count, plural, one {{formatted} customer} other {{formatted} customers}}', {
    count: status.customers,
    formatted: count,
  });
  // A 429 or a failure being waited out; the tooltip gives the reason (last_error).
  if (status.state === 'waiting') return t('Index waiting for the Customers API');
  if (status.state === 'syncing' && status.progress !== null) {
    const percent = new Intl.NumberFormat(localeName, {
      style: 'percent',
      maximumFractionDigits: 0,
    }).format(status.progress);
    return t('Indexing… {percent}', { percent });
  }
  if (status.state === 'syncing') return t('Index: {customers}, updating…', { customers });
  if (!status.last_sync_at) return t('Index: not built yet');
  return t('Index: {customers}, updated {ago}', {
    customers,
    ago: formatRelative(status.last_sync_at, now, localeName),
  });
}

/** The details behind the line, for its tooltip. */
export function indexStatusDetails(status: IndexStatus, localeName = locale()): string {
  const number = new Intl.NumberFormat(localeName);
  const lines = [
    t('{customers} customers, {accounts} bank accounts, {verifications} verifications', {
      customers: number.format(status.customers),
      accounts: number.format(status.bank_accounts),
      verifications: number.format(status.verifications),
    }),
    t('{count} verifications being watched', { count: number.format(status.watching) }),
  ];
  if (status.details_pending > 0)
    lines.push(
      t("{count} customers' details still to fetch", {
        count: number.format(status.details_pending),
      }),
    );
  if (status.last_error) lines.push(t('Last error: {error}', { error: status.last_error }));
  return lines.join('\n');
}
