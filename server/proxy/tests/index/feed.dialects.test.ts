import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeOnBothDialects } from '../../../store/testing/dialects';
import { withIndexedStack } from './harness';

describeOnBothDialects('the feed', (target) => {
  it('indexes what an agent reads through the proxy, with no sync running', async () => {
    await withIndexedStack(target, { index: false }, async ({ stack, agent, store }) => {
      // Made behind the back-office's back, so only the agent's reads can tell the index.
      const upstream = stack.sandbox.sandbox.store;
      const customer = upstream.createCustomer({
        first_name: 'Élodie',
        last_name: 'Marchand',
        email: 'elodie.marchand@example.fr',
        external_id: 'CRM-FEED-1',
      });
      const seq = upstream.customerSeq(customer.id!)!;
      const account = upstream.createBankAccount(seq, {
        iban: 'FR7630006000011234567890189',
        holder_name: 'Élodie Marchand',
        currency: 'EUR',
      });
      const started = upstream.startVerification(
        seq,
        { provider_id: 'fail-bank', expected_name: 'Élodie Marchand' },
        Date.now(),
      );
      const found = async (query: string) =>
        (await store.index.search(query, 10)).results.map((result) => result.customer.id);

      expect((await agent.fetch(`/api/v1/customers/${customer.id}`)).status).toBe(200);
      await expect.poll(() => found('CRM-FEED-1')).toEqual([customer.id]);

      const path = `/api/v1/customers/${customer.id}`;
      expect((await agent.fetch(`${path}/bank-accounts/${account.id}`)).status).toBe(200);
      await expect.poll(() => found('0189')).toContain(customer.id);

      // Read resolved: recorded as first seen final (no announcement: it was never seen pending).
      expect((await agent.fetch(`${path}/verifications`)).status).toBe(200);
      await expect
        .poll(async () => (await store.index.customerVerifications(customer.id!))[0])
        .toMatchObject({ id: started.id, status: 'failed', started_by: null });
      expect(await store.index.eventsAfter(0, 10)).toEqual([]);
    });
  });

  it('answers the agent even when the index cannot take the answer', async () => {
    await withIndexedStack(target, { index: false }, async ({ stack, agent, store }) => {
      // The index's tables broken, the rest of the store (sessions, audit, idempotency) fine.
      await sql`alter table index_customers rename to index_customers_gone`.execute(store.db);
      const made = await agent.fetch('/api/v1/customers', {
        method: 'POST',
        json: { first_name: 'Noé', last_name: 'Garnier', email: 'noe.garnier@example.fr' },
        headers: { 'idempotency-key': 'feed-broken-1' },
      });
      expect(made.status).toBe(201);
      expect((await agent.fetch('/api/v1/customers?page[size]=5')).status).toBe(200);
      await expect
        .poll(() => stack.logs.filter((line) => String(line.msg).startsWith('index not fed')))
        .toHaveLength(2);
    });
  });
});
