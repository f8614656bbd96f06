import { clearFaults, expect, signIn, test } from './fixtures';

test.afterEach(clearFaults);

test('an agent follows a deep link, signs in and lands where they were going', async ({ page }) => {
  await page.goto('/customers?page=2&size=10');
  await expect(page).toHaveURL(/\/login\?next=/);
  await page.getByRole('textbox', { name: 'Username' }).fill('e2e-agent');
  await page.getByRole('textbox', { name: 'Password' }).fill('wrong-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('The username or password is wrong.');
  await page.getByRole('textbox', { name: 'Password' }).fill('agent-password-e2e');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/customers\?page=2&size=10$/);
  await expect(page.getByText('Page 2 of 5')).toBeVisible();
});

test('an agent pages through the customers and the URL keeps the place', async ({ page }) => {
  await signIn(page, 'agent');
  await expect(page.getByText('45 customers')).toBeVisible();
  await expect(page.getByText('Page 1 of 3')).toBeVisible();
  const firstRow = page.getByRole('table').locator('tbody tr').first();
  const firstName = await firstRow.locator('a').innerText();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByText('Page 2 of 3')).toBeVisible();
  await expect(firstRow.locator('a')).not.toHaveText(firstName);

  await page.getByRole('combobox', { name: 'Rows per page' }).selectOption('10');
  await expect(page).toHaveURL(/size=10/);
  await expect(page.getByText('Page 1 of 5')).toBeVisible();
  await expect(page.getByRole('table').locator('tbody tr')).toHaveCount(10);
  await page.reload();
  await expect(page.getByText('Page 1 of 5')).toBeVisible();

  await page.getByRole('textbox', { name: 'Filter this page' }).fill(firstName.split(' ')[0]!);
  await expect(page.getByRole('table').locator('tbody tr').first()).toContainText(
    firstName.split(' ')[0]!,
  );

  // Keyboard only: the name is a link, Enter opens the customer.
  await page.getByRole('textbox', { name: 'Filter this page' }).fill('');
  await page.getByRole('link', { name: firstName }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: firstName })).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/size=10/);
});

test('an agent creates a customer, fixing what was refused, without losing a value', async ({
  page,
}) => {
  await signIn(page, 'agent');
  await page.getByRole('link', { name: 'New customer' }).first().click();
  await page.getByRole('textbox', { name: 'First name' }).fill('Zoë');
  await page.getByRole('textbox', { name: 'Last name' }).fill('Müller-Lüdenscheidt');
  await page.getByRole('textbox', { name: 'Email' }).fill('zoe.mueller@');
  await page.getByRole('textbox', { name: 'Company' }).fill('Müller GmbH');
  await expect(page.getByText('Enter a valid email address')).toBeVisible();
  await page.getByRole('textbox', { name: 'Email' }).fill('zoe.mueller@example.de');
  await expect(page.getByText('Enter a valid email address')).toBeHidden();
  // An external id that another customer already has: the server refuses it under the field.
  await page.getByRole('textbox', { name: 'External ID' }).fill('CRM-000001');
  await page.getByRole('button', { name: 'Create customer' }).click();
  await expect(page.getByText('Another customer already has this external id.')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'First name' })).toHaveValue('Zoë');
  await expect(page.getByRole('textbox', { name: 'Company' })).toHaveValue('Müller GmbH');
  await expect(page.getByRole('textbox', { name: 'Email' })).toHaveValue('zoe.mueller@example.de');

  await page.getByRole('textbox', { name: 'External ID' }).fill('CRM-E2E-1');
  await page.getByRole('button', { name: 'Create customer' }).dblclick();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Zoë Müller-Lüdenscheidt' }),
  ).toBeVisible();
  await expect(page.getByText('Customer created')).toBeVisible();
  await expect(page.getByText('CRM-E2E-1')).toBeVisible();

  // The double click made one customer.
  await page.goto('/customers');
  await expect(page.getByText('46 customers')).toBeVisible();
});

