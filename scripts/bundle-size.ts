/**
 * The JavaScript a browser downloads for the first screen after sign-in (the
 * customers list): the entry chunk, the list page's chunk and everything they
 * import statically, gzipped, plus the language catalog loaded before the
 * first render (the larger of them: French). Reads the Vite manifest of
 * `npm run build`.
 *
 *   npm run build && npm run size
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface Chunk {
  file: string;
  imports?: string[];
  isEntry?: boolean;
}

const LIMIT_KB = 200;
const manifest = JSON.parse(readFileSync(join('dist', '.vite', 'manifest.json'), 'utf8')) as Record<
  string,
  Chunk
>;

function closure(keys: string[], seen = new Set<string>()): Set<string> {
  for (const key of keys) {
    if (seen.has(key)) continue;
    seen.add(key);
    closure(manifest[key]?.imports ?? [], seen);
  }
  return seen;
}

const entry = Object.keys(manifest).find((key) => manifest[key]!.isEntry);
const listPage = Object.keys(manifest).find((key) => key.endsWith('pages/CustomersListPage.tsx'));
if (!entry || !listPage)
  throw new Error('Run `npm run build` first: the manifest has no entry or no list page.');

let total = 0;
const rows: [string, number, number][] = [];
for (const key of closure([entry, listPage])) {
  const bytes = readFileSync(join('dist', manifest[key]!.file));
  const gzipped = gzipSync(bytes, { level: 9 }).length;
  total += gzipped;
  rows.push([manifest[key]!.file, bytes.length, gzipped]);
}
// One catalog is loaded before the first render, the browser's language's: count the larger.
const catalogs = Object.keys(manifest)
  .filter((key) => /locales\/compiled\/\w+\.json$/.test(key))
  .map((key) => {
    const bytes = readFileSync(join('dist', manifest[key]!.file));
    return [manifest[key]!.file, bytes.length, gzipSync(bytes, { level: 9 }).length] as const;
  })
  .sort((a, b) => b[2] - a[2]);
if (catalogs.length === 0) throw new Error('The build has no language catalog chunk.');
for (const [file, raw, gz] of catalogs) {
  console.log(
    `${file.padEnd(48)} ${(raw / 1024).toFixed(1).padStart(7)} KB  ${(gz / 1024).toFixed(1).padStart(6)} KB gzipped (language catalog)`,
  );
}
total += catalogs[0]![2];
rows.sort((a, b) => b[2] - a[2]);
for (const [file, raw, gz] of rows) {
  console.log(
    `${file.padEnd(48)} ${(raw / 1024).toFixed(1).padStart(7)} KB  ${(gz / 1024).toFixed(1).padStart(6)} KB gzipped`,
  );
}
const totalKb = total / 1024;
console.log(
  `\nfirst screen after sign-in: ${totalKb.toFixed(1)} KB of JavaScript gzipped, the larger language catalog included (limit ${LIMIT_KB} KB)`,
);
if (totalKb > LIMIT_KB) process.exit(1);
