import { expect } from 'vitest';
import type { SandboxConfig } from '../../../sandbox/app';
import type { StoreUnderTest } from '../../../store/testing/dialects';
import type { Store } from '../../../store/store';
import type { Browser } from '../../../testing/browser';
import { manualClock } from '../../../testing/clock';
import { startSignedInStack, type Stack } from '../../../testing/stack';
import type { IndexSettings } from '../../index/jobs';

/** Far apart enough that nothing is due unless a test moves the clock. */
export const SYNC_EVERY_MS = 5 * 60_000;
export const FULL_SYNC_EVERY_MS = 24 * 3_600_000;

export interface IndexedStack {
  stack: Stack;
  agent: Browser;
  store: Store;
  clock: ReturnType<typeof manualClock>;
}

/**
 * A real sandbox and a real proxy on a store of the dialect under test, its
 * worker rounds every 50 ms on a clock the test moves, and an agent signed in.
 */
export async function startIndexedStack(
  target: StoreUnderTest,
  options: {
    sandbox?: Partial<SandboxConfig>;
    /** `false`: no sync nor watcher, only the feed (what passes through the proxy). */
    index?: Partial<IndexSettings> | false;
    store?: Store;
    clock?: ReturnType<typeof manualClock>;
  } = {},
): Promise<IndexedStack> {
  const store = options.store ?? (await target.open());
  const clock = options.clock ?? manualClock(Date.UTC(2026, 0, 5, 9));
  const { stack, agent } = await startSignedInStack({
    sandbox: options.sandbox,
    proxy: {
      store,
      now: clock.now,
      worker: {
        renewEveryMs: 50,
        index: options.index !== false && {
          everyMs: SYNC_EVERY_MS,
          fullEveryMs: FULL_SYNC_EVERY_MS,
          maxRps: 500,
          ...options.index,
        },
      },
    },
  });
  return { stack, agent, store, clock };
}

/** Runs a test on its own stack, closed however the test ends (the store is the dialect's to close). */
export async function withIndexedStack(
  target: StoreUnderTest,
  options: Parameters<typeof startIndexedStack>[1],
  test: (indexed: IndexedStack) => Promise<void>,
): Promise<void> {
  const indexed = await startIndexedStack(target, options);
  try {
    await test(indexed);
  } finally {
    await indexed.stack.close();
  }
}

/** Waits for the walk under way (or the first one) to end, and gives the state it left. */
export async function walkEnded(store: Store, after = 0, timeout = 20_000) {
  await expect
    .poll(
      async () => {
        const state = await store.index.syncState();
        return state.walk === null && (state.lastSyncAt ?? 0) > after;
      },
      { timeout, interval: 25 },
    )
    .toBe(true);
  return store.index.syncState();
}

/** The /v1 requests the sandbox received (token requests left out), oldest first. */
export async function upstreamRequests(stack: Stack) {
  const reply = await stack.control('GET', '/_sandbox/requests');
  const { data } = (await reply.json()) as {
    data: { method: string; url: string; at: number }[];
  };
  return data.filter((request) => request.url.startsWith('/v1/'));
}

/** The list page numbers the sandbox was asked for, in order. */
export const listedPages = (requests: { url: string }[]) =>
  requests
    .filter((request) => /^\/v1\/customers\?/.test(request.url))
    .map((request) => Number(new URL(request.url, 'http://x').searchParams.get('page[number]')));