test('an agent adds a bank account with a mistyped IBAN, sees why, then a valid one', async ({
  page,
}) => {
  await signIn(page, 'agent');
  const name = await page.getByRole('table').locator('tbody tr').first().locator('a').innerText();
  await page.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await page.getByRole('tab', { name: 'Bank accounts' }).click();
  await expect(page).toHaveURL(/\/bank-accounts$/);
  await page.getByRole('button', { name: 'Add bank account' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add bank account' });
  await expect(dialog.getByRole('textbox', { name: 'Holder name' })).toHaveValue(name);
  await dialog.getByRole('textbox', { name: 'IBAN' }).fill('FR76 3000 6000 0112 3456 7890 188');
  await dialog.getByRole('textbox', { name: 'BIC' }).fill('BNPAFR');
  await dialog.getByRole('textbox', { name: 'Holder name' }).click();
  await expect(dialog.getByText('The check digits do not match')).toBeVisible();
  await expect(dialog.getByText('A BIC has 8 or 11 characters; this one has 6')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'IBAN' }).fill('FR76 3000 6000 0112 3456 7890 189');
  await dialog.getByRole('textbox', { name: 'BIC' }).fill('BNPAFRPP');
  await dialog.getByRole('button', { name: 'Add bank account' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole('row', { name: /0189/ });
  await expect(row).toContainText('•••• 0189');
  await expect(row).not.toContainText('3000 6000');
  await row.getByRole('button', { name: 'Show IBAN' }).click();
  await expect(page.getByText('FR76 3000 6000 0112 3456 7890 189')).toBeVisible();
});

test('an agent starts a verification and sees it resolve without reloading', async ({ page }) => {
  await signIn(page, 'agent');
  await page.getByRole('link', { name: 'New customer' }).first().click();
  await page.getByRole('textbox', { name: 'First name' }).fill('Jean-Pierre');
  await page.getByRole('textbox', { name: 'Last name' }).fill('Dupont');
  await page.getByRole('textbox', { name: 'Email' }).fill('jp.dupont@example.fr');
  await page.getByRole('button', { name: 'Create customer' }).click();
  await page.getByRole('tab', { name: 'Bank accounts' }).click();
  await page.getByRole('button', { name: 'Add bank account' }).click();
  const accountDialog = page.getByRole('dialog', { name: 'Add bank account' });
  await accountDialog.getByRole('textbox', { name: 'IBAN' }).fill('DE89370400440532013000');
  await accountDialog.getByRole('textbox', { name: 'Holder name' }).fill('DUPONT JEAN PIERRE');
  await accountDialog.getByRole('button', { name: 'Add bank account' }).click();
  await expect(page.getByRole('row', { name: /3000/ })).toContainText('Unverified');

  await page.getByRole('tab', { name: 'Verifications' }).click();
  await page.getByRole('button', { name: 'Start verification' }).click();
  const dialog = page.getByRole('dialog', { name: 'Start verification' });
  await expect(dialog.getByRole('textbox', { name: 'Expected name' })).toHaveValue(
    'Jean-Pierre Dupont',
  );
  await dialog.getByRole('button', { name: 'Start verification' }).click();
  const row = page.getByRole('table').locator('tbody tr').first();
  await expect(row).toContainText('Pending');
  await expect(row).toContainText('Verified', { timeout: 15_000 });
  await expect(row).toContainText('100');
  await expect(page.getByText('Verification resolved')).toBeVisible();

  await row.getByRole('link').click();
  await expect(page).toHaveURL(/\/verifications\/[0-9a-f-]+$/);
  await page.reload();
  await expect(page.getByText('Verification ID')).toBeVisible();
  await page.getByRole('tab', { name: 'Bank accounts' }).click();
  await expect(page.getByRole('row', { name: /3000/ })).toContainText('Verified');
});

test('deep links open the right tab after a reload, and unknown ids say not found', async ({
  page,
}) => {
  await signIn(page, 'agent');
  await page.getByRole('table').locator('tbody tr').first().locator('a').click();
  await expect(page).toHaveURL(/\/customers\/[^/]+$/);
  const url = page.url();
  await page.goto(`${url}/verifications`);
  await expect(page.getByRole('tab', { name: 'Verifications' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await page.reload();
  await expect(page.getByRole('tab', { name: 'Verifications' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await page.goto(`${url}/bank-accounts`);
  await expect(page.getByRole('tab', { name: 'Bank accounts' })).toHaveAttribute(
    'aria-selected',
    'true',
  );

  await page.goto('/customers/no-such-customer');
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
  await page.goto(`${url}/bank-accounts/no-such-account`);
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
  await page.goto('/somewhere/else');
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
});

test('an agent signs out from the user menu', async ({ page }) => {
  await signIn(page, 'agent');
  await page.getByRole('button', { name: 'Account menu for e2e-agent' }).click();
  await expect(page.getByText('Signed in as e2e-agent (agent)')).toBeVisible();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await page.goto('/customers');
  await expect(page).toHaveURL(/\/login/);
});
