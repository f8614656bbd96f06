import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser } from '../../testing/browser';
import { AGENT, startSignedInStack, VIEWER, type Stack } from '../../testing/stack';
import { maskIban, presentIbans } from '../ibans';

/**
 * IBANs exposed only on purpose (issue 13): through the real proxy, against the
 * real sandbox, every answer read as bytes.
 */
const IBAN = 'FR7630006000011234567890189';
/** What must never reach a viewer, in any spelling: the IBAN's hidden middle. */
const HIDDEN = ['30006000011234567890', '3000 6000', '0112 3456'];

let stack: Stack;
let agent: Browser;
let viewer: Browser;
let customerId: string;
let accountId: string;

const bytesOf = async (response: Response) => Buffer.from(await response.arrayBuffer()).toString();
function expectNoFullIban(text: string, what: string) {
  for (const hidden of HIDDEN) expect(text, what).not.toContain(hidden);
  expect(text.replace(/\s+/g, ''), what).not.toContain(IBAN);
}
const reveals = async () =>
  (await stack.proxy.store.audit.list({ action: 'iban_revealed', customerId })).events;

beforeAll(async () => {
  ({ stack, agent } = await startSignedInStack());
  viewer = new Browser(stack.url);
  expect((await viewer.signIn(VIEWER)).status).toBe(200);
  const customer = await agent.fetch('/api/v1/customers', {
    method: 'POST',
    json: { first_name: 'Inès', last_name: 'Masquée', email: 'ines.masquee@example.fr' },
  });
  expect(customer.status).toBe(201);
  customerId = ((await customer.json()) as { id: string }).id;
  const account = await agent.fetch(`/api/v1/customers/${customerId}/bank-accounts`, {
    method: 'POST',
    json: { iban: IBAN, holder_name: 'Inès Masquée' },
  });
  expect(account.status).toBe(201);
  const created = (await account.json()) as { id: string; iban: string; iban_masked: boolean };
  accountId = created.id;
  // The agent typed it: their own answer has it whole, and says so.
  expect(created).toMatchObject({ iban: IBAN, iban_masked: false });
});
afterAll(async () => stack.close());

describe('masking', () => {
  it('keeps the country code and the last four, as long as the IBAN', () => {
    expect(maskIban(IBAN)).toBe(`FR${'•'.repeat(21)}0189`);
    expect(maskIban('FR76 3000 6000 0112 3456 7890 189')).toBe(`FR${'•'.repeat(21)}0189`);
    expect(maskIban('SHORT123')).toBe('••••••••');
  });

  it('does not pass on JSON it cannot read, and leaves bodies without an iban unparsed', () => {
    const answer = (body: string) => ({
      status: 200,
      contentType: 'application/json',
      body: Buffer.from(body),
    });
    expect(presentIbans(answer('{"iban": "FR76'), 'viewer', 'getBankAccountById').kind).toBe(
      'unreadable',
    );
    expect(presentIbans(answer('{"id": "x"}'), 'viewer', 'getBankAccountById').kind).toBe('as_is');
    // An escaped key is still an iban.
    const escaped = presentIbans(
      answer(`{"\\u0069ban": "${IBAN}"}`),
      'viewer',
      'getBankAccountById',
    );
    expect(escaped.kind === 'rewritten' && escaped.body.toString()).not.toContain('3000');
  });
});

