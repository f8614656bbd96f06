import { schemaRules } from '../../../../openapi/rules';
import type {
  CustomerStatusFilter,
  Page,
  QueueFilter,
  QueueStatusFilter,
} from '../../../store/index/types';

/**
 * The /bo query parameters the contract types only as strings (comma-separated
 * lists, the age window), read into what the store takes. Each reader gives a
 * value, or a sentence saying what is wrong for a 400.
 */
export type Read<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const wrong = <T>(message: string): Read<T> => ({ ok: false, message });

const QUEUE_STATUSES = schemaRules.QueueStatusFilter.enum as readonly QueueStatusFilter[];
const CUSTOMER_STATUSES = schemaRules.CustomerStatusFilter.enum as readonly CustomerStatusFilter[];

/** A comma-separated list of enum values; empty (or absent) is none, repeats count once. */
function statusList<T extends string>(raw: string | undefined, allowed: readonly T[]): Read<T[]> {
  const given = (raw ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const unknown = given.find((part) => !(allowed as readonly string[]).includes(part));
  if (unknown !== undefined) {
    return wrong(`Unknown status "${unknown.slice(0, 40)}": use ${allowed.join(', ')}.`);
  }
  return ok([...new Set(given)] as T[]);
}

export const queueStatuses = (raw: string | undefined) => statusList(raw, QUEUE_STATUSES);
export const customerStatuses = (raw: string | undefined) => statusList(raw, CUSTOMER_STATUSES);

const HOUR_MS = 3_600_000;
export const AGE_WINDOWS_MS = {
  '1h': HOUR_MS,
  '24h': 24 * HOUR_MS,
  '7d': 7 * 24 * HOUR_MS,
  '30d': 30 * 24 * HOUR_MS,
} as const;
export type AgeWindow = keyof typeof AGE_WINDOWS_MS;

/** The queue's query (status, mine, age; the contract has checked mine and age). */
export interface QueueQuery {
  status?: string;
  mine?: boolean;
  age?: AgeWindow;
}

export function queueFilter(query: QueueQuery, username: string, now: number): Read<QueueFilter> {
  const statuses = queueStatuses(query.status);
  if (!statuses.ok) return statuses;
  return ok({
    statuses: statuses.value,
    ...(query.mine ? { startedBy: username } : {}),
    ...(query.age ? { startedSince: now - AGE_WINDOWS_MS[query.age] } : {}),
  });
}

/** Past this many rows skipped, a page is refused rather than sent to the database as a huge offset. */
const MAX_OFFSET = 1_000_000_000;

export interface PageQuery {
  'page[number]'?: number;
  'page[size]'?: number;
}

export function page(query: PageQuery, defaultSize: number): Read<Page> {
  const number = query['page[number]'] ?? 1;
  const size = query['page[size]'] ?? defaultSize;
  if ((number - 1) * size > MAX_OFFSET) {
    return wrong(`page[number] ${number} is past any list the index can hold.`);
  }
  return ok({ number, size });
}

export const MAX_STATUS_IDS = 100;

/** Customer ids for the status column: comma-separated, at most 100, none empty. */
export function customerIds(raw: string): Read<string[]> {
  const ids = raw.split(',').map((id) => id.trim());
  if (ids.some((id) => id === '')) {
    return wrong('ids is a comma-separated list of customer ids, none of them empty.');
  }
  if (ids.length > MAX_STATUS_IDS) {
    return wrong(`At most ${MAX_STATUS_IDS} ids at once (${ids.length} given).`);
  }
  if (ids.some((id) => id.length > 128)) return wrong('A customer id has at most 128 characters.');
  return ok([...new Set(ids)]);
}
