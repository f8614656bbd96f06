import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser } from '../../testing/browser';
import type { ApiFlavor } from '../flavor';
import { startProxyOnly, type ProxyOnly } from './proxyStack';
import { startRecordingUpstream, type RecordingUpstream } from './recordingUpstream';

/**
 * The real proxy in front of a recording upstream in each flavour: what goes
 * on the wire (the bank-accounts path), and what the dashboard gets back
 * (statuses, the link, error bodies) whatever the upstream speaks.
 */
const CONSENT = 'https://consent.example/verify/v-1?token=abc';

interface Setup {
  upstream: RecordingUpstream;
  stack: ProxyOnly;
  agent: Browser;
}

async function setUp(flavor: ApiFlavor): Promise<Setup> {
  const upstream = await startRecordingUpstream();
  const stack = await startProxyOnly({
    baseUrl: upstream.url,
    appId: 'app-1',
    appSecret: 'secret-1',
    flavor,
  });
  const agent = stack.agent;
  return { upstream, stack, agent };
}

async function tearDown(setup: Setup | undefined) {
  await setup?.stack.close();
  await setup?.upstream.close();
}

const json = async (reply: Response) => (await reply.json()) as Record<string, unknown>;

describe('the fintecture flavour', () => {
  let s: Setup;
  beforeAll(async () => {
    s = await setUp('fintecture');
  });
  afterAll(() => tearDown(s));
  beforeEach(() => {
    s.upstream.received.length = 0;
    s.upstream.routes.clear();
  });

  it('names the bank accounts path bank_accounts upstream, for a list, a read and a create', async () => {
    const account = { id: 'b-1', iban: 'FR7630006000011234567890189', holder_name: 'Ana' };
    s.upstream.routes.set('GET /v1/customers/c-1/bank_accounts', { body: { data: [account] } });
    s.upstream.routes.set('GET /v1/customers/c-1/bank_accounts/b-1', { body: account });
    s.upstream.routes.set('POST /v1/customers/c-1/bank_accounts', { status: 201, body: account });

    expect((await s.agent.fetch('/api/v1/customers/c-1/bank-accounts')).status).toBe(200);
    expect((await s.agent.fetch('/api/v1/customers/c-1/bank-accounts/b-1')).status).toBe(200);
    const created = await s.agent.fetch('/api/v1/customers/c-1/bank-accounts', {
      method: 'POST',
      json: { iban: account.iban, holder_name: 'Ana' },
    });
    expect(created.status).toBe(201);
    // The agent's own create comes back whole, and says so (the proxy's flag, ibans.ts).
    expect(await json(created)).toEqual({ ...account, iban_masked: false });
    const paths = s.upstream.received
      .filter((request) => !request.url.startsWith('/oauth/'))
      .map((request) => `${request.method} ${request.url}`);
    expect(paths).toEqual([
      'GET /v1/customers/c-1/bank_accounts',
      'GET /v1/customers/c-1/bank_accounts/b-1',
      'POST /v1/customers/c-1/bank_accounts',
    ]);
  });

  it('maps statuses and url → link in a read and a list, and passes an unknown status through', async () => {
    s.upstream.routes.set('GET /v1/customers/c-1/verification/v-1', {
      body: { id: 'v-1', status: 'initiated', url: CONSENT, provider_id: 'p', extra: { a: 1 } },
    });
    s.upstream.routes.set('GET /v1/customers/c-1/verifications', {
      body: {
        data: [
          { id: 'v-1', status: 'initiated', url: CONSENT },
          { id: 'v-2', status: 'success', match_score: 0.98 },
          { id: 'v-3', status: 'failed' },
          { id: 'v-4', status: 'cancelled', redirect_url: CONSENT },
          { id: 'v-5', status: 'on_hold', meta: { url: CONSENT, other: 1 } },
        ],
        meta: { count: 5 },
      },
    });
    const one = await s.agent.fetch('/api/v1/customers/c-1/verification/v-1');
    expect(one.status).toBe(200);
    expect(await json(one)).toEqual({
      id: 'v-1',
      status: 'pending',
      link: CONSENT,
      provider_id: 'p',
      extra: { a: 1 },
    });
    const list = await s.agent.fetch('/api/v1/customers/c-1/verifications');
    expect(list.status).toBe(200);
    expect(await json(list)).toEqual({
      data: [
        { id: 'v-1', status: 'pending', link: CONSENT },
        { id: 'v-2', status: 'verified', match_score: 0.98 },
        { id: 'v-3', status: 'failed' },
        { id: 'v-4', status: 'cancelled', link: CONSENT },
        { id: 'v-5', status: 'on_hold', link: CONSENT, meta: { other: 1 } },
      ],
      meta: { count: 5 },
    });
  });

  it('maps a started verification, and replays the mapped answer for the same Idempotency-Key', async () => {
    s.upstream.routes.set('POST /v1/customers/c-1/verification', {
      status: 201,
      body: { id: 'v-9', status: 'initiated', url: CONSENT },
    });
    const start = () =>
      s.agent.fetch('/api/v1/customers/c-1/verification', {
        method: 'POST',
        headers: { 'idempotency-key': 'flavor-start-0001' },
        json: { bank_account_id: 'b-1', provider_id: 'cmcifrpp' },
      });
    const first = await start();
    expect(first.status).toBe(201);
    expect(await json(first)).toEqual({ id: 'v-9', status: 'pending', link: CONSENT });
    const again = await start();
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await json(again)).toEqual({ id: 'v-9', status: 'pending', link: CONSENT });
    expect(s.upstream.to('POST', '/v1/customers/c-1/verification')).toHaveLength(1);
  });

  it('turns a Fintecture error body into field errors and a message, keeping log_id', async () => {
    s.upstream.routes.set('POST /v1/customers', {
      status: 400,
      body: {
        status: '400',
        code: 'invalid_request',
        log_id: 'a4c7e1d2-0000-4000-8000-000000000001',
        errors: [
          {
            code: 'invalid_field',
            title: 'Invalid field',
            detail: 'Must be an email.',
            source: { pointer: '/email' },
          },
          { code: 'invalid_field', title: 'Invalid field', detail: "The field 'phone' is invalid" },
          {
            code: 'required',
            title: 'Missing',
            detail: 'Required.',
            source: { pointer: '/data/attributes/last_name' },
          },
          { code: 'invalid_field', detail: 'company_name: at most 200 characters' },
          { code: 'duplicate', title: 'Duplicate', detail: 'This customer may already exist.' },
        ],
      },
    });
    const reply = await s.agent.fetch('/api/v1/customers', {
      method: 'POST',
      json: { first_name: 'Zoë', last_name: '', email: 'nope' },
    });
    expect(reply.status).toBe(400);
    expect(await json(reply)).toEqual({
      status: 400,
      code: 'invalid_request',
      message: 'This customer may already exist.',
      log_id: 'a4c7e1d2-0000-4000-8000-000000000001',
      errors: [
        { field: 'email', code: 'invalid_field', message: 'Must be an email.' },
        { field: 'phone', code: 'invalid_field', message: "The field 'phone' is invalid" },
        { field: 'last_name', code: 'required', message: 'Required.' },
        {
          field: 'company_name',
          code: 'invalid_field',
          message: 'company_name: at most 200 characters',
        },
      ],
    });
  });

  it('maps an error naming no field, a query parameter, and a bare status', async () => {
    s.upstream.routes.set('GET /v1/customers', {
      status: 400,
      body: {
        status: 400,
        code: 'invalid_request',
        log_id: 'log-2',
        errors: [{ code: 'invalid_param', title: 'Bad page', source: { parameter: 'page[size]' } }],
      },
    });
    s.upstream.routes.set('GET /v1/customers/gone', {
      status: 404,
      body: { status: '404', code: 'not_found', log_id: 'log-3', errors: [{ title: 'Not found' }] },
    });
    s.upstream.routes.set('GET /v1/customers/bare', { status: 409, body: {} });
    expect(await json(await s.agent.fetch('/api/v1/customers?page[size]=500'))).toEqual({
      status: 400,
      code: 'invalid_request',
      // The words are under the field; the message says only what failed, so nothing shows twice.
      message: 'The Fintecture API refused the request as invalid.',
      log_id: 'log-2',
      errors: [{ field: 'page[size]', code: 'invalid_param', message: 'Bad page' }],
    });
    const gone = await s.agent.fetch('/api/v1/customers/gone');
    expect(gone.status).toBe(404);
    expect(await json(gone)).toEqual({
      status: 404,
      code: 'not_found',
      message: 'Not found',
      log_id: 'log-3',
      errors: [],
    });
    const bare = await s.agent.fetch('/api/v1/customers/bare');
    expect(bare.status).toBe(409);
    expect(await json(bare)).toMatchObject({ status: 409, code: 'http_409', errors: [] });
    expect(
      ((await json(await s.agent.fetch('/api/v1/customers/bare'))).message as string).length,
    ).toBeGreaterThan(10);
  });

  it('reads a seed-shaped error as it is, and still answers a cut-off body and a 401 as the proxy does', async () => {
    s.upstream.routes.set('POST /v1/customers', {
      status: 422,
      body: {
        status: 422,
        code: 'validation_failed',
        message: 'Some fields are invalid.',
        errors: [
          {
            field: 'email',
            code: 'invalid_format',
            message: 'email must be a valid email address.',
          },
        ],
        request_id: 'req-1',
      },
    });
    s.upstream.routes.set('GET /v1/customers/c-1/verification/cut', {
      body: '{"id":"cut","status":"initi',
    });
    s.upstream.routes.set('GET /v1/customers/refused', {
      status: 401,
      body: {
        status: '401',
        code: 'unauthorized',
        log_id: 'l',
        errors: [{ title: 'Bad signature' }],
      },
    });
    const invalid = await s.agent.fetch('/api/v1/customers', {
      method: 'POST',
      json: { first_name: 'A', last_name: 'B', email: 'x' },
    });
    expect(await json(invalid)).toEqual({
      status: 422,
      code: 'validation_failed',
      message: 'Some fields are invalid.',
      errors: [
        { field: 'email', code: 'invalid_format', message: 'email must be a valid email address.' },
      ],
      request_id: 'req-1',
    });
    const cut = await s.agent.fetch('/api/v1/customers/c-1/verification/cut');
    expect(cut.status).toBe(502);
    expect(await json(cut)).toMatchObject({ code: 'upstream_malformed' });
    const refused = await s.agent.fetch('/api/v1/customers/refused');
    expect(refused.status).toBe(502);
    expect(await json(refused)).toMatchObject({ code: 'upstream_refused_credentials' });
  });
});

