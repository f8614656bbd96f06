import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../server/proxy/users';
import { Browser } from '../server/testing/browser';
import { sandboxStats, startSignedInStack, type Stack } from '../server/testing/stack';

/**
 * Idempotency per account (issue 9, item 4): the cache held 10,000 entries for
 * all agents together, so 10,050 invalid creates with distinct keys by one
 * agent flushed another agent's key, and that agent's retried create made a
 * second customer. Now each account holds its own keys in the store, up to a
 * quota; past it, that account alone is refused.
 */
const FLOOD = 10_050;
const CONCURRENCY = 16;
/** A small quota keeps the run short: the flood is the same, fewer of its creates reach the API. */
const QUOTA = 100;
const OTHER_AGENT = { username: 'bruno', password: 'bruno-password-123' };

let stack: Stack;
let flooder: Browser;
let other: Browser;
beforeAll(async () => {
  ({ stack, agent: flooder } = await startSignedInStack({
    proxy: { idempotency: { quota: QUOTA } },
  }));
  await stack.proxy.store.accounts.create(
    {
      username: OTHER_AGENT.username,
      role: 'agent',
      passwordHash: await hashPassword(OTHER_AGENT.password),
    },
    Date.now(),
  );
  other = new Browser(stack.url);
  expect((await other.signIn(OTHER_AGENT)).status).toBe(200);
});
afterAll(async () => stack?.close());

const createCustomer = (browser: Browser, key: string, json: unknown) =>
  browser.fetch('/api/v1/customers', {
    method: 'POST',
    headers: { 'idempotency-key': key },
    json,
  });

describe("one agent's Idempotency-Keys against another's", () => {
  it(`keeps another agent's key through ${FLOOD} invalid creates with distinct keys, and refuses the flooder past its quota`, async () => {
    const customer = { first_name: 'Rémi', last_name: 'Retry', email: 'remi.retry@example.fr' };
    const first = await createCustomer(other, 'bruno-create-0001', customer);
    expect(first.status).toBe(201);
    const created = (await first.json()) as { id: string };

    const statuses = new Map<number, number>();
    let refusal: unknown;
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < FLOOD) {
          const index = next++;
          const reply = await createCustomer(
            flooder,
            `flood-${String(index).padStart(6, '0')}`,
            {},
          );
          statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
          const body: unknown = await reply.json();
          if (reply.status === 429) refusal ??= body;
        }
      }),
    );
    // Nothing failed: the invalid ones were refused by the API, the rest by the quota.
    expect([...statuses.keys()].sort()).toEqual([400, 429]);
    expect(statuses.get(400)).toBe(QUOTA);
    expect(statuses.get(429)).toBe(FLOOD - QUOTA);
    expect(refusal).toMatchObject({
      code: 'idempotency_quota_exceeded',
      message: expect.stringMatching(/Idempotency-Keys in the last 24 hours/) as unknown,
    });

    await stack.control('DELETE', '/_sandbox/stats');
    const retried = await createCustomer(other, 'bruno-create-0001', customer);
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect(((await retried.json()) as { id: string }).id).toBe(created.id);
    expect((await sandboxStats(stack)).createCustomer ?? 0).toBe(0);
  });
});
