import { expect, it } from 'vitest';
import { StoreError } from '../errors';
import { describeOnBothDialects } from '../testing/dialects';
import { auditEvent } from '../testing/fixtures';

const DAY = 24 * 3_600_000;
const T0 = Date.UTC(2026, 0, 5, 9);

const event = auditEvent;

describeOnBothDialects('audit events', ({ open }) => {
  it('lists who did what, newest first, filtered, a page at a time', async () => {
    const store = await open();
    const events = [
      event({ action: 'sign_in', customerId: null, targetId: null, details: null }),
      event({ at: T0 + 1 }),
      event({ at: T0 + 2, actor: 'bruno', customerId: 'cus_2', targetId: 'cus_2' }),
      event({
        at: T0 + 3,
        action: 'bank_account_added',
        targetId: 'ba_1',
        details: { iban: '****1234' },
      }),
      event({ at: T0 + 4, action: 'sign_in_failed', outcome: 'refused', customerId: null }),
    ];
    for (const each of events) await store.audit.record(each);

    const all = await store.audit.list();
    expect(all.events.map(({ id: _, ...stored }) => stored)).toEqual([...events].reverse());
    expect(all.nextCursor).toBeUndefined();

    const first = await store.audit.list({ limit: 2 });
    const second = await store.audit.list({ limit: 2, cursor: first.nextCursor });
    const third = await store.audit.list({ limit: 2, cursor: second.nextCursor });
    expect([...first.events, ...second.events, ...third.events]).toEqual(all.events);
    expect(third.nextCursor).toBeUndefined();

    const at = async (query: Parameters<typeof store.audit.list>[0]) =>
      (await store.audit.list(query)).events.map((stored) => stored.at);
    expect(await at({ actor: 'bruno' })).toEqual([T0 + 2]);
    expect(await at({ customerId: 'cus_1' })).toEqual([T0 + 3, T0 + 1]);
    expect(await at({ action: 'customer_created', actor: 'ines' })).toEqual([T0 + 1]);
  });

  it('refuses details that would keep a secret', async () => {
    const store = await open();
    for (const details of [
      { password: 'x' },
      { request: { headers: { authorization: 'Bearer x' } } },
      { access_token: 'x' },
    ]) {
      await expect(store.audit.record(event({ details }))).rejects.toBeInstanceOf(StoreError);
    }
    expect((await store.audit.list()).events).toEqual([]);
  });

  it('purges events older than the retention', async () => {
    const store = await open();
    await store.audit.record(event({ at: T0 - 401 * DAY }));
    await store.audit.record(event({ at: T0 - 399 * DAY }));
    expect(await store.audit.purge(400, T0)).toBe(1);
    expect((await store.audit.list()).events.map((stored) => stored.at)).toEqual([T0 - 399 * DAY]);
  });
});
