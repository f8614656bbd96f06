import { customerRows, expect, signIn, test } from './fixtures';

test('a slow API shows the loading skeleton, then the customers', async ({ page, faults }) => {
  await signIn(page, 'agent');
  await faults.set({ operation: 'listAllCustomers', latency_ms: 2500 });
  await page.goto('/customers?size=50');
  await expect(page.getByRole('table')).toHaveAttribute('aria-busy', 'true');
  await expect(customerRows(page).first()).toBeVisible({ timeout: 15_000 });
});

test('an unavailable API is explained, with the upstream message and a retry that works', async ({
  page,
  faults,
}) => {
  await signIn(page, 'agent');
  await faults.set({ operation: 'listAllCustomers', status: 503, retry_after_s: 0 });
  await page.goto('/customers?page=2');
  const alert = page.getByRole('alert').filter({ hasText: 'The customers could not be loaded' });
  await expect(alert).toBeVisible({ timeout: 20_000 });
  await expect(alert).toContainText('temporarily unavailable');
  await expect(page.getByRole('status').filter({ hasText: 'cannot be reached' })).toBeVisible();
  await faults.clear();
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(customerRows(page).first()).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'cannot be reached' })).toBeHidden();
});

test('a malformed answer is reported as such, and retry recovers', async ({
  page,
  faults,
  customer,
}) => {
  await signIn(page, 'agent');
  // Before the customer opens: their page reads the accounts at once (the onboarding's steps).
  await faults.set({ operation: 'listAllCustomerBankAccounts', malformed: true });
  await page.getByRole('link', { name: customer.fullName }).click();
  await expect(page).toHaveURL(`/customers/${customer.id}`);
  await page.getByRole('tab', { name: 'Bank accounts' }).click();
  const alert = page
    .getByRole('alert')
    .filter({ hasText: 'The bank accounts could not be loaded' });
  await expect(alert).toBeVisible({ timeout: 20_000 });
  await expect(alert).toContainText('malformed');
  await faults.clear();
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(alert).toBeHidden();
  await expect(page.getByText('No bank account yet')).toBeVisible();
});

test('a create that fails upstream keeps every value and succeeds on the next try', async ({
  page,
  faults,
  agentApi,
  unique,
}) => {
  const before = await agentApi.customerCount();
  await signIn(page, 'agent');
  await page.goto('/customers/new');
  await page.getByRole('textbox', { name: 'First name' }).fill('Ines');
  await page.getByRole('textbox', { name: 'Last name' }).fill('Fault');
  await page
    .getByRole('textbox', { name: 'Email' })
    .fill(`ines.fault.${unique.toLowerCase()}@example.es`);
  await page.getByRole('textbox', { name: 'Phone' }).fill('+34 600 111 222');
  await faults.set({ operation: 'createCustomer', status: 503, times: 1 });
  await page.getByRole('button', { name: 'Create customer' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'The customer was not created' }),
  ).toContainText('temporarily unavailable');
  await expect(page.getByRole('textbox', { name: 'First name' })).toHaveValue('Ines');
  await expect(page.getByRole('textbox', { name: 'Phone' })).toHaveValue('+34 600 111 222');
  expect(await agentApi.customerCount(), 'customers after the refused create').toBe(before);
  await page.getByRole('button', { name: 'Create customer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ines Fault' })).toBeVisible();
  expect(await agentApi.customerCount(), 'customers after the second try').toBe(before + 1);
});

test('leaving a form with unsaved input asks first', async ({ page }) => {
  await signIn(page, 'agent');
  await page.goto('/customers/new');
  await page.getByRole('textbox', { name: 'First name' }).fill('Half');
  await page.getByRole('link', { name: 'Customers' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Leave without saving?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Stay' }).click();
  await expect(page.getByRole('textbox', { name: 'First name' })).toHaveValue('Half');
  await page.getByRole('link', { name: 'Customers' }).first().click();
  await page
    .getByRole('dialog', { name: 'Leave without saving?' })
    .getByRole('button', { name: 'Leave' })
    .click();
  await expect(page).toHaveURL(/\/customers$/);
});
