import { expect, it } from 'vitest';
import { IDEMPOTENCY_TTL_MS, type StoredAnswer } from '../idempotency';
import { contestAcrossProcesses } from '../testing/contest';
import { describeOnBothDialects } from '../testing/dialects';
import { addAccount } from '../testing/fixtures';

const T0 = Date.UTC(2026, 0, 5, 9);
const CREATED: StoredAnswer = {
  status: 201,
  contentType: 'application/json',
  body: Buffer.from('{"id":"cus_1"}'),
};

/** A claim on `create-1` at T0 whose holder is presumed dead 30 s later. */
const staleAfter30s = (accountId: string) => ({
  accountId,
  key: 'create-1',
  fingerprint: 'sha-a',
  now: T0,
  staleMs: 30_000,
});

describeOnBothDialects('idempotency keys', ({ newDatabase, open }) => {
  it('replays the first answer to a retry, refuses the key with another body, and forgets after 24 h', async () => {
    const store = await open();
    const ines = await addAccount(store, 'ines', T0);
    const request = { accountId: ines.id, key: 'create-1', fingerprint: 'sha-a', now: T0 };
    const claim = await store.idempotency.claim(request);
    expect(claim).toMatchObject({ kind: 'claimed', takenOver: false });
    if (claim.kind !== 'claimed') return;
    expect(await store.idempotency.claim({ ...request, now: T0 + 1 })).toEqual({ kind: 'pending' });
    expect(await store.idempotency.complete(ines.id, 'create-1', claim.claimId, CREATED)).toBe(
      true,
    );

    expect(await store.idempotency.claim({ ...request, now: T0 + 2 })).toEqual({
      kind: 'replay',
      answer: CREATED,
    });
    expect(await store.idempotency.claim({ ...request, fingerprint: 'sha-b' })).toEqual({
      kind: 'mismatch',
    });
    const later = await store.idempotency.claim({
      ...request,
      fingerprint: 'sha-b',
      now: T0 + IDEMPOTENCY_TTL_MS,
    });
    expect(later.kind).toBe('claimed');
  });

  it('scopes keys to the account: the same key of another agent is another request', async () => {
    const store = await open();
    const ines = await addAccount(store, 'ines', T0);
    const bruno = await addAccount(store, 'bruno', T0);
    const request = { key: 'create-1', fingerprint: 'sha-a', now: T0 };
    expect((await store.idempotency.claim({ ...request, accountId: ines.id })).kind).toBe(
      'claimed',
    );
    expect((await store.idempotency.claim({ ...request, accountId: bruno.id })).kind).toBe(
      'claimed',
    );
  });

  it('gives an abandoned key back, and lets a dead holder’s claim be taken over without its late answer', async () => {
    const store = await open();
    const ines = await addAccount(store, 'ines', T0);
    const request = staleAfter30s(ines.id);
    const failed = await store.idempotency.claim(request);
    if (failed.kind !== 'claimed') throw new Error(failed.kind);
    await store.idempotency.abandon(ines.id, 'create-1', failed.claimId);

    const crashed = await store.idempotency.claim(request);
    if (crashed.kind !== 'claimed') throw new Error(crashed.kind);
    expect(await store.idempotency.claim({ ...request, now: T0 + 29_999 })).toEqual({
      kind: 'pending',
    });
    const retry = await store.idempotency.claim({ ...request, now: T0 + 30_000 });
    expect(retry).toMatchObject({ kind: 'claimed', takenOver: true });
    expect(await store.idempotency.complete(ines.id, 'create-1', crashed.claimId, CREATED)).toBe(
      false,
    );
    if (retry.kind !== 'claimed') return;
    expect(await store.idempotency.complete(ines.id, 'create-1', retry.claimId, CREATED)).toBe(
      true,
    );
  });

  it('never lets a claim whose create was sent be taken over: a stale one is outcome_unknown until kept or expired', async () => {
    const store = await open();
    const ines = await addAccount(store, 'ines', T0);
    const request = staleAfter30s(ines.id);
    const holder = await store.idempotency.claim(request);
    if (holder.kind !== 'claimed') throw new Error(holder.kind);
    // Only the holder marks it sent.
    expect(await store.idempotency.markSent(ines.id, 'create-1', 'someone-else', T0 + 5)).toBe(
      false,
    );
    expect(await store.idempotency.markSent(ines.id, 'create-1', holder.claimId, T0 + 10)).toBe(
      true,
    );
    expect(await store.idempotency.claim({ ...request, now: T0 + 29_999 })).toEqual({
      kind: 'pending',
    });
    // The holder died after sending: every later claim says so, and none may send it again.
    for (const now of [T0 + 30_000, T0 + 3_600_000, T0 + IDEMPOTENCY_TTL_MS - 1]) {
      expect(await store.idempotency.claim({ ...request, now })).toEqual({
        kind: 'outcome_unknown',
        sentAt: T0 + 10,
      });
    }
    // Another body with the key is still refused as such.
    expect(
      await store.idempotency.claim({ ...request, fingerprint: 'sha-b', now: T0 + 30_000 }),
    ).toEqual({ kind: 'mismatch' });
    // Once the key expires it is a new request, not sent yet.
    const fresh = await store.idempotency.claim({ ...request, now: T0 + IDEMPOTENCY_TTL_MS });
    expect(fresh).toMatchObject({ kind: 'claimed', takenOver: false });
    expect(
      await store.idempotency.claim({ ...request, now: T0 + IDEMPOTENCY_TTL_MS + 30_000 }),
    ).toMatchObject({ kind: 'claimed', takenOver: true });
  });

  it('keeps a late answer of a sent claim, so retries replay it instead of outcome_unknown', async () => {
    const store = await open();
    const ines = await addAccount(store, 'ines', T0);
    const request = staleAfter30s(ines.id);
    const holder = await store.idempotency.claim(request);
    if (holder.kind !== 'claimed') throw new Error(holder.kind);
    await store.idempotency.markSent(ines.id, 'create-1', holder.claimId, T0);
    expect((await store.idempotency.claim({ ...request, now: T0 + 40_000 })).kind).toBe(
      'outcome_unknown',
    );
    expect(await store.idempotency.complete(ines.id, 'create-1', holder.claimId, CREATED)).toBe(
      true,
    );
    expect(await store.idempotency.claim({ ...request, now: T0 + 50_000 })).toEqual({
      kind: 'replay',
      answer: CREATED,
    });
  });

  it('does not mark a claim taken over from its holder, nor a completed one', async () => {
    const store = await open();
    const ines = await addAccount(store, 'ines', T0);
    const request = staleAfter30s(ines.id);
    const slow = await store.idempotency.claim(request);
    if (slow.kind !== 'claimed') throw new Error(slow.kind);
    const taker = await store.idempotency.claim({ ...request, now: T0 + 30_000 });
    if (taker.kind !== 'claimed') throw new Error(taker.kind);
    expect(await store.idempotency.markSent(ines.id, 'create-1', slow.claimId, T0 + 30_001)).toBe(
      false,
    );
    expect(await store.idempotency.markSent(ines.id, 'create-1', taker.claimId, T0 + 30_002)).toBe(
      true,
    );
    await store.idempotency.complete(ines.id, 'create-1', taker.claimId, CREATED);
    expect(await store.idempotency.markSent(ines.id, 'create-1', taker.claimId, T0 + 30_003)).toBe(
      false,
    );
  });

  it('refuses keys beyond an account’s quota and never evicts another account’s', async () => {
    const store = await open();
    const ines = await addAccount(store, 'ines', T0);
    const bruno = await addAccount(store, 'bruno', T0);
    const claim = (accountId: string, key: string, now = T0) =>
      store.idempotency
        .claim({ accountId, key, fingerprint: key, now, quota: 3 })
        .then((outcome) => outcome.kind);
    expect(await claim(bruno.id, 'bruno-1')).toBe('claimed');
    for (const key of ['a', 'b', 'c']) expect(await claim(ines.id, key)).toBe('claimed');
    expect(await claim(ines.id, 'd')).toBe('quota');
    expect(await claim(ines.id, 'a')).toBe('pending');
    expect(await claim(bruno.id, 'bruno-1')).toBe('pending');
    expect(await claim(bruno.id, 'bruno-2')).toBe('claimed');
    expect(await claim(ines.id, 'd', T0 + IDEMPOTENCY_TTL_MS)).toBe('claimed');
  });

  /** One agent's claims made by two replicas (processes) at once: how many ended how. */
  async function claimFromTwoReplicas(claims: {
    key: string;
    times: number;
    quota?: number;
    distinctKeys?: boolean;
  }): Promise<Record<string, number>> {
    const options = await newDatabase();
    const ines = await addAccount(await open(options), 'ines', T0);
    const contest = {
      action: 'claim',
      accountId: ines.id,
      fingerprint: 'sha-a',
      now: T0,
      ...claims,
    } as const;
    const outcomes = (await contestAcrossProcesses<string>(options, contest, 2)).flat();
    const counts: Record<string, number> = {};
    for (const kind of outcomes) counts[kind] = (counts[kind] ?? 0) + 1;
    return counts;
  }

  it('lets exactly one of many simultaneous claims on one key win, from two replicas', async () => {
    expect(await claimFromTwoReplicas({ key: 'double-click', times: 10 })).toEqual({
      claimed: 1,
      pending: 19,
    });
  });

  it('holds an account to its quota however many replicas claim at once', async () => {
    const claims = { key: 'new', times: 5, quota: 3, distinctKeys: true };
    expect(await claimFromTwoReplicas(claims)).toEqual({ claimed: 3, quota: 7 });
  });
});
