import type { DeleteResult } from 'kysely';

/** Runs a delete and says how many rows went. */
export async function deleted(query: {
  executeTakeFirst(): Promise<DeleteResult>;
}): Promise<number> {
  return Number((await query.executeTakeFirst()).numDeletedRows);
}