describe('the seed flavour', () => {
  let s: Setup;
  beforeAll(async () => {
    s = await setUp('seed');
  });
  afterAll(() => tearDown(s));

  it('keeps bank-accounts in the path and every body byte for byte', async () => {
    const fintectureWords = '{"id":"v-1","status":"initiated","url":"https://x.example/"}';
    s.upstream.routes.set('GET /v1/customers/c-1/bank-accounts', { body: { data: [] } });
    s.upstream.routes.set('GET /v1/customers/c-1/verification/v-1', { body: fintectureWords });
    const fintectureError = {
      status: '400',
      code: 'invalid_request',
      log_id: 'l',
      errors: [{ title: 'Invalid', source: { pointer: '/email' } }],
    };
    s.upstream.routes.set('GET /v1/customers/bad', { status: 400, body: fintectureError });
    expect((await s.agent.fetch('/api/v1/customers/c-1/bank-accounts')).status).toBe(200);
    expect(s.upstream.to('GET', '/v1/customers/c-1/bank-accounts')).toHaveLength(1);
    expect(s.upstream.to('GET', '/v1/customers/c-1/bank_accounts')).toHaveLength(0);
    expect(await (await s.agent.fetch('/api/v1/customers/c-1/verification/v-1')).text()).toBe(
      fintectureWords,
    );
    expect(await json(await s.agent.fetch('/api/v1/customers/bad'))).toEqual(fintectureError);
  });
});
