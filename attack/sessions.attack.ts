import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addOrResetAccount } from '../server/proxy/users';
import { Browser } from '../server/testing/browser';
import { AGENT, startStack, VIEWER, type Stack } from '../server/testing/stack';

/**
 * Sessions that end when they should (issue 9, item 3): a password reset did
 * not end the account's sessions, and removing an account then adding it again
 * within a few seconds brought the old session back. Here the proxy keeps its
 * store in a SQLite file that `npm run user`, a separate process, changes too.
 * The proxy trusts a session it looked up for 1 s, so a change made outside it
 * (that process, or the store written directly) applies within issue 10's 2 s.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'sessions-attack-'));
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ proxy: { store: { dataDir } } });
});
afterAll(async () => {
  await stack.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** `npm run user -- …` on the proxy's store, as an operator runs it. */
function userCommand(
  args: string[],
  input?: string,
): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn('npx', ['tsx', 'scripts/user.ts', ...args], {
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('close', (code) => resolve({ code, out }));
    child.stdin.end(input);
  });
}

/**
 * Waits (up to issue 10's 2 s) until a copy of this cookie is refused; the copy
 * keeps the browser's own cookie as it was, for the requests that follow.
 */
const refusedWithin2s = (cookie: string | undefined) =>
  expect
    .poll(
      async () => {
        const copy = new Browser(stack.url);
        copy.cookie = cookie;
        return (await copy.fetch('/auth/me')).status;
      },
      { timeout: 2_000, interval: 50 },
    )
    .toBe(401);

const createCustomer = (browser: Browser) =>
  browser.fetch('/api/v1/customers', {
    method: 'POST',
    json: { first_name: 'Sam', last_name: 'Session', email: 'sam@example.fr' },
  });

describe('sessions end when the account changes', () => {
  it('a password reset with npm run user ends every open session of the account within 2 s', async () => {
    const laptop = new Browser(stack.url);
    const phone = new Browser(stack.url);
    expect((await laptop.signIn(AGENT)).status).toBe(200);
    expect((await phone.signIn(AGENT)).status).toBe(200);
    const bystander = new Browser(stack.url);
    expect((await bystander.signIn(VIEWER)).status).toBe(200);

    const newPassword = 'a-brand-new-password-42';
    const reset = await userCommand(['add', AGENT.username, '--role', 'agent'], `${newPassword}\n`);
    expect(reset.code, reset.out).toBe(0);

    // Within 2 s every request of either device is refused, a create included.
    await Promise.all([refusedWithin2s(laptop.cookie), refusedWithin2s(phone.cookie)]);
    expect((await laptop.fetch('/auth/me')).status).toBe(401);
    expect((await createCustomer(phone)).status).toBe(401);
    expect((await bystander.fetch('/auth/me')).status).toBe(200);
    expect((await new Browser(stack.url).signIn(AGENT)).status).toBe(401);
    expect((await new Browser(stack.url).signIn({ ...AGENT, password: newPassword })).status).toBe(
      200,
    );
    await addOrResetAccount(stack.proxy.store, AGENT.username, 'agent', AGENT.password);
  }, 60_000);

  it('an account removed and added again within a second never revives the old cookie', async () => {
    const old = new Browser(stack.url);
    expect((await old.signIn(AGENT)).status).toBe(200);
    const oldCookie = old.cookie!;

    const removed = await userCommand(['remove', AGENT.username]);
    expect(removed.code, removed.out).toBe(0);
    await addOrResetAccount(stack.proxy.store, AGENT.username, 'agent', AGENT.password);

    await refusedWithin2s(oldCookie);
    const replay = new Browser(stack.url);
    replay.cookie = oldCookie;
    expect((await replay.fetch('/auth/me')).status).toBe(401);
    expect((await createCustomer(replay)).status).toBe(401);
    // The same name signs in afresh, with a new session.
    const fresh = new Browser(stack.url);
    expect((await fresh.signIn(AGENT)).status).toBe(200);
    expect(fresh.cookie).not.toBe(oldCookie);
    replay.cookie = oldCookie;
    expect((await replay.fetch('/auth/me')).status).toBe(401);
  }, 60_000);

  it('a role change applies within 2 s: the agent-made session cannot create any more', async () => {
    const agent = new Browser(stack.url);
    expect((await agent.signIn(AGENT)).status).toBe(200);
    expect((await createCustomer(agent)).status).toBe(201);

    // Written straight into the store, as another process would: no cache here heard of it.
    await addOrResetAccount(stack.proxy.store, AGENT.username, 'viewer', AGENT.password);
    await refusedWithin2s(agent.cookie);
    expect((await createCustomer(agent)).status).toBe(401);
    expect((await agent.signIn(AGENT)).status).toBe(200);
    expect(await (await agent.fetch('/auth/me')).json()).toEqual({
      username: AGENT.username,
      role: 'viewer',
    });
    expect((await createCustomer(agent)).status).toBe(403);
    await addOrResetAccount(stack.proxy.store, AGENT.username, 'agent', AGENT.password);
  });

  it('a cookie kept after sign-out, or after its session was ended from another device, signs nobody in', async () => {
    const kept = new Browser(stack.url);
    await kept.signIn(AGENT);
    const cookie = kept.cookie!;
    await kept.fetch('/auth/logout', { method: 'POST' });
    kept.cookie = cookie;
    expect((await kept.fetch('/auth/me')).status).toBe(401);

    const stolen = new Browser(stack.url);
    await stolen.signIn(AGENT);
    const owner = new Browser(stack.url);
    await owner.signIn(AGENT);
    const ended = await owner.fetch('/auth/sessions/end-others', { method: 'POST' });
    expect(((await ended.json()) as { ended: number }).ended).toBeGreaterThanOrEqual(1);
    expect((await stolen.fetch('/api/v1/customers')).status).toBe(401);
    expect((await owner.fetch('/api/v1/customers')).status).toBe(200);
  });
});
