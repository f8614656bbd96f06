import type { Locator, Page } from '@playwright/test';
import { clickInRow, expect, signIn, test } from './fixtures';

/** The queue's rows (table on a desktop) for one customer. */
function queueRowsOf(page: Page, customerName: string): Locator {
  return page.getByRole('table').getByRole('row').filter({ hasText: customerName });
}

/** A status chip of the queue's filter: its checkbox is drawn as the chip, so the label is what is clicked. */
function statusChip(page: Page, label: string): Locator {
  return page
    .getByRole('group', { name: 'Status' })
    .locator('label')
    .filter({ hasText: new RegExp(`^${label} \\(\\d+\\)$`) });
}

test('a verification started on a customer shows in the queue under Pending, then under its final status', async ({
  page,
  agentApi,
  customer,
}) => {
  // The account's holder is the customer, so the verification ends Verified.
  await agentApi.addBankAccount(customer.id!, {
    iban: 'FR7630006000011234567890189',
    holder_name: customer.fullName,
    currency: 'EUR',
  });
  await signIn(page, 'agent', `/customers/${customer.id}/verifications`);
  // The tab's own button (the first is the onboarding's next step, which opens the same dialog).
  await page.getByRole('button', { name: 'Start verification', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox', { name: 'Provider' }).fill('sandbox');
  await page.getByRole('option', { name: /Sandbox Bank/ }).click();
  await dialog.getByRole('button', { name: 'Start verification' }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('link', { name: 'Verifications', exact: true }).click();
  await expect(page).toHaveURL(/\/verifications$/);
  await statusChip(page, 'Pending').click();
  await expect(page).toHaveURL(/\/verifications\?status=pending$/);
  await expect(page.getByText(/verifications?, oldest first/)).toBeVisible();
  const row = queueRowsOf(page, customer.fullName);
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Pending');
  await expect(row).toContainText('sandbox');
  await expect(row).toContainText('e2e-agent');

  // Only mine: the agent started it, so it stays.
  // The switch follows the URL, so it shows checked a moment after the click.
  const mine = page.getByRole('switch', { name: 'Started by me' });
  await mine.click();
  await expect(mine).toBeChecked();
  await expect(page).toHaveURL(/status=pending&mine=1/);
  await expect(row).toHaveCount(1);
  const csvHref = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
  expect(csvHref).toBe('/bo/verifications.csv?status=pending&mine=true');
  const csv = await page.request.get(csvHref!);
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain(customer.fullName);

  // Resolved (by the server's watcher; the list refreshes by itself), it leaves Pending...
  await expect(row).toHaveCount(0, { timeout: 45_000 });
  // ...and shows under Verified, with its score.
  await statusChip(page, 'Pending').click();
  await statusChip(page, 'Verified').click();
  await expect(page).toHaveURL(/status=verified&mine=1/);
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Verified');
  await expect(row).toContainText('%');

  // Back goes through the filters the agent used; the row opens the verification.
  await page.goBack();
  await expect(page).toHaveURL(/\/verifications\?mine=1$/);
  await expect(row).toContainText('Verified');
  await page.goBack();
  await expect(page).toHaveURL(/status=pending&mine=1/);
  await expect(row).toHaveCount(0);
  await page.goForward();
  await clickInRow(row, row.getByRole('cell').nth(1));
  await expect(page).toHaveURL(new RegExp(`/customers/${customer.id}/verifications/`));
  await expect(page.getByText('Names compared')).toBeVisible();
  await expect(page.getByText(customer.fullName, { exact: true }).first()).toBeVisible();
});

test('the customer list shows each customer’s latest status and filters on it', async ({
  page,
  agentApi,
  customer,
}) => {
  // No bank account: the provider has no holder name to compare, so it fails.
  await agentApi.startVerification(customer.id!, {
    provider_id: 'e2e-bank',
    expected_name: customer.fullName,
  });
  await signIn(page, 'agent');
  const row = page.getByRole('table').getByRole('row').filter({ hasText: customer.fullName });
  await expect(row).toContainText(/Pending|Failed/);

  await page.getByRole('combobox', { name: 'Verification status' }).selectOption('failed');
  await expect(page).toHaveURL(/status=failed/);
  await expect(async () => {
    // The watcher records the failure server-side; the filtered list is read again until it does.
    await page.reload();
    await expect(row).toContainText('Failed', { timeout: 2_000 });
  }).toPass({ timeout: 45_000 });

  await page.getByRole('combobox', { name: 'Verification status' }).selectOption('none');
  await expect(page).toHaveURL(/status=none/);
  await expect(page.getByRole('table').getByRole('row').nth(1)).toContainText('Not verified');
  await expect(row).toHaveCount(0);
});
