import { compileMessage } from '@lingui/message-utils/compileMessage';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCount, formatDate, formatDateTime, formatPercent } from './format';
import { currentLocale, formatLocale, loadLocale, localeOf, t } from './i18n';
import { messages as en } from './locales/en';
import { messages as fr } from './locales/fr';
import { formatRelative } from './relativeTime';

const catalogs: Record<string, Record<string, string>> = { en, fr };

/** Every source file of the dashboard but its tests and the catalogs. */
function sources(dir = 'src'): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'locales' ? [] : sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The ids written as literals in `t('…')` and `msg('…')` calls. */
function idsUsed(): Map<string, string> {
  const used = new Map<string, string>();
  const call = /\b(?:t|msg)\(\s*(['"])((?:\\.|(?!\1)[\s\S])*?)\1/g;
  for (const file of sources()) {
    for (const match of readFileSync(file, 'utf8').matchAll(call)) {
      used.set(match[2]!.replace(/\\(['"\\])/g, '$1'), file);
    }
  }
  return used;
}

/** A message's placeholders and plural variables, e.g. {count}, {who}. */
function placeholders(message: string): string[] {
  return [...message.matchAll(/\{(\w+)[,}]/g)].map((m) => m[1]!).sort();
}

describe('the catalogs', () => {
  it('have the same ids in English and French, none empty', () => {
    const missingInFrench = Object.keys(en).filter((id) => !(id in fr));
    const missingInEnglish = Object.keys(fr).filter((id) => !(id in en));
    expect(missingInFrench).toEqual([]);
    expect(missingInEnglish).toEqual([]);
    for (const [name, catalog] of Object.entries(catalogs)) {
      const empty = Object.entries(catalog).filter(([, message]) => !message.trim());
      expect(empty, name).toEqual([]);
    }
  });

  it('hold every id the source uses (a t() call with an id in neither fails here)', () => {
    const used = idsUsed();
    expect(used.size).toBeGreaterThan(200);
    const unknown = [...used].filter(([id]) => !(id in en) || !(id in fr));
    expect(unknown).toEqual([]);
  });

  it('keep English as it was: each English message is its id (but namespaced ids: `error.<code>`, `account.<word>`)', () => {
    const differing = Object.entries(en).filter(
      ([id, message]) => id !== message && !/^[a-z]+\.\w+$/.test(id),
    );
    expect(differing).toEqual([]);
  });

  it('compile, and give each French message the same values as its English one', () => {
    for (const [id, message] of Object.entries(fr)) {
      expect(() => compileMessage(message), id).not.toThrow();
      expect(placeholders(message), id).toEqual(placeholders(en[id as keyof typeof en]));
    }
  });
});

describe('choosing the language', () => {
  it('takes French for any fr* browser, English otherwise', () => {
    expect(localeOf('fr')).toBe('fr');
    expect(localeOf('fr-CA')).toBe('fr');
    expect(localeOf('FR-fr')).toBe('fr');
    expect(localeOf('en-US')).toBe('en');
    expect(localeOf('de-DE')).toBe('en');
    expect(localeOf(undefined)).toBe('en');
  });
});

describe('in French', () => {
  beforeAll(() => loadLocale('fr'));
  afterAll(() => loadLocale('en'));

  it('speaks French, with French plural rules (0 and 1 are singular)', () => {
    expect(currentLocale()).toBe('fr');
    expect(t('Customers')).toBe('Clients');
    expect(t('{count, plural, one {# verification} other {# verifications}}', { count: 0 })).toBe(
      '0 vérification',
    );
    expect(t('{count, plural, one {# verification} other {# verifications}}', { count: 1 })).toBe(
      '1 vérification',
    );
    expect(t('{count, plural, one {# verification} other {# verifications}}', { count: 2 })).toBe(
      '2 vérifications',
    );
    expect(t('Page {page} of {last}', { page: '2', last: '11' })).toBe('Page 2 sur 11');
    expect(t('Leave without saving?')).toBe('Quitter sans enregistrer\u202f?');
  });

  it('formats dates, numbers, percentages and relative times in French', () => {
    expect(formatLocale()).toMatch(/^fr/);
    expect(formatDate('2026-03-05T10:00:00Z')).toBe('5 mars 2026');
    expect(formatDateTime('2026-03-05T10:00:00Z')).toMatch(/^5 mars 2026/);
    expect(formatCount(12345)).toBe('12\u202f345');
    expect(formatPercent(0.87)).toBe('87\u00a0%');
    const now = Date.parse('2026-03-05T12:00:00Z');
    expect(formatRelative('2026-03-05T11:58:00Z', now)).toBe('il y a 2 minutes');
    expect(formatRelative('2026-03-05T11:59:40Z', now)).toBe('maintenant');
    expect(formatRelative('2026-03-04T10:00:00Z', now)).toBe('hier');
  });
});

describe('in English', () => {
  beforeAll(() => loadLocale('en'));

  it('speaks English, with English plural rules (0 is plural)', () => {
    expect(currentLocale()).toBe('en');
    expect(t('Customers')).toBe('Customers');
    expect(t('{count, plural, one {# verification} other {# verifications}}', { count: 0 })).toBe(
      '0 verifications',
    );
    expect(t('{count, plural, one {# verification} other {# verifications}}', { count: 1 })).toBe(
      '1 verification',
    );
    expect(
      t('{count, plural, one {# verification} other {# verifications}}', { count: 1234 }),
    ).toBe('1,234 verifications');
  });

  it('formats dates, numbers, percentages and relative times in English', () => {
    expect(formatLocale()).toMatch(/^en/);
    expect(formatDate('2026-03-05T10:00:00Z', 'en-GB')).toBe('5 Mar 2026');
    expect(formatCount(12345)).toBe('12,345');
    expect(formatPercent(0.87)).toBe('87%');
    const now = Date.parse('2026-03-05T12:00:00Z');
    expect(formatRelative('2026-03-05T11:58:00Z', now)).toBe('2 minutes ago');
    expect(formatRelative('2026-03-05T11:59:40Z', now)).toBe('now');
  });
});
