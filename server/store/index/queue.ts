import { sql, type Kysely } from 'kysely';
import type { StoreSchema } from '../schema';
import type { IndexedVerification, Page, QueueCounts, QueueFilter } from './types';
import { verificationView } from './views';

type Db = Kysely<StoreSchema>;

const QUEUE_STATUSES = ['pending', 'verified', 'unverified', 'failed', 'stale'] as const;

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
 * Newest activity first; the oldest started first when only pending ones are
 * asked for (what waits longest is what an agent chases).
 */
function orderOf(filter: QueueFilter) {
  const pendingOnly = filter.statuses.length === 1 && filter.statuses[0] === 'pending';
  return pendingOnly
    ? ({ column: 'started_at', direction: 'asc' } as const)
    : ({ column: 'activity_at', direction: 'desc' } as const);
}

/** The filter's rows with their customer's names, in the queue's order. */
function rowsOf(db: Db, filter: QueueFilter) {
  const order = orderOf(filter);
  let query = underFilter(db, filter)
    .innerJoin('index_customers', 'index_customers.id', 'v.customer_id')
    .selectAll('v')
    .select(['first_name', 'last_name', 'company_name']);
  if (filter.statuses.length > 0) query = query.where('v.category', 'in', [...filter.statuses]);
  return query.orderBy(`v.${order.column}`, order.direction).orderBy('v.id', order.direction);
}

type RowsQuery = ReturnType<typeof rowsOf>;

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
        rowsOf(db, filter)
          .limit(page.size)
          .offset((page.number - 1) * page.size)
          .execute(),
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
      const after = order.direction === 'asc' ? '>' : '<';
      let last: { key: number; id: string } | null = null;
      for (;;) {
        let query: RowsQuery = rowsOf(db, filter).limit(batchSize);
        if (last) {
          const { key, id } = last;
          query = query.where((eb) =>
            eb.or([
              eb(`v.${order.column}`, after, key),
              eb.and([eb(`v.${order.column}`, '=', key), eb('v.id', after, id)]),
            ]),
          );
        }
        const rows = await query.execute();
        if (rows.length === 0) return;
        yield rows.map(verificationView);
        if (rows.length < batchSize) return;
        const end = rows.at(-1)!;
        last = { key: end[order.column], id: end.id };
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
