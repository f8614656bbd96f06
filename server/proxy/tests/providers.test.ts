import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../testing/clock';
import { startProxyOnly, type ProxyOnly } from './proxyStack';
import { startRecordingUpstream, type RecordingUpstream } from './recordingUpstream';

/** GET /res/v1/providers: read by any signed-in user, kept an hour by the proxy, failures not kept. */
const PROVIDERS = {
  data: [
    {
      id: 'cmcifrpp',
      type: 'providers',
      attributes: {
        name: 'CIC',
        full_name: 'Crédit Industriel et Commercial',
        country: 'FR',
        ais: ['accounts'],
        psu_type: 'retail',
        auth_model: 'redirect',
      },
    },
  ],
};

let upstream: RecordingUpstream;
let proxy: ProxyOnly;
const clock = manualClock();

beforeAll(async () => {
  upstream = await startRecordingUpstream();
  proxy = await startProxyOnly(
    { baseUrl: upstream.url, appId: 'app-1', appSecret: 'secret-1', flavor: 'fintecture' },
    // Sessions outlive the hour the clock is moved by.
    { now: clock.now, sessionIdleMs: 24 * 3_600_000, sessionMaxMs: 48 * 3_600_000 },
  );
});
afterAll(async () => {
  await proxy?.close();
  await upstream?.close();
});
beforeEach(() => {
  upstream.received.length = 0;
  upstream.routes.clear();
});

const providerCalls = () => upstream.received.filter((request) => request.url.startsWith('/res/'));

describe('the providers list', () => {
  it('is read by a viewer, kept for an hour per filter, and asked again after it', async () => {
    upstream.routes.set('GET /res/v1/providers', { body: PROVIDERS });
    const path = '/api/res/v1/providers?filter[country]=FR&filter[ais]=accounts&other=1';
    const first = await proxy.viewer.fetch(path);
    expect(first.status).toBe(200);
    // The proxy keeps it; the browser does not (the dashboard's Retry must reach the proxy).
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(await first.json()).toEqual(PROVIDERS);
    const second = await proxy.agent.fetch(path);
    expect(second.status).toBe(200);
    expect(await second.json()).toEqual(PROVIDERS);
    expect(providerCalls().map((request) => request.url)).toEqual([
      '/res/v1/providers?filter[country]=FR&filter[ais]=accounts',
    ]);

    // Another filter is another entry.
    expect((await proxy.viewer.fetch('/api/res/v1/providers?filter[country]=DE')).status).toBe(200);
    expect(providerCalls()).toHaveLength(2);

    clock.advance(3_600_000);
    expect((await proxy.viewer.fetch(path)).status).toBe(200);
    expect(providerCalls()).toHaveLength(3);
  });

  it('keeps no failure, nor a malformed answer', async () => {
    upstream.routes.set('GET /res/v1/providers', {
      status: 503,
      body: { status: '503', code: 'unavailable', errors: [{ title: 'Down' }] },
    });
    const path = '/api/res/v1/providers?filter[country]=ES';
    const failed = await proxy.viewer.fetch(path);
    expect(failed.status).toBe(503);
    expect(failed.headers.get('cache-control')).toBe('no-store');
    let calls = providerCalls().length;
    expect(calls).toBeGreaterThan(0);

    upstream.routes.set('GET /res/v1/providers', { body: '{"data":[' });
    expect((await proxy.viewer.fetch(path)).status).toBe(502);
    expect(providerCalls()).toHaveLength(calls + 1);
    calls += 1;

    upstream.routes.set('GET /res/v1/providers', { body: PROVIDERS });
    for (let read = 0; read < 3; read += 1) {
      expect(await (await proxy.viewer.fetch(path)).json()).toEqual(PROVIDERS);
    }
    expect(providerCalls()).toHaveLength(calls + 1);
  });

  it('keeps no empty list, nor a 200 that lists nothing', async () => {
    const path = '/api/res/v1/providers?filter[country]=IT';
    for (const body of [{ data: [] }, {}, { data: {} }]) {
      upstream.routes.set('GET /res/v1/providers', { body });
      const before = providerCalls().length;
      expect((await proxy.viewer.fetch(path)).status).toBe(200);
      expect((await proxy.viewer.fetch(path)).status).toBe(200);
      expect(providerCalls(), JSON.stringify(body)).toHaveLength(before + 2);
    }
    upstream.routes.set('GET /res/v1/providers', { body: PROVIDERS });
    expect(await (await proxy.viewer.fetch(path)).json()).toEqual(PROVIDERS);
  });

  it('refuses an anonymous read', async () => {
    const reply = await fetch(`${proxy.url}/api/res/v1/providers`);
    expect(reply.status).toBe(401);
    expect(providerCalls()).toHaveLength(0);
  });
});
