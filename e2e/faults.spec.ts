import { clearFaults, expect, setFault, signIn, test } from './fixtures';

test.afterEach(clearFaults);

test('a slow API shows the loading skeleton, then the customers', async ({ page }) => {
  await signIn(page, 'agent');
  await setFault({ operation: 'listAllCustomers', latency_ms: 2500 });
  await page.goto('/customers?size=50');
  await expect(page.getByRole('table')).toHaveAttribute('aria-busy', 'true');
  await expect(page.getByRole('table').locator('tbody tr').first().locator('a')).toBeVisible({
    timeout: 15_000,
  });
});

test('an unavailable API is explained, with the upstream message and a retry that works', async ({
  page,
}) => {
  await signIn(page, 'agent');
  await setFault({ operation: 'listAllCustomers', status: 503, retry_after_s: 0 });
  await page.goto('/customers?page=2');
  const alert = page.getByRole('alert').filter({ hasText: 'The customers could not be loaded' });
  await expect(alert).toBeVisible({ timeout: 20_000 });
  await expect(alert).toContainText('temporarily unavailable');
  await expect(page.getByRole('status').filter({ hasText: 'cannot be reached' })).toBeVisible();
  await clearFaults();
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('table').locator('tbody tr').first().locator('a')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'cannot be reached' })).toBeHidden();
});

test('a malformed answer is reported as such, and retry recovers', async ({ page }) => {
  await signIn(page, 'agent');
  await page.getByRole('table').locator('tbody tr').first().locator('a').click();
  await expect(page).toHaveURL(/\/customers\/[^/]+$/);
  await setFault({ operation: 'listAllCustomerBankAccounts', malformed: true });
  await page.getByRole('tab', { name: 'Bank accounts' }).click();
  const alert = page
    .getByRole('alert')
    .filter({ hasText: 'The bank accounts could not be loaded' });
  await expect(alert).toBeVisible({ timeout: 20_000 });
  await expect(alert).toContainText('malformed');
  await clearFaults();
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(alert).toBeHidden();
  await expect(page.getByText(/\d+ bank accounts?|No bank account yet/).first()).toBeVisible();
});

test('a create that fails upstream keeps every value and succeeds on the next try', async ({
  page,
}) => {
  await signIn(page, 'agent');
  await page.goto('/customers/new');
  await page.getByRole('textbox', { name: 'First name' }).fill('Ines');
  await page.getByRole('textbox', { name: 'Last name' }).fill('Fault');
  await page.getByRole('textbox', { name: 'Email' }).fill('ines.fault@example.es');
  await page.getByRole('textbox', { name: 'Phone' }).fill('+34 600 111 222');
  await setFault({ operation: 'createCustomer', status: 503, times: 1 });
  await page.getByRole('button', { name: 'Create customer' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'The customer was not created' }),
  ).toContainText('temporarily unavailable');
  await expect(page.getByRole('textbox', { name: 'First name' })).toHaveValue('Ines');
  await expect(page.getByRole('textbox', { name: 'Phone' })).toHaveValue('+34 600 111 222');
  await page.getByRole('button', { name: 'Create customer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ines Fault' })).toBeVisible();
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
