import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { describeOnBothDialects } from '../../../store/testing/dialects';
import { sandboxStats } from '../../../testing/stack';
import {
  FULL_SYNC_EVERY_MS,
  listedPages,
  startIndexedStack,
  SYNC_EVERY_MS,
  upstreamRequests,
  walkEnded,
  withIndexedStack,
} from './harness';

const files = mkdtempSync(join(tmpdir(), 'index-sync-'));
afterAll(() => rmSync(files, { recursive: true, force: true }));

describeOnBothDialects('the index sync', (target) => {
  it('walks 2,500 customers from empty and finds the oldest by name, email, phone, external id and id', async () => {
    await withIndexedStack(
      target,
      { sandbox: { seed: 2_500 } },
      async ({ stack, agent, store }) => {
        const state = await walkEnded(store);
        expect(state).toMatchObject({ upstreamTotal: 2_500, lastError: null, waitingUntil: null });
        expect(state.lastFullSyncAt).toBe(state.lastSyncAt);
        expect((await store.index.counts()).customers).toBe(2_500);
        expect(listedPages(await upstreamRequests(stack))).toEqual(
          Array.from({ length: 25 }, (_, page) => page + 1),
        );

        const [oldest] = stack.sandbox.sandbox.store.listCustomers(25, 100).slice(-1);
        const { id, first_name, last_name, email, phone, external_id } = oldest!;
        const digits = phone!.replace(/\D/g, '');
        const national = digits.slice(2);
        const finds = async (query: string) =>
          (await store.index.search(query, 50)).results.map((result) => result.customer.id);
        for (const query of [
          `${last_name!.slice(0, 4).toLowerCase()} ${first_name!.slice(0, 3).toUpperCase()}`,
          email!,
          email!.slice(0, email!.indexOf('@')),
          phone!,
          `+${digits}`,
          `0${national}`,
          national,
          external_id!,
          id!.slice(0, 8),
        ]) {
          expect(await finds(query), query).toContain(id);
        }
        expect((await store.index.search(id!, 10)).exact).toBe(id);

        // The same through the back-office's API, as the header's search asks.
        const searched = await agent.fetch(`/bo/search?q=${encodeURIComponent(external_id!)}`);
        expect(searched.status).toBe(200);
        const answer = (await searched.json()) as { data: { customer: { id: string } }[] };
        expect(answer.data.map((result) => result.customer.id)).toContain(id);
        const status: unknown = await (await agent.fetch('/bo/index/status')).json();
        expect(status).toMatchObject({ customers: 2_500, state: 'idle', progress: null });
      },
    );
  });

  it('finds a customer by the last 4 of an IBAN once the details are fetched, newest first', async () => {
    await withIndexedStack(target, { sandbox: { seed: 150 } }, async ({ stack, store }) => {
      await walkEnded(store);
      await expect
        .poll(async () => (await store.index.counts()).detailsPending, { timeout: 20_000 })
        .toBe(0);
      const customers = stack.sandbox.sandbox.store.listCustomers(1, 150);
      const oldestId = customers.at(-1)!.id!;
      const seq = stack.sandbox.sandbox.store.customerSeq(oldestId)!;
      const [account] = stack.sandbox.sandbox.store.listBankAccounts(seq);
      const results = await store.index.search(account!.iban!.slice(-4), 50);
      expect(results.results.map((result) => result.customer.id)).toContain(oldestId);

      // Newest first: the first customers detailed are the first of the list.
      const detailed = (await upstreamRequests(stack))
        .map((request) => /^\/v1\/customers\/([^/]+)\/bank-accounts$/.exec(request.url)?.[1])
        .filter((customerId) => customerId !== undefined);
      expect(detailed.slice(0, 3)).toEqual(customers.slice(0, 3).map((customer) => customer.id));
      // The demo data's finished verifications reached the index (for the queue).
      expect((await store.index.counts()).verifications).toBeGreaterThan(0);
    });
  });

  it('stops an incremental walk at the first page that changed nothing', async () => {
    await withIndexedStack(target, { sandbox: { seed: 450 } }, async ({ stack, store, clock }) => {
      const first = await walkEnded(store);
      // A customer made behind the back-office's back: on page 1, the rest moves down by one.
      const made = stack.sandbox.sandbox.store.createCustomer({
        first_name: 'Zoé',
        last_name: 'Nouvelle',
        email: 'zoe.nouvelle@example.fr',
      });
      await stack.control('DELETE', '/_sandbox/stats');
      clock.advance(SYNC_EVERY_MS);
      const second = await walkEnded(store, first.lastSyncAt!);
      expect(listedPages(await upstreamRequests(stack))).toEqual([1, 2]);
      expect((await sandboxStats(stack)).listAllCustomers).toBe(2);
      expect(second.lastFullSyncAt).toBe(first.lastFullSyncAt);
      expect((await store.index.search(made.id!, 1)).exact).toBe(made.id);
    });
  });

  it('walks on past a page the agents’ reads had indexed before any walk saw it', async () => {
    await withIndexedStack(
      target,
      { sandbox: { seed: 250 } },
      async ({ stack, agent, store, clock }) => {
        const first = await walkEnded(store);
        // 150 customers made behind the back-office's back; an agent then lists the newest 100.
        for (let n = 0; n < 150; n += 1) {
          stack.sandbox.sandbox.store.createCustomer({
            first_name: 'Nouveau',
            last_name: `Client ${n}`,
            email: `nouveau.${n}@example.fr`,
          });
        }
        const listed = await agent.fetch('/api/v1/customers?page[number]=1&page[size]=100');
        expect(listed.status).toBe(200);
        await expect.poll(async () => (await store.index.counts()).customers).toBe(350);

        clock.advance(SYNC_EVERY_MS);
        await walkEnded(store, first.lastSyncAt!);
        expect((await store.index.counts()).customers).toBe(400);
      },
    );
  });

  it('removes a customer gone upstream at the next full walk, and only then', async () => {
    await withIndexedStack(target, { sandbox: { seed: 250 } }, async ({ stack, store, clock }) => {
      const first = await walkEnded(store);
      const [gone] = stack.sandbox.sandbox.store.listCustomers(2, 100).slice(50, 51);
      expect((await stack.control('DELETE', `/_sandbox/customers/${gone!.id}`)).status).toBe(204);

      clock.advance(SYNC_EVERY_MS);
      const incremental = await walkEnded(store, first.lastSyncAt!);
      expect((await store.index.search(gone!.id!, 1)).exact).toBe(gone!.id);

      clock.advance(FULL_SYNC_EVERY_MS);
      const full = await walkEnded(store, incremental.lastSyncAt!);
      expect(full.lastFullSyncAt).toBe(full.lastSyncAt);
      expect((await store.index.search(gone!.id!, 1)).exact).toBeNull();
      expect((await store.index.counts()).customers).toBe(249);
    });
  });

  it('keeps a customer a full walk missed because a deletion shifted the pages, once the API says it still has it', async () => {
    // One call a second: the walk reads page 2 at least a second after page 1.
    await withIndexedStack(
      target,
      { sandbox: { seed: 250 }, index: { maxRps: 1 } },
      async ({ stack, store, clock }) => {
        const first = await walkEnded(store, 0, 30_000);
        const sandboxStore = stack.sandbox.sandbox.store;
        const [deleted] = sandboxStore.listCustomers(1, 100).slice(10, 11);
        // Newest first: the first of page 2 moves up to page 1 when one of page 1 is deleted.
        const [shifted] = sandboxStore.listCustomers(2, 100).slice(0, 1);

        clock.advance(FULL_SYNC_EVERY_MS);
        await expect
          .poll(async () => (await store.index.syncState()).walk?.nextPage, {
            interval: 5,
            timeout: 15_000,
          })
          .toBe(2);
        expect((await stack.control('DELETE', `/_sandbox/customers/${deleted!.id}`)).status).toBe(
          204,
        );
        await stack.control('DELETE', '/_sandbox/stats');
        const full = await walkEnded(store, first.lastSyncAt!, 30_000);
        expect(full.lastFullSyncAt).toBe(full.lastSyncAt);

        // The walk never listed it, and it was asked for on its own before anything was removed.
        const requests = (await upstreamRequests(stack)).map((request) => request.url);
        expect(requests).toContain(`/v1/customers/${shifted!.id}`);
        expect((await store.index.search(shifted!.id!, 1)).exact).toBe(shifted!.id);
        // The deleted one was walked before it went: the next full walk removes it.
        expect((await store.index.counts()).customers).toBe(250);
        clock.advance(FULL_SYNC_EVERY_MS);
        await walkEnded(store, full.lastSyncAt!, 30_000);
        expect((await store.index.search(deleted!.id!, 1)).exact).toBeNull();
        expect((await store.index.search(shifted!.id!, 1)).exact).toBe(shifted!.id);
        expect((await store.index.counts()).customers).toBe(249);
      },
    );
  });

  it('waits as long as a 429 says, then goes on with one call per page', async () => {
    await withIndexedStack(target, { sandbox: { seed: 250 } }, async ({ stack, store, clock }) => {
      const first = await walkEnded(store);
      await stack.control('DELETE', '/_sandbox/stats');
      await stack.control('PUT', '/_sandbox/faults', {
        operation: 'listAllCustomers',
        status: 429,
        retry_after_s: 1,
        times: 1,
      });
      clock.advance(FULL_SYNC_EVERY_MS);
      await expect
        .poll(async () => (await store.index.syncState()).waitingUntil, { interval: 10 })
        .not.toBeNull();
      expect((await store.index.syncState()).lastError).toMatch(/429/);
      const state = await walkEnded(store, first.lastSyncAt!);
      expect(state).toMatchObject({ waitingUntil: null, lastError: null, upstreamTotal: 250 });

      const listed = (await upstreamRequests(stack)).filter((request) =>
        request.url.startsWith('/v1/customers?'),
      );
      // Page 1 refused once, asked again a second later, then pages 2 and 3: nothing retried behind our back.
      expect(listedPages(listed)).toEqual([1, 1, 2, 3]);
      expect(listed[1]!.at - listed[0]!.at).toBeGreaterThanOrEqual(990);
    });
  });

  it('backs off from a failing upstream and goes on', async () => {
    await withIndexedStack(target, { sandbox: { seed: 150 } }, async ({ stack, store, clock }) => {
      const first = await walkEnded(store);
      await stack.control('DELETE', '/_sandbox/stats');
      await stack.control('PUT', '/_sandbox/faults', {
        operation: 'listAllCustomers',
        status: 503,
        times: 2,
      });
      clock.advance(FULL_SYNC_EVERY_MS);
      const state = await walkEnded(store, first.lastSyncAt!);
      expect(state).toMatchObject({ upstreamTotal: 150, lastError: null });
      const listed = (await upstreamRequests(stack)).filter((request) =>
        request.url.startsWith('/v1/customers?'),
      );
      // Page 1 failed twice, asked again after 1 s then 2 s of back-off, then page 2.
      expect(listedPages(listed)).toEqual([1, 1, 1, 2]);
      expect(listed[2]!.at - listed[1]!.at).toBeGreaterThanOrEqual(1990);
    });
  });

  it('never calls the upstream more than INDEX_MAX_RPS times in any second', async () => {
    const maxRps = 8;
    await withIndexedStack(
      target,
      { sandbox: { seed: 300 }, index: { maxRps } },
      async ({ stack }) => {
        // The walk's 3 pages, then the details: 40 calls take 5 s at most.
        await expect
          .poll(async () => (await upstreamRequests(stack)).length, { timeout: 15_000 })
          .toBeGreaterThanOrEqual(40);
        const arrivals = (await upstreamRequests(stack)).map((request) => request.at);
        for (let n = maxRps; n < arrivals.length; n += 1) {
          // The call after `maxRps` others came at least a second after the first of them.
          expect(arrivals[n]! - arrivals[n - maxRps]!).toBeGreaterThanOrEqual(1000);
        }
      },
    );
  });

  it('walks on the replica holding the lease only, and on the other once it has gone', async () => {
    const store = await target.open();
    const a = await startIndexedStack(target, { sandbox: { seed: 150 }, store });
    const b = await startIndexedStack(target, { sandbox: { seed: 150 }, store, clock: a.clock });
    try {
      const first = await walkEnded(store);
      // Rounds of both have run since (the lease is renewed every 50 ms): still one walk, by one replica.
      await expect.poll(async () => (await store.index.counts()).detailsPending).toBe(0);
      const walkedBy = async () =>
        await Promise.all(
          [a, b].map(async ({ stack }) => (await sandboxStats(stack)).listAllCustomers ?? 0),
        );
      expect((await walkedBy()).sort()).toEqual([0, 2]);
      const [holder, other] = (await walkedBy())[0] === 2 ? [a, b] : [b, a];

      await holder.stack.close();
      other.clock.advance(SYNC_EVERY_MS);
      await walkEnded(store, first.lastSyncAt!);
      expect((await sandboxStats(other.stack)).listAllCustomers).toBeGreaterThan(0);
    } finally {
      await Promise.all([a, b].map(({ stack }) => stack.close().catch(() => undefined)));
    }
  });

  it('goes on from the page it had reached when the proxy restarts mid-walk', async () => {
    const sandbox = { seed: 2_500, db: join(files, `sandbox-${target.dialect}.db`) };
    const store = await target.open();
    const before = await startIndexedStack(target, { sandbox, store, index: { maxRps: 20 } });
    await expect
      .poll(async () => (await store.index.syncState()).walk?.nextPage ?? 0, { timeout: 10_000 })
      .toBeGreaterThanOrEqual(5);
    const midWalk = (await (await before.agent.fetch('/bo/index/status')).json()) as {
      state: string;
      progress: number;
    };
    expect(midWalk.state).toBe('syncing');
    expect(midWalk.progress).toBeGreaterThan(0);
    expect(midWalk.progress).toBeLessThan(1);
    await before.stack.close();
    const reached = (await store.index.syncState()).walk!;
    expect(reached.full).toBe(true);

    const after = await startIndexedStack(target, { sandbox, store, clock: before.clock });
    try {
      const state = await walkEnded(store);
      expect(listedPages(await upstreamRequests(after.stack))[0]).toBe(reached.nextPage);
      expect(state.lastFullSyncAt).not.toBeNull();
      expect((await store.index.counts()).customers).toBe(2_500);
    } finally {
      await after.stack.close();
    }
  });
});
