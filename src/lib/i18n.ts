import { i18n, type Messages } from '@lingui/core';
import { useSyncExternalStore } from 'react';
import type { messages as english } from './locales/en';
import { messageKey } from './messageKey';

/**
 * The dashboard's languages, on Lingui's runtime (2.6 KB gzipped; i18next with
 * react-i18next measured 19 KB, past the first screen's budget). A message's
 * id is today's English text (ICU MessageFormat where it has values or
 * plurals), its catalogs are src/lib/locales/en.ts and fr.ts, compiled by
 * `npm run gen:catalogs` into what the runtime reads (keyed by `messageKey`);
 * each language is a chunk of its own, loaded before the first render, so no
 * key ever flashes.
 */
export type Locale = 'en' | 'fr';
export const LOCALES: readonly Locale[] = ['en', 'fr'];
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', fr: 'Français' };

const STORAGE_KEY = 'locale';

/** A message's id: its English words, as the English catalog lists them (tsc refuses any other). */
export type MessageId = keyof typeof english;

export type MessageValues = Record<string, string | number | undefined | null>;

/** The language asked before: the one chosen and remembered, else the browser's (fr* is French). */
export function preferredLocale(): Locale {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (stored === 'en' || stored === 'fr') return stored;
  } catch {
    // Storage refused (private mode): the browser's language decides.
  }
  return localeOf(typeof navigator === 'undefined' ? undefined : navigator.language);
}

/** A BCP 47 tag's language among ours: French for fr*, else English. */
export function localeOf(tag: string | undefined): Locale {
  return tag?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

const catalogs: Record<Locale, () => Promise<{ default: unknown }>> = {
  en: () => import('./locales/compiled/en.json'),
  fr: () => import('./locales/compiled/fr.json'),
};

/** Loads a language's catalog (its own chunk) and makes it the one in use. */
export async function loadLocale(locale: Locale): Promise<void> {
  const { default: messages } = await catalogs[locale]();
  i18n.loadAndActivate({ locale, messages: messages as Messages });
  if (typeof document !== 'undefined') {
    document.documentElement.lang = locale;
    document.title = t('Customers back-office');
  }
}

/** Switches the language and remembers the choice in this browser. */
export async function chooseLocale(locale: Locale): Promise<void> {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  } catch {
    // Not remembered, still switched.
  }
  await loadLocale(locale);
}

/** The language in use ('en' before any catalog is loaded, as in unit tests of English). */
export function currentLocale(): Locale {
  return i18n.locale === 'fr' ? 'fr' : 'en';
}

/**
 * The locale dates and numbers are formatted in: the browser's own tag when
 * it is of the language in use (en-US keeps its month-first dates), else the
 * language's (fr-FR, en-GB).
 */
export function formatLocale(): string {
  const browser = typeof navigator === 'undefined' ? undefined : navigator.language;
  const locale = currentLocale();
  if (browser && localeOf(browser) === locale) return browser;
  return locale === 'fr' ? 'fr-FR' : 'en-GB';
}

/** A message in the language in use; before any catalog, the English id with its values. */
export function t(id: MessageId, values?: MessageValues): string {
  const key = messageKey(id);
  if (!i18n.locale || !(key in i18n.messages)) {
    return id.replace(/\{(\w+)\}/g, (whole, name: string) =>
      values && name in values ? String(values[name] ?? '') : whole,
    );
  }
  return i18n._(key, values ?? undefined);
}

/** A word of the API shown as it is unless a catalog has it (an outcome, a status). */
export function tWord(word: string): string {
  const key = messageKey(word);
  return key in i18n.messages ? i18n._(key) : word;
}

/** Re-renders on a language switch (the app then draws its pages again in place: src/main.tsx). */
export function useLocale(): Locale {
  return useSyncExternalStore(
    (listener) => i18n.on('change', listener),
    currentLocale,
    currentLocale,
  );
}
