import { formatLocale as locale } from './i18n';

/** Dates and numbers in the dashboard's language (the browser's own variant of it). Pure, so unit-tested. */
export function formatDateTime(iso: string | undefined, localeName = locale()): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return new Intl.DateTimeFormat(localeName, { dateStyle: 'medium', timeStyle: 'short' }).format(
    date,
  );
}

export function formatDate(iso: string | undefined, localeName = locale()): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return new Intl.DateTimeFormat(localeName, { dateStyle: 'medium' }).format(date);
}

export function formatCount(value: number, localeName = locale()): string {
  return new Intl.NumberFormat(localeName).format(value);
}

export function formatPercent(score: number | undefined, localeName = locale()): string {
  if (score === undefined) return '—';
  return new Intl.NumberFormat(localeName, { style: 'percent', maximumFractionDigits: 0 }).format(
    score,
  );
}
