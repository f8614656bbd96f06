import { sql, type Kysely } from 'kysely';
import type { StoreSchema } from '../schema';
import { lowerKey } from './searchKeys';
import type { ActivityItem, CustomerIndex, IndexCounts, IndexedCustomer } from './types';
import { CUSTOMER_COLUMNS, customerView, iso, latestView, OPEN_CATEGORIES } from './views';

type Db = Kysely<StoreSchema>;
type Reads = Pick<
  CustomerIndex,
  'listCustomers' | 'latestVerifications' | 'activity' | 'duplicates' | 'counts'
>;

/** The audit actions the timeline shows. */
const ACTIVITY_ACTIONS = [
  'customer_created',
  'bank_account_added',
  'verification_started',
  'iban_revealed',
] as const;

type ActivityKind = ActivityItem['kind'];

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const number = (value: unknown): number | null => (typeof value === 'number' ? value : null);

async function countOf(query: {
  executeTakeFirstOrThrow(): Promise<{ count: number | string | bigint }>;
}): Promise<number> {
  return Number((await query.executeTakeFirstOrThrow()).count);
}

export function indexReads(db: Db): Reads {
  return {
    async listCustomers(statuses, page) {
      let query = db.selectFrom('index_customers');
      if (statuses.length > 0) query = query.where('latest_category', 'in', [...statuses]);
      const [rows, count] = await Promise.all([
        query
          .select(CUSTOMER_COLUMNS)
          .orderBy('created_ms', 'desc')
          .orderBy('index_customers.id', 'desc')
          .limit(page.size)
          .offset((page.number - 1) * page.size)
          .execute(),
        countOf(query.select(sql<number>`count(*)`.as('count'))),
      ]);
      return { data: rows.map(customerView), count };
    },

    async latestVerifications(customerIds) {
      const answer: Record<string, ReturnType<typeof latestView>> = {};
      if (customerIds.length === 0) return answer;
      for (const id of customerIds) answer[id] = null;
      const rows = await db
        .selectFrom('index_customers')
        .select(CUSTOMER_COLUMNS)
        .where('index_customers.id', 'in', [...new Set(customerIds)])
        .execute();
      for (const row of rows) answer[row.id] = latestView(row);
      return answer;
    },

    async activity(customerId) {
      const audited = await db
        .selectFrom('audit_events')
        .select(['at', 'actor', 'action', 'target_id', 'outcome', 'details'])
        .where('customer_id', '=', customerId)
        .where('action', 'in', [...ACTIVITY_ACTIONS])
        .execute();
      const items: ActivityItem[] = audited.map((row) => {
        const details = row.details ? (JSON.parse(row.details) as Record<string, unknown>) : {};
        const onAccount = row.action === 'bank_account_added' || row.action === 'iban_revealed';
        return {
          at: iso(row.at)!,
          kind: row.action as ActivityKind,
          actor: row.actor,
          outcome: row.outcome,
          bank_account_id: onAccount ? row.target_id : text(details.bank_account_id),
          iban_last4: text(details.iban_last4),
          holder_name: text(details.holder_name),
          verification_id:
            row.action === 'verification_started' ? row.target_id : text(details.verification_id),
          expected_name: text(details.expected_name),
          status: text(details.status),
          match_score: number(details.match_score),
        };
      });
      const verifications = await db
        .selectFrom('index_verifications')
        .select(['id', 'status', 'category', 'match_score', 'resolved_at', 'started_at'])
        .select('last_checked_at')
        .where('customer_id', '=', customerId)
        // Still open (pending, cancelled): nothing resolved to show yet.
        .where('category', 'not in', [...OPEN_CATEGORIES])
        .execute();
      for (const row of verifications) {
        const stale = row.category === 'stale';
        items.push({
          at: iso(
            stale ? (row.last_checked_at ?? row.started_at) : (row.resolved_at ?? row.started_at),
          )!,
          kind: stale ? 'verification_stale' : 'verification_resolved',
          actor: null,
          outcome: stale ? 'stale' : 'resolved',
          verification_id: row.id,
          status: row.status,
          match_score: row.match_score,
        });
      }
      return items.sort((a, b) => b.at.localeCompare(a.at));
    },

    async duplicates(email, externalId) {
      const found: { field: 'email' | 'external_id'; customer: IndexedCustomer }[] = [];
      const keys = [
        ['email', 'email_key', lowerKey(email)],
        ['external_id', 'external_id_key', lowerKey(externalId)],
      ] as const;
      for (const [field, column, key] of keys) {
        if (key === null) continue;
        const rows = await db
          .selectFrom('index_customers')
          .select(CUSTOMER_COLUMNS)
          .where(column, '=', key)
          .orderBy('created_ms', 'desc')
          .limit(5)
          .execute();
        for (const row of rows) found.push({ field, customer: customerView(row) });
      }
      return found;
    },

    async counts(): Promise<IndexCounts> {
      const count = sql<number>`count(*)`.as('count');
      const [customers, bankAccounts, verifications, watching, detailsPending] = await Promise.all([
        countOf(db.selectFrom('index_customers').select(count)),
        countOf(db.selectFrom('index_bank_accounts').select(count)),
        countOf(db.selectFrom('index_verifications').select(count)),
        countOf(
          db.selectFrom('index_verifications').select(count).where('next_check_at', 'is not', null),
        ),
        countOf(
          db.selectFrom('index_customers').select(count).where('details_synced_at', 'is', null),
        ),
      ]);
      return { customers, bankAccounts, verifications, watching, detailsPending };
    },
  };
}
