import { expect, it } from 'vitest';
import { describeOnBothDialects } from '../../../store/testing/dialects';
import type { Browser } from '../../../testing/browser';
import { sandboxStats } from '../../../testing/stack';
import { WATCH_SCHEDULE } from '../../index/watcher';
import { walkEnded, withIndexedStack, type IndexedStack } from './harness';

/** A customer with an account in the holder's name, made through the proxy as an agent would. */
async function customerWithAccount(agent: Browser) {
  const made = await agent.fetch('/api/v1/customers', {
    method: 'POST',
    json: { first_name: 'Camille', last_name: 'Lefèvre', email: 'camille.lefevre@example.fr' },
  });
  expect(made.status).toBe(201);
  const customer = (await made.json()) as { id: string };
  const account = await agent.fetch(`/api/v1/customers/${customer.id}/bank-accounts`, {
    method: 'POST',
    json: { iban: 'FR76 3000 6000 0112 3456 7890 189', holder_name: 'Camille Lefèvre' },
  });
  expect(account.status).toBe(201);
  return customer.id;
}

const startVerification = async (
  agent: Browser,
  customerId: string,
  body: object,
  headers: Record<string, string> = {},
) => {
  const started = await agent.fetch(`/api/v1/customers/${customerId}/verification`, {
    method: 'POST',
    json: body,
    headers,
  });
  expect(started.status).toBe(201);
  return ((await started.json()) as { id: string }).id;
};

const indexedVerification = async ({ store }: IndexedStack, customerId: string, id: string) =>
  (await store.index.customerVerifications(customerId)).find((row) => row.id === id);

const eventsOf = async ({ store }: IndexedStack, kind: string) =>
  (await store.index.eventsAfter(0, 100)).filter((event) => event.kind === kind);

