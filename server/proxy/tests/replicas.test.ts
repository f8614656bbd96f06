import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { ReplicaAgent, startReplicas, type Replica, type ReplicaSet } from '../../testing/replicas';
import { sandboxStats } from '../../testing/sandboxControl';

/**
 * Two real proxy processes on one PostgreSQL, behind an imagined load balancer
 * (TRUST_PROXY=127.0.0.1, each agent from an address of its own): whatever
 * replica a request lands on, the agent sees one back-office.
 */
const adminUrl = inject('postgresAdminUrl');
const PASSWORD = 'a-long-replica-password';
const newCustomer = (email: string) => ({ first_name: 'Inès', last_name: 'Moreau', email });
/** POST /api/v1/customers under an Idempotency-Key. */
const postCustomer = (agent: ReplicaAgent, on: Replica, body: object, key: string) =>
  agent.fetch(on, '/api/v1/customers', {
    method: 'POST',
    json: body,
    headers: { 'idempotency-key': key },
  });
/** The replicas take a dead replica's Idempotency-Key claim over at this age (60 s by default), so tests need not wait a minute. */
const TAKEOVER_SECONDS = 5;

describe.skipIf(adminUrl === null)('two replicas on one PostgreSQL', () => {
  let set: ReplicaSet;
  let a: Replica;
  let b: Replica;
  let nextAddress = 1;
  /** A new account, signed in on `on`, from its own client address. */
  const signedInAgent = async (on: Replica) => {
    const username = `agent-${nextAddress}`;
    await set.addAccount(username, PASSWORD);
    const agent = new ReplicaAgent(`203.0.113.${nextAddress++}`);
    const signIn = await agent.signIn(on, { username, password: PASSWORD });
    expect(signIn.status, await signIn.clone().text()).toBe(200);
    return { agent, username };
  };
  /** The upstream holds the next `times` creates `latencyMs` before answering. */
  const holdCreates = (latencyMs: number, times: number) =>
    set.control('PUT', '/_sandbox/faults', {
      operation: 'createCustomer',
      latency_ms: latencyMs,
      times,
    });
  const createCount = async () => (await sandboxStats(set)).createCustomer ?? 0;

  beforeAll(async () => {
    set = await startReplicas({
      postgresAdminUrl: adminUrl!,
      env: { TRUST_PROXY: '127.0.0.1', IDEMPOTENCY_TAKEOVER_SECONDS: String(TAKEOVER_SECONDS) },
    });
    [a, b] = set.replicas as [Replica, Replica];
  }, 120_000);
  afterAll(async () => {
    await set?.stop();
  });
  // What the replicas said (warnings and errors) goes with a failure.
  afterEach(({ task }) => {
    if (task.result?.state !== 'fail') return;
    for (const replica of set.replicas) {
      console.error(`replica ${replica.name}:\n${replica.output().slice(-4_000)}`);
    }
  });

  it('a session started on A is honoured on B, and a sign-out on B ends it on A within 2 s', async () => {
    const { agent, username } = await signedInAgent(a);
    const me = await agent.fetch(b, '/auth/me');
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ username, role: 'agent' });
    expect((await agent.fetch(b, '/api/v1/customers?page[size]=5')).status).toBe(200);
    expect((await agent.fetch(a, '/api/v1/customers?page[size]=5')).status).toBe(200);

    const cookie = agent.cookie;
    expect((await agent.fetch(b, '/auth/logout', { method: 'POST' })).status).toBe(204);
    const stale = new ReplicaAgent(agent.clientAddress);
    stale.cookie = cookie;
    await expect
      .poll(async () => (await stale.fetch(a, '/auth/me')).status, {
        timeout: 2_000,
        interval: 100,
      })
      .toBe(401);
  });

  it('an idempotent create on A is replayed on B: same customer, one upstream record', async () => {
    const { agent } = await signedInAgent(a);
    const key = `replay-${randomUUID()}`;
    const body = newCustomer('ines.replay@example.fr');
    const before = await set.upstreamCustomerIds();
    const first = await postCustomer(agent, a, body, key);
    expect(first.status, await first.clone().text()).toBe(201);
    const created = (await first.json()) as { id: string };

    const again = await postCustomer(agent, b, body, key);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(created);

    const reused = await postCustomer(agent, b, newCustomer('someone.else@example.fr'), key);
    expect(reused.status).toBe(422);
    const after = await set.upstreamCustomerIds();
    expect(after.filter((id) => !before.includes(id))).toEqual([created.id]);
  });

  it('the same create sent to A and B at the same moment makes one upstream call', async () => {
    const { agent } = await signedInAgent(a);
    // Held upstream a little, so the two surely overlap.
    await holdCreates(500, 2);
    const callsBefore = await createCount();
    const key = `together-${randomUUID()}`;
    const send = (replica: Replica) =>
      postCustomer(agent, replica, newCustomer('ines.together@example.fr'), key);
    const answers = await Promise.all([send(a), send(b)]);
    await set.control('DELETE', '/_sandbox/faults');
    expect(answers.map((answer) => answer.status)).toEqual([201, 201]);
    const bodies = (await Promise.all(answers.map((answer) => answer.json()))) as { id: string }[];
    expect(bodies[0]).toEqual(bodies[1]);
    expect(
      answers.filter((answer) => answer.headers.get('idempotent-replayed') === 'true'),
    ).toHaveLength(1);
    expect(await createCount()).toBe(callsBefore + 1);
  });

  it('removing the account ends its sessions on both replicas within 2 s, and adding it again revives none', async () => {
    const { agent, username } = await signedInAgent(a);
    // Both replicas have seen (and may have cached) the session.
    expect((await agent.fetch(a, '/auth/me')).status).toBe(200);
    expect((await agent.fetch(b, '/auth/me')).status).toBe(200);

    expect(await set.store.accounts.remove(username)).toBe(true);
    const removedAt = Date.now();
    const status = async (replica: Replica) => (await agent.fetch(replica, '/auth/me')).status;
    await Promise.all(
      [a, b].map((replica) =>
        expect.poll(() => status(replica), { timeout: 2_000, interval: 50 }).toBe(401),
      ),
    );
    expect(Date.now() - removedAt).toBeLessThanOrEqual(2_000);

    await set.addAccount(username, PASSWORD);
    expect(await status(a)).toBe(401);
    expect(await status(b)).toBe(401);
  });

  it('failed sign-ins are counted across both replicas: alternating does not buy more guesses', async () => {
    /** Wrong passwords until the first 429; the number of guesses actually checked (401). */
    const checkedGuesses = async (username: string, address: string, on: Replica[]) => {
      await set.addAccount(username, PASSWORD);
      const guesser = new ReplicaAgent(address);
      for (let attempt = 0; attempt < 200; attempt += 1) {
        const reply = await guesser.signIn(on[attempt % on.length]!, {
          username,
          password: `wrong-password-${attempt}`,
        });
        if (reply.status === 429) {
          expect(reply.headers.get('retry-after')).toMatch(/^\d+$/);
          // Refused on the other replica too, the right password included, without checking it.
          const other = on[(attempt + 1) % on.length]!;
          expect((await guesser.signIn(other, { username, password: PASSWORD })).status).toBe(429);
          return attempt;
        }
        expect(reply.status).toBe(401);
      }
      throw new Error(`${username}: no 429 after 200 wrong passwords`);
    };
    const onOne = await checkedGuesses('guessed-on-a', '198.51.100.1', [a]);
    const alternating = await checkedGuesses('guessed-on-both', '198.51.100.2', [a, b]);
    expect(onOne).toBeGreaterThan(0);
    // Counted per replica, alternating would get twice as many.
    expect(alternating).toBe(onOne);
  });

  it('killing A while a create is in flight never doubles it: the same key on B is told so, and a new attempt makes one customer', async () => {
    const { agent } = await signedInAgent(a);
    const before = await set.upstreamCustomerIds();
    const callsBefore = await createCount();
    // The upstream holds the create, so A dies with it in flight.
    await holdCreates(3_000, 1);
    const key = `killed-${randomUUID()}`;
    const body = newCustomer('ines.killed@example.fr');
    const create = (replica: Replica) => postCustomer(agent, replica, body, key);
    const inFlight = create(a).then(
      (reply) => reply.status,
      () => 'connection lost',
    );
    await expect.poll(createCount, { timeout: 5_000, interval: 20 }).toBe(callsBefore + 1);
    // A's claim went in before the create left, so it is at least this old from here on.
    const claimedBy = Date.now();
    await a.kill();
    expect(await inFlight).toBe('connection lost');

    // The agent retries on B with the same key. A's create had left (the upstream may have made
    // the customer), so once A's claim is presumed dead B says the outcome is unknown, and never
    // sends it again.
    const codes: string[] = [];
    await expect
      .poll(
        async () => {
          const reply = await create(b);
          const { code } = (await reply.json()) as { code: string };
          codes.push(`${reply.status} ${code}`);
          return code;
        },
        { timeout: 30_000, interval: 1_000 },
      )
      .toBe('idempotency_outcome_unknown');
    // B respected A's claim until it was old enough to be presumed dead (less a second for the
    // time from the claim to seeing its create upstream)...
    expect(Date.now() - claimedBy).toBeGreaterThanOrEqual((TAKEOVER_SECONDS - 1) * 1_000);
    // ...and until then said it was in progress (never a 500, never a second record).
    expect(new Set(codes.slice(0, -1))).toEqual(
      new Set(codes.length > 1 ? ['409 idempotency_in_progress'] : []),
    );
    expect(await createCount()).toBe(callsBefore + 1);
    // The sandbox drops a create whose caller hung up, so there is no customer: the agent, having
    // checked the list, makes a new attempt (the dashboard's next submit has a new key).
    const upstreamNow = await set.upstreamCustomerIds();
    expect(upstreamNow.filter((id) => !before.includes(id))).toEqual([]);
    const newKey = `killed-again-${randomUUID()}`;
    const retried = await postCustomer(agent, b, body, newKey);
    expect(retried.status).toBe(201);
    const created = (await retried.json()) as { id: string };
    const after = await set.upstreamCustomerIds();
    expect(after.filter((id) => !before.includes(id))).toEqual([created.id]);

    // A comes back on its port: the old key still says unknown, the new one replays.
    await a.start();
    const old = await create(a);
    expect(old.status).toBe(409);
    expect(await old.json()).toMatchObject({ code: 'idempotency_outcome_unknown' });
    const replayed = await postCustomer(agent, a, body, newKey);
    expect(replayed.status).toBe(201);
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    expect(await replayed.json()).toEqual(created);
    expect(await set.upstreamCustomerIds()).toHaveLength(after.length);
  }, 90_000);

  // The claim of a replica that died after the upstream made the record, but before the answer
  // was kept, was marked sent before the create left: past the takeover age a retry is told the
  // outcome is unknown (409 idempotency_outcome_unknown) and the create is never sent again.
  it('a replica that dies after the upstream made the customer, before it kept the answer, leaves no second customer', async () => {
    const { agent } = await signedInAgent(b);
    const before = await set.upstreamCustomerIds();
    const callsBefore = await createCount();
    await holdCreates(1_000, 1);
    const key = `stalled-${randomUUID()}`;
    const create = (replica: Replica) =>
      postCustomer(agent, replica, newCustomer('ines.stalled@example.fr'), key);
    const inFlight = create(b).then(
      (reply) => reply.status,
      () => 'connection lost',
    );
    await expect.poll(createCount, { timeout: 5_000, interval: 20 }).toBe(callsBefore + 1);
    // B stalls with the create upstream; the upstream makes the customer and answers into B's socket; B dies unanswered.
    b.pause();
    await expect
      .poll(async () => (await set.upstreamCustomerIds()).length, {
        timeout: 5_000,
        interval: 50,
      })
      .toBe(before.length + 1);
    await b.kill();
    expect(await inFlight).toBe('connection lost');

    const answers: { status: number; code?: string; message?: string }[] = [];
    await expect
      .poll(
        async () => {
          const reply = await create(a);
          const { code, message } = (await reply.json()) as { code?: string; message?: string };
          answers.push({ status: reply.status, code, message });
          return code;
        },
        { timeout: 30_000, interval: 1_000 },
      )
      .toBe('idempotency_outcome_unknown');
    // Until then A waited for B's claim (never a 500, 422 or a create of its own)...
    expect(answers.map(({ status }) => status)).toEqual(answers.map(() => 409));
    expect(answers.at(-1)?.message).toMatch(/reached Fintecture.*lost.*check the customer list/s);
    // ...and the answer holds on either replica, B restarted, never sending the create again.
    await b.start();
    for (const replica of [a, b]) {
      const again = await create(replica);
      expect(again.status).toBe(409);
      expect(await again.json()).toMatchObject({ code: 'idempotency_outcome_unknown' });
    }
    expect(await createCount()).toBe(callsBefore + 1);
    const after = await set.upstreamCustomerIds();
    expect(after.filter((id) => !before.includes(id))).toHaveLength(1);
  }, 90_000);
});
