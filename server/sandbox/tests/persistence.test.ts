import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import Database from 'better-sqlite3';
import { buildApp } from '../app';
import { SandboxStore } from '../store';
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

  it('keeps a cancelled verification and its link across a restart, and the link still works', async () => {
    const db = join(dir, 'consent.db');
    const config = { db, seed: 0, flavor: 'fintecture' as const };
    const first = await testSandbox(config);
    const customer = await first.createCustomer();
    await first.call('POST', `/v1/customers/${customer.id}/bank_accounts`, {
      iban: 'FR7630006000011234567890189',
      holder_name: 'DUPONT JEAN',
    });
    const started = (
      await first.call('POST', `/v1/customers/${customer.id}/verification`, {})
    ).json<{ id: string; url: string }>();
    const page = new URL(started.url).pathname;
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const cancel = await first.app.inject({ method: 'POST', url: `${page}/cancel`, headers: form });
    expect(cancel.statusCode).toBe(303);
    await first.app.close();

    const second = await testSandbox(config);
    try {
      const read = () =>
        second.call('GET', `/v1/customers/${customer.id}/verification/${started.id}`);
      expect((await read()).json()).toMatchObject({ status: 'cancelled', url: started.url });
      expect((await second.app.inject({ method: 'GET', url: page })).statusCode).toBe(200);
      const confirm = await second.app.inject({
        method: 'POST',
        url: `${page}/confirm`,
        headers: form,
      });
      expect(confirm.statusCode).toBe(303);
      expect((await read()).json()).toMatchObject({ status: 'success' });
    } finally {
      await second.app.close();
    }
  });

  it('opens a database from before consent links, keeping its verifications, and can cancel in it', async () => {
    const db = join(dir, 'older.db');
    // The verifications table as it was: no link_token, and a status check without cancelled.
    const old = new Database(db);
    old.exec(`
      CREATE TABLE customers (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, first_name TEXT NOT NULL,
        last_name TEXT NOT NULL, company_name TEXT, email TEXT NOT NULL, phone TEXT, address TEXT,
        external_id TEXT UNIQUE, created_at TEXT NOT NULL);
      CREATE TABLE verifications (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
        customer_seq INTEGER NOT NULL REFERENCES customers (seq), provider_id TEXT NOT NULL,
        expected_name TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'verified', 'unverified', 'failed')),
        match_score REAL, verified_at TEXT, created_at TEXT NOT NULL, resolve_at INTEGER NOT NULL);
      CREATE INDEX verifications_due ON verifications (resolve_at) WHERE status = 'pending';
      INSERT INTO customers VALUES (1, 'c-1', 'Jean', 'Dupont', NULL, 'j@example.fr', NULL, NULL, NULL, '2026-01-01T00:00:00.000Z');
      INSERT INTO verifications VALUES (1, 'v-1', 1, 'sandbox', 'Jean Dupont', 'unverified', 0.4, NULL, '2026-01-01T00:00:00.000Z', 0);
    `);
    old.close();

    const store = new SandboxStore(db);
    try {
      expect(store.listVerifications(1)).toEqual([
        { id: 'v-1', status: 'unverified', match_score: 0.4, provider_id: 'sandbox' },
      ]);
      const { verification, linkToken } = store.startVerificationWithLink(1, {
        provider_id: 'bnpafrpp',
        expected_name: 'Jean Dupont',
      });
      const consent = store.consent(verification.id!, linkToken);
      expect(consent?.verification.status).toBe('pending');
      expect(store.cancelVerification(consent!.verificationSeq)).toBe(true);
      expect(store.getVerificationRecord(1, verification.id!)).toEqual({
        verification: { id: verification.id, status: 'cancelled', provider_id: 'bnpafrpp' },
        linkToken,
      });
      expect(store.consent(verification.id!, `${linkToken}x`)).toBeUndefined();
    } finally {
      store.close();
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
