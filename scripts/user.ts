/**
 * Dashboard accounts:
 *   npm run user -- add NAME --role agent|viewer   (password from the terminal, or from stdin)
 *   npm run user -- remove NAME
 *   npm run user -- list
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  addOrResetAccount,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  importUsersFileOnce,
  ROLES,
} from '../server/proxy/users';
import { openStore, type Store } from '../server/store/store';

function usage(message?: string): never {
  if (message) console.error(`user: ${message}`);
  console.error('usage: npm run user -- add NAME --role agent|viewer | remove NAME | list');
  process.exit(2);
}

/** Reads a line without echoing it when a person types it; reads stdin as-is otherwise. */
async function readPassword(prompt: string): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) {
    let data = '';
    for await (const chunk of input) data += String(chunk);
    return data.split(/\r?\n/)[0] ?? '';
  }
  process.stderr.write(prompt);
  input.setRawMode(true);
  input.resume();
  input.setEncoding('utf8');
  return new Promise((resolvePassword, reject) => {
    let value = '';
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') {
          input.setRawMode(false);
          input.pause();
          input.off('data', onData);
          process.stderr.write('\n');
          resolvePassword(value);
          return;
        }
        if (char === '\u0003') {
          input.setRawMode(false);
          reject(new Error('cancelled'));
          return;
        }
        if (char === '\u007f' || char === '\b') value = value.slice(0, -1);
        else value += char;
      }
    };
    input.on('data', onData);
  });
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { role: { type: 'string' } },
});
const [command, name] = positionals;

/** The store the server uses: DATABASE_URL, else $DATA_DIR/backoffice.db (with the server's users.json imported first). */
async function openServersStore(): Promise<Store> {
  const dataDir = resolve(process.env.DATA_DIR ?? 'data');
  const store = await openStore({ databaseUrl: process.env.DATABASE_URL, dataDir });
  const usersFile = resolve(process.env.DASHBOARD_USERS_FILE ?? join(dataDir, 'users.json'));
  const outcome = await importUsersFileOnce(store, usersFile, Date.now());
  if (outcome) {
    console.error(
      `Imported ${outcome.imported} of ${outcome.of} accounts from ${usersFile} (the file is no longer read).`,
    );
  }
  return store;
}

// Whatever it creates (the SQLite file) is its user's alone, as the server's.
process.umask(0o077);
let store: Store | undefined;
try {
  if (command !== 'list' && command !== 'add' && command !== 'remove') {
    usage(command ? `unknown command "${command}"` : undefined);
  }
  if (command !== 'list' && !name) usage(`${command} needs a NAME`);
  const role = ROLES.find((known) => known === values.role);
  if (command === 'add' && !role) usage(`add needs --role ${ROLES.join(' or --role ')}`);
  // The password is asked before the store is opened: nothing waits on a person typing.
  let password = '';
  if (command === 'add') {
    password = await readPassword(
      `Password for ${name} (${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters): `,
    );
    if (process.stdin.isTTY) {
      const again = await readPassword('Same password again: ');
      if (again !== password) throw new Error('The two passwords differ; nothing was changed.');
    }
  }
  store = await openServersStore();
  switch (command) {
    case 'list': {
      const accounts = await store.accounts.list();
      if (accounts.length === 0) console.log(`No accounts in ${store.where}.`);
      for (const account of accounts)
        console.log(
          `${account.username.padEnd(24)} ${account.role.padEnd(7)} since ${new Date(account.created_at).toISOString()}`,
        );
      break;
    }
    case 'add': {
      const { account, reset } = await addOrResetAccount(store, name!, role!, password);
      console.log(
        `${account.username} is now ${account.role === 'agent' ? 'an agent' : 'a viewer'} (${store.where})${reset ? '; their open sessions have ended' : ''}.`,
      );
      break;
    }
    case 'remove': {
      if (!(await store.accounts.remove(name!))) {
        throw new Error(`There is no account named ${name}.`);
      }
      console.log(`${name} was removed; their open sessions have ended.`);
      break;
    }
  }
} catch (error) {
  console.error(`user: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await store?.close();
}
