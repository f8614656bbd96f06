import fp from 'fastify-plugin';
import { readUsersFile } from '../users';

/**
 * Accounts live in the store. A users.json of an older version is brought in
 * once per database at start-up (the store remembers it did), and left in place.
 */
export default fp<{ file?: string; now?: () => number }>(
  async (app, { file, now = Date.now }) => {
    if (!file) return;
    const accounts = readUsersFile(file);
    if (!accounts) return;
    const imported = await app.store.accounts.importOnce(accounts, now());
    if (imported !== undefined) {
      app.log.info(
        { file, imported, of: accounts.length },
        `imported ${imported} of ${accounts.length} accounts from ${file} into the store; the file is left in place and no longer read`,
      );
    }
  },
  { name: 'users', dependencies: ['store'] },
);
