import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateCatalogs } from './gen-catalogs';

describe('the compiled catalogs', () => {
  it('are up to date with src/lib/locales (run `npm run gen:catalogs` after editing them)', async () => {
    const files = await generateCatalogs();
    expect(Object.keys(files).sort()).toEqual(['en.json', 'fr.json']);
    for (const [file, content] of Object.entries(files)) {
      const written = readFileSync(
        new URL(`../src/lib/locales/compiled/${file}`, import.meta.url),
        'utf8',
      );
      expect(written, file).toBe(content);
    }
  });
});
