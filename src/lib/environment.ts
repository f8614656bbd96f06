import { useEffect, useState, useSyncExternalStore } from 'react';
import type { components } from '../../openapi/backoffice';
import { t } from './i18n';

export type ServerEnvironment = components['schemas']['ServerEnvironment'];

/** The banner's words for an environment. */
export function environmentText(environment: ServerEnvironment): string {
  switch (environment.kind) {
    case 'emulated':
      return t('Sandbox (emulated, demo data)');
    case 'fintecture_sandbox':
      return t('Fintecture sandbox');
    case 'production':
      return t('Production');
    default:
      return t('Custom API ({host})', { host: environment.host ?? '?' });
  }
}

/** The environment in a tab's title: none in production, where the product's name stands instead. */
export function environmentTitle(environment: ServerEnvironment | undefined): string | undefined {
  if (!environment || environment.kind === 'production') return undefined;
  return environment.kind === 'emulated' ? t('Sandbox (emulated)') : environmentText(environment);
}

/**
 * A tab's title: the page's own words first ("Élodie Marchand · Bank
 * accounts"), then the environment outside production, else the product.
 */
export function documentTitle(
  parts: readonly (string | undefined)[],
  environment: ServerEnvironment | undefined,
): string {
  const page = parts.filter(Boolean).join(' · ');
  const suffix = environmentTitle(environment) ?? t('Customers back-office');
  return page ? `${page} — ${suffix}` : suffix;
}

/*
 * The environment as last read from the proxy (set by its query's hook), for
 * the titles: pages read it here rather than through the query, so they share
 * no query code with the first screen's chunk.
 */
let known: ServerEnvironment | undefined;
const listeners = new Set<() => void>();

export function setKnownEnvironment(environment: ServerEnvironment | undefined): void {
  if (environment === known) return;
  known = environment;
  for (const listener of listeners) listener();
}

/*
 * Every mounted page that names the tab, with its rank: a layout names the tab
 * for the pages inside it, and a page that outranks it (a not-found page inside
 * a customer's layout) is named instead, although a parent's effect runs after
 * its child's. Among equals, the latest to change its title.
 */
const titles = new Map<symbol, { rank: number; title: string; at: number }>();
let changes = 0;

function showTitle(): void {
  let shown: { rank: number; title: string; at: number } | undefined;
  for (const entry of titles.values()) {
    if (!shown || entry.rank > shown.rank || (entry.rank === shown.rank && entry.at > shown.at))
      shown = entry;
  }
  if (shown) document.title = shown.title;
}

/** How a page's title ranks against the layouts around it. */
export const TITLE_RANK = { page: 0, notFound: 1 } as const;

/** Names the page in the browser's tab (in the language in use, with the environment). */
export function useDocumentTitle(...parts: (string | undefined)[]): void {
  useRankedDocumentTitle(TITLE_RANK.page, parts);
}

/** useDocumentTitle for a page that outranks the layout it is shown in. */
export function useRankedDocumentTitle(rank: number, parts: readonly (string | undefined)[]): void {
  const environment = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => known,
    () => known,
  );
  const title = documentTitle(parts, environment);
  const [id] = useState(() => Symbol('title'));
  useEffect(() => {
    changes += 1;
    titles.set(id, { rank, title, at: changes });
    showTitle();
  }, [id, rank, title]);
  useEffect(
    () => () => {
      titles.delete(id);
      showTitle();
    },
    [id],
  );
}
