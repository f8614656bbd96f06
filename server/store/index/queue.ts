import { sql, type Kysely } from 'kysely';
import type { StoreSchema } from '../schema';
import type {
  IndexedVerification,
  Page,
  QueueCounts,
  QueueFilter,
  QueueStatusFilter,
} from './types';
import { OPEN_CATEGORIES, verificationView } from './views';

type Db = Kysely<StoreSchema>;

const QUEUE_STATUSES = [
  'pending',
  'cancelled',
  'verified',
  'unverified',
  'failed',
  'stale',
] as const;

/**
 * Verifications under the agent and age filters. Each has its customer: one of
 * an unknown customer is never recorded, and removing a customer removes its
 * verifications; so counting needs no join.
 */
function underFilter(db: Db, filter: QueueFilter) {
  let query = db.selectFrom('index_verifications as v');
  if (filter.startedBy !== undefined) query = query.where('v.started_by', '=', filter.startedBy);
  if (filter.startedSince !== undefined)
    query = query.where('v.started_at', '>=', filter.startedSince);
  return query;
}

/**
 * Newest activity first; the oldest started first when only open ones (pending,
 * cancelled) are asked for (what waits longest is what an agent chases).
 */
function orderOf(filter: QueueFilter) {
  const openOnly =
    filter.statuses.length > 0 &&
    filter.statuses.every((status) => (OPEN_CATEGORIES as readonly string[]).includes(status));
  return openOnly
    ? ({ column: 'started_at', direction: 'asc' } as const)
    : ({ column: 'activity_at', direction: 'desc' } as const);
}

/** Where a keyset page starts: after this row of the queue's order. */
interface After {
  key: number;
  id: string;
}

/**
 * The filter's rows with their customer's names, in the queue's order, from
 * `offset` (or after a row). One status, or all, reads one index in order;
 * several statuses in one `in` would make the database sort every row of them,
 * so each reads its own index and only the first rows of each are merged.
 */
function rowsOf(db: Db, filter: QueueFilter, at: { offset: number; limit: number; after?: After }) {
  const order = orderOf(filter);
  const beyond = order.direction === 'asc' ? '>' : '<';
  const branch = (statuses: readonly QueueStatusFilter[]) => {
    let query = underFilter(db, filter)
      .innerJoin('index_customers', 'index_customers.id', 'v.customer_id')
      .selectAll('v')
      .select(['first_name', 'last_name', 'company_name']);
    if (statuses.length > 0) query = query.where('v.category', 'in', [...statuses]);
    if (at.after) {
      const { key, id } = at.after;
      query = query.where((eb) =>
        eb.or([
          eb(`v.${order.column}`, beyond, key),
          eb.and([eb(`v.${order.column}`, '=', key), eb('v.id', beyond, id)]),
        ]),
      );
    }
    return query.orderBy(`v.${order.column}`, order.direction).orderBy('v.id', order.direction);
  };
  const statuses = [...new Set(filter.statuses)];
  if (statuses.length <= 1) return branch(statuses).limit(at.limit).offset(at.offset).execute();
  const merged = statuses
    .map((status, n) =>
      db
        .selectFrom(
          branch([status])
            .limit(at.offset + at.limit)
            .as(`status${n}`),
        )
        .selectAll(),
    )
    .reduce((all, next) => all.unionAll(next));
  return db
    .selectFrom(merged.as('merged'))
    .selectAll()
    .orderBy(order.column, order.direction)
    .orderBy('id', order.direction)
    .limit(at.limit)
    .offset(at.offset)
    .execute();
}

export function indexQueue(db: Db) {
  async function counts(filter: QueueFilter): Promise<QueueCounts> {
    const rows = await underFilter(db, filter)
      .select(['v.category', sql<number>`count(*)`.as('count')])
      .groupBy('v.category')
      .execute();
    const counts = Object.fromEntries(QUEUE_STATUSES.map((status) => [status, 0])) as QueueCounts;
    for (const row of rows) {
      if (row.category in counts) counts[row.category as keyof QueueCounts] = Number(row.count);
    }
    return counts;
  }

  return {
    async queue(
      filter: QueueFilter,
      page: Page,
    ): Promise<{ data: IndexedVerification[]; count: number; counts: QueueCounts }> {
      const [rows, perStatus] = await Promise.all([
        rowsOf(db, filter, { offset: (page.number - 1) * page.size, limit: page.size }),
        counts(filter),
      ]);
      // The filter's rows are the counts of its statuses (of all, with none).
      const statuses = filter.statuses.length > 0 ? filter.statuses : QUEUE_STATUSES;
      const count = [...new Set(statuses)].reduce((sum, status) => sum + perStatus[status], 0);
      return { data: rows.map(verificationView), count, counts: perStatus };
    },

    /** Keyset pages over the queue's order, so a CSV of any size never sits in memory whole. */
    async *queueRows(filter: QueueFilter, batchSize = 500): AsyncIterable<IndexedVerification[]> {
      const order = orderOf(filter);
      let after: After | undefined;
      for (;;) {
        const rows = await rowsOf(db, filter, { offset: 0, limit: batchSize, after });
        if (rows.length === 0) return;
        yield rows.map(verificationView);
        if (rows.length < batchSize) return;
        const end = rows.at(-1)!;
        after = { key: end[order.column], id: end.id };
      }
    },

    async customerVerifications(customerId: string): Promise<IndexedVerification[]> {
      const rows = await db
        .selectFrom('index_verifications as v')
        .innerJoin('index_customers', 'index_customers.id', 'v.customer_id')
        .selectAll('v')
        .select(['first_name', 'last_name', 'company_name'])
        .where('v.customer_id', '=', customerId)
        .orderBy('v.started_at', 'desc')
        .orderBy('v.id', 'desc')
        .execute();
      return rows.map(verificationView);
    },
  };
}
