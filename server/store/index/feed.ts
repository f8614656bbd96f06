import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import { deleted } from '../deleted';
import type {
  IndexCustomersTable,
  IndexVerificationsTable,
  StoreDialect,
  StoreSchema,
} from '../schema';
import { ibanLast4, lowerKey, nameWordsKey, phoneKey } from './searchKeys';
import {
  isFinalVerificationStatus,
  type BankAccountSeen,
  type CustomerIndex,
  type CustomerSeen,
  type VerificationSeen,
  type VerificationStart,
  type VerificationTransition,
} from './types';
import { categoryOf, fullName } from './views';

/** A verification seen non-final is first checked this long after. */
export const FIRST_CHECK_DELAY_MS = 5_000;

type Db = Kysely<StoreSchema>;
type Feed = Pick<
  CustomerIndex,
  | 'upsertCustomers'
  | 'removeCustomersNotWalked'
  | 'customersNotWalked'
  | 'upsertBankAccounts'
  | 'recordVerifications'
  | 'markDetailsSynced'
  | 'customersNeedingDetails'
  | 'dueVerifications'
  | 'scheduleCheck'
  | 'markStale'
>;

const millis = (text: string | null | undefined): number | null => {
  const ms = text ? Date.parse(text) : NaN;
  return Number.isFinite(ms) ? ms : null;
};

/** Last one wins when an answer names an id twice. */
const byId = <T extends { id: string }>(items: readonly T[]): T[] => [
  ...new Map(items.map((item) => [item.id, item])).values(),
];

/**
 * Customers a walk did not see, nor created or changed since it began (the
 * walk, newest first, cannot see a customer created through the proxy after it
 * set out).
 */
function notWalkedBy(db: Db, walkId: string, walkStartedAt: number) {
  return db
    .selectFrom('index_customers')
    .select('id')
    .where((eb) => eb.or([eb('seen_walk', 'is', null), eb('seen_walk', '!=', walkId)]))
    .where('updated_at', '<', walkStartedAt);
}

function customerRow(
  customer: CustomerSeen,
  now: number,
  walkId: string | undefined,
): Insertable<IndexCustomersTable> {
  const seen = {
    first_name: customer.first_name ?? '',
    last_name: customer.last_name ?? '',
    company_name: customer.company_name ?? null,
    email: customer.email ?? null,
    phone: customer.phone ?? null,
    external_id: customer.external_id ?? null,
    address: customer.address ? JSON.stringify(customer.address) : null,
    created_at: customer.created_at ?? null,
  };
  return {
    id: customer.id,
    ...seen,
    created_ms: millis(customer.created_at) ?? now,
    name_words: nameWordsKey(seen.first_name, seen.last_name, seen.company_name),
    email_key: lowerKey(seen.email),
    phone_key: phoneKey(seen.phone),
    external_id_key: lowerKey(seen.external_id),
    fingerprint: JSON.stringify(seen),
    seen_walk: walkId ?? null,
    updated_at: now,
  };
}

/** Columns an upsert overwrites (not the details, watch or latest-verification columns). */
const SEEN_COLUMNS = [
  'first_name',
  'last_name',
  'company_name',
  'email',
  'phone',
  'external_id',
  'address',
  'created_at',
  'created_ms',
  'name_words',
  'email_key',
  'phone_key',
  'external_id_key',
  'fingerprint',
  'updated_at',
] as const;

/**
 * Puts each customer's newest verification (by start) on its row, for the list
 * and search, in one statement. Only for customers that have one.
 */
async function refreshLatest(db: Db, customerIds: readonly string[]): Promise<void> {
  if (customerIds.length === 0) return;
  await sql`update index_customers
    set (latest_id, latest_status, latest_stale, latest_score, latest_at, latest_category) = (
      select v.id, v.status, v.stale, v.match_score, v.started_at, v.category
      from index_verifications v
      where v.customer_id = index_customers.id
      order by v.started_at desc, v.id desc
      limit 1)
    where id in (${sql.join([...new Set(customerIds)])})`.execute(db);
}

