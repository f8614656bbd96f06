import { expect, it } from 'vitest';
import type { Store } from '../../../store/store';
import { describeOnBothDialects, type StoreUnderTest } from '../../../store/testing/dialects';
import { Browser } from '../../../testing/browser';
import { startSignedInStack, VIEWER, type Stack } from '../../../testing/stack';

/**
 * The /bo routes over HTTP, on a real proxy and sandbox, with the index in a
 * SQLite file and in PostgreSQL: who may call them, what they refuse, and the
 * verification queue's filters, order, paging and CSV.
 */
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

interface Problem {
  status: number;
  code: string;
  message: string;
}
interface QueueAnswer {
  data: { id: string; started_at: string | null; resolved_at: string | null }[];
  meta: { count: number; counts: Record<string, number> };
}

async function withStack(
  target: StoreUnderTest,
  test: (stack: Stack, agent: Browser, store: Store) => Promise<void>,
) {
  const store = await target.open();
  // No sync: the index holds what each test puts in it (a full walk of the empty sandbox would remove it).
  const { stack, agent } = await startSignedInStack({ proxy: { store, worker: { index: false } } });
  try {
    await test(stack, agent, store);
  } finally {
    await stack.close();
  }
}

/**
 * Six verifications of six customers: two pending (alice's 30 min old, bob's
 * 3 h old), alice's verified two days ago, an unverified one seen 10 days
 * ago, alice's failed 40 min ago, and bob's stale one.
 */
async function seedQueue(store: Store, now: number) {
  await store.index.upsertCustomers(
    [1, 2, 3, 4, 5, 6].map((n) => ({
      id: `cus_${n}`,
      first_name: `First${n}`,
      last_name: `Last${n}`,
      email: `person${n}@example.fr`,
    })),
    now - 30 * 24 * HOUR,
  );
  const start = (startedBy: string, agoMs: number) => ({
    startedBy,
    expectedName: 'Camille Lefèvre',
    startedAt: now - agoMs,
  });
  const index = store.index;
  await index.recordVerifications(
    [{ id: 'ver_1', customerId: 'cus_1', status: 'pending' }],
    now - 0.5 * HOUR,
    start('alice', 0.5 * HOUR),
  );
  await index.recordVerifications(
    [{ id: 'ver_2', customerId: 'cus_2', status: 'pending' }],
    now - 3 * HOUR,
    start('bob', 3 * HOUR),
  );
  await index.recordVerifications(
    [{ id: 'ver_3', customerId: 'cus_3', status: 'pending' }],
    now - 48 * HOUR,
    start('alice', 48 * HOUR),
  );
  await index.recordVerifications(
    [
      {
        id: 'ver_3',
        customerId: 'cus_3',
        status: 'verified',
        matchScore: 0.97,
        resolvedAt: iso(now - 47 * HOUR),
      },
    ],
    now - 47 * HOUR,
  );
  await index.recordVerifications(
    [
      {
        id: 'ver_4',
        customerId: 'cus_4',
        status: 'unverified',
        matchScore: 0.2,
        resolvedAt: iso(now - 240 * HOUR),
      },
    ],
    now - 240 * HOUR,
  );
  await index.recordVerifications(
    [{ id: 'ver_5', customerId: 'cus_5', status: 'pending' }],
    now - (2 / 3) * HOUR,
    start('alice', (2 / 3) * HOUR),
  );
  await index.recordVerifications(
    [{ id: 'ver_5', customerId: 'cus_5', status: 'failed', resolvedAt: iso(now - 0.6 * HOUR) }],
    now - 0.6 * HOUR,
  );
  await index.recordVerifications(
    [{ id: 'ver_6', customerId: 'cus_6', status: 'pending' }],
    now - 30 * HOUR,
    start('bob', 30 * HOUR),
  );
  await index.markStale('ver_6', now - 6 * HOUR);
}

const ids = (answer: QueueAnswer) => answer.data.map((row) => row.id);

