import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, chownSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

/**
 * A throwaway PostgreSQL cluster for tests: initdb into a temp dir, a free port,
 * its unix socket in that dir, stopped and removed afterwards. Run as `postgres`
 * when we are root (PostgreSQL refuses to run as root).
 */
export interface ThrowawayPostgres {
  /** The cluster's `postgres` database, from which others are made (createDatabase). */
  adminUrl: string;
  /** Stops the server, keeping its data (an outage)… */
  halt(): Promise<void>;
  /** …and starts it again. */
  resume(): Promise<void>;
  /** Stops the server and removes it all. */
  stop(): Promise<void>;
}

/** A fresh empty database on the cluster behind `adminUrl`, as a postgres:// URL. */
export async function createDatabase(adminUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database "${name.replace(/"/g, '')}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

const run = promisify(execFile);

/** The directory holding initdb and pg_ctl (the newest installed version), or why there is none. */
export function findPostgresBin(): { bin: string } | { missing: string } {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const candidates = [
    ...versions.map((version) => join(root, version, 'bin')),
    ...(process.env.PATH ?? '').split(delimiter),
  ];
  const bin = candidates.find(
    (dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')),
  );
  return bin
    ? { bin }
    : {
        missing:
          'no initdb/pg_ctl in /usr/lib/postgresql/*/bin or on PATH (apt-get install postgresql)',
      };
}

/** A loopback port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

async function postgresUser(): Promise<{ uid: number; gid: number } | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const [uid, gid] = await Promise.all([
    run('id', ['-u', 'postgres']),
    run('id', ['-g', 'postgres']),
  ]);
  return { uid: Number(uid.stdout), gid: Number(gid.stdout) };
}

export async function startPostgres(bin: string): Promise<ThrowawayPostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'store-pg-'));
  const data = join(dir, 'data');
  const owner = await postgresUser();
  if (owner) chownSync(dir, owner.uid, owner.gid);
  // PostgreSQL refuses to run as root: as root, run its tools as `postgres`.
  const command = (tool: string, args: string[]): [string, string[]] =>
    owner
      ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]]
      : [join(bin, tool), args];
  const pgRun = (tool: string, args: string[]) => run(...command(tool, args));
  // `immediate` for the end (nothing to keep); `fast` for an outage, which must not lose commits
  // still in WAL buffers (synchronous_commit is off).
  const stopCluster = (mode: 'immediate' | 'fast' = 'immediate') =>
    pgRun('pg_ctl', ['stop', '-D', data, '-m', mode, '-w']);

  const running = () => existsSync(join(data, 'postmaster.pid'));
  try {
    await pgRun('initdb', [
      '-D',
      data,
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--no-sync',
      '--no-instructions',
    ]);
    const port = await freePort();
    const settings = [
      `-p ${port}`,
      `-k ${dir}`,
      "-c listen_addresses=''",
      // A test cluster: durability is not the point, speed is.
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=200',
    ].join(' ');
    const startCluster = () =>
      pgRun('pg_ctl', ['start', '-D', data, '-w', '-l', join(dir, 'server.log'), '-o', settings]);
    await startCluster();
    // Should the test run end without its teardown (an uncaught error, a signal), the server still stops.
    const stopAtExit = () => {
      try {
        execFileSync(...command('pg_ctl', ['stop', '-D', data, '-m', 'immediate', '-w']), {
          stdio: 'ignore',
        });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    };
    process.once('exit', stopAtExit);
    return {
      adminUrl: `postgresql://postgres@localhost:${port}/postgres?host=${dir}`,
      halt: async () => void (await stopCluster('fast')),
      resume: async () => void (await startCluster()),
      async stop() {
        process.off('exit', stopAtExit);
        try {
          // Already halted by a test that failed half-way: nothing to stop.
          if (running()) await stopCluster();
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    if (running()) await stopCluster().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * For benchmarks: runs `use` on `DATABASE_URL` when set, else on a new database
 * of a throwaway cluster (stopped afterwards); says in one line and skips when
 * neither is available.
 */
export async function withBenchPostgres(
  name: string,
  use: (databaseUrl: string) => Promise<void>,
): Promise<void> {
  if (process.env.DATABASE_URL) return use(process.env.DATABASE_URL);
  const found = findPostgresBin();
  if ('missing' in found) {
    console.log(`postgres: skipped, ${found.missing}`);
    return;
  }
  const cluster = await startPostgres(found.bin);
  try {
    await use(await createDatabase(cluster.adminUrl, name));
  } finally {
    await cluster.stop();
  }
}
