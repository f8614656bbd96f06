import { MantineProvider } from '@mantine/core';
import { renderToString } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Customer } from '../api/customers';
import { loadLocale } from '../lib/i18n';
import { CustomerDetails } from './CustomerDetails';

const customer: Customer = {
  id: 'c1',
  first_name: 'Élodie',
  last_name: 'Marchand',
  email: 'elodie.marchand@example.fr',
  external_id: 'CRM-42',
  created_at: '2026-11-20T10:00:00Z',
};

const render = (who?: Customer) =>
  renderToString(
    <MantineProvider>
      <CustomerDetails customer={who} />
    </MantineProvider>,
  );

beforeAll(() => loadLocale('en'));

describe("a customer's overview", () => {
  it('says an absent address is filled in by Fintecture, as no form here takes one', () => {
    const html = render(customer);
    expect(html).toContain(
      'No address yet. Addresses are recorded by Fintecture; they cannot be entered here.',
    );
    expect(html).not.toContain('Recorded by Fintecture');
  });

  it('shows an address with where it comes from and that it cannot be edited here', () => {
    const html = render({
      ...customer,
      address: { line1: '12 rue de la Paix', postal_code: '75002', city: 'Paris', country: 'FR' },
    });
    expect(html).toContain('12 rue de la Paix');
    expect(html).toContain('75002 Paris');
    expect(html).toContain('France');
    expect(html).toContain('Recorded by Fintecture; it cannot be entered or edited here.');
    expect(html).not.toContain('No address yet');
  });

  it('offers to copy the email and the external ID, and no phone when there is none', () => {
    const html = render(customer);
    expect(html).toContain('aria-label="Copy email"');
    expect(html).toContain('aria-label="Copy external ID"');
    expect(html).not.toContain('aria-label="Copy phone"');
    expect(render({ ...customer, phone: '+33 6 12 34 56 78' })).toContain(
      'aria-label="Copy phone"',
    );
  });

  it('while loading, shows every label over placeholders, busy, and no copy button', () => {
    const html = render(undefined);
    expect(html).toContain('aria-busy="true"');
    for (const label of ['First name', 'Email', 'Phone', 'External ID', 'Address'])
      expect(html).toContain(`>${label}<`);
    expect(html).toContain('mantine-Skeleton-root');
    expect(html).not.toContain('Copy email');
    expect(html).not.toContain('No address yet');
  });
});
