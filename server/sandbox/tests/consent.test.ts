import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { SandboxConfig } from '../app';
import { testSandbox } from '../testing';

/**
 * The fintecture flavour's verification, over real HTTP on a loopback port: the
 * API hands out a link, the customer's browser opens it and posts its forms.
 */
type Verification = {
  id: string;
  status: string;
  provider_id: string;
  match_score?: number;
  verified_at?: string;
  url?: string;
};

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function served(overrides: Partial<SandboxConfig> = {}) {
  const sandbox = await testSandbox({ flavor: 'fintecture', ...overrides });
  close = () => sandbox.app.close();
  const base = await sandbox.app.listen({ host: '127.0.0.1', port: 0 });
  const api = (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) =>
    fetch(`${base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${sandbox.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const customer = async (
    fields: Record<string, unknown> = {},
    holders: string[] = ['M. DUPONT JEAN'],
  ) => {
    const { id } = await sandbox.createCustomer(fields);
    const ibans = ['FR7630006000011234567890189', 'DE89370400440532013000'];
    for (const [n, holder_name] of holders.entries()) {
      const reply = await api('POST', `/v1/customers/${id}/bank_accounts`, {
        iban: ibans[n],
        holder_name,
      });
      expect(reply.status).toBe(201);
    }
    return id;
  };
  const start = async (customerId: string, body: unknown = {}) => {
    const reply = await api('POST', `/v1/customers/${customerId}/verification`, body);
    expect(reply.status).toBe(201);
    return (await reply.json()) as Verification;
  };
  const read = async (customerId: string, id: string) =>
    (await (
      await api('GET', `/v1/customers/${customerId}/verification/${id}`)
    ).json()) as Verification;
  /** The customer's browser: the page, and its buttons (a form post answered 303, not followed). */
  const page = async (url: string, headers: Record<string, string> = {}) => {
    const reply = await fetch(url, { headers });
    return { status: reply.status, headers: reply.headers, html: await reply.text() };
  };
  const press = async (
    url: string,
    button: 'confirm' | 'cancel',
    form: Record<string, string> = {},
  ) => {
    const { pathname } = new URL(url);
    const reply = await fetch(`${base}${pathname}/${button}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
      redirect: 'manual',
    });
    return { status: reply.status, location: reply.headers.get('location') };
  };
  /** Demo customers have an address; the API takes none, so a test sets it in the store. */
  const livesIn = (customerId: string, country: string) =>
    sandbox.app.sandbox.store.db
      .prepare('UPDATE customers SET address = ? WHERE id = ?')
      .run(JSON.stringify({ city: 'Berlin', country }), customerId);
  return { sandbox, base, api, customer, start, read, page, press, livesIn };
}

