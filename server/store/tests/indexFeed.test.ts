import { expect, it } from 'vitest';
import { FIRST_CHECK_DELAY_MS } from '../index/feed';
import { customerSeen, HOUR, MINUTE, T0 } from '../index/testing';
import { describeOnBothDialects } from '../testing/dialects';

const START = { startedBy: 'ines', expectedName: 'Camille Lefevre', startedAt: T0 };

describeOnBothDialects('index feed', ({ open }) => {
  it('counts new and changed customers only, so a sync page of unchanged ones says 0', async () => {
    const store = await open();
    const page = [customerSeen('cus_1'), customerSeen('cus_2')];
    expect(await store.index.upsertCustomers(page, T0, 'walk-1')).toBe(2);
    expect(await store.index.upsertCustomers(page, T0 + 1, 'walk-1')).toBe(0);
    const renamed = [customerSeen('cus_1', { last_name: 'Dupont' }), customerSeen('cus_2')];
    expect(await store.index.upsertCustomers(renamed, T0 + 2, 'walk-2')).toBe(1);
    expect((await store.index.search('dupont', 10)).results.map((r) => r.customer.id)).toEqual([
      'cus_1',
    ]);
    // The old name is gone from the words index.
    expect((await store.index.search('martin', 10)).results.map((r) => r.customer.id)).toEqual([
      'cus_2',
    ]);
    expect(await store.index.upsertCustomers([], T0)).toBe(0);
    expect((await store.index.counts()).customers).toBe(2);
  });

  it('removes customers a full walk did not see, with their accounts and verifications', async () => {
    const store = await open();
    await store.index.upsertCustomers([customerSeen('cus_1'), customerSeen('cus_2')], T0, 'walk-1');
    await store.index.upsertBankAccounts(
      [
        { id: 'ba_1', customerId: 'cus_1', iban: 'FR7630006000011234567890189' },
        { id: 'ba_2', customerId: 'cus_2', iban: 'FR7630006000011234567890190' },
      ],
      T0,
    );
    await store.index.recordVerifications(
      [
        { id: 'ver_1', customerId: 'cus_1', status: 'pending' },
        { id: 'ver_2', customerId: 'cus_2', status: 'pending' },
      ],
      T0,
    );
    // Seen by nothing since: only cus_1 (walk 1) and cus_4 (an answer) before walk 2 begins.
    await store.index.upsertCustomers([customerSeen('cus_4')], T0);
    // Walk 2 sees cus_2 unchanged (still marked seen); cus_3, created through the proxy
    // while it runs, is newer than the walk's start, so the walk could not see it.
    await store.index.upsertCustomers([customerSeen('cus_2')], T0 + HOUR, 'walk-2');
    await store.index.upsertCustomers([customerSeen('cus_3')], T0 + HOUR + 1);
    expect(await store.index.removeCustomersNotWalked('walk-2')).toBe(2);
    expect(
      (await store.index.listCustomers([], { number: 1, size: 10 })).data.map((c) => c.id).sort(),
    ).toEqual(['cus_2', 'cus_3']);
    expect(await store.index.counts()).toMatchObject({
      customers: 2,
      bankAccounts: 1,
      verifications: 1,
      watching: 1,
    });
    expect((await store.index.search('0189', 10)).results).toEqual([]);
    expect((await store.index.search('0190', 10)).results).toHaveLength(1);
    // A walk that saw nothing (the upstream is empty) removes all that is older than it.
    await store.index.upsertCustomers([], T0 + 2 * HOUR, 'walk-3');
    expect(await store.index.removeCustomersNotWalked('walk-3')).toBe(2);
    expect(await store.index.counts()).toMatchObject({
      customers: 0,
      bankAccounts: 0,
      verifications: 0,
      watching: 0,
    });
    expect((await store.index.search('0190', 10)).results).toEqual([]);
    expect(await store.index.removeCustomersNotWalked('walk-3')).toBe(0);
  });

  it('keeps the last 4 of an IBAN only, and what an answer without it said before', async () => {
    const store = await open();
    await store.index.upsertCustomers([customerSeen('cus_1')], T0);
    await store.index.upsertBankAccounts(
      [
        {
          id: 'ba_1',
          customerId: 'cus_1',
          iban: 'fr76 3000 6000 0112 3456 7890 18x',
          holderName: 'C L',
        },
      ],
      T0,
    );
    await store.index.upsertBankAccounts([{ id: 'ba_1', customerId: 'cus_1', verified: true }], T0);
    const rows = await store.db.selectFrom('index_bank_accounts').selectAll().execute();
    expect(rows).toEqual([
      {
        id: 'ba_1',
        customer_id: 'cus_1',
        iban_last4: '018X',
        holder_name: 'C L',
        verified: 1,
        seen_at: T0,
      },
    ]);
  });

  it('records verifications, skips unknown customers, and tells which turned final, once', async () => {
    const store = await open();
    await store.index.upsertCustomers(
      [customerSeen('cus_1', { first_name: 'Camille', last_name: 'Lefèvre' })],
      T0,
    );
    expect(
      await store.index.recordVerifications(
        [
          { id: 'ver_1', customerId: 'cus_1', status: 'pending', providerId: 'bnp' },
          { id: 'ver_x', customerId: 'cus_unknown', status: 'pending' },
        ],
        T0,
        START,
      ),
    ).toEqual([]);
    expect((await store.index.counts()).verifications).toBe(1);
    const resolved = await store.index.recordVerifications(
      [
        {
          id: 'ver_1',
          customerId: 'cus_1',
          status: 'verified',
          matchScore: 0.93,
          resolvedAt: new Date(T0 + MINUTE).toISOString(),
        },
      ],
      T0 + 2 * MINUTE,
    );
    expect(resolved).toEqual([
      {
        verification_id: 'ver_1',
        customer_id: 'cus_1',
        customer_name: 'Camille Lefèvre',
        status: 'verified',
        stale: false,
        match_score: 0.93,
        started_by: 'ines',
        at: T0 + 2 * MINUTE,
      },
    ]);
    // Seen final again: no second transition.
    expect(
      await store.index.recordVerifications(
        [{ id: 'ver_1', customerId: 'cus_1', status: 'verified' }],
        T0 + 3 * MINUTE,
      ),
    ).toEqual([]);
    expect(await store.index.customerVerifications('cus_1')).toEqual([
      {
        id: 'ver_1',
        customer_id: 'cus_1',
        customer_name: 'Camille Lefèvre',
        company_name: null,
        status: 'verified',
        stale: false,
        match_score: 0.93,
        provider_id: 'bnp',
        expected_name: 'Camille Lefevre',
        started_by: 'ines',
        started_at: new Date(T0).toISOString(),
        resolved_at: new Date(T0 + MINUTE).toISOString(),
        last_checked_at: null,
      },
    ]);
  });

  it('announces a verification started through the proxy that is final at once; never one first seen final by the sync', async () => {
    const store = await open();
    await store.index.upsertCustomers([customerSeen('cus_1')], T0);
    const seenBySync = await store.index.recordVerifications(
      [{ id: 'ver_old', customerId: 'cus_1', status: 'failed' }],
      T0,
    );
    expect(seenBySync).toEqual([]);
    const started = await store.index.recordVerifications(
      [{ id: 'ver_new', customerId: 'cus_1', status: 'unverified', matchScore: 0.2 }],
      T0 + 1,
      { ...START, startedAt: T0 + 1 },
    );
    expect(started.map((t) => [t.verification_id, t.status, t.stale])).toEqual([
      ['ver_new', 'unverified', false],
    ]);
    expect((await store.index.counts()).watching).toBe(0);
  });

  it('keeps each customer latest verification (by start) on its row', async () => {
    const store = await open();
    await store.index.upsertCustomers([customerSeen('cus_1'), customerSeen('cus_2')], T0);
    await store.index.recordVerifications(
      [{ id: 'ver_a', customerId: 'cus_1', status: 'failed' }],
      T0,
    );
    await store.index.recordVerifications(
      [{ id: 'ver_b', customerId: 'cus_1', status: 'pending', matchScore: null }],
      T0 + MINUTE,
    );
    expect(await store.index.latestVerifications(['cus_1', 'cus_2', 'cus_missing'])).toEqual({
      cus_1: {
        id: 'ver_b',
        status: 'pending',
        stale: false,
        match_score: null,
        at: new Date(T0 + MINUTE).toISOString(),
      },
      cus_2: null,
      cus_missing: null,
    });
    await store.index.recordVerifications(
      [{ id: 'ver_b', customerId: 'cus_1', status: 'verified', matchScore: 0.9 }],
      T0 + 2 * MINUTE,
    );
    expect((await store.index.latestVerifications(['cus_1'])).cus_1).toMatchObject({
      id: 'ver_b',
      status: 'verified',
      match_score: 0.9,
    });
    expect(await store.index.latestVerifications([])).toEqual({});
  });

  it('schedules the watcher: first check 5 s after, most overdue first, stops on a final status', async () => {
    const store = await open();
    await store.index.upsertCustomers([customerSeen('cus_1'), customerSeen('cus_2')], T0);
    await store.index.recordVerifications(
      [{ id: 'ver_1', customerId: 'cus_1', status: 'pending' }],
      T0,
      START,
    );
    await store.index.recordVerifications(
      [{ id: 'ver_2', customerId: 'cus_2', status: 'initiated' }],
      T0 + 1_000,
    );
    expect(await store.index.dueVerifications(T0 + FIRST_CHECK_DELAY_MS - 1, 10)).toEqual([]);
    expect(await store.index.dueVerifications(T0 + FIRST_CHECK_DELAY_MS + 1_000, 10)).toEqual([
      { id: 'ver_1', customerId: 'cus_1', watchedSince: T0 },
      { id: 'ver_2', customerId: 'cus_2', watchedSince: T0 + 1_000 },
    ]);
    expect(await store.index.dueVerifications(T0 + HOUR, 1)).toHaveLength(1);
    await store.index.scheduleCheck('ver_1', T0 + 6_000, T0 + 11_000);
    // Seen pending again (e.g. by the sync): the schedule stands.
    await store.index.recordVerifications(
      [{ id: 'ver_1', customerId: 'cus_1', status: 'pending' }],
      T0 + 7_000,
    );
    expect((await store.index.dueVerifications(T0 + 10_000, 10)).map((d) => d.id)).toEqual([
      'ver_2',
    ]);
    // Most overdue first: ver_2 was due at 6 s, ver_1 at 11 s.
    expect((await store.index.dueVerifications(T0 + 11_000, 10)).map((d) => d.id)).toEqual([
      'ver_2',
      'ver_1',
    ]);
    await store.index.recordVerifications(
      [{ id: 'ver_2', customerId: 'cus_2', status: 'success' }],
      T0 + 12_000,
    );
    await store.index.scheduleCheck('ver_1', T0 + 12_000, null);
    expect(await store.index.dueVerifications(T0 + 48 * HOUR, 10)).toEqual([]);
    const [row] = await store.index.customerVerifications('cus_1');
    expect(row!.last_checked_at).toBe(new Date(T0 + 12_000).toISOString());
  });

  it('marks a verification stale once, with a transition; a later final status still resolves it', async () => {
    const store = await open();
    await store.index.upsertCustomers(
      [customerSeen('cus_1', { first_name: 'Ana', last_name: 'Ruiz' })],
      T0,
    );
    await store.index.recordVerifications(
      [{ id: 'ver_1', customerId: 'cus_1', status: 'pending' }],
      T0,
      START,
    );
    const stale = await store.index.markStale('ver_1', T0 + 24 * HOUR);
    expect(stale).toEqual({
      verification_id: 'ver_1',
      customer_id: 'cus_1',
      customer_name: 'Ana Ruiz',
      status: 'pending',
      stale: true,
      match_score: null,
      started_by: 'ines',
      at: T0 + 24 * HOUR,
    });
    expect(await store.index.markStale('ver_1', T0 + 25 * HOUR)).toBeNull();
    expect(await store.index.markStale('ver_missing', T0)).toBeNull();
    expect(await store.index.dueVerifications(T0 + 48 * HOUR, 10)).toEqual([]);
    expect((await store.index.latestVerifications(['cus_1'])).cus_1).toMatchObject({ stale: true });
    // Seen pending again: still stale, not watched again.
    await store.index.recordVerifications(
      [{ id: 'ver_1', customerId: 'cus_1', status: 'pending' }],
      T0 + 26 * HOUR,
    );
    expect((await store.index.counts()).watching).toBe(0);
    const resolved = await store.index.recordVerifications(
      [{ id: 'ver_1', customerId: 'cus_1', status: 'failed' }],
      T0 + 27 * HOUR,
    );
    expect(resolved.map((t) => [t.status, t.stale])).toEqual([['failed', false]]);
    expect((await store.index.latestVerifications(['cus_1'])).cus_1).toMatchObject({
      status: 'failed',
      stale: false,
    });
  });

  it('watches a cancelled verification like a pending one, under its own category, until final or stale', async () => {
    const store = await open();
    await store.index.upsertCustomers([customerSeen('cus_1'), customerSeen('cus_2')], T0);
    await store.index.recordVerifications(
      [{ id: 'ver_1', customerId: 'cus_1', status: 'pending' }],
      T0,
      START,
    );
    // The customer left the bank's page: cancelled, still open (the link still works).
    expect(
      await store.index.recordVerifications(
        [{ id: 'ver_1', customerId: 'cus_1', status: 'cancelled' }],
        T0 + 2_000,
      ),
    ).toEqual([]);
    // First seen cancelled (by the sync): watched from then on.
    await store.index.recordVerifications(
      [{ id: 'ver_2', customerId: 'cus_2', status: 'cancelled' }],
      T0 + 3_000,
    );
    expect(
      (await store.index.dueVerifications(T0 + FIRST_CHECK_DELAY_MS + 3_000, 10)).map((d) => d.id),
    ).toEqual(['ver_1', 'ver_2']);
    expect((await store.index.counts()).watching).toBe(2);
    const queued = await store.index.queue({ statuses: ['cancelled'] }, { number: 1, size: 10 });
    expect(queued.data.map((row) => [row.id, row.status])).toEqual([
      ['ver_1', 'cancelled'],
      ['ver_2', 'cancelled'],
    ]);
    expect(queued.counts).toMatchObject({ pending: 0, cancelled: 2, stale: 0 });
    // Completed after all through the link: a resolution, announced once.
    const resolved = await store.index.recordVerifications(
      [{ id: 'ver_1', customerId: 'cus_1', status: 'verified', matchScore: 0.97 }],
      T0 + 60_000,
    );
    expect(resolved.map((t) => [t.verification_id, t.status, t.stale])).toEqual([
      ['ver_1', 'verified', false],
    ]);
    // Never completed: given up on after a day, as stale.
    const stale = await store.index.markStale('ver_2', T0 + 24 * HOUR);
    expect(stale).toMatchObject({ verification_id: 'ver_2', status: 'cancelled', stale: true });
    expect((await store.index.queue({ statuses: [] }, { number: 1, size: 10 })).counts).toEqual({
      pending: 0,
      cancelled: 0,
      verified: 1,
      unverified: 0,
      failed: 0,
      stale: 1,
    });
    expect(await store.index.dueVerifications(T0 + 48 * HOUR, 10)).toEqual([]);
  });

  it('gives a resolution seen by two writers at once (the watcher, an agent’s read) to one of them', async () => {
    const store = await open();
    await store.index.upsertCustomers([customerSeen('cus_1')], T0);
    for (let n = 0; n < 40; n += 1) {
      const id = `ver_${n}`;
      await store.index.recordVerifications(
        [{ id, customerId: 'cus_1', status: 'pending' }],
        T0,
        START,
      );
      const resolved = { id, customerId: 'cus_1', status: 'verified', matchScore: 1 };
      const transitions = await Promise.all([
        store.index.recordVerifications([resolved], T0 + 1),
        store.index.recordVerifications([resolved], T0 + 1),
      ]);
      expect(transitions.flat(), id).toHaveLength(1);
    }
  });

  it('never marks stale a verification resolved at the same moment', async () => {
    // A race: without row locks on PostgreSQL, several of 40 rounds lose it.
    const store = await open();
    await store.index.upsertCustomers([customerSeen('cus_1')], T0);
    for (let n = 0; n < 40; n += 1) {
      const id = `ver_${n}`;
      await store.index.recordVerifications(
        [{ id, customerId: 'cus_1', status: 'pending' }],
        T0,
        START,
      );
      await Promise.all([
        store.index.markStale(id, T0 + 1),
        store.index.recordVerifications(
          [{ id, customerId: 'cus_1', status: 'verified', matchScore: 1 }],
          T0 + 1,
        ),
      ]);
      const row = (await store.index.customerVerifications('cus_1')).find((v) => v.id === id);
      expect(row, id).toMatchObject({ status: 'verified', stale: false });
    }
  });

  it('lists customers whose details were never fetched, newest first', async () => {
    const store = await open();
    await store.index.upsertCustomers(
      [
        customerSeen('cus_old', { created_at: '2025-01-01T00:00:00Z' }),
        customerSeen('cus_new', { created_at: '2026-01-01T00:00:00Z' }),
        customerSeen('cus_mid', { created_at: '2025-06-01T00:00:00Z' }),
      ],
      T0,
    );
    expect(await store.index.customersNeedingDetails(2)).toEqual(['cus_new', 'cus_mid']);
    await store.index.markDetailsSynced(['cus_new'], T0);
    await store.index.markDetailsSynced([], T0);
    expect(await store.index.customersNeedingDetails(10)).toEqual(['cus_mid', 'cus_old']);
    expect((await store.index.counts()).detailsPending).toBe(2);
  });
});