describe('bank-account answers', () => {
  const list = () => `/api/v1/customers/${customerId}/bank-accounts`;
  const single = () => `/api/v1/customers/${customerId}/bank-accounts/${accountId}`;

  it('masks the list for a viewer, at the byte level', async () => {
    const answer = await viewer.fetch(list());
    expect(answer.status).toBe(200);
    const text = await bytesOf(answer);
    expectNoFullIban(text, 'viewer list');
    const body = JSON.parse(text) as { data: { iban: string; iban_masked: boolean }[] };
    expect(body.data).toEqual([
      expect.objectContaining({ iban: `FR${'•'.repeat(21)}0189`, iban_masked: true }),
    ]);
  });

  it('masks the list for an agent too', async () => {
    const text = await bytesOf(await agent.fetch(list()));
    expectNoFullIban(text, 'agent list');
    expect(JSON.parse(text)).toMatchObject({ data: [{ iban_masked: true }] });
  });

  it("masks a viewer's read of the account, and records nothing", async () => {
    const before = (await reveals()).length;
    const answer = await viewer.fetch(single());
    expect(answer.status).toBe(200);
    const text = await bytesOf(answer);
    expectNoFullIban(text, 'viewer single');
    expect(JSON.parse(text)).toMatchObject({ id: accountId, iban_masked: true });
    expect(await reveals()).toHaveLength(before);
  });

  it("gives an agent's read of the account whole, as one iban_revealed event", async () => {
    const before = (await reveals()).length;
    const answer = await agent.fetch(single());
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(await answer.json()).toMatchObject({ id: accountId, iban: IBAN, iban_masked: false });
    const events = await reveals();
    expect(events).toHaveLength(before + 1);
    expect(events[0]).toMatchObject({
      action: 'iban_revealed',
      actor: AGENT.username,
      role: 'agent',
      outcome: 'revealed',
      customerId,
      targetId: accountId,
      details: { iban_last4: '0189' },
    });
    expect(JSON.stringify(events[0])).not.toContain('3000');
    // The audit log line keeps the last four only too.
    const line = stack.logs.findLast((entry) => {
      const audit = entry.audit as { event?: string } | undefined;
      return audit?.event === 'iban_revealed';
    });
    expect(line).toMatchObject({ audit: { agent: AGENT.username, iban_last4: '0189' } });
    expect(JSON.stringify(stack.logs)).not.toContain('30006000011234567890');
  });

  it('records nothing for a read that fails', async () => {
    const before = (await reveals()).length;
    const missing = await agent.fetch(`/api/v1/customers/${customerId}/bank-accounts/nope-404`);
    expect(missing.status).toBe(404);
    expect(await reveals()).toHaveLength(before);
  });

  it("shows the reveal on the customer's activity timeline, by its last four", async () => {
    await agent.fetch(single());
    const answer = await viewer.fetch(`/bo/customers/${customerId}/activity`);
    expect(answer.status).toBe(200);
    const text = await bytesOf(answer);
    expectNoFullIban(text, 'activity');
    const { data } = JSON.parse(text) as { data: Record<string, unknown>[] };
    expect(data).toContainEqual(
      expect.objectContaining({
        kind: 'iban_revealed',
        actor: AGENT.username,
        bank_account_id: accountId,
        iban_last4: '0189',
      }),
    );
  });

  it('still feeds the index its last four: a search by them finds the customer', async () => {
    await viewer.fetch(list());
    await expect
      .poll(async () => {
        const answer = await viewer.fetch('/bo/search?q=0189');
        const text = await bytesOf(answer);
        expectNoFullIban(text, 'search');
        return (JSON.parse(text) as { data: { customer: { id: string } }[] }).data.map(
          (result) => result.customer.id,
        );
      })
      .toContain(customerId);
  });

  it('replays the create to the same agent whole, and keeps it from everyone else', async () => {
    const key = 'reveal-replay-0001';
    const body = { iban: 'DE89370400440532013000', holder_name: 'Inès Masquée' };
    const first = await agent.fetch(`/api/v1/customers/${customerId}/bank-accounts`, {
      method: 'POST',
      json: body,
      headers: { 'idempotency-key': key },
    });
    expect(first.status).toBe(201);
    const again = await agent.fetch(`/api/v1/customers/${customerId}/bank-accounts`, {
      method: 'POST',
      json: body,
      headers: { 'idempotency-key': key },
    });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toMatchObject({ iban: body.iban, iban_masked: false });
    const refused = await viewer.fetch(`/api/v1/customers/${customerId}/bank-accounts`, {
      method: 'POST',
      json: body,
      headers: { 'idempotency-key': key },
    });
    expect(refused.status).toBe(403);
    expect(await bytesOf(refused)).not.toContain('0532013000');
  });
});
