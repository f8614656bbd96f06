import { Readable } from 'node:stream';
import type { FastifyPluginAsync } from 'fastify';
import type { IndexedVerification } from '../../../store/index/types';
import { problem } from '../../problem';
import { refuseInvalid, routeSchema } from './contract';
import { CSV_BOM, csvLine, QUEUE_CSV_HEADER, queueCsvFileName, queueCsvLine } from './csv';
import { page, queueFilter, type PageQuery, type QueueQuery } from './params';

/** Rows asked of the store at a time while the CSV streams. */
const CSV_BATCH = 500;

/** The verification queue, a page at a time or every row as CSV. */
const queueRoutes: FastifyPluginAsync<{ now: () => number }> = async (app, { now }) => {
  app.get<{ Querystring: QueueQuery & PageQuery }>(
    '/bo/verifications',
    { schema: routeSchema('verificationQueue'), attachValidation: true },
    async (request, reply) => {
      if (request.validationError) return refuseInvalid(request, reply);
      const agent = (await app.signedInAgent(request, reply))!;
      const filter = queueFilter(request.query, agent.username, now());
      if (!filter.ok) return problem(reply, 400, 'validation_failed', filter.message);
      const wanted = page(request.query, 25);
      if (!wanted.ok) return problem(reply, 400, 'validation_failed', wanted.message);
      const { data, count, counts } = await app.store.index.queue(filter.value, wanted.value);
      return { data, meta: { count, counts } };
    },
  );

  app.get<{ Querystring: QueueQuery }>(
    '/bo/verifications.csv',
    {
      schema: routeSchema('exportVerificationQueue'),
      attachValidation: true,
      // A HEAD would read every row only to send none.
      exposeHeadRoute: false,
    },
    async (request, reply) => {
      if (request.validationError) return refuseInvalid(request, reply);
      const agent = (await app.signedInAgent(request, reply))!;
      const at = now();
      const filter = queueFilter(request.query, agent.username, at);
      if (!filter.ok) return problem(reply, 400, 'validation_failed', filter.message);
      const batches = app.store.index.queueRows(filter.value, CSV_BATCH)[Symbol.asyncIterator]();
      // The first batch is read before the answer starts, so a store outage is still a 503.
      const first = await batches.next();
      async function* lines() {
        try {
          yield CSV_BOM + csvLine(QUEUE_CSV_HEADER);
          let batch: IteratorResult<IndexedVerification[]> = first;
          while (!batch.done) {
            yield batch.value.map(queueCsvLine).join('');
            batch = await batches.next();
          }
        } finally {
          // A download cut short releases the store's cursor too.
          await batches.return?.();
        }
      }
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${queueCsvFileName(at)}"`)
        .header('cache-control', 'no-store')
        .send(Readable.from(lines(), { objectMode: false }));
    },
  );
};

export default queueRoutes;
