import type { IndexedVerification } from '../../../store/index/types';

/**
 * The verification queue as CSV for Excel and its like: RFC 4180 (CRLF, quotes
 * doubled), and no cell a spreadsheet would run as a formula.
 */
export const CSV_BOM = '\uFEFF';

export const QUEUE_CSV_HEADER = [
  'customer id',
  'customer name',
  'company',
  'verification id',
  'status',
  'stale',
  'score',
  'provider',
  'expected name',
  'started by',
  'started at',
  'resolved at',
];

/** Cells that open with these are formulas to a spreadsheet (OWASP's CSV injection list). */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  // Numbers we write are data; a text that looks like a formula gets an apostrophe.
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (cells: readonly (string | number | boolean | null | undefined)[]) =>
  `${cells.map(csvCell).join(',')}\r\n`;

export const queueCsvLine = (row: IndexedVerification) =>
  csvLine([
    row.customer_id,
    row.customer_name,
    row.company_name,
    row.id,
    row.status,
    row.stale,
    row.match_score,
    row.provider_id,
    row.expected_name,
    row.started_by,
    row.started_at,
    row.resolved_at,
  ]);

/** verifications-2026-11-25.csv: the day (UTC) it was exported. */
export const queueCsvFileName = (now: number) =>
  `verifications-${new Date(now).toISOString().slice(0, 10)}.csv`;
