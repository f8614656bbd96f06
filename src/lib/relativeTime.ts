import { formatLocale as locale } from './i18n';

/** "5 minutes ago", "yesterday": how long ago, in the dashboard's language, beside the exact time. */
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

export function formatRelative(
  iso: string | null | undefined,
  now = Date.now(),
  localeName = locale(),
): string {
  if (!iso) return '—';
  const at = new Date(iso).getTime();
  if (Number.isNaN(at)) return '—';
  const seconds = Math.round((at - now) / 1000);
  const format = new Intl.RelativeTimeFormat(localeName, { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  }
  // Under a minute reads as "now" rather than a count of seconds that is already wrong.
  return format.format(0, 'second');
}
