import type { Response } from '@playwright/test';
import { expect, signIn, test } from './fixtures';

/*
 * IBANs leave the proxy whole only on purpose: to an agent who reads one
 * account (the Reveal, audited). A viewer never receives one, checked on the
 * page and on every byte of every answer the page was given.
 */

// A valid French IBAN; other specs use it too, on customers of their own (each test makes its own).
const IBAN = 'FR7630006000011234567890189';
const DIGITS = IBAN.slice(4, 23); // the part that must never reach a viewer: 3000600001123456789

test('a viewer sees masked IBANs only, in the page and in every answer it received', async ({
  page,
  agentApi,
  customer,
}) => {
  await agentApi.addBankAccount(customer.id!, {
    iban: IBAN,
    holder_name: customer.fullName,
    currency: 'EUR',
    bic: 'BNPAFRPP',
  });
  const bodies: Promise<string>[] = [];
  page.on('response', (response: Response) => {
    // The live events' stream never ends, so its body never arrives here; the attack suite
    // (attack/ibans.attack.ts) reads it for IBANs.
    if (response.headers()['content-type']?.startsWith('text/event-stream')) return;
    bodies.push(
      response.body().then(
        (body) => body.toString('utf8'),
        () => '',
      ),
    );
  });

  await signIn(page, 'viewer', `/customers/${customer.id}/bank-accounts`);
  const row = page.getByRole('row', { name: /0189/ });
  await expect(row).toContainText('0189');
  await expect(row.getByRole('button', { name: 'Show IBAN' })).toHaveCount(0);
  await expect(row.getByRole('button', { name: 'Copy IBAN' })).toHaveCount(0);
  await row.getByRole('link').first().click();
  await expect(page.getByText('0189').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Show IBAN' })).toHaveCount(0);
  expect(await page.content()).not.toContain(DIGITS);

  // The viewer's own session asks for the one account straight away: masked too.
  const list = await page.request.get(`/api/v1/customers/${customer.id}/bank-accounts`);
  expect(list.status()).toBe(200);
  const { data } = (await list.json()) as { data: { id: string; iban: string }[] };
  const account = data.find((item) => item.iban.endsWith('0189'))!;
  const single = await page.request.get(
    `/api/v1/customers/${customer.id}/bank-accounts/${account.id}`,
  );
  expect(single.status()).toBe(200);
  const body = (await single.json()) as { iban: string; iban_masked: boolean };
  expect(body.iban_masked).toBe(true);
  expect(body.iban).toMatch(/^FR•+0189$/);
  expect(body.iban).toHaveLength(IBAN.length);

  const received = await Promise.all(bodies);
  expect(received.length).toBeGreaterThan(3);
  expect(received.filter((text) => text.includes(DIGITS))).toEqual([]);
});

test('an agent’s Reveal shows the whole IBAN, offers Copy only then, and is in the customer’s timeline', async ({
  page,
  agentApi,
  customer,
}) => {
  await agentApi.addBankAccount(customer.id!, {
    iban: IBAN,
    holder_name: customer.fullName,
    currency: 'EUR',
  });
  await signIn(page, 'agent', `/customers/${customer.id}/bank-accounts`);
  const row = page.getByRole('row', { name: new RegExp(customer.fullName) });
  await expect(row).toContainText('•••• 0189');
  // Copying a masked IBAN would copy what is hidden: there is nothing to copy yet.
  await expect(row.getByRole('button', { name: 'Copy IBAN' })).toHaveCount(0);

  const reveal = page.waitForResponse(
    (response) => /\/bank-accounts\/[^/]+$/.test(response.url()) && response.ok(),
  );
  await row.getByRole('button', { name: 'Show IBAN' }).click();
  expect(((await (await reveal).json()) as { iban: string }).iban).toBe(IBAN);
  await expect(row).toContainText('FR76 3000 6000 0112 3456 7890 189');
  await expect(row.getByRole('button', { name: 'Copy IBAN' })).toBeVisible();

  await page.getByRole('tab', { name: 'Activity' }).click();
  await expect(
    page.getByText('e2e-agent revealed the IBAN of the bank account …0189'),
  ).toBeVisible();
  // Opening the list recorded nothing: one reveal, one event.
  await expect(page.getByText(/revealed the IBAN/)).toHaveCount(1);
});