describe('a Fintecture-style verification', () => {
  it('starts initiated with a link to the consent page and waits for the customer', async () => {
    const { sandbox, base, api, customer, start, read } = await served();
    const customerId = await customer();
    const started = await start(customerId, { provider_id: 'bnpafrpp' });
    expect(started).toEqual({
      id: expect.any(String) as unknown,
      status: 'initiated',
      provider_id: 'bnpafrpp',
      url: expect.stringMatching(
        new RegExp(`^${base}/consent/${started.id}/[\\w-]{43}$`),
      ) as unknown,
    });
    // However long one waits, it does not resolve by itself.
    sandbox.app.sandbox.store.resolveDueVerifications(Date.now() + 86_400_000);
    expect(await read(customerId, started.id)).toEqual(started);
    const list = await api('GET', `/v1/customers/${customerId}/verifications`);
    expect(((await list.json()) as { data: Verification[] }).data).toEqual([started]);
    // Every verification has its own token.
    const other = await start(customerId);
    expect(new URL(other.url!).pathname.split('/')[3]).not.toBe(
      new URL(started.url!).pathname.split('/')[3],
    );
  });

  it('shows the consent page in English, with the customer, the bank and the holder name', async () => {
    const { customer, start, page } = await served();
    const customerId = await customer({ first_name: 'Jean', last_name: 'Dupont' }, [
      'OLD HOLDER',
      'M. DUPONT JEAN',
    ]);
    const { url } = await start(customerId, { provider_id: 'socgfrpp' });
    const shown = await page(`${url}?lang=en`);
    expect(shown.status).toBe(200);
    expect(shown.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(shown.headers.get('content-security-policy')).toContain(
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
    );
    expect(shown.headers.get('x-frame-options')).toBe('DENY');
    const { html } = shown;
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<meta name="viewport"');
    expect(html).toContain('<h1>Verify your identity with your bank</h1>');
    expect(html).toContain('test-app');
    expect(html).toContain('Jean Dupont');
    // Every holder the bank returns, as every one is compared on Confirm.
    expect(html).toContain('<strong>M. DUPONT JEAN</strong><strong>OLD HOLDER</strong>');
    expect(html).toContain('<label for="bank">Your bank</label>');
    expect(html).toContain('<option value="socgfrpp" selected>Société Générale</option>');
    expect(html).toContain('<option value="bnpafrpp">BNP Paribas</option>');
    // A French customer's banks: French ones offering accounts.
    expect(html).not.toContain('deutdeff');
    expect(html).not.toContain('cpnnfrp1');
    expect(html).toMatch(/<button[^>]*type="submit"[^>]*>Confirm<\/button>/);
    expect(html).toMatch(/<button[^>]*type="submit"[^>]*>Cancel<\/button>/);
    // The switch to French.
    expect(html).toMatch(/<a href="[^"]+\?lang=fr"[^>]*>FR<\/a>/);
  });

  it('speaks French when asked by ?lang=fr or by Accept-Language', async () => {
    const { customer, start, page } = await served();
    const customerId = await customer({ first_name: 'Jean', last_name: 'Dupont' });
    const { url } = await start(customerId);
    for (const shown of [
      await page(`${url}?lang=fr`),
      await page(url!, { 'accept-language': 'de-DE, fr-FR;q=0.8, en;q=0.5' }),
    ]) {
      expect(shown.html).toContain('<html lang="fr">');
      expect(shown.html).toContain('<h1>Vérifiez votre identité avec votre banque</h1>');
      expect(shown.html).toContain('Jean Dupont');
      expect(shown.html).toContain('<strong>M. DUPONT JEAN</strong>');
      expect(shown.html).toContain('<option value="sandbox" selected>Sandbox Bank</option>');
      expect(shown.html).toMatch(/>Confirmer<\/button>/);
      expect(shown.html).toMatch(/>Annuler<\/button>/);
      expect(shown.html).toMatch(/<a href="[^"]+\?lang=en"[^>]*>EN<\/a>/);
    }
    expect((await page(url!, { 'accept-language': 'en-GB,fr;q=0.9' })).html).toContain(
      '<html lang="en">',
    );
  });

  it('offers the banks of the customer’s country, and the full name when there is no account', async () => {
    const { customer, start, page, livesIn } = await served();
    const customerId = await customer({ first_name: 'Anna', last_name: 'Schmidt' }, []);
    livesIn(customerId, 'DE');
    const { url } = await start(customerId, { provider_id: 'cobadeff' });
    const { html } = await page(`${url}?lang=en`);
    expect(html).toContain('<option value="cobadeff" selected>Commerzbank</option>');
    expect(html).not.toContain('bnpafrpp');
    expect(html).toContain('<strong>Anna Schmidt</strong>');
  });

  it('escapes every name it shows, on the open, cancelled and final page', async () => {
    const { customer, start, page, press } = await served();
    const customerId = await customer(
      { first_name: '<img src=x onerror=alert(1)>', last_name: '"Dupont&' },
      ['"><script>alert(2)</script>'],
    );
    const { url } = await start(customerId);
    const pages = [(await page(`${url}?lang=en`)).html];
    await press(url!, 'cancel');
    pages.push((await page(`${url}?lang=en`)).html);
    await press(url!, 'confirm');
    pages.push((await page(`${url}?lang=en`)).html);
    for (const html of pages) {
      expect(html).not.toMatch(/<script|<img|onerror=alert\(1\)>/);
      expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expect(html).toContain('&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
    }
  });

  it('keeps the bank the verification was started with, even one its country does not list', async () => {
    const { customer, start, read, page, press } = await served();
    const customerId = await customer();
    const started = await start(customerId, { provider_id: 'failing-bank' });
    const { html } = await page(`${started.url}?lang=en`);
    expect(html).toContain('<option value="failing-bank" selected>failing-bank</option>');
    expect(html).toContain('<option value="bnpafrpp">BNP Paribas</option>');
    // Confirmed through it, it fails as the sandbox's failing banks do.
    await press(started.url!, 'confirm', { provider_id: 'failing-bank' });
    expect(await read(customerId, started.id)).toMatchObject({
      status: 'failed',
      provider_id: 'failing-bank',
    });
  });

  it("never writes a link's token to its log", async () => {
    const lines: string[] = [];
    const { customer, start, page, press } = await served({
      logger: { level: 'info', stream: { write: (line: string) => lines.push(line) } },
    });
    const { url } = await start(await customer());
    const token = new URL(url!).pathname.split('/')[3]!;
    await page(url!);
    await press(url!, 'cancel');
    const logged = lines.join('');
    expect(logged).toContain(`/consent/${new URL(url!).pathname.split('/')[2]}/…`);
    expect(logged).not.toContain(token);
  });

  it('resolves on Confirm by name matching: success, with its score, and the link is gone', async () => {
    const { api, customer, start, read, page, press } = await served();
    const customerId = await customer();
    const started = await start(customerId, { provider_id: 'bnpafrpp' });
    const pressed = await press(started.url!, 'confirm', { provider_id: 'socgfrpp', lang: 'fr' });
    expect(pressed.status).toBe(303);
    expect(pressed.location).toBe(`${new URL(started.url!).pathname}?lang=fr`);

    const resolved = await read(customerId, started.id);
    expect(resolved).toEqual({
      id: started.id,
      status: 'success',
      // The bank the customer picked.
      provider_id: 'socgfrpp',
      match_score: expect.any(Number) as unknown,
      verified_at: expect.any(String) as unknown,
    });
    expect(resolved.match_score).toBeGreaterThanOrEqual(0.85);
    const accounts = await api('GET', `/v1/customers/${customerId}/bank_accounts`);
    expect(((await accounts.json()) as { data: { verified: boolean }[] }).data).toEqual([
      expect.objectContaining({ verified: true }),
    ]);

    const { html } = await page(`${started.url}?lang=en`);
    expect(html).toContain('Identity verified');
    expect(html).toContain('Société Générale confirmed');
    expect(html).not.toContain('<form');
    expect(html).not.toContain('<button');
  });

  it('resolves to failed when the holder name does not match', async () => {
    const { customer, start, read, page, press } = await served();
    const customerId = await customer({}, ['MARIE LEFEVRE']);
    const started = await start(customerId);
    await press(started.url!, 'confirm');
    const resolved = await read(customerId, started.id);
    expect(resolved.status).toBe('failed');
    expect(resolved.match_score).toBeLessThan(0.85);
    expect(resolved).not.toHaveProperty('url');
    const { html } = await page(`${started.url}?lang=en`);
    expect(html).toContain('Verification failed');
    expect(html).toContain('does not match');
  });

  it('can be cancelled, then still confirmed; once final, no button changes it', async () => {
    const { customer, start, read, page, press } = await served();
    const customerId = await customer();
    const started = await start(customerId);

    expect((await press(started.url!, 'cancel', { lang: 'en' })).status).toBe(303);
    const cancelled = await read(customerId, started.id);
    expect(cancelled).toEqual({ ...started, status: 'cancelled' });
    const afterCancel = (await page(`${started.url}?lang=en`)).html;
    expect(afterCancel).toContain('Verification cancelled');
    expect(afterCancel).toContain('You can still complete it');
    expect(afterCancel).toMatch(/>Confirm<\/button>/);
    expect(afterCancel).not.toMatch(/>Cancel<\/button>/);

    await press(started.url!, 'confirm');
    const final = await read(customerId, started.id);
    expect(final.status).toBe('success');

    // Both buttons, posted again (a stale tab): nothing changes.
    expect((await press(started.url!, 'cancel')).status).toBe(303);
    expect((await press(started.url!, 'confirm', { provider_id: 'agrifrpp' })).status).toBe(303);
    expect(await read(customerId, started.id)).toEqual(final);
  });

  it('answers a 404 page to a wrong token or id, and such a post changes nothing', async () => {
    const { base, customer, start, read, page, press } = await served();
    const customerId = await customer();
    const started = await start(customerId);
    const { pathname } = new URL(started.url!);
    const [, , id, token] = pathname.split('/');
    const wrongToken = `${base}/consent/${id}/${token!.slice(0, -1)}${token!.endsWith('A') ? 'B' : 'A'}`;
    const wrongId = `${base}/consent/00000000-0000-4000-8000-000000000000/${token}`;
    for (const url of [wrongToken, wrongId, `${base}/consent/${id}/short`]) {
      const shown = await page(`${url}?lang=en`);
      expect(shown.status, url).toBe(404);
      expect(shown.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(shown.html).toContain('<h1>Link not valid</h1>');
      expect(shown.html).not.toContain('Jean');
      expect((await press(url, 'confirm')).status).toBe(404);
      expect((await press(url, 'cancel')).status).toBe(404);
    }
    expect((await read(customerId, started.id)).status).toBe('initiated');
  });

  it('links to the origin the request came in on, or to SANDBOX_PUBLIC_URL when set', async () => {
    const first = await served();
    const customerId = await first.customer();
    const port = new URL(first.base).port;
    expect((await first.start(customerId)).url).toMatch(
      new RegExp(`^http://127\\.0\\.0\\.1:${port}/consent/`),
    );
    // The same server called by another name (fetch cannot set Host; node:http can).
    const byName = await new Promise<Verification>((resolve, reject) => {
      const call = httpRequest(
        `${first.base}/v1/customers/${customerId}/verification`,
        {
          method: 'POST',
          headers: {
            host: `localhost:${port}`,
            authorization: `Bearer ${first.sandbox.token}`,
            'content-type': 'application/json',
          },
        },
        (reply) => {
          let text = '';
          reply.setEncoding('utf8');
          reply.on('data', (chunk: string) => (text += chunk));
          reply.on('end', () => resolve(JSON.parse(text) as Verification));
        },
      );
      call.on('error', reject);
      call.end('{}');
    });
    expect(byName.url).toMatch(new RegExp(`^http://localhost:${port}/consent/`));
    await close?.();

    const second = await served({ publicUrl: 'https://sandbox.example.com' });
    const otherId = await second.customer();
    const started = await second.start(otherId);
    expect(started.url).toMatch(/^https:\/\/sandbox\.example\.com\/consent\//);
    expect((await second.read(otherId, started.id)).url).toBe(started.url);
  });
});
