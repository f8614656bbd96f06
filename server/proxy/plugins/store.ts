import fp from 'fastify-plugin';
import { openStore, type Store, type StoreOptions } from '../../store/store';

declare module 'fastify' {
  interface FastifyInstance {
    /** The back-office's own store: accounts, sessions, sign-in counters, idempotency, audit. */
    store: Store;
  }
}

/** Either where to open the store, or one already open (a test's; its opener closes it). */
export type StoreSource = StoreOptions | Store;

const isOpen = (source: StoreSource): source is Store => 'accounts' in source;

/**
 * Opens the store when the app starts (migrating it; a StoreError says in one
 * line why it cannot) and closes it with the app, unless it was handed in open.
 */
export default fp<{ source: StoreSource }>(
  async (app, { source }) => {
    const store = isOpen(source)
      ? source
      : await openStore({
          // An idle pooled connection lost (the server went away): logged, the pool heals by itself.
          onPoolError: (error) => app.log.warn({ err: error }, 'store connection lost'),
          ...source,
        });
    app.decorate('store', store);
    if (!isOpen(source)) app.addHook('onClose', () => store.close());
    if (store.migrated.length > 0) {
      app.log.info({ store: store.where, migrated: store.migrated }, 'store migrated');
    }
  },
  { name: 'store' },
);
