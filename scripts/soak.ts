/**
 * `npm run soak`: two replicas on one PostgreSQL in front of the sandbox, under
 * simulated agents for a while, with one replica killed (SIGKILL) halfway and
 * started again. Every create carries an Idempotency-Key; a failed one is sent
 * again, with the same key, to the other replica, as a load balancer would.
 * A create answered 409 `idempotency_outcome_unknown` (sent upstream by the
 * replica that died, its answer lost) is handled as the message tells an agent:
 * the agent looks for the customer (by its unique email, in the sandbox's own
 * list, since the Customers API has no email filter) and, only if it is not
 * there, creates it again with a new Idempotency-Key.
 * At the end, every customer intended must exist exactly once upstream, and the
 * creates intended must equal the customers the upstream holds: nothing lost,
 * nothing doubled (exit 1 otherwise).
 *
 *   SOAK_SECONDS (60)   how long the agents work
 *   SOAK_AGENTS (20)    how many
 *   SOAK_DRAIN_SECONDS (90)  how long creates still unanswered at the end keep retrying
 *                       (longer than the 60 s after which a dead replica's claim goes stale:
 *                       taken over if it was never sent, outcome unknown (409) if it was)
 *   SOAK_HOLD_CREATES_MS (300)  for the second before the kill, the upstream holds every
 *                       create this long (the sandbox's fault switch), so some are in flight
 *                       on the replica that dies; 0 leaves the kill to chance
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  ReplicaAgent,
  startReplicas,
  type Replica,
  type ReplicaSet,
} from '../server/testing/replicas';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 60);
const AGENTS = Number(process.env.SOAK_AGENTS ?? 20);
const DRAIN_SECONDS = Number(process.env.SOAK_DRAIN_SECONDS ?? 90);
const HOLD_CREATES_MS = Number(process.env.SOAK_HOLD_CREATES_MS ?? 300);
const PASSWORD = 'a-long-soak-password';

const errors = new Map<string, number>();
const counted = (kind: string) => errors.set(kind, (errors.get(kind) ?? 0) + 1);
let requests = 0;
const latencies: number[] = [];
/** A customer an agent set out to create, by its unique email. */
interface Intent {
  /** Its customer id, once a replica answered 201 or the agent found it upstream. */
  id: string | undefined;
  /** Every Idempotency-Key its creates carried (a new one after an outcome unknown). */
  keys: string[];
}
/** Every create intended, by email. */
const intents = new Map<string, Intent>();
const knownIds: string[] = [];
/** Creates answered 409 idempotency_outcome_unknown, and how each was settled. */
let outcomeUnknown = 0;
let foundUpstream = 0;
let recreated = 0;

const OUTCOME_UNKNOWN = 'idempotency_outcome_unknown';

/**
 * One request: the answer when 2xx; otherwise, counted by kind, the failure's
 * `code` (the problem's code, or '' for a refused connection or a non-JSON answer).
 */
async function attempt(
  agent: ReplicaAgent,
  replica: Replica,
  path: string,
  init: Parameters<ReplicaAgent['fetch']>[2] = {},
): Promise<{ reply: Response; code?: undefined } | { reply?: undefined; code: string }> {
  requests += 1;
  const started = performance.now();
  try {
    const reply = await agent.fetch(replica, path, init);
    latencies.push(performance.now() - started);
    if (reply.ok) return { reply };
    let code = '';
    try {
      code = ((await reply.json()) as { code?: string }).code ?? '';
    } catch {
      // Not JSON: the status says it all.
    }
    counted(`${init.method ?? 'GET'} ${reply.status} ${code}`.trim());
    return { code };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    counted(`${init.method ?? 'GET'} connection: ${cause?.code ?? (error as Error).message}`);
    return { code: '' };
  }
}

function pick<T>(items: readonly T[]): T {
  return items[Math.floor(Math.random() * items.length)]!;
}

/** The customer made with this email, if the upstream holds one (looked up in the sandbox's own list). */
async function findUpstream(set: ReplicaSet, email: string): Promise<string | undefined> {
  for (let tries = 0; ; tries += 1) {
    try {
      return (await set.upstreamCustomers()).find((customer) => customer.email === email)?.id;
    } catch (error) {
      if (tries >= 4) throw error;
      await sleep(500);
    }
  }
}

