import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEvents } from '../server/proxy/tests/bo/sseClient';
import { Browser, rawRequest } from '../server/testing/browser';
import { startSignedInStack, VIEWER, type Stack } from '../server/testing/stack';

/**
 * Full IBANs for viewers (issue 13): the dashboard hid them, but the proxy
 * handed them over in every bank-account answer. Here a viewer's session tries
 * every way in (list, single, HEAD, odd Accept headers, query and path tricks,
 * every /bo read, the CSV, the live events) while an agent adds, reveals and
 * verifies; each answer is read as bytes and searched for any IBAN the
 * sandbox holds, with or without its spaces.
 */
const IBAN = 'FR7630006000011234567890189';

let stack: Stack;
let agent: Browser;
let viewer: Browser;
let customerId: string;
let accountId: string;
/** Every IBAN the sandbox holds, its seeded customers' and ours. */
let ibans: string[];

beforeAll(async () => {
  ({ stack, agent } = await startSignedInStack({ sandbox: { seed: 6 } }));
  viewer = new Browser(stack.url);
  expect((await viewer.signIn(VIEWER)).status).toBe(200);
  const customer = await agent.fetch('/api/v1/customers', {
    method: 'POST',
    json: { first_name: 'Yves', last_name: 'Cachée', email: 'yves.cachee@example.fr' },
  });
  customerId = ((await customer.json()) as { id: string }).id;
  const account = await agent.fetch(`/api/v1/customers/${customerId}/bank-accounts`, {
    method: 'POST',
    json: { iban: IBAN, holder_name: 'Yves Cachée' },
  });
  expect(account.status).toBe(201);
  accountId = ((await account.json()) as { id: string }).id;
  const store = stack.sandbox.sandbox.store;
  ibans = store
    .listCustomers(1, 100)
    .flatMap((each) => store.listBankAccounts(store.customerSeq(each.id!)!))
    .map((each) => each.iban!);
  expect(ibans).toContain(IBAN);
  expect(ibans.length).toBeGreaterThan(3);
});
afterAll(async () => stack?.close());

/** The IBAN's hidden part in the forms a leak could take: compact, and in groups of four. */
function leaksIn(text: string): string[] {
  const compact = text.replace(/[\s\u00a0\u202f]+/g, '');
  return ibans.filter((iban) => {
    const hidden = iban.slice(2, -4);
    return compact.includes(hidden) || compact.includes(iban);
  });
}

async function bytes(response: Response): Promise<string> {
  return Buffer.from(await response.arrayBuffer()).toString('utf8');
}

