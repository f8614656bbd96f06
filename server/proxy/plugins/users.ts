import fp from 'fastify-plugin';
import { importUsersFileOnce } from '../users';

/**
 * Accounts live in the store. A users.json of an older version is brought in
 * once per database at start-up (the store remembers it did), and left in place.
 */
export default fp<{ file?: string; now?: () => number }>(
  async (app, { file, now = Date.now }) => {
    if (!file) return;
    const outcome = await importUsersFileOnce(app.store, file, now());
    if (outcome) {
      app.log.info(
        { file, ...outcome },
        `imported ${outcome.imported} of ${outcome.of} accounts from ${file} into the store; the file is left in place and no longer read`,
      );
    }
  },
  { name: 'users', dependencies: ['store'] },
);
