import type { Kysely } from 'kysely';
import { deleted } from './deleted';
import type { StoreSchema } from './schema';

/** Named leases: one holder at a time across replicas, taken over when the holder stops renewing. */
export function leasesRepository(db: Kysely<StoreSchema>) {
  return {
    /** Takes the lease when free, expired or already ours (a renewal), in one atomic upsert. */
    async tryAcquire(name: string, holder: string, ttlMs: number, now: number): Promise<boolean> {
      const row = await db
        .insertInto('leases')
        .values({ name, holder, expires_at: now + ttlMs })
        .onConflict((conflict) =>
          conflict
            .column('name')
            .doUpdateSet((eb) => ({
              holder: eb.ref('excluded.holder'),
              expires_at: eb.ref('excluded.expires_at'),
            }))
            .where((eb) =>
              eb.or([
                eb('leases.expires_at', '<=', now),
                eb('leases.holder', '=', eb.ref('excluded.holder')),
              ]),
            ),
        )
        .returning('holder')
        .executeTakeFirst();
      return row?.holder === holder;
    },

    /** Lets go at once (a clean shutdown), so another replica need not wait for the expiry. */
    release: async (name: string, holder: string): Promise<boolean> =>
      (await deleted(
        db.deleteFrom('leases').where('name', '=', name).where('holder', '=', holder),
      )) > 0,

    async holder(name: string, now: number): Promise<string | undefined> {
      const row = await db
        .selectFrom('leases')
        .select('holder')
        .where('name', '=', name)
        .where('expires_at', '>', now)
        .executeTakeFirst();
      return row?.holder;
    },
  };
}

export type LeasesRepository = ReturnType<typeof leasesRepository>;