describeOnBothDialects('the verification watcher and the feed', (target) => {
  it('records a resolution with no browser open and no read from any client, and announces it once', async () => {
    await withIndexedStack(target, {}, async (indexed) => {
      const { stack, agent, store, clock } = indexed;
      await walkEnded(store);
      const customerId = await customerWithAccount(agent);
      const id = await startVerification(
        agent,
        customerId,
        { expected_name: 'Camille Lefevre' },
        { 'idempotency-key': 'start-verification-1' },
      );
      // Found by a search right after (the create fed the index before answering).
      expect((await store.index.search('lefev cam', 5)).results[0]?.customer.id).toBe(customerId);
      expect(await indexedVerification(indexed, customerId, id)).toMatchObject({
        status: 'pending',
        started_by: 'alice',
        expected_name: 'Camille Lefevre',
      });
      // A retried create is a replay: neither sent nor announced again.
      await startVerification(
        agent,
        customerId,
        { expected_name: 'Camille Lefevre' },
        { 'idempotency-key': 'start-verification-1' },
      );
      expect(await eventsOf(indexed, 'verification_started')).toHaveLength(1);

      // The agent reads nothing from now on; the worker's rounds check it once it is due.
      clock.advance(WATCH_SCHEDULE.fastEveryMs);
      await expect
        .poll(async () => (await indexedVerification(indexed, customerId, id))?.status, {
          timeout: 10_000,
        })
        .toBe('verified');
      const stats = await sandboxStats(stack);
      expect(stats.getCustomerVerificationById).toBeGreaterThanOrEqual(1);
      expect(stats.listAllCustomerVerifications ?? 0).toBe(0);
      // The event is appended once the row is written, so it may land a moment after.
      await expect
        .poll(async () => (await eventsOf(indexed, 'verification_resolved')).length)
        .toBeGreaterThan(0);
      const resolved = await eventsOf(indexed, 'verification_resolved');
      expect(resolved.map((event) => event.payload)).toEqual([
        expect.objectContaining({
          verification_id: id,
          customer_id: customerId,
          customer_name: 'Camille Lefèvre',
          status: 'verified',
          stale: false,
          started_by: 'alice',
        }),
      ]);
      expect((await store.index.counts()).watching).toBe(0);
    });
  });

  it('goes on to the others when the upstream refuses to answer for one verification', async () => {
    await withIndexedStack(target, {}, async (indexed) => {
      const { agent, store, clock } = indexed;
      await walkEnded(store);
      // A customer id the upstream refuses outright (past its path length: a 4xx, not a 404).
      const refused = 'cus_'.padEnd(120, 'x');
      await store.index.upsertCustomers(
        [{ id: refused, first_name: 'Ada', last_name: 'Refused' }],
        clock.now(),
      );
      await store.index.recordVerifications(
        [{ id: 'ver_refused', customerId: refused, status: 'pending' }],
        clock.now(),
        { startedBy: 'alice', expectedName: 'Ada Refused', startedAt: clock.now() },
      );
      clock.advance(1);
      const customerId = await customerWithAccount(agent);
      const id = await startVerification(agent, customerId, {});
      // The refused one is due first, every round.
      clock.advance(WATCH_SCHEDULE.fastEveryMs);
      await expect
        .poll(async () => (await indexedVerification(indexed, customerId, id))?.status, {
          timeout: 10_000,
        })
        .toBe('verified');
      // Still watched on its schedule, not checked again every round.
      const [due] = await store.index.dueVerifications(
        clock.now() + WATCH_SCHEDULE.fastEveryMs,
        10,
      );
      expect(due?.id).toBe('ver_refused');
      expect(await store.index.dueVerifications(clock.now(), 10)).toEqual([]);
    });
  });

  it('takes the customer’s name as the expected name when none is given', async () => {
    await withIndexedStack(target, {}, async (indexed) => {
      const { agent, store } = indexed;
      await walkEnded(store);
      const customerId = await customerWithAccount(agent);
      const id = await startVerification(agent, customerId, {});
      expect(await indexedVerification(indexed, customerId, id)).toMatchObject({
        started_by: 'alice',
        expected_name: 'Camille Lefèvre',
      });
      const [started] = await eventsOf(indexed, 'verification_started');
      expect(started?.payload).toMatchObject({ id, customer_id: customerId, started_by: 'alice' });
    });
  });

  it('checks every 5 s for 2 minutes, then every minute, and marks it stale after a last check at 24 h', async () => {
    await withIndexedStack(
      target,
      { sandbox: { verificationDelayMs: 48 * 3_600_000 } },
      async (indexed) => {
        const { stack, agent, store, clock } = indexed;
        await walkEnded(store);
        const customerId = await customerWithAccount(agent);
        const id = await startVerification(agent, customerId, {});
        const checks = async () => (await sandboxStats(stack)).getCustomerVerificationById ?? 0;
        /** Moves the clock; the watcher asks the upstream once and records the check (its next one scheduled). */
        const checkedAfter = async (ms: number, expected: number) => {
          clock.advance(ms);
          await expect.poll(checks, { timeout: 10_000 }).toBe(expected);
          const checkedAt = new Date(clock.now()).toISOString();
          await expect
            .poll(async () => (await indexedVerification(indexed, customerId, id))?.last_checked_at)
            .toBe(checkedAt);
        };
        /** When the watcher will check it next, as the store has it scheduled. */
        const dueWithin = async (ms: number) =>
          (await store.index.dueVerifications(clock.now() + ms, 10)).some((due) => due.id === id);
        await checkedAfter(WATCH_SCHEDULE.fastEveryMs, 1);
        expect(await dueWithin(WATCH_SCHEDULE.fastEveryMs)).toBe(true);
        await checkedAfter(WATCH_SCHEDULE.fastEveryMs, 2);
        // Past the first 2 minutes: one check then, the next a minute later.
        await checkedAfter(WATCH_SCHEDULE.fastForMs, 3);
        expect(await dueWithin(WATCH_SCHEDULE.slowEveryMs - 1)).toBe(false);
        expect(await dueWithin(WATCH_SCHEDULE.slowEveryMs)).toBe(true);
        await checkedAfter(WATCH_SCHEDULE.slowEveryMs, 4);
        expect(
          (await indexedVerification(indexed, customerId, id))?.last_checked_at,
        ).not.toBeNull();

        clock.advance(WATCH_SCHEDULE.staleAfterMs);
        await expect
          .poll(async () => (await indexedVerification(indexed, customerId, id))?.stale, {
            timeout: 10_000,
          })
          .toBe(true);
        // After a last look at the upstream, which still said pending.
        expect(await checks()).toBe(5);
        // The event is appended once the row is marked, so it may land a moment after.
        await expect
          .poll(async () => (await eventsOf(indexed, 'verification_resolved'))[0]?.payload, {
            timeout: 10_000,
          })
          .toMatchObject({ verification_id: id, stale: true });
        expect((await store.index.counts()).watching).toBe(0);
      },
    );
  });
});
