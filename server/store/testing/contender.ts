import { createInterface } from 'node:readline';
import { openStore, type Store, type StoreOptions } from '../store';

/**
 * A second (third…) replica for concurrency tests: a process of its own that
 * opens the store, says `ready`, waits for `go` on stdin, then runs its part of
 * the contest all at once and prints the outcomes as one JSON line.
 */
export type Contest =
  | { action: 'open' }
  | {
      action: 'claim';
      accountId: string;
      key: string;
      fingerprint: string;
      now: number;
      quota?: number;
      times: number;
      /** Each claim its own key (`key-pid-n`), to contend for the quota instead of the key. */
      distinctKeys?: boolean;
    }
  | { action: 'acquire'; name: string; ttlMs: number; now: number; times: number }
  | { action: 'hit'; key: string; windowMs: number; now: number; times: number };

async function play(store: Store, contest: Contest): Promise<unknown[]> {
  switch (contest.action) {
    case 'open':
      return [store.migrated];
    case 'claim':
      return Promise.all(
        Array.from({ length: contest.times }, (_, index) =>
          store.idempotency
            .claim({
              ...contest,
              key: contest.distinctKeys ? `${contest.key}-${process.pid}-${index}` : contest.key,
            })
            .then((outcome) => outcome.kind),
        ),
      );
    case 'acquire':
      return Promise.all(
        Array.from({ length: contest.times }, (_, index) =>
          store.leases.tryAcquire(
            contest.name,
            `${process.pid}-${index}`,
            contest.ttlMs,
            contest.now,
          ),
        ),
      );
    case 'hit':
      return Promise.all(
        Array.from({ length: contest.times }, () =>
          store.rateLimits.hit(contest.key, contest.windowMs, contest.now).then((hit) => hit.count),
        ),
      );
  }
}

async function main(): Promise<void> {
  const [options, contest] = JSON.parse(process.argv[2] ?? '[]') as [StoreOptions, Contest];
  const lines = createInterface({ input: process.stdin });
  // The test that started us is gone (stdin closed before `go`): so are we, rather than holding the database open.
  const orphaned = () => process.exit(1);
  lines.once('close', orphaned);
  const go = new Promise<void>((resolve) =>
    lines.once('line', () => {
      // `go` comes with the end of stdin: stop listening for it in the same tick.
      lines.off('close', orphaned);
      resolve();
    }),
  );
  // Opening is itself the contest for `open`; otherwise open first, then contend.
  let store = contest.action === 'open' ? undefined : await openStore(options);
  process.stdout.write('ready\n');
  await go;
  lines.close();
  store ??= await openStore(options);
  try {
    process.stdout.write(`${JSON.stringify(await play(store, contest))}\n`);
  } finally {
    await store.close();
  }
}

await main();
