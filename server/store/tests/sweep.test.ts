import { expect, it } from 'vitest';
import { IDEMPOTENCY_TTL_MS } from '../idempotency';
import { describeOnBothDialects } from '../testing/dialects';
import { addAccount, auditEvent } from '../testing/fixtures';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2026, 0, 5, 9);
const LIFETIMES = { idleMs: HOUR, maxMs: 12 * HOUR };

describeOnBothDialects('the expiry sweep', ({ open }) => {
  it('deletes what has expired of every kind and keeps what is live', async () => {
    const store = await open();
    const ines = await addAccount(store, 'ines', T0 - 2 * DAY);
    const later = T0 + IDEMPOTENCY_TTL_MS;
    await store.sessions.create(ines.id, {}, later - 2 * HOUR);
    const live = await store.sessions.create(ines.id, {}, later);
    await store.idempotency.claim({
      accountId: ines.id,
      key: 'old-key',
      fingerprint: 'f',
      now: T0,
    });
    await store.idempotency.claim({
      accountId: ines.id,
      key: 'new-key',
      fingerprint: 'f',
      now: later,
    });
    await store.rateLimits.hit('old-counter', HOUR, T0);
    await store.rateLimits.hit('new-counter', HOUR, later);
    for (const at of [later - 401 * DAY, later - DAY]) {
      await store.audit.record(auditEvent({ at }));
    }
    // Live events last a day.
    for (const at of [later - DAY - 1, later - DAY + 1]) {
      await store.index.appendEvent('verification_started', {} as never, at);
    }

    const swept = await store.sweep({ now: later, sessions: LIFETIMES, auditRetentionDays: 400 });
    expect(swept).toEqual({
      sessions: 1,
      idempotencyKeys: 1,
      rateLimits: 1,
      auditEvents: 1,
      indexEvents: 1,
    });
    expect(await store.sweep({ now: later, sessions: LIFETIMES, auditRetentionDays: 400 })).toEqual(
      {
        sessions: 0,
        idempotencyKeys: 0,
        rateLimits: 0,
        auditEvents: 0,
        indexEvents: 0,
      },
    );
    expect((await store.sessions.listByAccount(ines.id)).map((session) => session.id)).toEqual([
      live!.session.id,
    ]);
    expect(await store.rateLimits.peek('new-counter', later)).toBe(1);
    const claim = await store.idempotency.claim({
      accountId: ines.id,
      key: 'new-key',
      fingerprint: 'f',
      now: later,
    });
    expect(claim.kind).toBe('pending');
    expect((await store.index.eventsAfter(0, 10)).map((event) => event.at)).toEqual([
      later - DAY + 1,
    ]);
  });
});
