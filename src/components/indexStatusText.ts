import type { IndexStatus } from '../api/indexStatus';
import { formatRelative } from '../lib/relativeTime';

const locale = () => (typeof navigator === 'undefined' ? 'en-GB' : navigator.language);

/**
 * The index's state in one discreet line: its size and freshness when idle,
 * the progress of a full walk, or why it waits.
 */
export function indexStatusText(status: IndexStatus, now: number, localeName = locale()): string {
  const count = new Intl.NumberFormat(localeName).format(status.customers);
  const customers = `${count} customer${status.customers === 1 ? '' : 's'}`;
  // A 429 or a failure being waited out; the tooltip gives the reason (last_error).
  if (status.state === 'waiting') return 'Index waiting for the Customers API';
  if (status.state === 'syncing' && status.progress !== null) {
    const percent = new Intl.NumberFormat(localeName, {
      style: 'percent',
      maximumFractionDigits: 0,
    }).format(status.progress);
    return `Indexing… ${percent}`;
  }
  if (status.state === 'syncing') return `Index: ${customers}, updating…`;
  if (!status.last_sync_at) return 'Index: not built yet';
  return `Index: ${customers}, updated ${formatRelative(status.last_sync_at, now, localeName)}`;
}

/** The details behind the line, for its tooltip. */
export function indexStatusDetails(status: IndexStatus, localeName = locale()): string {
  const number = new Intl.NumberFormat(localeName);
  const lines = [
    `${number.format(status.customers)} customers, ${number.format(status.bank_accounts)} bank accounts, ${number.format(status.verifications)} verifications`,
    `${number.format(status.watching)} verifications being watched`,
  ];
  if (status.details_pending > 0)
    lines.push(`${number.format(status.details_pending)} customers' details still to fetch`);
  if (status.last_error) lines.push(`Last error: ${status.last_error}`);
  return lines.join('\n');
}
