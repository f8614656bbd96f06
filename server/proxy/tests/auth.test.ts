import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser } from '../../testing/browser';
import { manualClock } from '../../testing/clock';
import { AGENT, startStack, VIEWER, type Stack, withSignedInAgent } from '../../testing/stack';
import { UsersFile } from '../users';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({
    proxy: { loginLimits: { perClient: 50, perAccount: 3, windowMs: 60_000 } },
  });
});
afterAll(async () => stack.close());

describe('agent sign-in', () => {
  it('signs an agent in with an HttpOnly, SameSite=Strict session cookie and out again', async () => {
    const browser = new Browser(stack.url);
    const login = await browser.signIn(AGENT);
    expect(login.status).toBe(200);
    expect(await login.json()).toEqual({ username: 'alice', role: 'agent' });
    const cookie = login.headers.getSetCookie()[0]!;
    expect(cookie).toMatch(/^session=/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/');
    expect(login.headers.get('cache-control')).toBe('no-store');

    expect(await (await browser.fetch('/auth/me')).json()).toEqual({
      username: 'alice',
      role: 'agent',
    });
    expect((await browser.fetch('/auth/logout', { method: 'POST' })).status).toBe(204);
    const after = await browser.fetch('/auth/me');
    expect(after.status).toBe(401);
    expect(await after.json()).toMatchObject({ code: 'unauthenticated' });
  });

  it('refuses a wrong password or an unknown account with the same 401', async () => {
    const browser = new Browser(stack.url);
    const wrong = await browser.signIn({ username: 'victor', password: 'not-his-password' });
    const unknown = await browser.signIn({ username: 'nobody', password: 'whatever-password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toMatchObject({
      code: 'invalid_credentials',
      message: 'The username or password is wrong.',
    });
    expect(await unknown.json()).toMatchObject({
      code: 'invalid_credentials',
      message: 'The username or password is wrong.',
    });
  });

  it('refuses a sign-in body that is not a SignInRequest with 400', async () => {
    const browser = new Browser(stack.url);
    const bodies: unknown[] = [
      { username: '', password: '' },
      { username: 'alice' },
      { username: 'a'.repeat(65), password: 'long-enough-password' },
      { username: 'alice', password: ['alice-password-123'] },
      [],
    ];
    for (const body of bodies) {
      const reply = await browser.fetch('/auth/login', { method: 'POST', json: body });
      expect(reply.status, JSON.stringify(body)).toBe(400);
      expect(await reply.json()).toMatchObject({ code: 'validation_failed' });
    }
  });

  it('replaces a session id planted before sign-in', async () => {
    const attacker = new Browser(stack.url);
    await attacker.signIn(VIEWER);
    const planted = attacker.cookie!;
    const victim = new Browser(stack.url);
    victim.cookie = planted;
    const login = await victim.signIn(AGENT);
    expect(login.status).toBe(200);
    expect(victim.cookie).not.toBe(planted);
    // The planted id does not carry the agent's sign-in.
    const attackerView = await attacker.fetch('/auth/me');
    const seenByAttacker =
      attackerView.status === 401
        ? undefined
        : ((await attackerView.json()) as { username: string }).username;
    expect(seenByAttacker).not.toBe('alice');

    const forged = new Browser(stack.url);
    forged.cookie = 'session=made-up-by-someone.invalidsignature';
    await forged.signIn(AGENT);
    expect(forged.cookie).not.toBe('session=made-up-by-someone.invalidsignature');
  });

  it('uses a __Host- Secure cookie when served over HTTPS behind a trusted load balancer', async () => {
    const https = await startStack({
      proxy: { publicOrigin: 'https://backoffice.example', trustProxy: '127.0.0.1' },
    });
    try {
      const browser = new Browser(https.url);
      const login = await browser.fetch('/auth/login', {
        method: 'POST',
        json: AGENT,
        headers: { origin: 'https://backoffice.example', 'x-forwarded-proto': 'https' },
      });
      expect(login.status).toBe(200);
      const cookie = login.headers.getSetCookie()[0]!;
      expect(cookie).toMatch(/^__Host-session=/);
      expect(cookie).toContain('Secure');
      expect(cookie).toContain('Path=/');
      expect(cookie).not.toContain('Domain');
      expect(login.headers.get('strict-transport-security')).toContain('max-age=');
    } finally {
      await https.close();
    }
  });
});

describe('anti-forgery', () => {
  it('refuses writes without X-CSRF, from another origin, or with no Origin at all', async () => {
    const browser = new Browser(stack.url);
    await browser.signIn(AGENT);
    const create = { first_name: 'Eve', last_name: 'Forger', email: 'eve@example.fr' };
    const attempts: Record<string, string>[] = [
      { 'x-csrf': '0' },
      { origin: 'https://evil.example' },
      { origin: stack.url.replace('127.0.0.1', 'localhost') },
      { origin: 'null' },
    ];
    for (const headers of attempts) {
      const reply = await browser.fetch('/api/v1/customers', {
        method: 'POST',
        json: create,
        headers,
      });
      expect(reply.status, JSON.stringify(headers)).toBe(403);
      expect(await reply.json()).toMatchObject({ code: 'csrf_refused' });
    }
    const noOrigin = await fetch(`${stack.url}/api/v1/customers`, {
      method: 'POST',
      headers: { cookie: browser.cookie!, 'x-csrf': '1', 'content-type': 'application/json' },
      body: JSON.stringify(create),
    });
    expect(noOrigin.status).toBe(403);
    const loginFromElsewhere = await new Browser(stack.url).fetch('/auth/login', {
      method: 'POST',
      json: AGENT,
      headers: { origin: 'https://evil.example' },
    });
    expect(loginFromElsewhere.status).toBe(403);
  });
});

describe('roles', () => {
  it('lets a viewer read but not create, and an agent do both', async () => {
    const viewer = new Browser(stack.url);
    await viewer.signIn(VIEWER);
    expect((await viewer.fetch('/api/v1/customers')).status).toBe(200);
    const refused = await viewer.fetch('/api/v1/customers', {
      method: 'POST',
      json: { first_name: 'Vic', last_name: 'Tor', email: 'v@example.fr' },
    });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: 'forbidden' });

    const agent = new Browser(stack.url);
    await agent.signIn(AGENT);
    const created = await agent.fetch('/api/v1/customers', {
      method: 'POST',
      json: { first_name: 'Ana', last_name: 'Gent', email: 'ana@example.fr' },
    });
    expect(created.status).toBe(201);
  });

  it('answers an API call without a session with a 401 JSON, never a redirect', async () => {
    const reply = await fetch(`${stack.url}/api/v1/customers`, { redirect: 'manual' });
    expect(reply.status).toBe(401);
    expect(reply.headers.get('content-type')).toContain('application/json');
    expect(reply.headers.get('cache-control')).toBe('no-store');
    expect(await reply.json()).toMatchObject({ status: 401, code: 'unauthenticated' });
  });
});