/**
 * A create sent until some replica answers it, the same key each time, the
 * other replica after a failure. Answered 409 idempotency_outcome_unknown, the
 * agent does what the message says: looks for the customer upstream, and only
 * if it is missing creates it again, as a new attempt with a new key.
 */
async function createCustomer(
  agent: ReplicaAgent,
  set: ReplicaSet,
  drainUntil: () => number,
): Promise<void> {
  const { replicas } = set;
  const email = `soak.${randomUUID().replace(/-/g, '')}@example.fr`;
  const body = { first_name: 'Soak', last_name: `Agent ${agent.clientAddress}`, email };
  const intent: Intent = { id: undefined, keys: [] };
  intents.set(email, intent);
  let key = `soak-${randomUUID()}`;
  intent.keys.push(key);
  let replica = pick(replicas);
  for (let tries = 0; Date.now() < drainUntil(); tries += 1) {
    const { reply, code } = await attempt(agent, replica, '/api/v1/customers', {
      method: 'POST',
      json: body,
      headers: { 'idempotency-key': key },
    });
    if (reply) {
      const { id } = (await reply.json()) as { id: string };
      intent.id = id;
      knownIds.push(id);
      return;
    }
    if (code === OUTCOME_UNKNOWN) {
      outcomeUnknown += 1;
      const found = await findUpstream(set, email);
      if (found !== undefined) {
        foundUpstream += 1;
        intent.id = found;
        knownIds.push(found);
        return;
      }
      recreated += 1;
      key = `soak-${randomUUID()}`;
      intent.keys.push(key);
      tries = -1;
      continue;
    }
    replica = replicas.find((other) => other !== replica) ?? replica;
    await sleep(Math.min(200 * 2 ** tries, 2_000));
  }
}

async function runAgent(
  index: number,
  set: ReplicaSet,
  until: number,
  drainUntil: () => number,
): Promise<void> {
  const username = `soak-agent-${index}`;
  const agent = new ReplicaAgent(`10.0.${index}.1`);
  const { replicas } = set;
  const signIn = async () => {
    for (let tries = 0; tries < 20; tries += 1) {
      const { reply } = await attempt(agent, pick(replicas), '/auth/login', {
        method: 'POST',
        json: { username, password: PASSWORD },
      });
      if (reply) return;
      await sleep(500);
    }
    throw new Error(`${username} could not sign in`);
  };
  await signIn();
  while (Date.now() < until) {
    const roll = Math.random();
    if (roll < 0.2) {
      await createCustomer(agent, set, drainUntil);
    } else {
      const path =
        roll < 0.6 || knownIds.length === 0
          ? `/api/v1/customers?page[number]=${1 + Math.floor(Math.random() * 3)}&page[size]=20`
          : `/api/v1/customers/${pick(knownIds)}`;
      const { reply } = await attempt(agent, pick(replicas), path);
      if (reply) await reply.arrayBuffer();
      // A load balancer sends a failed read to the other replica; a lost session means signing in again.
      else if ((await attempt(agent, pick(replicas), '/auth/me')).reply === undefined)
        await signIn();
    }
    await sleep(50 + Math.random() * 100);
  }
}

const percentile = (values: number[], p: number) =>
  [...values].sort((x, y) => x - y)[Math.min(values.length - 1, Math.floor(values.length * p))] ??
  0;
const mb = (value: number | undefined) => (value === undefined ? '-' : `${value.toFixed(0)} MB`);

