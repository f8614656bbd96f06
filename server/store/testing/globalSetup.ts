import type { TestProject } from 'vitest/node';
import { findPostgresBin, startPostgres } from './postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The throwaway cluster's admin database (tests make their own from it), or null when PostgreSQL is skipped. */
    postgresAdminUrl: string | null;
  }
}

/** One throwaway PostgreSQL cluster for all the store's tests; without its binaries, one line says why they are skipped. */
export default async function setup(project: TestProject) {
  const found = findPostgresBin();
  if ('missing' in found) {
    if (process.env.CI)
      throw new Error(`CI must run the store's PostgreSQL tests: ${found.missing}`);
    console.warn(`Skipping the store's PostgreSQL tests: ${found.missing}.`);
    project.provide('postgresAdminUrl', null);
    return;
  }
  const cluster = await startPostgres(found.bin);
  project.provide('postgresAdminUrl', cluster.adminUrl);
  return () => cluster.stop();
}