describe('sign-in rate limits', () => {
  it('limits attempts per account (429 with Retry-After), whatever the client', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      statuses.push(
        (await new Browser(stack.url).signIn({ username: 'bob', password: `guess-number-${i}` }))
          .status,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
    const limited = await new Browser(stack.url).signIn({
      username: 'bob',
      password: 'another-guess',
    });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.json()).toMatchObject({ status: 429 });
  });

  it('limits attempts per client, and X-Forwarded-For from the client does not reset it', async () => {
    const limited = await startStack({
      proxy: { loginLimits: { perClient: 3, perAccount: 100, windowMs: 60_000 } },
    });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i += 1) {
        const reply = await new Browser(limited.url).fetch('/auth/login', {
          method: 'POST',
          json: { username: `user${i}`, password: 'wrong-password-here' },
          headers: {
            'x-forwarded-for': `203.0.113.${i}`,
            forwarded: `for=198.51.100.${i}`,
            x_forwarded_for: `192.0.2.${i}`,
          },
        });
        statuses.push(reply.status);
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe('session lifetimes', () => {
  it('ends a session left idle longer than the idle lifetime', async () => {
    const clock = manualClock();
    await withSignedInAgent(
      { proxy: { sessionIdleMs: 1000, now: clock.now } },
      async (_stack, browser) => {
        clock.advance(500);
        expect((await browser.fetch('/auth/me')).status).toBe(200);
        clock.advance(700);
        // Active within the idle lifetime: still signed in.
        expect((await browser.fetch('/auth/me')).status).toBe(200);
        clock.advance(1001);
        expect((await browser.fetch('/auth/me')).status).toBe(401);
      },
    );
  });

  it('ends even a busy session after the absolute lifetime', async () => {
    const clock = manualClock();
    await withSignedInAgent(
      { proxy: { sessionMaxMs: 1000, now: clock.now } },
      async (_stack, browser) => {
        for (let i = 0; i < 3; i += 1) {
          clock.advance(300);
          expect((await browser.fetch('/api/v1/customers')).status).toBe(200);
        }
        clock.advance(101);
        expect((await browser.fetch('/api/v1/customers')).status).toBe(401);
      },
    );
  });

  it('ends the sessions of a removed account and applies a role change at once', async () => {
    const clock = manualClock();
    const fresh = await startStack({ proxy: { now: clock.now } });
    try {
      const file = new UsersFile(join(fresh.dir, 'users.json'));
      const agent = new Browser(fresh.url);
      await agent.signIn(AGENT);
      const viewer = new Browser(fresh.url);
      await viewer.signIn(VIEWER);
      expect((await agent.fetch('/auth/me')).status).toBe(200);

      await file.add(AGENT.username, 'viewer', AGENT.password);
      file.remove(VIEWER.username);
      // The accounts file is looked at again at most once a second.
      clock.advance(1000);
      expect(await (await agent.fetch('/auth/me')).json()).toEqual({
        username: 'alice',
        role: 'viewer',
      });
      const create = await agent.fetch('/api/v1/customers', {
        method: 'POST',
        json: { first_name: 'A', last_name: 'B', email: 'ab@example.fr' },
      });
      expect(create.status).toBe(403);
      expect((await viewer.fetch('/auth/me')).status).toBe(401);
    } finally {
      await fresh.close();
    }
  });
});
