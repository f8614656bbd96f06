/**
 * Preloaded (`--import`) into the server processes that server/testing/replicas.ts
 * starts: when the run that started them is gone (its end of our stdin closed,
 * as when a test worker is killed), they go too, so no server outlives its test.
 * Production entry files never load it.
 */
process.stdin.once('end', () => process.exit(1));
process.stdin.once('error', () => process.exit(1));
process.stdin.resume();
