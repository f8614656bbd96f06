import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompiledQuery } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { connect } from '../server/store/connect';
import { Browser } from '../server/testing/browser';
import { modesUnder, startLikeNpmStart } from '../server/testing/started';

/**
 * File modes (issue 9, item 8): data/sandbox.db, holding the emulator's app
 * secret and token signing key, was 0644.
 */
const root = mkdtempSync(join(tmpdir(), 'files-attack-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function dashboard(): string {
  const dist = join(root, 'dist');
  mkdirSync(dist, { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Dashboard</title>');
  return dist;
}

const startEnv = (dataDir: string) => ({
  DATA_DIR: dataDir,
  DIST_DIR: dashboard(),
  PORT: '0',
  HOST: '127.0.0.1',
  PUBLIC_URL: '',
  FINTECTURE_API_URL: '',
  SESSION_SECRET: '',
  SANDBOX_PORT: '',
  SANDBOX_DB: '',
  SANDBOX_SEED: '3',
  SANDBOX_APP_SECRET: '',
  DASHBOARD_USERS_FILE: '',
  LOG_LEVEL: 'warn',
});

function expectOwnerOnly(dataDir: string) {
  const modes = modesUnder(dataDir);
  const loose = modes
    .filter(({ dir, mode }) => mode !== (dir ? 0o700 : 0o600))
    .map(({ path, mode }) => `${path} ${mode.toString(8)}`);
  expect(loose).toEqual([]);
  return modes.map(({ path }) => path.slice(dataDir.length + 1));
}

describe('files the server writes under DATA_DIR', () => {
  it('are 0600 in 0700 directories on a fresh start, databases with their -wal and -shm included', async () => {
    const dataDir = join(root, 'fresh', 'data');
    const server = await startLikeNpmStart(startEnv(dataDir));
    try {
      // A signed-in write, so the sandbox's WAL has pages in it.
      const agent = new Browser(server.url);
      const password = /password: (\S+)/.exec(server.output())![1]!;
      expect((await agent.signIn({ username: 'agent', password })).status).toBe(200);
      const created = await agent.fetch('/api/v1/customers', {
        method: 'POST',
        json: { first_name: 'Mode', last_name: 'Check', email: 'mode@example.fr' },
      });
      expect(created.status).toBe(201);
      const names = expectOwnerOnly(dataDir);
      // Accounts live in users.json or in the store's backoffice.db: whichever exists is checked above.
      expect(names).toEqual(
        expect.arrayContaining([
          'session-secret',
          'sandbox.db',
          'sandbox.db-wal',
          'sandbox.db-shm',
        ]),
      );
    } finally {
      await server.stop();
    }
    expectOwnerOnly(dataDir);
  });

  it('are tightened when an older version left them readable by others', async () => {
    const dataDir = join(root, 'fresh', 'data');
    for (const { path, dir } of modesUnder(dataDir)) chmodSync(path, dir ? 0o755 : 0o644);
    const server = await startLikeNpmStart(startEnv(dataDir));
    try {
      expectOwnerOnly(dataDir);
    } finally {
      await server.stop();
    }
    expectOwnerOnly(dataDir);
  });

  it("include the store's SQLite database, with its -wal and -shm", async () => {
    const dataDir = join(root, 'store', 'data');
    const { db } = connect({ dataDir });
    try {
      await db.executeQuery(CompiledQuery.raw('CREATE TABLE probe (x INTEGER)'));
      await db.executeQuery(CompiledQuery.raw('INSERT INTO probe VALUES (1)'));
      expect(expectOwnerOnly(dataDir)).toEqual(
        expect.arrayContaining(['backoffice.db', 'backoffice.db-wal', 'backoffice.db-shm']),
      );
    } finally {
      await db.destroy();
    }
  });
});
