import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { customerIndex } from '../migrations/0003_customer_index';
import { NEVER_SYNCED } from '../index/events';
import { customerSeen, MINUTE, T0 } from '../index/testing';
import type { SyncState } from '../index/types';
import { describeOnBothDialects } from '../testing/dialects';
import { auditEvent } from '../testing/fixtures';

const at = (minute: number) => new Date(T0 + minute * MINUTE).toISOString();

describeOnBothDialects('index reads, events and sync state', ({ dialect, newDatabase, open }) => {
  it('tells a customer activity from the audit trail and the index, newest first', async () => {
    const store = await open();
    await store.index.upsertCustomers([customerSeen('cus_1'), customerSeen('cus_2')], T0);
    const audit = (minute: number, change: Parameters<typeof auditEvent>[0]) =>
      store.audit.record(auditEvent({ at: T0 + minute * MINUTE, customerId: 'cus_1', ...change }));
    await audit(0, { action: 'customer_created', targetId: 'cus_1', details: { status: 201 } });
    await audit(1, {
      action: 'bank_account_added',
      targetId: 'ba_1',
      details: { iban_last4: '0189', holder_name: 'Jean Martin' },
    });
    await audit(2, {
      action: 'verification_started',
      targetId: 'ver_1',
      details: { expected_name: 'Jean Martin', provider_id: 'bnp', status: 'pending' },
    });
    await audit(3, { action: 'iban_revealed', actor: 'marc', targetId: 'ba_1', details: null });
    // Not on the timeline: another action, another customer.
    await audit(4, { action: 'customer_viewed', targetId: 'cus_1' });
    await audit(4, { action: 'customer_created', customerId: 'cus_2', targetId: 'cus_2' });
    await store.index.recordVerifications(
      [{ id: 'ver_1', customerId: 'cus_1', status: 'pending' }],
      T0 + 2 * MINUTE,
    );
    await store.index.recordVerifications(
      [{ id: 'ver_1', customerId: 'cus_1', status: 'unverified', matchScore: 0.31 }],
      T0 + 5 * MINUTE,
    );
    await store.index.recordVerifications(
      [{ id: 'ver_2', customerId: 'cus_1', status: 'pending' }],
      T0 + 6 * MINUTE,
    );
    await store.index.markStale('ver_2', T0 + 7 * MINUTE);
    // Still open: cancelled (the customer may still complete it) resolves nothing yet.
    await store.index.recordVerifications(
      [{ id: 'ver_3', customerId: 'cus_1', status: 'cancelled' }],
      T0 + 8 * MINUTE,
    );

    const items = await store.index.activity('cus_1');
    expect(items.map((item) => [item.at, item.kind, item.actor, item.outcome])).toEqual([
      [at(7), 'verification_stale', null, 'stale'],
      [at(5), 'verification_resolved', null, 'resolved'],
      [at(3), 'iban_revealed', 'marc', 'created'],
      [at(2), 'verification_started', 'ines', 'created'],
      [at(1), 'bank_account_added', 'ines', 'created'],
      [at(0), 'customer_created', 'ines', 'created'],
    ]);
    expect(items[1]).toMatchObject({
      verification_id: 'ver_1',
      status: 'unverified',
      match_score: 0.31,
    });
    expect(items[2]).toMatchObject({ bank_account_id: 'ba_1' });
    expect(items[3]).toMatchObject({ verification_id: 'ver_1', expected_name: 'Jean Martin' });
    expect(items[4]).toMatchObject({
      bank_account_id: 'ba_1',
      iban_last4: '0189',
      holder_name: 'Jean Martin',
    });
    expect(await store.index.activity('cus_unknown')).toEqual([]);
  });

  it('finds duplicates by email and external id, whatever the case', async () => {
    const store = await open();
    await store.index.upsertCustomers(
      [
        customerSeen('cus_1', { email: 'Ana@Example.com', external_id: 'CRM-1' }),
        customerSeen('cus_2', { email: 'bo@example.com', external_id: 'crm-2' }),
      ],
      T0,
    );
    const found = await store.index.duplicates(' ana@example.COM ', 'CRM-2');
    expect(found.map((d) => [d.field, d.customer.id])).toEqual([
      ['email', 'cus_1'],
      ['external_id', 'cus_2'],
    ]);
    expect(await store.index.duplicates('ana@example.co', undefined)).toEqual([]);
    expect(await store.index.duplicates(undefined, '')).toEqual([]);
  });

  it('appends events with ids that only grow, reads them after an id, and purges them after a day', async () => {
    const store = await open();
    expect(await store.index.lastEventId()).toBe(0);
    const payload = {
      verification_id: 'ver_1',
      customer_id: 'cus_1',
      customer_name: 'Ana Ruiz',
      status: 'verified',
      stale: false,
      match_score: 0.9,
      started_by: 'ines',
    };
    const first = await store.index.appendEvent('verification_resolved', payload, T0);
    const second = await store.index.appendEvent(
      'verification_resolved',
      { ...payload, verification_id: 'ver_2' },
      T0 + 1,
    );
    expect(second).toBeGreaterThan(first);
    expect(await store.index.lastEventId()).toBe(second);
    expect(await store.index.eventsAfter(first, 10)).toEqual([
      {
        id: second,
        at: T0 + 1,
        kind: 'verification_resolved',
        payload: { ...payload, verification_id: 'ver_2' },
      },
    ]);
    expect((await store.index.eventsAfter(0, 1)).map((event) => event.id)).toEqual([first]);
    expect(await store.index.purgeEvents(T0 + 24 * 60 * MINUTE + 1)).toBe(1);
    // The next id does not reuse a purged one.
    expect(await store.index.appendEvent('verification_resolved', payload, T0 + 2)).toBeGreaterThan(
      second,
    );
  });

  it('keeps the sync state across opens', async () => {
    const options = await newDatabase();
    const store = await open(options);
    expect(await store.index.syncState()).toEqual(NEVER_SYNCED);
    const state: SyncState = {
      walk: { id: 'walk-7', full: true, nextPage: 12, startedAt: T0, walked: 1_100 },
      upstreamTotal: 100_000,
      lastSyncAt: T0 - MINUTE,
      lastFullSyncAt: null,
      waitingUntil: T0 + MINUTE,
      lastError: 'The Customers API answered 429',
    };
    await store.index.saveSyncState(state);
    await store.index.saveSyncState({ ...state, walk: { ...state.walk!, nextPage: 13 } });
    expect(await (await open(options)).index.syncState()).toEqual({
      ...state,
      walk: { ...state.walk!, nextPage: 13 },
    });
  });

  it('applies 0003 on a store made by 0001 and 0002 that holds data; running it again changes nothing', async () => {
    const options = await newDatabase();
    const old = await open(options);
    await old.audit.record(auditEvent({}));
    // The database as 0002 left it.
    await sql`delete from kysely_migration where name = '0003_customer_index'`.execute(old.db);
    for (const table of [
      'index_events',
      'index_sync_state',
      'index_walks',
      'index_verifications',
      'index_bank_accounts',
    ]) {
      await sql`drop table ${sql.table(table)}`.execute(old.db);
    }
    if (dialect === 'sqlite') await sql`drop table index_customers_fts`.execute(old.db);
    await sql`drop table index_customers`.execute(old.db);
    const upgraded = await open(options);
    expect(upgraded.migrated).toEqual(['0003_customer_index']);
    expect((await upgraded.audit.list()).events).toHaveLength(1);
    await upgraded.index.upsertCustomers([customerSeen('cus_1', { last_name: 'Lefèvre' })], T0);
    await expect(customerIndex(dialect).up(upgraded.db)).resolves.toBeUndefined();
    expect((await upgraded.index.search('lefevre', 10)).results).toHaveLength(1);
  });
});
