import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { VerificationResolvedEvent } from '../../../store/index/types';
import type { Store } from '../../../store/store';
import { describeOnBothDialects } from '../../../store/testing/dialects';
import { Browser } from '../../../testing/browser';
import { AGENT, startSignedInStack, VIEWER } from '../../../testing/stack';
import type { ProxyConfig } from '../../app';
import { openEvents, type SseMessage } from './sseClient';

/**
 * /bo/events over HTTP on a real proxy and sandbox, with the event log in a
 * SQLite file and in PostgreSQL: delivery to every signed-in client, replay
 * with Last-Event-ID across a restart and across replicas, and the stream's
 * end (sign-out, shutdown) and life (heartbeats past the idle timeout).
 */
const FAST = { pollMs: 50, heartbeatMs: 5_000, sessionCheckMs: 100 };

const resolution = (n: number): VerificationResolvedEvent => ({
  verification_id: `ver_${n}`,
  customer_id: 'cus_1',
  customer_name: 'Camille Lefèvre',
  status: n % 2 === 0 ? 'verified' : 'unverified',
  stale: false,
  match_score: 0.5,
  started_by: 'alice',
});
const append = (store: Store, n: number) =>
  store.index.appendEvent('verification_resolved', resolution(n), Date.now());
const isResolution = (m: SseMessage) => m.event === 'verification_resolved';
const dataOf = (m: SseMessage) => JSON.parse(m.data!) as Record<string, unknown>;

/** A stack on `store` whose index holds only what the test appends (no sync of the sandbox). */
const liveStack = (store: Store, proxy: Partial<ProxyConfig> = {}) =>
  startSignedInStack({
    proxy: { store, worker: { index: false }, liveEvents: FAST, ...proxy },
  });

/** Resolves with how long `closing` took, or rejects once `withinMs` have passed. */
async function settlesWithin(closing: Promise<unknown>, withinMs: number): Promise<number> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`not done within ${withinMs} ms`)), withinMs);
  });
  try {
    await Promise.race([closing, deadline]);
    return performance.now() - started;
  } finally {
    clearTimeout(timer);
  }
}

