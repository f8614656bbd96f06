import type { Page } from '@playwright/test';
import { clickInRow, customerRows, expect, signIn, test } from './fixtures';

/*
 * A long value with no space (as a paste gone wrong gives) must never push a
 * page sideways: it wraps, at a desktop's width and a phone's.
 */

const WIDTHS = [
  { width: 1366, height: 900 },
  { width: 390, height: 844 },
] as const;

async function expectNoSidewaysScroll(page: Page, what: string): Promise<void> {
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    viewport: document.documentElement.clientWidth,
  }));
  expect(widths.page, `${what}: the page is ${widths.page} px wide`).toBeLessThanOrEqual(
    widths.viewport,
  );
}

test('a 100-character name, company, email and external ID with no space scroll no page sideways', async ({
  page,
  agentApi,
  unique,
}) => {
  const last = `Long${unique}${'x'.repeat(100 - 4 - unique.length)}`;
  const customer = await agentApi.createCustomer({
    first_name: 'Z',
    last_name: last,
    company_name: `Company${'y'.repeat(150)}`,
    email: `${'e'.repeat(60)}.${unique.toLowerCase()}@${'d'.repeat(60)}.example.com`,
    external_id: `EXT-${unique.toUpperCase()}-${'9'.repeat(40)}`,
  });
  const account = await agentApi.addBankAccount(customer.id!, {
    iban: 'FR7630006000011234567890189',
    holder_name: `Holder${'h'.repeat(120)}`,
    currency: 'EUR',
  });
  const verification = await agentApi.startVerification(customer.id!, {
    provider_id: 'sandbox',
    expected_name: `Expected${'n'.repeat(120)}`,
  });
  expect(last).toHaveLength(100);

  await signIn(page, 'agent');
  for (const size of WIDTHS) {
    await page.setViewportSize(size);
    const at = `${size.width} px`;
    await page.goto(`/customers?q=${unique}`);
    await expect(page.getByText(last).filter({ visible: true }).first()).toBeVisible();
    await expectNoSidewaysScroll(page, `the list at ${at}`);
    await page.goto('/customers');
    // The newest customer is this one: first row on a desktop, first card on a phone.
    await expect(page.getByText(last).filter({ visible: true }).first()).toBeVisible();
    await expectNoSidewaysScroll(page, `the list, first page, at ${at}`);

    for (const [path, wait] of [
      [`/customers/${customer.id}`, 'Overview'],
      [`/customers/${customer.id}/bank-accounts`, 'Bank accounts'],
      [`/customers/${customer.id}/verifications`, 'Verifications'],
      [`/customers/${customer.id}/activity`, 'Activity'],
    ] as const) {
      await page.goto(path);
      await expect(page.getByRole('tab', { name: wait })).toHaveAttribute('aria-selected', 'true');
      await expect(page.getByRole('heading', { level: 1 })).toContainText(unique);
      await page.waitForLoadState('networkidle');
      await expectNoSidewaysScroll(page, `${wait} at ${at}`);
    }
    await page.goto(`/customers/${customer.id}/bank-accounts/${account.id}`);
    await expect(page.getByText('0189').filter({ visible: true }).first()).toBeVisible();
    await expectNoSidewaysScroll(page, `the bank account at ${at}`);
    await page.goto(`/customers/${customer.id}/verifications/${verification.id}`);
    await expect(
      page
        .getByText(/Expectednnnn/)
        .filter({ visible: true })
        .first(),
    ).toBeVisible();
    await expectNoSidewaysScroll(page, `the verification at ${at}`);
    await page.goto('/verifications');
    await expect(page.getByRole('heading', { level: 1, name: 'Verifications' })).toBeVisible();
    await page.waitForLoadState('networkidle');
    await expectNoSidewaysScroll(page, `the queue at ${at}`);
  }
});

test('a list row is a real link: Ctrl+click anywhere on it opens the customer in a new tab', async ({
  page,
  customer,
}) => {
  await signIn(page, 'agent');
  const row = customerRows(page).first();
  await expect(row).toContainText(customer.fullName);
  // On the email cell, not the name's link: the whole row leads to the customer.
  const email = row.getByText(customer.email!);
  const opened = page.context().waitForEvent('page');
  await clickInRow(row, email, { modifiers: ['ControlOrMeta'] });
  const tab = await opened;
  await tab.waitForLoadState();
  expect(new URL(tab.url()).pathname).toBe(`/customers/${customer.id}`);
  await expect(tab.getByRole('heading', { level: 1, name: customer.fullName })).toBeVisible();
  await tab.close();
  // This page stayed where it was.
  await expect(page).toHaveURL(/\/customers$/);

  const middle = page.context().waitForEvent('page');
  await clickInRow(row, email, { button: 'middle' });
  expect(new URL((await middle).url()).pathname).toBe(`/customers/${customer.id}`);

  // A plain click opens it here.
  await clickInRow(row, email);
  await expect(page).toHaveURL(new RegExp(`/customers/${customer.id}$`));
});
