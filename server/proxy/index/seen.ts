import type { BankAccountSeen, CustomerSeen, VerificationSeen } from '../../store/index/types';

/**
 * Upstream JSON as the index takes it. The Customers API is read tolerantly
 * (unknown fields pass, odd ones are dropped): a row without an id is skipped,
 * never an error, so one strange record cannot stop the sync or an agent's call.
 */
type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;

/** The `data` array of a list answer (empty when there is none). */
export function listData(body: unknown): Json[] {
  const data = isObject(body) ? body.data : undefined;
  return Array.isArray(data) ? data.filter(isObject) : [];
}

/** Whether the answer is a list answer at all (`data` an array). */
export function hasListData(body: unknown): boolean {
  return isObject(body) && Array.isArray(body.data);
}

/** `meta.count` of a list answer, when it says one. */
export function listCount(body: unknown): number | undefined {
  const meta = isObject(body) ? body.meta : undefined;
  const count = isObject(meta) ? meta.count : undefined;
  return typeof count === 'number' && Number.isFinite(count) ? count : undefined;
}

export function customerSeen(row: unknown): CustomerSeen | undefined {
  if (!isObject(row) || !text(row.id)) return undefined;
  const customer: CustomerSeen = { id: row.id as string };
  for (const field of [
    'first_name',
    'last_name',
    'company_name',
    'email',
    'phone',
    'external_id',
    'created_at',
  ] as const) {
    const value = text(row[field]);
    if (value !== undefined) customer[field] = value;
  }
  if (isObject(row.address)) customer.address = row.address;
  return customer;
}

export function bankAccountSeen(row: unknown, customerId: string): BankAccountSeen | undefined {
  if (!isObject(row) || !text(row.id)) return undefined;
  return {
    id: row.id as string,
    customerId,
    ...(text(row.iban) === undefined ? {} : { iban: row.iban as string }),
    ...(text(row.holder_name) === undefined ? {} : { holderName: row.holder_name as string }),
    ...(typeof row.verified === 'boolean' ? { verified: row.verified } : {}),
  };
}

export function verificationSeen(row: unknown, customerId: string): VerificationSeen | undefined {
  if (!isObject(row) || !text(row.id) || !text(row.status)) return undefined;
  return {
    id: row.id as string,
    customerId,
    status: row.status as string,
    matchScore: typeof row.match_score === 'number' ? row.match_score : null,
    providerId: text(row.provider_id) ?? null,
    resolvedAt: text(row.verified_at) ?? null,
  };
}

/** Each row converted, the unusable ones left out. */
export function allSeen<T>(
  rows: readonly unknown[],
  convert: (row: unknown) => T | undefined,
): T[] {
  return rows.flatMap((row) => {
    const seen = convert(row);
    return seen === undefined ? [] : [seen];
  });
}