/** A minimal RFC 4180 reader: quoted cells with doubled quotes, commas and line breaks inside. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (quoted) {
      cell += c;
    } else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else {
      cell += c;
    }
  }
  if (cell !== '' || row.length > 0)
    throw new Error(`the last line does not end with CRLF: ${cell}`);
  return rows;
}

describeOnBothDialects('the /bo routes', (target) => {
  it('refuses a caller who is not signed in, on every route, with a 401 problem', async () => {
    await withStack(target, async (stack) => {
      const stranger = new Browser(stack.url);
      for (const path of [
        '/bo/index/status',
        '/bo/search?q=camille',
        '/bo/customers',
        '/bo/customers/statuses?ids=cus_1',
        '/bo/customers/cus_1/activity',
        '/bo/customers/cus_1/verifications',
        '/bo/duplicates?email=a@example.fr',
        '/bo/verifications',
        '/bo/verifications.csv',
        '/bo/events',
      ]) {
        const answer = await stranger.fetch(path);
        expect(answer.status, path).toBe(401);
        expect(((await answer.json()) as Problem).code, path).toBe('unauthenticated');
      }
      // An unknown /bo path is a JSON 404, even for a browser asking for HTML.
      const unknown = await stranger.fetch('/bo/nothing', { headers: { accept: 'text/html' } });
      expect(unknown.status).toBe(404);
      expect(unknown.headers.get('content-type')).toContain('application/json');
    });
  });

  it('answers bad parameters with a 400 problem that names what is wrong', async () => {
    await withStack(target, async (_stack, agent) => {
      const many = Array.from({ length: 101 }, (_, n) => `cus_${n}`).join(',');
      const cases: [string, RegExp][] = [
        ['/bo/verifications?status=bogus', /Unknown status "bogus"/],
        ['/bo/verifications?status=pending,Verified', /Unknown status "Verified"/],
        ['/bo/verifications?status=pending&status=failed', /status/],
        ['/bo/verifications?mine=maybe', /mine/],
        ['/bo/verifications?age=2h', /age must be one of 1h, 24h, 7d, 30d/],
        ['/bo/verifications?page[size]=101', /page\[size\] must be <= 100/],
        ['/bo/verifications?page[number]=0', /page\[number\] must be >= 1/],
        ['/bo/verifications?page[number]=abc', /page\[number\]/],
        ['/bo/verifications?page[number]=99999999999999', /page\[number\]/],
        ['/bo/verifications.csv?status=nope', /Unknown status "nope"/],
        ['/bo/verifications.csv?age=1y', /age/],
        ['/bo/search', /q is required/],
        ['/bo/search?q=', /q must NOT have fewer than 1 characters/],
        ['/bo/search?q=%20%20', /q is empty/],
        [`/bo/search?q=${'a'.repeat(201)}`, /q must NOT have more than 200 characters/],
        ['/bo/search?q=camille&limit=51', /limit must be <= 50/],
        ['/bo/customers?status=pending,bogus', /Unknown status "bogus"/],
        ['/bo/customers?page[size]=0', /page\[size\]/],
        ['/bo/customers/statuses', /ids is required/],
        ['/bo/customers/statuses?ids=cus_1,,cus_2', /none of them empty/],
        [`/bo/customers/statuses?ids=${many}`, /At most 100 ids/],
        ['/bo/duplicates', /email or an external_id/],
        ['/bo/duplicates?email=', /email or an external_id/],
        [`/bo/duplicates?external_id=${'x'.repeat(65)}`, /external_id/],
        ['/bo/events?last_event_id=abc', /Last-Event-ID/],
      ];
      for (const [path, message] of cases) {
        const answer = await agent.fetch(path);
        expect(answer.status, path).toBe(400);
        const body = (await answer.json()) as Problem;
        expect(body, path).toMatchObject({ status: 400, code: 'validation_failed' });
        expect(body.message, path).toMatch(message);
      }
      // Past the contract's 128 characters, the route's own check; past 256, the router's (414).
      const tooLong = await agent.fetch(`/bo/customers/${'x'.repeat(129)}/activity`);
      expect(tooLong.status).toBe(400);
      expect(((await tooLong.json()) as Problem).message).toMatch(/customer_id/);
      expect((await agent.fetch(`/bo/customers/${'x'.repeat(257)}/activity`)).status).toBe(414);
    });
  });

  it('serves the queue with its filters, counts, order and pages, to agents and viewers', async () => {
    await withStack(target, async (stack, agent, store) => {
      const now = Date.now();
      await seedQueue(store, now);
      const queue = async (query: string, as = agent) => {
        const answer = await as.fetch(`/bo/verifications${query}`);
        expect(answer.status, query).toBe(200);
        return (await answer.json()) as QueueAnswer;
      };
      const all = { pending: 2, cancelled: 0, verified: 1, unverified: 1, failed: 1, stale: 1 };

      // Newest activity (resolution, else start) first.
      const everything = await queue('');
      expect(everything.meta).toEqual({ count: 6, counts: all });
      expect(ids(everything)).toEqual(['ver_1', 'ver_5', 'ver_2', 'ver_6', 'ver_3', 'ver_4']);

      // Pending alone: what has waited longest first.
      const pending = await queue('?status=pending');
      expect(ids(pending)).toEqual(['ver_2', 'ver_1']);
      expect(pending.meta).toEqual({ count: 2, counts: all });

      const several = await queue('?status=failed,unverified,stale');
      expect(ids(several)).toEqual(['ver_5', 'ver_6', 'ver_4']);
      expect(several.meta.count).toBe(3);

      const mine = await queue('?mine=true');
      expect(ids(mine)).toEqual(['ver_1', 'ver_5', 'ver_3']);
      expect(mine.meta.counts).toEqual({
        pending: 1,
        cancelled: 0,
        verified: 1,
        unverified: 0,
        failed: 1,
        stale: 0,
      });

      const lastHour = await queue('?age=1h');
      expect(ids(lastHour)).toEqual(['ver_1', 'ver_5']);
      expect(lastHour.meta.counts).toEqual({
        pending: 1,
        cancelled: 0,
        verified: 0,
        unverified: 0,
        failed: 1,
        stale: 0,
      });
      expect(ids(await queue('?age=7d&status=pending,stale'))).toEqual(['ver_1', 'ver_2', 'ver_6']);
      expect(ids(await queue('?mine=true&age=24h&status=pending'))).toEqual(['ver_1']);

      const secondPage = await queue('?page[size]=2&page[number]=2');
      expect(ids(secondPage)).toEqual(['ver_2', 'ver_6']);
      expect(secondPage.meta.count).toBe(6);
      expect((await queue('?page[size]=2&page[number]=4')).data).toEqual([]);

      // A row says who started it, with what expected name, and its customer.
      expect(everything.data[0]).toMatchObject({
        id: 'ver_1',
        customer_id: 'cus_1',
        customer_name: 'First1 Last1',
        status: 'pending',
        stale: false,
        expected_name: 'Camille Lefèvre',
        started_by: 'alice',
        started_at: iso(now - 0.5 * HOUR),
        resolved_at: null,
      });

      const viewer = new Browser(stack.url);
      expect((await viewer.signIn(VIEWER)).status).toBe(200);
      expect(ids(await queue('?status=pending', viewer))).toEqual(['ver_2', 'ver_1']);
      // "Mine" is the viewer's own: none.
      expect((await queue('?mine=true', viewer)).meta.count).toBe(0);

      // Cancelled (the customer left the bank's page; the link still works): a filter and count of its own.
      await store.index.recordVerifications(
        [{ id: 'ver_7', customerId: 'cus_6', status: 'cancelled' }],
        now,
        { startedBy: 'alice', expectedName: null, startedAt: now - 0.25 * HOUR },
      );
      const cancelled = await queue('?status=cancelled');
      expect(ids(cancelled)).toEqual(['ver_7']);
      expect(cancelled.meta).toEqual({ count: 1, counts: { ...all, cancelled: 1 } });
      expect(ids(await queue('?status=pending,cancelled'))).toEqual(['ver_2', 'ver_1', 'ver_7']);
    });
  });

  it('exports every row of the filter as CSV: BOM, RFC 4180 quoting, no formula cells', async () => {
    await withStack(target, async (_stack, agent, store) => {
      const now = Date.now();
      const dangerous = ['=HYPERLINK("x")', '+1', '-2', '@SUM(A1)'];
      const customers = Array.from({ length: 1_200 }, (_, n) => ({
        id: `cus_${String(n).padStart(4, '0')}`,
        first_name: dangerous[n] ?? `Camille${n}`,
        last_name: n === 10 ? 'Dupont "le grand"' : `Lefèvre`,
        company_name:
          { 4: '\tTab', 5: '\rReturn', 11: 'Dupont, Fils\r\net Cie', 12: '=1+1' }[n] ??
          `Company ${n}`,
      }));
      await store.index.upsertCustomers(customers, now - HOUR);
      await store.index.recordVerifications(
        customers.map((customer, n) => ({
          id: `ver_${String(n).padStart(4, '0')}`,
          customerId: customer.id,
          status: n % 3 === 0 ? 'failed' : 'verified',
          matchScore: n % 3 === 0 ? 0.25 : 0.75,
          providerId: n === 13 ? '-provider' : 'bnp-paribas',
          resolvedAt: iso(now - HOUR + n),
        })),
        now - HOUR,
      );

      const answer = await agent.fetch('/bo/verifications.csv');
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(answer.headers.get('content-disposition')).toBe(
        `attachment; filename="verifications-${iso(Date.now()).slice(0, 10)}.csv"`,
      );
      const bytes = new Uint8Array(await answer.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1);
      const [header, ...rows] = parseCsv(text);
      expect(header).toEqual([
        'customer id',
        'customer name',
        'company',
        'verification id',
        'status',
        'stale',
        'score',
        'provider',
        'expected name',
        'started by',
        'started at',
        'resolved at',
      ]);
      expect(rows).toHaveLength(1_200);
      expect(new Set(rows.map((row) => row[3])).size).toBe(1_200);
      // Newest resolution first, as the queue.
      expect(rows[0]![3]).toBe('ver_1199');
      expect(rows.at(-1)![3]).toBe('ver_0000');
      const byId = new Map(rows.map((row) => [row[0], row]));
      expect(byId.get('cus_0000')!.slice(1, 3)).toEqual(['\'=HYPERLINK("x") Lefèvre', 'Company 0']);
      expect(text).toContain('"\'=HYPERLINK(""x"") Lefèvre"');
      expect(byId.get('cus_0001')![1]).toBe("'+1 Lefèvre");
      expect(byId.get('cus_0002')![1]).toBe("'-2 Lefèvre");
      expect(byId.get('cus_0003')![1]).toBe("'@SUM(A1) Lefèvre");
      expect(byId.get('cus_0004')![2]).toBe("'\tTab");
      expect(byId.get('cus_0005')![2]).toBe("'\rReturn");
      expect(byId.get('cus_0010')![1]).toBe('Camille10 Dupont "le grand"');
      expect(byId.get('cus_0011')![2]).toBe('Dupont, Fils\r\net Cie');
      expect(byId.get('cus_0012')![2]).toBe("'=1+1");
      expect(byId.get('cus_0013')![7]).toBe("'-provider");
      expect(byId.get('cus_0000')!.slice(4, 8)).toEqual(['failed', 'false', '0.25', 'bnp-paribas']);
      // No cell a spreadsheet would run.
      for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);

      // A filter exports exactly its rows.
      const failed = await agent.fetch('/bo/verifications.csv?status=failed');
      const failedRows = parseCsv((await failed.text()).replace(/^\uFEFF/, '')).slice(1);
      expect(failedRows).toHaveLength(400);
      expect(failedRows.every((row) => row[4] === 'failed')).toBe(true);
      const none = await agent.fetch('/bo/verifications.csv?mine=true');
      expect(parseCsv((await none.text()).replace(/^\uFEFF/, ''))).toHaveLength(1);
    });
  });

  it('serves the index status, search, list by status, statuses, timeline and duplicates', async () => {
    await withStack(target, async (_stack, agent, store) => {
      const get = async (path: string) => {
        const answer = await agent.fetch(path);
        expect(answer.status, path).toBe(200);
        return (await answer.json()) as Record<string, unknown>;
      };
      expect(await get('/bo/index/status')).toMatchObject({
        customers: 0,
        state: 'never_synced',
        progress: null,
        last_sync_at: null,
      });
      const now = Date.now();
      await seedQueue(store, now);
      await store.index.upsertCustomers(
        [
          {
            id: 'cus_camille',
            first_name: 'Camille',
            last_name: 'Lefèvre',
            email: 'camille@example.fr',
            external_id: 'EXT-42',
          },
        ],
        now,
      );
      const walk = { id: 'walk-1', full: true, nextPage: 3, startedAt: now - 60_000, walked: 200 };
      await store.index.saveSyncState({
        walk,
        upstreamTotal: 800,
        lastSyncAt: null,
        lastFullSyncAt: null,
        waitingUntil: null,
        lastError: null,
      });
      expect(await get('/bo/index/status')).toMatchObject({
        customers: 7,
        verifications: 6,
        state: 'syncing',
        progress: 0.25,
      });
      await store.index.saveSyncState({
        walk,
        upstreamTotal: 800,
        lastSyncAt: now - 1_000,
        lastFullSyncAt: null,
        waitingUntil: now + 60_000,
        lastError: 'The Customers API asked to slow down (429).',
      });
      expect(await get('/bo/index/status')).toMatchObject({
        state: 'waiting',
        last_sync_at: iso(now - 1_000),
        last_error: 'The Customers API asked to slow down (429).',
      });

      const search = await get('/bo/search?q=lefev%20cam');
      expect(search.data).toMatchObject([{ customer: { id: 'cus_camille' }, matched: 'name' }]);
      expect((await get('/bo/search?q=cus_camille')).exact).toBe('cus_camille');

      const failed = await get('/bo/customers?status=failed,stale');
      expect((failed.data as { id: string }[]).map((c) => c.id).sort()).toEqual(['cus_5', 'cus_6']);
      expect(failed.meta).toEqual({ count: 2 });

      const statuses = await get('/bo/customers/statuses?ids=cus_3,cus_unknown');
      expect(statuses.data).toMatchObject({
        cus_3: { id: 'ver_3', status: 'verified', stale: false },
        cus_unknown: null,
      });
      expect(Object.keys(statuses.data as object).sort()).toEqual(['cus_3', 'cus_unknown']);

      const verifications = await get('/bo/customers/cus_3/verifications');
      expect(verifications.data).toMatchObject([
        { id: 'ver_3', status: 'verified', started_by: 'alice' },
      ]);
      const activity = await get('/bo/customers/cus_3/activity');
      const resolved = (activity.data as { kind: string; verification_id: string | null }[]).filter(
        (item) => item.kind === 'verification_resolved',
      );
      expect(resolved.map((item) => item.verification_id)).toEqual(['ver_3']);

      const duplicates = await get('/bo/duplicates?email=camille@example.fr&external_id=EXT-42');
      const found = duplicates.data as { field: string; customer: { id: string } }[];
      expect(found.map((each) => [each.field, each.customer.id]).sort()).toEqual([
        ['email', 'cus_camille'],
        ['external_id', 'cus_camille'],
      ]);
      expect((await get('/bo/duplicates?email=nobody@example.fr')).data).toEqual([]);
    });
  });
});