describeOnBothDialects('the live events stream', (target) => {
  it('delivers a resolution to every signed-in client, a viewer too', async () => {
    const store = await target.open();
    const { stack, agent } = await liveStack(store);
    try {
      await append(store, 1); // before anyone connects: not replayed to a fresh stream
      const viewer = new Browser(stack.url);
      expect((await viewer.signIn(VIEWER)).status).toBe(200);
      const first = await openEvents(agent);
      const second = await openEvents(viewer);
      expect(first.status).toBe(200);
      expect(first.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
      expect(first.headers.get('cache-control')).toBe('no-cache');
      expect(first.headers.get('x-accel-buffering')).toBe('no');
      await second.waitFor((m) => m.retry === '3000');
      // No HEAD twin that would open a stream and never end.
      expect((await agent.fetch('/bo/events', { method: 'HEAD' })).status).toBe(404);

      const id = await append(store, 2);
      for (const stream of [first, second]) {
        await stream.waitFor(isResolution);
        expect(stream.events()).toEqual([
          { id: String(id), event: 'verification_resolved', data: JSON.stringify(resolution(2)) },
        ]);
      }
      first.close();
      second.close();
    } finally {
      await stack.close();
    }
  });

  it('relays a verification the watcher resolves with no browser open', async () => {
    const store = await target.open();
    const { stack, agent } = await startSignedInStack({
      sandbox: { verificationDelayMs: 500 },
      proxy: { store, liveEvents: FAST, worker: { renewEveryMs: 200 } },
    });
    try {
      const watcher = new Browser(stack.url);
      expect((await watcher.signIn(VIEWER)).status).toBe(200);
      const stream = await openEvents(watcher);
      const created = await agent.fetch('/api/v1/customers', {
        method: 'POST',
        json: { first_name: 'Inès', last_name: 'Moreau', email: 'ines.moreau@example.fr' },
        headers: { 'idempotency-key': `create-${randomUUID()}` },
      });
      expect(created.status, await created.clone().text()).toBe(201);
      const customer = (await created.json()) as { id: string };
      const started = await agent.fetch(`/api/v1/customers/${customer.id}/verification`, {
        method: 'POST',
        json: {},
        headers: { 'idempotency-key': `verify-${randomUUID()}` },
      });
      expect(started.status, await started.clone().text()).toBe(201);
      const verification = (await started.json()) as { id: string };

      await stream.waitFor((m) => m.event === 'verification_started');
      expect(dataOf(stream.events()[0]!)).toMatchObject({
        id: verification.id,
        customer_id: customer.id,
        customer_name: 'Inès Moreau',
        started_by: AGENT.username,
      });
      // The watcher's first check comes 5 s after the start.
      await stream.waitFor(isResolution, 1, 20_000);
      expect(dataOf(stream.events().find(isResolution)!)).toMatchObject({
        verification_id: verification.id,
        customer_id: customer.id,
        customer_name: 'Inès Moreau',
        started_by: AGENT.username,
      });
      stream.close();
    } finally {
      await stack.close();
    }
  }, 40_000);

  it('resumes after a proxy restart with exactly the events missed', async () => {
    const store = await target.open();
    const before = await liveStack(store);
    let cookie: string | undefined;
    let seen: string;
    try {
      const stream = await openEvents(before.agent);
      await stream.waitFor((m) => m.retry !== undefined);
      await append(store, 1);
      await stream.waitFor(isResolution);
      seen = stream.events()[0]!.id!;
      cookie = before.agent.cookie;
      // The proxy goes away with the stream open.
    } finally {
      await before.stack.close();
    }
    const missed = [await append(store, 2), await append(store, 3)];

    const after = await liveStack(store);
    try {
      // The same browser (its session lives in the store) reconnects to the new process.
      const browser = new Browser(after.stack.url);
      browser.cookie = cookie;
      const resumed = await openEvents(browser, { lastEventId: seen });
      await resumed.waitFor(isResolution, 2);
      const next = await append(store, 4);
      await resumed.waitFor(isResolution, 3);
      expect(resumed.events().map((m) => [m.id, dataOf(m).verification_id])).toEqual([
        [String(missed[0]), 'ver_2'],
        [String(missed[1]), 'ver_3'],
        [String(next), 'ver_4'],
      ]);
      // The query form, for clients that cannot set the header, and an id from before a reset.
      const byQuery = await openEvents(browser, { query: `?last_event_id=${missed[0]}` });
      await byQuery.waitFor(isResolution, 2);
      expect(byQuery.events().map((m) => m.id)).toEqual([String(missed[1]), String(next)]);
      const fromTheFuture = await openEvents(browser, { lastEventId: next + 1_000 });
      const last = await append(store, 5);
      await fromTheFuture.waitFor(isResolution);
      expect(fromTheFuture.events().map((m) => m.id)).toEqual([String(last)]);
      for (const each of [resumed, byQuery, fromTheFuture]) each.close();
    } finally {
      await after.stack.close();
    }
  });

  it('with two proxies on one store, an event appended through one reaches a stream on the other', async () => {
    const database = await target.newDatabase();
    const storeA = await target.open(database);
    const storeB = await target.open(database);
    const a = await liveStack(storeA);
    const b = await liveStack(storeB);
    try {
      const onB = await openEvents(b.agent);
      const onA = await openEvents(a.agent);
      await onB.waitFor((m) => m.retry !== undefined);
      await onA.waitFor((m) => m.retry !== undefined);
      const id = await append(a.stack.proxy.store, 7);
      for (const stream of [onA, onB]) {
        await stream.waitFor(isResolution);
        expect(stream.events().map((m) => [m.id, dataOf(m).verification_id])).toEqual([
          [String(id), 'ver_7'],
        ]);
      }
      onA.close();
      onB.close();
    } finally {
      await a.stack.close();
      await b.stack.close();
    }
  });

  it('ends the stream of a session that signs out, and no other', async () => {
    const store = await target.open();
    const { stack, agent } = await liveStack(store);
    try {
      const otherDevice = new Browser(stack.url);
      expect((await otherDevice.signIn(AGENT)).status).toBe(200);
      const mine = await openEvents(agent);
      const other = await openEvents(otherDevice);
      await other.waitFor((m) => m.retry !== undefined);

      expect((await agent.fetch('/auth/logout', { method: 'POST' })).status).toBe(204);
      await settlesWithin(mine.ended, 5_000);
      await append(store, 1);
      await other.waitFor(isResolution);
      expect(other.isEnded()).toBe(false);

      // Signed out everywhere (from the other device): its stream ends too.
      const everywhere = await otherDevice.fetch('/auth/logout?everywhere=true', {
        method: 'POST',
      });
      expect(everywhere.status).toBe(204);
      await settlesWithin(other.ended, 5_000);
      expect((await openEvents(otherDevice)).status).toBe(401);
    } finally {
      await stack.close();
    }
  });

  it('closing the app ends every open stream at once', async () => {
    const store = await target.open();
    const { stack, agent } = await liveStack(store);
    const streams = await Promise.all([openEvents(agent), openEvents(agent), openEvents(agent)]);
    for (const stream of streams) await stream.waitFor((m) => m.retry !== undefined);
    // Without the streams' own ending, close would wait on them for ever.
    const tookMs = await settlesWithin(stack.close(), 5_000);
    for (const stream of streams) await settlesWithin(stream.ended, 1_000);
    expect(tookMs).toBeLessThan(5_000);
  });

  it('heartbeats keep a quiet stream open past the idle and request timeouts', async () => {
    const store = await target.open();
    const idleTimeoutMs = 400;
    const { stack, agent } = await liveStack(store, {
      liveEvents: { ...FAST, heartbeatMs: 100 },
      connectionLimits: { idleTimeoutMs, requestTimeoutMs: 2_000 },
    });
    try {
      const stream = await openEvents(agent);
      const startedAt = performance.now();
      // Five idle timeouts' worth of heartbeats, and still open.
      await stream.waitFor((m) => m.comment === 'heartbeat', 25);
      expect(performance.now() - startedAt).toBeGreaterThan(5 * idleTimeoutMs);
      expect(stream.isEnded()).toBe(false);
      const id = await append(store, 1);
      await stream.waitFor(isResolution);
      expect(stream.events()[0]!.id).toBe(String(id));
      stream.close();
    } finally {
      await stack.close();
    }
  });
});
