import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { buildApp } from '../app';
import { testSandbox } from '../testing';

const dir = mkdtempSync(join(tmpdir(), 'sandbox-persistence-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('persistence', () => {
  it('keeps customers, accounts and tokens across a restart, and resolves verifications started before it', async () => {
    const db = join(dir, 'sandbox.db');
    // The clock moves only when the test says so: the verification is due while the sandbox is down.
    vi.useFakeTimers({ toFake: ['Date'] });
    onTestFinished(() => {
      vi.useRealTimers();
    });
    const first = await testSandbox({ db, seed: 3, verificationDelayMs: 300 });
    const customer = await first.createCustomer({ first_name: 'Anna', last_name: 'Schmidt' });
    await first.call('POST', `/v1/customers/${customer.id}/bank-accounts`, {
      iban: 'DE89370400440532013000',
      holder_name: 'SCHMIDT ANNA',
    });
    const started = (
      await first.call('POST', `/v1/customers/${customer.id}/verification`, {})
    ).json<{ id: string; status: string }>();
    expect(started.status).toBe('pending');
    await first.app.close();

    vi.setSystemTime(Date.now() + 300);
    const second = await testSandbox({ db, seed: 3, verificationDelayMs: 300 });
    try {
      const list = (await second.call('GET', '/v1/customers')).json<{
        data: { id: string }[];
        meta: { count: number };
      }>();
      expect(list.meta.count).toBe(4);
      expect(list.data[0]!.id).toBe(customer.id);
      const verification = (
        await second.call('GET', `/v1/customers/${customer.id}/verification/${started.id}`)
      ).json<{ status: string }>();
      expect(verification.status).toBe('verified');
      // The first run's token still works: the signing key is kept in the database.
      const again = await second.app.inject({
        method: 'GET',
        url: `/v1/customers/${customer.id}`,
        headers: { authorization: `Bearer ${first.token}` },
      });
      expect(again.statusCode).toBe(200);
    } finally {
      await second.app.close();
    }
  });

  it('generates an app secret once and keeps it', async () => {
    const db = join(dir, 'secret.db');
    const config = { db, seed: 0, appId: 'app', verificationDelayMs: 0, tokenTtlSeconds: 60 };
    const first = await buildApp(config);
    const secret = first.sandbox.appSecret;
    await first.close();
    const second = await buildApp(config);
    expect(second.sandbox.appSecret).toBe(secret);
    expect(secret.length).toBeGreaterThanOrEqual(24);
    await second.close();
  });
});

describe('demo data', () => {
  it('fills an empty database with the same rows for the same seed', async () => {
    const a = await testSandbox({ seed: 30, verificationDelayMs: 60_000 });
    const b = await testSandbox({ seed: 30, verificationDelayMs: 60_000 });
    try {
      const listA = (await a.call('GET', '/v1/customers?page[size]=100')).json<{
        data: { id: string }[];
        meta: { count: number };
      }>();
      const listB = (await b.call('GET', '/v1/customers?page[size]=100')).json<{
        data: unknown[];
      }>();
      expect(listA.meta.count).toBe(30);
      expect(listA).toEqual(listB);
      const statuses = new Set<string>();
      for (const { id } of listA.data) {
        const verifications = (await a.call('GET', `/v1/customers/${id}/verifications`)).json<{
          data: { status: string }[];
        }>();
        for (const v of verifications.data) statuses.add(v.status);
      }
      expect([...statuses].sort()).toEqual(['failed', 'pending', 'unverified', 'verified']);
    } finally {
      await a.app.close();
      await b.app.close();
    }
  });
});
