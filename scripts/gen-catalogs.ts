/**
 * Compiles the dashboard's catalogs (src/lib/locales/en.ts, fr.ts: ICU
 * MessageFormat keyed by their English words) into what Lingui's runtime reads
 * (src/lib/locales/compiled/*.json: each message parsed, keyed by
 * `messageKey`), so the browser loads no message compiler, only its language's
 * words. A unit test fails while they are stale.
 *
 *   npm run gen:catalogs
 */
import { compileMessage } from '@lingui/message-utils/compileMessage';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { messages as en } from '../src/lib/locales/en';
import { messages as fr } from '../src/lib/locales/fr';
import { messageKey } from '../src/lib/messageKey';

const COMPILED_DIR = new URL('../src/lib/locales/compiled/', import.meta.url);
const SOURCES: Record<string, Record<string, string>> = { en, fr };

/** File name (inside src/lib/locales/compiled/) to its generated content. */
export async function generateCatalogs(): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const owner = new Map<string, string>();
  for (const id of Object.keys(en)) {
    const key = messageKey(id);
    const other = owner.get(key);
    if (other !== undefined) throw new Error(`Two ids share the key ${key}: "${other}", "${id}"`);
    owner.set(key, id);
  }
  const options = await resolveConfig(fileURLToPath(new URL('en.json', COMPILED_DIR)));
  for (const [locale, messages] of Object.entries(SOURCES)) {
    const compiled = Object.fromEntries(
      Object.entries(messages).map(([id, message]) => [messageKey(id), compileMessage(message)]),
    );
    files[`${locale}.json`] = await format(JSON.stringify(compiled), {
      ...options,
      parser: 'json',
    });
  }
  return files;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const [file, content] of Object.entries(await generateCatalogs())) {
    writeFileSync(new URL(file, COMPILED_DIR), content);
    console.log(`src/lib/locales/compiled/${file}`);
  }
}
