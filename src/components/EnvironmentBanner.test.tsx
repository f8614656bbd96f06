import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToString } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { environmentQuery } from '../api/environment';
import type { ServerEnvironment } from '../lib/environment';
import { loadLocale } from '../lib/i18n';
import { EnvironmentBanner } from './EnvironmentBanner';

/** The banner rendered on the server side, with the proxy's answer already in the cache (or none). */
function render(environment?: ServerEnvironment): string {
  const client = new QueryClient();
  if (environment) client.setQueryData(environmentQuery.queryKey, environment);
  return renderToString(
    <QueryClientProvider client={client}>
      <EnvironmentBanner />
    </QueryClientProvider>,
  );
}

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();

beforeAll(() => loadLocale('en'));

describe('the environment banner', () => {
  it('says the emulated sandbox, in a labelled region', () => {
    const html = render({ kind: 'emulated', label: 'Sandbox (emulated, demo data)' });
    expect(html).toMatch(/<section[^>]*aria-label="Environment"/);
    expect(html).toContain('data-environment="emulated"');
    expect(text(html)).toBe('Sandbox (emulated, demo data)');
  });

  it('says Fintecture’s sandbox with its host', () => {
    const html = render({
      kind: 'fintecture_sandbox',
      label: 'Fintecture sandbox',
      host: 'api-sandbox.fintecture.com',
    });
    expect(html).toContain('data-environment="fintecture_sandbox"');
    expect(text(html)).toBe('Fintecture sandbox · api-sandbox.fintecture.com');
  });

  it('marks production in capitals with its host', () => {
    const html = render({ kind: 'production', label: 'Production', host: 'api.fintecture.com' });
    expect(html).toContain('data-environment="production"');
    expect(text(html)).toBe('PRODUCTION · api.fintecture.com');
  });

  it('names another API by its host', () => {
    const html = render({
      kind: 'other',
      label: 'Custom API (localhost:9000)',
      host: 'localhost:9000',
    });
    expect(html).toContain('data-environment="other"');
    expect(text(html)).toBe('Custom API (localhost:9000)');
  });

  it('shows nothing while the proxy has not said', () => {
    expect(render()).toBe('');
  });
});
