import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { createMemoryRouter, Outlet, RouterProvider } from 'react-router';
import { beforeAll, describe, expect, it } from 'vitest';
import { meQuery } from '../api/auth';
import { indexedVerificationsQuery } from '../api/customerIndex';
import type { Customer } from '../api/customers';
import { verificationQuery, verificationsQuery, type Verification } from '../api/verifications';
import { loadLocale } from '../lib/i18n';
import { verificationMailto } from '../lib/verificationLink';
import { VerificationPage } from './VerificationPage';
import { VerificationsTab } from './VerificationsTab';

const customer: Customer = {
  id: 'c1',
  first_name: 'Élodie',
  last_name: 'Marchand',
  email: 'elodie.marchand@example.fr',
};
const LINK = 'https://connect.fintecture.com/verify?session=s1&lang=fr';

/**
 * A page rendered on the server side, as a customer's tab is in the app (the
 * customer in the outlet's context), with the answers already in the cache:
 * the real components, no DOM and no network.
 */
function render(
  path: string,
  page: ReactNode,
  answers: (client: QueryClient) => void,
  who: Customer = customer,
): string {
  const client = new QueryClient();
  client.setQueryData(meQuery.queryKey, { username: 'alice', role: 'agent' } as never);
  client.setQueryData(indexedVerificationsQuery('c1').queryKey, { data: [] });
  answers(client);
  // A data router, as the app's: the create dialog's guard needs one.
  const router = createMemoryRouter(
    [
      {
        path: '/customers/c1/verifications',
        element: <Outlet context={who} />,
        children: [
          { index: true, element: page },
          { path: ':verificationId', element: page },
        ],
      },
    ],
    { initialEntries: [path] },
  );
  return renderToString(
    <MantineProvider>
      <QueryClientProvider client={client}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>,
  );
}

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

beforeAll(() => loadLocale('en'));

describe('a customer’s verifications', () => {
  it('lists verifications whose statuses nobody knows, each in its own words, without failing', () => {
    const verifications: Verification[] = [
      { id: 'v1', status: 'pending', provider_id: 'cmcifrpp' },
      { id: 'v2', status: 'cancelled', provider_id: 'cmcifrpp', link: LINK },
      { id: 'v3', status: 'awaiting_bank_consent' as never, provider_id: 'bnpafrpp' },
      { id: 'v4', status: 'verified', provider_id: 'bnpafrpp', match_score: 0.97 },
      { id: 'v5', provider_id: 'bnpafrpp' },
    ];
    const html = text(
      render('/customers/c1/verifications', <VerificationsTab />, (client) =>
        client.setQueryData(verificationsQuery('c1').queryKey, { data: verifications }),
      ),
    );
    expect(html).toContain('5 verifications, 4 in progress (updating by itself)');
    for (const label of ['Pending', 'Cancelled', 'awaiting_bank_consent', 'Verified']) {
      expect(html).toContain(` ${label} `);
    }
    expect(html).not.toMatch(/could not be loaded|Something went wrong/);
  });
});

describe('a verification the customer must complete at their bank', () => {
  const page = (verification: Verification, who: Customer = customer) =>
    render(
      '/customers/c1/verifications/v1',
      <VerificationPage />,
      (client) => client.setQueryData(verificationQuery('c1', 'v1').queryKey, verification),
      who,
    );

  it('shows its link with Copy, Open in a new tab, and Send by email to the customer', () => {
    const html = page({ id: 'v1', status: 'pending', provider_id: 'cmcifrpp', link: LINK });
    expect(text(html)).toContain(
      'Send this link to the customer: they choose their bank and confirm there; this page updates by itself.',
    );
    expect(html).toContain(`title="${LINK.replace(/&/g, '&amp;')}"`);
    expect(html).toMatch(
      /<a[^>]*href="https:\/\/connect\.fintecture\.com\/verify\?session=s1&amp;lang=fr"[^>]*target="_blank"[^>]*rel="noopener noreferrer"/,
    );
    expect(html).toContain('aria-label="Copy link"');
    const mailto = verificationMailto({ email: customer.email, firstName: 'Élodie', link: LINK })!;
    expect(html).toContain(`href="${mailto.replace(/&/g, '&amp;')}"`);
    expect(text(html)).not.toContain('cancelled at their bank');
  });

  it('cannot be sent by email to a customer without an email address, and says why', () => {
    const html = page(
      { id: 'v1', status: 'pending', link: LINK },
      { ...customer, email: undefined },
    );
    expect(html).not.toContain('mailto:');
    expect(html).toMatch(
      /<button[^>]*data-disabled="true"[^>]*aria-disabled="true"[^>]*aria-describedby="([^"]+)"/,
    );
    const reasonId = /aria-describedby="([^"]+)"/.exec(html)![1];
    expect(html).toMatch(
      new RegExp(`id="${reasonId}"[^>]*>The customer has no email address: copy the link`),
    );
  });

  it('says a cancelled one can still be finished through the same link', () => {
    const html = text(page({ id: 'v1', status: 'cancelled', provider_id: 'cmcifrpp', link: LINK }));
    expect(html).toContain(
      'The customer cancelled at their bank. They can still finish through the same link.',
    );
  });

  it('shows no link once final, and none that is not an http(s) address', () => {
    for (const verification of [
      { id: 'v1', status: 'verified', link: LINK },
      { id: 'v1', status: 'pending', link: 'javascript:alert(1)' },
      { id: 'v1', status: 'pending' },
    ] as Verification[]) {
      const html = page(verification);
      expect(html).not.toContain('Link for the customer');
      expect(html).not.toContain('javascript:');
    }
  });
});
