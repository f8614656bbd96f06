/**
 * Dashboard accounts:
 *   npm run user -- add NAME --role agent|viewer   (password from the terminal, or from stdin)
 *   npm run user -- remove NAME
 *   npm run user -- list
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ROLES, UsersFile } from '../server/proxy/users';

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
const dataDir = resolve(process.env.DATA_DIR ?? 'data');
const file = new UsersFile(
  resolve(process.env.DASHBOARD_USERS_FILE ?? join(dataDir, 'users.json')),
);

try {
  switch (command) {
    case 'list': {
      const accounts = file.read();
      if (accounts.length === 0) console.log(`No accounts in ${file.path}.`);
      for (const account of accounts)
        console.log(
          `${account.username.padEnd(24)} ${account.role.padEnd(7)} since ${account.created_at}`,
        );
      break;
    }
    case 'add': {
      if (!name) usage('add needs a NAME');
      const role = ROLES.find((known) => known === values.role);
      if (!role) usage(`add needs --role ${ROLES.join(' or --role ')}`);
      const password = await readPassword(`Password for ${name} (12 characters or more): `);
      if (process.stdin.isTTY) {
        const again = await readPassword('Same password again: ');
        if (again !== password) throw new Error('The two passwords differ; nothing was changed.');
      }
      const account = await file.add(name, role, password);
      console.log(
        `${account.username} is now an ${account.role === 'agent' ? 'agent' : 'viewer'} (${file.path}).`,
      );
      break;
    }
    case 'remove': {
      if (!name) usage('remove needs a NAME');
      if (!file.remove(name)) throw new Error(`There is no account named ${name}.`);
      console.log(`${name} was removed; their open sessions end at their next request.`);
      break;
    }
    default:
      usage(command ? `unknown command "${command}"` : undefined);
  }
} catch (error) {
  console.error(`user: ${(error as Error).message}`);
  process.exit(1);
}
