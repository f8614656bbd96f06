import { customerRows, expect, isSignInAnswer, pageOf, signIn, test } from './fixtures';

test('an agent follows a deep link, signs in and lands where they were going', async ({
  page,
  agentApi,
}) => {
  const count = await agentApi.customerCount();
  await page.goto('/customers?page=2&size=10');
  await expect(page).toHaveURL(/\/login\?next=/);
  await page.getByRole('textbox', { name: 'Username' }).fill('e2e-agent');
  await page.getByRole('textbox', { name: 'Password' }).fill('wrong-password');
  let answer = page.waitForResponse(isSignInAnswer);
  await page.getByRole('button', { name: 'Sign in' }).click();
  expect((await answer).status(), 'answer to a wrong password').toBe(401);
  await expect(page.getByRole('alert')).toContainText('The username or password is wrong.');
  await page.getByRole('textbox', { name: 'Password' }).fill('agent-password-e2e');
  answer = page.waitForResponse(isSignInAnswer);
  await page.getByRole('button', { name: 'Sign in' }).click();
  expect((await answer).status(), 'answer to the right password').toBe(200);
  await expect(page).toHaveURL(/\/customers\?page=2&size=10$/);
  await expect(page.getByText(pageOf(2, count, 10))).toBeVisible();
});

test('an agent pages through the customers and the URL keeps the place', async ({
  page,
  agentApi,
  customer,
  unique,
}) => {
  const count = await agentApi.customerCount();
  await signIn(page, 'agent');
  await expect(page.getByText(`${count} customers`, { exact: true })).toBeVisible();
  await expect(page.getByText(pageOf(1, count, 20))).toBeVisible();
  // Newest first: the customer this test made leads the list.
  const firstLink = customerRows(page).first().getByRole('link');
  await expect(firstLink).toHaveText(customer.fullName);
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByText(pageOf(2, count, 20))).toBeVisible();
  await expect(firstLink).not.toHaveText(customer.fullName);

  await page.getByRole('combobox', { name: 'Rows per page' }).selectOption('10');
  await expect(page).toHaveURL(/size=10/);
  await expect(page.getByText(pageOf(1, count, 10))).toBeVisible();
  await expect(customerRows(page)).toHaveCount(10);
  await page.reload();
  await expect(page.getByText(pageOf(1, count, 10))).toBeVisible();

  await page.getByRole('textbox', { name: 'Filter this page' }).fill(unique);
  await expect(customerRows(page)).toHaveCount(1);
  await expect(customerRows(page)).toContainText(customer.fullName);

  // Keyboard only: the name is a link, Enter opens the customer.
  await page.getByRole('textbox', { name: 'Filter this page' }).fill('');
  await expect(customerRows(page)).toHaveCount(10);
  await page.getByRole('link', { name: customer.fullName }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: customer.fullName })).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/size=10/);
});

test('an agent creates a customer, fixing what was refused, without losing a value', async ({
  page,
  agentApi,
  customer,
  unique,
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
  await page.getByRole('textbox', { name: 'External ID' }).fill(customer.external_id!);
  await page.getByRole('button', { name: 'Create customer' }).click();
  await expect(page.getByText('Another customer already has this external id.')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'First name' })).toHaveValue('Zoë');
  await expect(page.getByRole('textbox', { name: 'Company' })).toHaveValue('Müller GmbH');
  await expect(page.getByRole('textbox', { name: 'Email' })).toHaveValue('zoe.mueller@example.de');

  const before = await agentApi.customerCount();
  const externalId = `CRM-E2E-${unique.toUpperCase()}`;
  await page.getByRole('textbox', { name: 'External ID' }).fill(externalId);
  await page.getByRole('button', { name: 'Create customer' }).dblclick();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Zoë Müller-Lüdenscheidt' }),
  ).toBeVisible();
  await expect(page.getByText('Customer created')).toBeVisible();
  await expect(page.getByText(externalId)).toBeVisible();

  // The double click made one customer.
  await page.goto('/customers');
  await expect(page.getByText(`${before + 1} customers`, { exact: true })).toBeVisible();
  expect(await agentApi.customerCount()).toBe(before + 1);
});

test('an agent adds a bank account with a mistyped IBAN, sees why, then a valid one', async ({
  page,
  customer,
}) => {
  await signIn(page, 'agent');
  await page.getByRole('link', { name: customer.fullName }).click();
  await expect(page.getByRole('heading', { level: 1, name: customer.fullName })).toBeVisible();
  await page.getByRole('tab', { name: 'Bank accounts' }).click();
  await expect(page).toHaveURL(/\/bank-accounts$/);
  await page.getByRole('button', { name: 'Add bank account' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add bank account' });
  await expect(dialog.getByRole('textbox', { name: 'Holder name' })).toHaveValue(customer.fullName);
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

test('an agent starts a verification and sees it resolve without reloading', async ({
  page,
  unique,
}) => {
  await signIn(page, 'agent');
  await page.getByRole('link', { name: 'New customer' }).first().click();
  await page.getByRole('textbox', { name: 'First name' }).fill('Jean-Pierre');
  await page.getByRole('textbox', { name: 'Last name' }).fill('Dupont');
  await page
    .getByRole('textbox', { name: 'Email' })
    .fill(`jp.dupont.${unique.toLowerCase()}@example.fr`);
  await page.getByRole('button', { name: 'Create customer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Jean-Pierre Dupont' })).toBeVisible();
  await page.getByRole('tab', { name: 'Bank accounts' }).click();
  await page.getByRole('button', { name: 'Add bank account' }).click();
  const accountDialog = page.getByRole('dialog', { name: 'Add bank account' });
  await accountDialog.getByRole('textbox', { name: 'IBAN' }).fill('DE89370400440532013000');
  await accountDialog.getByRole('textbox', { name: 'Holder name' }).fill('DUPONT JEAN PIERRE');
  await accountDialog.getByRole('button', { name: 'Add bank account' }).click();
  await expect(page.getByRole('row', { name: /3000/ })).toContainText('Unverified');

  await page.getByRole('tab', { name: 'Verifications' }).click();
  // The tab's own button (the first is the onboarding's next step, which opens the same dialog).
  await page.getByRole('button', { name: 'Start verification', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Start verification' });
  await expect(dialog.getByRole('textbox', { name: 'Expected name' })).toHaveValue(
    'Jean-Pierre Dupont',
  );
  // The bank is one of the upstream's providers, searched by name; the customer has no address,
  // so those of their account's country (a German IBAN) are offered.
  await expect(dialog.getByText(/among the \d+ of DE/)).toBeVisible();
  await dialog.getByRole('combobox', { name: 'Provider' }).fill('commerz');
  await page.getByRole('option', { name: /Commerzbank/ }).click();
  await dialog.getByRole('button', { name: 'Start verification' }).click();
  // The first row under the header: this customer's one verification.
  const row = page.getByRole('table').getByRole('row').nth(1);
  await expect(row).toContainText('Pending');
  await expect(row).toContainText('Verified', { timeout: 15_000 });
  await expect(row).toContainText('100');
  // One notice, naming the customer, though the page and the live stream both saw it resolve.
  const notices = page
    .getByRole('alert')
    .filter({ hasText: 'Jean-Pierre Dupont: verification verified' });
  await expect(notices).toHaveCount(1);
  await expect(notices).toContainText('Match score 100%');

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
  await customerRows(page).first().getByRole('link').click();
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