/** The verification as the watcher and the queue need it after this sighting. */
function nextVerificationRow(
  seen: VerificationSeen,
  before: Selectable<IndexVerificationsTable> | undefined,
  now: number,
  start: VerificationStart | undefined,
): Insertable<IndexVerificationsTable> {
  const final = isFinalVerificationStatus(seen.status);
  const wasFinal = before !== undefined && isFinalVerificationStatus(before.status);
  const stale = !final && before?.stale === 1 ? 1 : 0;
  const startedAt = start?.startedAt ?? before?.started_at ?? now;
  let resolvedAt: number | null = null;
  if (final) {
    const given = millis(seen.resolvedAt);
    // Seen turning final now: it resolved by now. Seen final at once, never watched: unknown.
    resolvedAt = given ?? before?.resolved_at ?? (before !== undefined || start ? now : null);
  }
  const watching = !final && stale === 0;
  let nextCheckAt: number | null = null;
  let watchedSince: number | null = before?.watched_since ?? null;
  if (watching) {
    const watched = before !== undefined && !wasFinal && before.watched_since !== null;
    nextCheckAt = watched ? before.next_check_at : now + FIRST_CHECK_DELAY_MS;
    watchedSince = watched ? before.watched_since : (start?.startedAt ?? now);
  }
  return {
    id: seen.id,
    customer_id: seen.customerId,
    status: seen.status,
    stale,
    category: categoryOf(seen.status, stale === 1),
    match_score: seen.matchScore !== undefined ? seen.matchScore : (before?.match_score ?? null),
    provider_id: seen.providerId !== undefined ? seen.providerId : (before?.provider_id ?? null),
    expected_name: start ? start.expectedName : (before?.expected_name ?? null),
    started_by: start ? start.startedBy : (before?.started_by ?? null),
    started_at: startedAt,
    resolved_at: resolvedAt,
    activity_at: resolvedAt ?? startedAt,
    last_checked_at: before?.last_checked_at ?? null,
    watched_since: watchedSince,
    next_check_at: nextCheckAt,
  };
}

