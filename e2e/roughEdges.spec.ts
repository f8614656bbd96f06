import { customerRows, expect, pageOf, signIn, test } from './fixtures';

// The rough edges of issue 13, each as it was seen by a new user.

test('an IBAN pasted with non-breaking, narrow and thin spaces is taken, by the form and by the API', async ({
  page,
  customer,
  agentApi,
}) => {
  await signIn(page, 'agent');
  await page.goto(`/customers/${customer.id}/bank-accounts`);
  await page.getByRole('button', { name: 'Add bank account' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add bank account' });
  // As a bank's web page or PDF gives it: U+00A0, U+202F, U+2007, U+2009 between the groups.
  await dialog
    .getByRole('textbox', { name: 'IBAN' })
    .fill('FR76\u00A03000\u202F6000\u20070112\u20093456\u00A07890\u00A0189');
  await dialog.getByRole('textbox', { name: 'BIC' }).fill('BNPA\u00A0FR\u202FPP');
  await dialog.getByRole('textbox', { name: 'Holder name' }).click();
  await expect(dialog.getByText('An IBAN has only letters and digits')).toBeHidden();
  await dialog.getByRole('button', { name: 'Add bank account' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: /0189/ })).toContainText('•••• 0189');

  // The API (the sandbox's own check) takes them too, with a tab and a line break.
  const account = await agentApi.addBankAccount(customer.id ?? '', {
    iban: 'DE89\u00A03704\u202F0044\u20070532\u2009013\t0\n00',
    holder_name: customer.fullName,
    currency: 'EUR',
  });
  expect(account.iban).toBe('DE89370400440532013000');
});

test('a page past the last goes to the last page, and an unknown size is put right in the URL', async ({
  page,
  agentApi,
}) => {
  const count = await agentApi.customerCount();
  const last = Math.max(1, Math.ceil(count / 10));
  expect(last, 'the e2e data fill more than one page of 10').toBeGreaterThan(1);
  await signIn(page, 'agent');

  await page.goto('/customers?page=999&size=10');
  await expect(page).toHaveURL(new RegExp(`/customers\\?page=${last}&size=10$`));
  await expect(page.getByText(pageOf(last, count, 10))).toBeVisible();
  await expect(customerRows(page).first()).toBeVisible();
  await expect(page.getByText('This page is empty')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Next' })).toBeDisabled();
  await page.getByRole('button', { name: 'Previous' }).click();
  await expect(page).toHaveURL(new RegExp(`page=${last - 1}&size=10$`));
  await expect(page.getByText(pageOf(last - 1, count, 10))).toBeVisible();
  // The URL past the end was replaced, not kept in the history.
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`page=${last}&size=10$`));

  await page.goto('/customers?size=7');
  await expect(page).toHaveURL(/\/customers$/);
  await expect(page.getByRole('combobox', { name: 'Rows per page' })).toHaveValue('20');
  await expect(page.getByText(pageOf(1, count, 20))).toBeVisible();

  await page.goto('/customers?page=2&size=abc');
  await expect(page).toHaveURL(/\/customers\?page=2$/);
  await expect(page.getByText(pageOf(2, count, 20))).toBeVisible();
});

test('a busy API (429) says how long in words, counts down and tries again by itself', async ({
  page,
  faults,
}) => {
  await signIn(page, 'agent');
  await expect(customerRows(page).first()).toBeVisible();
  // Longer than the proxy's own deadline, so the 429 reaches the dashboard.
  await faults.set({ operation: 'listAllCustomers', status: 429, retry_after_s: 9 });
  await page.getByRole('combobox', { name: 'Rows per page' }).selectOption('50');
  const alert = page.getByRole('alert').filter({ hasText: 'The customers could not be loaded' });
  const busy = /The Fintecture API is busy; trying again in (\d) seconds?/;
  await expect(alert).toContainText(busy, { timeout: 20_000 });
  await expect(alert).not.toContainText('Retry-After');
  await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible();
  // It counts down.
  const first = Number(busy.exec((await alert.textContent()) ?? '')?.[1]);
  await expect
    .poll(async () => Number(busy.exec((await alert.textContent()) ?? '')?.[1] ?? first))
    .toBeLessThan(first);
  // Once the API is free again, the list comes without a click.
  await faults.clear();
  await expect(customerRows(page)).not.toHaveCount(0, { timeout: 20_000 });
  await expect(alert).toBeHidden();
});

test('a failed load keeps the last known total beside the error', async ({
  page,
  agentApi,
  faults,
}) => {
  const count = await agentApi.customerCount();
  await signIn(page, 'agent');
  const total = page.getByText(`${count} customers`, { exact: true });
  await expect(total).toBeVisible();
  await faults.set({ operation: 'listAllCustomers', status: 503, retry_after_s: 0 });
  await page.getByRole('combobox', { name: 'Rows per page' }).selectOption('50');
  const alert = page.getByRole('alert').filter({ hasText: 'The customers could not be loaded' });
  await expect(alert).toBeVisible({ timeout: 20_000 });
  await expect(total).toBeVisible();
  await faults.clear();
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(customerRows(page).first()).toBeVisible();
  await expect(total).toBeVisible();
});

test('a viewer opening the create page is sent to the list and told why', async ({ page }) => {
  await signIn(page, 'viewer');
  await page.goto('/customers/new');
  await expect(page).toHaveURL(/\/customers$/);
  const notice = page
    .getByRole('status')
    .filter({ hasText: 'Only agents can create customers; your role is viewer.' });
  await expect(notice).toBeVisible();
  await expect(customerRows(page).first()).toBeVisible();
  // It goes with the list's first change.
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(notice).toBeHidden();
});