const set = await startReplicas({ env: { TRUST_PROXY: '127.0.0.1', LOG_LEVEL: 'warn' } });
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    stopping = true;
    void set.stop().then(() => process.exit(130));
  });
}
let failed: boolean;
try {
  const [a, b] = set.replicas as [Replica, Replica];
  for (let index = 0; index < AGENTS; index += 1) {
    await set.addAccount(`soak-agent-${index}`, PASSWORD);
  }
  const rssStart = { A: a.rssMb(), B: b.rssMb() };
  console.log(
    `Soak: ${AGENTS} agents, ${SECONDS} s, replicas A ${a.url} and B ${b.url} on ${set.databaseUrl.replace(/\?.*/, '')}`,
  );
  const started = Date.now();
  const until = started + SECONDS * 1000;
  let drainDeadline = Number.POSITIVE_INFINITY;
  const drainUntil = () => drainDeadline;

  const killHalfway = (async () => {
    await sleep((SECONDS * 1000) / 2 - 1_000);
    if (HOLD_CREATES_MS > 0) {
      await set.control('PUT', '/_sandbox/faults', {
        operation: 'createCustomer',
        latency_ms: HOLD_CREATES_MS,
      });
    }
    await sleep(1_000);
    const rssBeforeKill = a.rssMb();
    const killedAt = Date.now();
    await a.kill();
    if (HOLD_CREATES_MS > 0) await set.control('DELETE', '/_sandbox/faults');
    await a.start();
    return { rssBeforeKill, downMs: Date.now() - killedAt, at: (killedAt - started) / 1000 };
  })();

  const agents = Array.from({ length: AGENTS }, (_, index) =>
    runAgent(index, set, until, drainUntil),
  );
  const killed = await killHalfway;
  await sleep(Math.max(0, until - Date.now()));
  drainDeadline = Date.now() + DRAIN_SECONDS * 1000;
  await Promise.all(agents);
  const rssEnd = { A: a.rssMb(), B: b.rssMb() };

  const upstream = await set.upstreamCustomers();
  const upstreamByEmail = new Map<string, string[]>();
  for (const { id, email } of upstream) {
    upstreamByEmail.set(email, [...(upstreamByEmail.get(email) ?? []), id]);
  }
  const upstreamIds = new Set(upstream.map((customer) => customer.id));
  const settled = [...intents.values()].filter((intent) => intent.id !== undefined);
  const unsettled = intents.size - settled.length;
  const settledIds = new Set(settled.map((intent) => intent.id));
  const keysUsed = [...intents.values()].reduce((sum, intent) => sum + intent.keys.length, 0);
  /** Intended customers the upstream holds more than once, or not at all. */
  const doubled = [...intents.keys()].filter(
    (email) => (upstreamByEmail.get(email)?.length ?? 0) > 1,
  );
  const absent = [...intents.keys()].filter((email) => !upstreamByEmail.has(email));
  /** Upstream customers nobody intended, and settled ids that are not the upstream's record. */
  const unintended = upstream.filter((customer) => !intents.has(customer.email));
  const wrongId = [...intents].filter(
    ([email, intent]) =>
      intent.id !== undefined &&
      (!upstreamIds.has(intent.id) || !upstreamByEmail.get(email)?.includes(intent.id)),
  );

  const drained = (Date.now() - until) / 1000;
  console.log(
    `\nrequests: ${requests} (${SECONDS} s of agents, then ${drained.toFixed(0)} s until the last create was answered)`,
  );
  console.log(
    `latency (answered requests): p50 ${percentile(latencies, 0.5).toFixed(1)} ms, p99 ${percentile(latencies, 0.99).toFixed(1)} ms`,
  );
  console.log(
    `replica A killed (SIGKILL) at ${killed.at.toFixed(0)} s, serving again after ${killed.downMs} ms`,
  );
  console.log('errors by kind:');
  if (errors.size === 0) console.log('  none');
  for (const [kind, count] of [...errors].sort((x, y) => y[1] - x[1])) {
    console.log(`  ${String(count).padStart(6)}  ${kind}`);
  }
  console.log(
    `creates intended: ${intents.size} (${keysUsed} Idempotency-Keys; settled ${settled.length}, ${unsettled} never settled)`,
  );
  console.log(
    `outcome unknown: ${outcomeUnknown}, found upstream: ${foundUpstream}, re-created: ${recreated}`,
  );
  console.log(
    `customers created upstream: ${upstream.length} (${settledIds.size} distinct ids settled; ${doubled.length} intended customers doubled, ${absent.length} missing; ${unintended.length} upstream that no agent intended; ${wrongId.length} settled with an id that is not theirs upstream)`,
  );
  console.log(
    `RSS: A ${mb(rssStart.A)} at start, ${mb(killed.rssBeforeKill)} when killed, ${mb(rssEnd.A)} at the end (restarted); B ${mb(rssStart.B)} at start, ${mb(rssEnd.B)} at the end`,
  );
  failed =
    intents.size !== upstream.length ||
    unsettled > 0 ||
    settledIds.size !== settled.length ||
    doubled.length > 0 ||
    absent.length > 0 ||
    unintended.length > 0 ||
    wrongId.length > 0;
  console.log(
    failed
      ? '\nFAILED: the customers intended and the customers created upstream differ'
      : '\nOK: every intended customer exists exactly once upstream: nothing lost, nothing doubled',
  );
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  if (!stopping) await set.stop();
}
process.exit(failed ? 1 : 0);