export function indexFeed(db: Db, dialect: StoreDialect): Feed {
  return {
    upsertCustomers: (customers, now, walkId) =>
      db.transaction().execute(async (trx) => {
        const rows = byId(customers).map((customer) => customerRow(customer, now, walkId));
        if (walkId !== undefined) {
          await trx
            .insertInto('index_walks')
            .values({ id: walkId, started_at: now })
            .onConflict((conflict) => conflict.column('id').doNothing())
            .execute();
        }
        if (rows.length === 0) return 0;
        const ids = rows.map((row) => row.id);
        const before = new Map(
          (
            await trx
              .selectFrom('index_customers')
              .select(['id', 'fingerprint', 'seen_walk'])
              .where('id', 'in', ids)
              .execute()
          ).map((row) => [row.id, row]),
        );
        const changed = rows.filter((row) => before.get(row.id)?.fingerprint !== row.fingerprint);
        if (changed.length > 0) {
          await trx
            .insertInto('index_customers')
            .values(changed)
            .onConflict((conflict) =>
              conflict.column('id').doUpdateSet((eb) => {
                const set = Object.fromEntries(
                  SEEN_COLUMNS.map((column) => [column, eb.ref(`excluded.${column}`)]),
                );
                if (walkId !== undefined) set.seen_walk = eb.ref('excluded.seen_walk');
                return set;
              }),
            )
            .execute();
        }
        const changedIds = new Set(changed.map((row) => row.id));
        const unchanged = ids.filter((id) => !changedIds.has(id));
        if (walkId !== undefined && unchanged.length > 0) {
          await trx
            .updateTable('index_customers')
            .set({ seen_walk: walkId })
            .where('id', 'in', unchanged)
            .execute();
        }
        // To a walk, a customer only the proxy's answers had indexed is new: an agent's reads
        // of the newest customers must not end an incremental walk before the ones behind them.
        const newToWalks =
          walkId === undefined ? [] : unchanged.filter((id) => before.get(id)!.seen_walk === null);
        return changed.length + newToWalks.length;
      }),

    async customersNotWalked(walkId, limit) {
      const walk = await db
        .selectFrom('index_walks')
        .select('started_at')
        .where('id', '=', walkId)
        .executeTakeFirst();
      if (!walk) return [];
      const rows = await notWalkedBy(db, walkId, walk.started_at).limit(limit).execute();
      return rows.map((row) => row.id);
    },

    removeCustomersNotWalked: (walkId) =>
      db.transaction().execute(async (trx) => {
        const walk = await trx
          .selectFrom('index_walks')
          .select('started_at')
          .where('id', '=', walkId)
          .executeTakeFirst();
        if (!walk) return 0;
        const notWalked = notWalkedBy(trx, walkId, walk.started_at);
        await trx.deleteFrom('index_verifications').where('customer_id', 'in', notWalked).execute();
        await trx.deleteFrom('index_bank_accounts').where('customer_id', 'in', notWalked).execute();
        const removed = await deleted(
          trx.deleteFrom('index_customers').where('id', 'in', notWalked),
        );
        await trx.deleteFrom('index_walks').where('started_at', '<=', walk.started_at).execute();
        return removed;
      }),

    async upsertBankAccounts(accounts, now) {
      const rows = byId(accounts).map((account: BankAccountSeen) => ({
        id: account.id,
        customer_id: account.customerId,
        iban_last4: ibanLast4(account.iban),
        holder_name: account.holderName ?? null,
        verified: account.verified === undefined ? null : Number(account.verified),
        seen_at: now,
      }));
      if (rows.length === 0) return;
      await db
        .insertInto('index_bank_accounts')
        .values(rows)
        .onConflict((conflict) =>
          conflict.column('id').doUpdateSet((eb) => ({
            customer_id: eb.ref('excluded.customer_id'),
            // An answer without the IBAN (or holder) keeps what an earlier one said.
            iban_last4: eb.fn.coalesce('excluded.iban_last4', 'index_bank_accounts.iban_last4'),
            holder_name: eb.fn.coalesce('excluded.holder_name', 'index_bank_accounts.holder_name'),
            verified: eb.fn.coalesce('excluded.verified', 'index_bank_accounts.verified'),
            seen_at: eb.ref('excluded.seen_at'),
          })),
        )
        .execute();
    },

    recordVerifications: (verifications, now, start) =>
      db.transaction().execute(async (trx) => {
        const seen = byId(verifications);
        if (seen.length === 0) return [];
        const customers = await trx
          .selectFrom('index_customers')
          .select(['id', 'first_name', 'last_name'])
          .where('id', 'in', [...new Set(seen.map((v) => v.customerId))])
          .execute();
        const names = new Map(customers.map((customer) => [customer.id, fullName(customer)]));
        const known = seen.filter((verification) => names.has(verification.customerId));
        if (known.length === 0) return [];
        let earlier = trx
          .selectFrom('index_verifications')
          .selectAll()
          .where(
            'id',
            'in',
            known.map((v) => v.id),
          )
          .orderBy('id');
        // Two writers seeing one resolution at once (the watcher, an agent's read, another
        // replica): the second waits here and finds it final, so it is announced once.
        // SQLite runs one write transaction at a time already.
        if (dialect === 'postgres') earlier = earlier.forUpdate();
        const before = new Map((await earlier.execute()).map((row) => [row.id, row]));
        const transitions: VerificationTransition[] = [];
        const rows = known.map((verification) => {
          const earlier = before.get(verification.id);
          const row = nextVerificationRow(verification, earlier, now, start);
          const final = isFinalVerificationStatus(row.status);
          const turnedFinal = earlier
            ? !isFinalVerificationStatus(earlier.status)
            : start !== undefined;
          if (final && turnedFinal) {
            transitions.push({
              verification_id: row.id,
              customer_id: row.customer_id,
              customer_name: names.get(row.customer_id)!,
              status: row.status,
              stale: false,
              match_score: row.match_score ?? null,
              started_by: row.started_by ?? null,
              at: now,
            });
          }
          return row;
        });
        await trx
          .insertInto('index_verifications')
          .values(rows)
          .onConflict((conflict) =>
            conflict.column('id').doUpdateSet((eb) => ({
              customer_id: eb.ref('excluded.customer_id'),
              status: eb.ref('excluded.status'),
              stale: eb.ref('excluded.stale'),
              category: eb.ref('excluded.category'),
              match_score: eb.ref('excluded.match_score'),
              provider_id: eb.ref('excluded.provider_id'),
              expected_name: eb.ref('excluded.expected_name'),
              started_by: eb.ref('excluded.started_by'),
              started_at: eb.ref('excluded.started_at'),
              resolved_at: eb.ref('excluded.resolved_at'),
              activity_at: eb.ref('excluded.activity_at'),
              watched_since: eb.ref('excluded.watched_since'),
              next_check_at: eb.ref('excluded.next_check_at'),
            })),
          )
          .execute();
        await refreshLatest(
          trx,
          rows.map((row) => row.customer_id),
        );
        return transitions;
      }),

    async markDetailsSynced(customerIds, now) {
      if (customerIds.length === 0) return;
      await db
        .updateTable('index_customers')
        .set({ details_synced_at: now })
        .where('id', 'in', [...customerIds])
        .execute();
    },

    async customersNeedingDetails(limit) {
      const rows = await db
        .selectFrom('index_customers')
        .select('id')
        .where('details_synced_at', 'is', null)
        .orderBy('created_ms', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map((row) => row.id);
    },

    async dueVerifications(now, limit) {
      const rows = await db
        .selectFrom('index_verifications')
        .select(['id', 'customer_id', 'watched_since', 'started_at'])
        .where('next_check_at', '<=', now)
        .orderBy('next_check_at')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map((row) => ({
        id: row.id,
        customerId: row.customer_id,
        watchedSince: row.watched_since ?? row.started_at,
      }));
    },

    async scheduleCheck(id, now, nextCheckAt) {
      await db
        .updateTable('index_verifications')
        .set({ last_checked_at: now, next_check_at: nextCheckAt })
        .where('id', '=', id)
        .execute();
    },

    markStale: (id, now) =>
      db.transaction().execute(async (trx) => {
        let read = trx
          .selectFrom('index_verifications')
          .innerJoin('index_customers', 'index_customers.id', 'index_verifications.customer_id')
          .select([
            'index_verifications.id',
            'customer_id',
            'status',
            'stale',
            'match_score',
            'started_by',
            'first_name',
            'last_name',
          ])
          .where('index_verifications.id', '=', id);
        // A resolution recorded at the same moment waits, or is waited for: never a verified one marked stale.
        if (dialect === 'postgres') read = read.forUpdate('index_verifications');
        const row = await read.executeTakeFirst();
        if (!row || row.stale === 1 || isFinalVerificationStatus(row.status)) return null;
        await trx
          .updateTable('index_verifications')
          .set({ stale: 1, category: 'stale', next_check_at: null, last_checked_at: now })
          .where('id', '=', id)
          .execute();
        await refreshLatest(trx, [row.customer_id]);
        return {
          verification_id: row.id,
          customer_id: row.customer_id,
          customer_name: fullName(row),
          status: row.status,
          stale: true,
          match_score: row.match_score,
          started_by: row.started_by,
          at: now,
        };
      }),
  };
}