describe('a viewer after a full IBAN', () => {
  it('gets none from the bank-account operations, however asked', async () => {
    const seeded = stack.sandbox.sandbox.store.listCustomers(1, 100).map((each) => each.id!);
    const paths = [customerId, ...seeded].flatMap((id) => [
      `/api/v1/customers/${id}/bank-accounts`,
      `/api/v1/customers/${id}/bank-accounts?reveal=true&unmasked=1&fields=iban`,
      `/api/v1/customers/${id}`,
      `/api/v1/customers/${id}/verifications`,
    ]);
    const single = `/api/v1/customers/${customerId}/bank-accounts/${accountId}`;
    paths.push(
      single,
      `${single}?reveal=1`,
      `${single}?iban=full&role=agent`,
      `${single}/`,
      `${single}%2F`,
      `/api/v1/customers/${customerId}/bank-accounts/${accountId.toUpperCase()}`,
      `/api/v1/customers?page[size]=100`,
    );
    for (const path of paths) {
      for (const accept of [
        'application/json',
        'text/html',
        '*/*',
        'text/plain',
        'application/xml',
      ]) {
        const answer = await viewer.fetch(path, { headers: { accept } });
        expect(answer.status, path).toBeLessThan(500);
        expect(leaksIn(await bytes(answer)), `${path} (${accept})`).toEqual([]);
      }
    }
  });

  it('gets none with raw requests: HEAD, OPTIONS, forged roles and method overrides', async () => {
    const single = `/api/v1/customers/${customerId}/bank-accounts/${accountId}`;
    for (const method of ['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH']) {
      for (const headers of [
        {} as Record<string, string>,
        { 'x-role': 'agent', 'x-user-role': 'agent', 'x-forwarded-user': 'alice' },
        { 'x-http-method-override': 'GET', 'x-method-override': 'GET' },
        { accept: 'application/json;q=0, text/csv', range: 'bytes=0-' },
        { 'accept-encoding': 'gzip, br' },
      ]) {
        const answer = await rawRequest(stack.url, {
          method,
          path: single,
          headers: {
            cookie: viewer.cookie!,
            origin: stack.url,
            'x-csrf': '1',
            ...headers,
            ...(method === 'POST' || method === 'PUT' || method === 'PATCH'
              ? { 'content-type': 'application/json' }
              : {}),
          },
          body: method === 'POST' || method === 'PUT' || method === 'PATCH' ? '{}' : undefined,
        });
        expect(answer.status, `${method} ${JSON.stringify(headers)}`).toBeLessThan(500);
        expect(leaksIn(answer.body), `${method} ${JSON.stringify(headers)}`).toEqual([]);
      }
    }
  });

  it("gets none from a create's idempotent replay, an agent's or a new one", async () => {
    const key = 'viewer-replay-attack-01';
    const body = { iban: 'DE89370400440532013000', holder_name: 'Yves Cachée' };
    const path = `/api/v1/customers/${customerId}/bank-accounts`;
    expect(
      (await agent.fetch(path, { method: 'POST', json: body, headers: { 'idempotency-key': key } }))
        .status,
    ).toBe(201);
    ibans.push(body.iban);
    const replayed = await viewer.fetch(path, {
      method: 'POST',
      json: body,
      headers: { 'idempotency-key': key },
    });
    expect(replayed.status).toBe(403);
    expect(leaksIn(await bytes(replayed))).toEqual([]);
  });

  it('gets none from /bo: search by last four, lists, activity, duplicates, the queue and its CSV', async () => {
    // The agent reveals, so the activity and the index have the account in every way they can.
    expect(
      (await agent.fetch(`/api/v1/customers/${customerId}/bank-accounts/${accountId}`)).status,
    ).toBe(200);
    const started = await agent.fetch(`/api/v1/customers/${customerId}/verification`, {
      method: 'POST',
      json: {},
    });
    expect(started.status).toBe(201);
    await expect
      .poll(async () => bytes(await viewer.fetch('/bo/search?q=0189')))
      .toContain(customerId);
    for (const path of [
      '/bo/search?q=0189',
      `/bo/search?q=${IBAN}`,
      `/bo/search?q=${encodeURIComponent('FR76 3000 6000 0112 3456 7890 189')}`,
      '/bo/search?q=FR76',
      '/bo/customers',
      `/bo/customers/statuses?ids=${customerId}`,
      `/bo/customers/${customerId}/activity`,
      `/bo/customers/${customerId}/verifications`,
      '/bo/duplicates?email=yves.cachee@example.fr',
      '/bo/verifications',
      '/bo/verifications?status=pending,verified,unverified,failed,cancelled',
      '/bo/verifications.csv',
      '/bo/verifications.csv?status=pending,verified,unverified,failed,cancelled',
      '/bo/index/status',
      '/bo/environment',
      '/auth/me',
    ]) {
      const answer = await viewer.fetch(path);
      expect(answer.status, path).toBeLessThan(500);
      expect(leaksIn(await bytes(answer)), path).toEqual([]);
    }
  });

  it('gets none from the live events while an account is added, revealed and verified', async () => {
    const events = await openEvents(viewer);
    try {
      expect(events.status).toBe(200);
      const account = await agent.fetch(`/api/v1/customers/${customerId}/bank-accounts`, {
        method: 'POST',
        json: { iban: 'BE68539007547034', holder_name: 'Yves Cachée' },
      });
      expect(account.status).toBe(201);
      ibans.push('BE68539007547034');
      const { id } = (await account.json()) as { id: string };
      await agent.fetch(`/api/v1/customers/${customerId}/bank-accounts/${id}`);
      await agent.fetch(`/api/v1/customers/${customerId}/verification`, {
        method: 'POST',
        json: {},
      });
      await events.waitFor((message) => message.event === 'verification_started');
      const seen = JSON.stringify(events.messages);
      expect(seen).toContain(customerId);
      expect(leaksIn(seen)).toEqual([]);
    } finally {
      events.close();
    }
  });
});
