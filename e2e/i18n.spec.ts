import type { Page } from '@playwright/test';
import { ACCOUNTS } from './env';
import { customerRows, expect, isSignInAnswer, signIn, test } from './fixtures';

/** Signs in from the French sign-in page (the shared `signIn` reads the English labels). */
async function signInInFrench(page: Page, path = '/customers'): Promise<void> {
  await page.goto(path);
  await page.getByRole('textbox', { name: "Nom d'utilisateur" }).fill(ACCOUNTS.agent.username);
  await page.getByRole('textbox', { name: 'Mot de passe' }).fill(ACCOUNTS.agent.password);
  const answer = page.waitForResponse(isSignInAnswer);
  await page.getByRole('button', { name: 'Connexion' }).click();
  expect((await answer).status(), 'sign-in answer').toBe(200);
  await expect(
    page.getByRole('button', { name: `Menu du compte de ${ACCOUNTS.agent.username}` }),
  ).toBeVisible();
}

/** What the list shows for a count and a date in French, as the browser formats them. */
const frenchCount = (count: number) => new Intl.NumberFormat('fr-FR').format(count);
const frenchDate = (iso: string) =>
  new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium' }).format(new Date(iso));

test.describe('with a French browser', () => {
  test.use({ locale: 'fr-FR' });

  test('the sign-in page, its refusal and the customer list speak French, dates and numbers too', async ({
    page,
    agentApi,
    customer,
  }) => {
    await page.goto('/customers');
    await expect(page).toHaveURL(/\/login\?next=/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page).toHaveTitle('Connexion — Sandbox (émulé)');
    await expect(page.getByRole('heading', { level: 1, name: 'Connexion' })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Langue' })).toHaveValue('fr');
    // Not one English word of the page on the way.
    await expect(page.getByText('Username')).toHaveCount(0);

    await page.getByRole('textbox', { name: "Nom d'utilisateur" }).fill(ACCOUNTS.agent.username);
    await page.getByRole('textbox', { name: 'Mot de passe' }).fill('wrong-password');
    const answer = page.waitForResponse(isSignInAnswer);
    await page.getByRole('button', { name: 'Connexion' }).click();
    expect((await answer).status()).toBe(401);
    // The proxy's own refusal, by its code, in French.
    await expect(page.getByRole('alert')).toHaveText(
      "Le nom d'utilisateur ou le mot de passe est incorrect.",
    );
    await expect(page.getByRole('textbox', { name: "Nom d'utilisateur" })).toHaveValue(
      ACCOUNTS.agent.username,
    );

    await signInInFrench(page);
    const count = await agentApi.customerCount();
    await expect(page.getByRole('heading', { level: 1, name: 'Clients' })).toBeVisible();
    await expect(page.getByText(`${frenchCount(count)} clients`, { exact: true })).toBeVisible();
    await expect(
      page.getByText(`Page 1 sur ${frenchCount(Math.max(1, Math.ceil(count / 20)))}`),
    ).toBeVisible();
    for (const header of ['Nom', 'Statut', 'Société', 'E-mail', 'Téléphone', 'ID externe'])
      await expect(page.getByRole('columnheader', { name: header, exact: true })).toBeVisible();
    const row = customerRows(page).filter({ hasText: customer.fullName });
    await expect(row).toContainText(frenchDate(customer.created_at!));
    await expect(row).toContainText('Non vérifié');
    await expect(page.getByRole('link', { name: 'Nouveau client' })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Lignes par page' })).toBeVisible();
    // The index line: French words and a French relative time, never "updated maintenant".
    const indexLine = page.getByTestId('index-status');
    await expect(indexLine).toHaveText(/^Index(ation)?/);
    await expect(indexLine).not.toContainText('updated');
    await expect(page.getByRole('navigation', { name: 'Principale' })).toContainText(
      'Vérifications',
    );
  });

  test('a refused create says why in French and keeps every value', async ({
    page,
    faults,
    unique,
  }) => {
    await signInInFrench(page, '/customers/new');
    await expect(page.getByRole('heading', { level: 1, name: 'Nouveau client' })).toBeVisible();
    await page.getByRole('textbox', { name: 'Prénom' }).fill('Élodie');
    await page.getByRole('textbox', { name: 'Nom', exact: true }).fill(`Marchand${unique}`);
    const email = page.getByRole('textbox', { name: 'E-mail' });
    await email.fill('elodie.marchand');
    await page.getByRole('textbox', { name: 'Téléphone' }).fill('12');
    await page.getByRole('textbox', { name: 'Société' }).fill('Boulangerie Marchand');
    await page.getByRole('button', { name: 'Créer le client' }).click();
    // The dashboard's own rules, in French, under their fields.
    await expect(email).toHaveAccessibleDescription(
      'Saisissez une adresse e-mail valide, par ex. nom@exemple.com',
    );
    await expect(
      page.getByText(/^Un numéro de téléphone compte au moins six chiffres/),
    ).toBeVisible();

    await email.fill(`elodie.${unique.toLowerCase()}@example.fr`);
    await page.getByRole('textbox', { name: 'Téléphone' }).fill('+33 6 12 34 56 78');
    await faults.set({ operation: 'createCustomer', status: 503, times: 1 });
    await page.getByRole('button', { name: 'Créer le client' }).click();
    // The title is the dashboard's (French); the upstream's own words pass through as they come.
    const refusal = page.getByRole('alert').filter({ hasText: "Le client n'a pas été créé" });
    await expect(refusal).toBeVisible();
    await expect(refusal).toContainText('temporarily unavailable');
    await expect(refusal).toContainText('Référence\u00a0:');
    await expect(page.getByRole('textbox', { name: 'Prénom' })).toHaveValue('Élodie');
    await expect(page.getByRole('textbox', { name: 'Nom', exact: true })).toHaveValue(
      `Marchand${unique}`,
    );
    await expect(email).toHaveValue(`elodie.${unique.toLowerCase()}@example.fr`);
    await expect(page.getByRole('textbox', { name: 'Téléphone' })).toHaveValue('+33 6 12 34 56 78');
    await expect(page.getByRole('textbox', { name: 'Société' })).toHaveValue(
      'Boulangerie Marchand',
    );
  });

  test('the user menu switches to English and back, remembered after a reload, <html lang> following', async ({
    page,
  }) => {
    await signInInFrench(page);
    const html = page.locator('html');
    await expect(html).toHaveAttribute('lang', 'fr');
    await page
      .getByRole('button', { name: `Menu du compte de ${ACCOUNTS.agent.username}` })
      .click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();
    await expect(html).toHaveAttribute('lang', 'en');
    await expect(page).toHaveTitle('Customers — Sandbox (emulated)');
    await expect(page).toHaveURL(/\/customers$/);

    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();
    await expect(html).toHaveAttribute('lang', 'en');

    await page.getByRole('button', { name: `Account menu for ${ACCOUNTS.agent.username}` }).click();
    await expect(page.getByRole('menuitem', { name: 'English' })).toHaveAttribute(
      'aria-current',
      'true',
    );
    await page.getByRole('menuitem', { name: 'Français' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Clients' })).toBeVisible();
    await expect(html).toHaveAttribute('lang', 'fr');
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Clients' })).toBeVisible();
  });

  test('the sign-in page switches language too, and the choice holds after sign-in', async ({
    page,
  }) => {
    await page.goto('/login');
    await page.getByRole('combobox', { name: 'Langue' }).selectOption('en');
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await signIn(page, 'agent');
    await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();
  });
});

test('an English browser gets English, with English dates and numbers', async ({
  page,
  agentApi,
  customer,
}) => {
  await page.goto('/login');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Language' })).toHaveValue('en');
  await signIn(page, 'agent');
  const count = await agentApi.customerCount();
  await expect(
    page.getByText(`${new Intl.NumberFormat('en-GB').format(count)} customers`, { exact: true }),
  ).toBeVisible();
  const created = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' }).format(
    new Date(customer.created_at!),
  );
  await expect(customerRows(page).filter({ hasText: customer.fullName })).toContainText(created);
  await expect(page.getByTestId('index-status')).not.toContainText('mis à jour');
});

test('a refused create says why in English and keeps every value', async ({
  page,
  faults,
  unique,
}) => {
  await signIn(page, 'agent', '/customers/new');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'New customer' })).toBeVisible();
  await page.getByRole('textbox', { name: 'First name' }).fill('Olivia');
  await page.getByRole('textbox', { name: 'Last name' }).fill(`Bennett${unique}`);
  const email = page.getByRole('textbox', { name: 'Email' });
  await email.fill('olivia.bennett');
  await page.getByRole('textbox', { name: 'Phone' }).fill('12');
  await page.getByRole('textbox', { name: 'Company' }).fill('Bennett & Sons');
  await page.getByRole('button', { name: 'Create customer' }).click();
  await expect(email).toHaveAccessibleDescription(
    'Enter a valid email address, like name@example.com',
  );
  await expect(page.getByText(/^A phone number has at least six digits/)).toBeVisible();

  await email.fill(`olivia.${unique.toLowerCase()}@example.co.uk`);
  await page.getByRole('textbox', { name: 'Phone' }).fill('+44 20 7946 0958');
  await faults.set({ operation: 'createCustomer', status: 503, times: 1 });
  await page.getByRole('button', { name: 'Create customer' }).click();
  const refusal = page.getByRole('alert').filter({ hasText: 'The customer was not created' });
  await expect(refusal).toBeVisible();
  await expect(refusal).toContainText('temporarily unavailable');
  await expect(refusal).toContainText('Reference: ');
  await expect(page.getByRole('textbox', { name: 'First name' })).toHaveValue('Olivia');
  await expect(page.getByRole('textbox', { name: 'Last name' })).toHaveValue(`Bennett${unique}`);
  await expect(email).toHaveValue(`olivia.${unique.toLowerCase()}@example.co.uk`);
  await expect(page.getByRole('textbox', { name: 'Phone' })).toHaveValue('+44 20 7946 0958');
  await expect(page.getByRole('textbox', { name: 'Company' })).toHaveValue('Bennett & Sons');
});

test('switching language keeps what is typed, the page and its errors’ place', async ({
  page,
  unique,
}) => {
  await signIn(page, 'agent', '/customers/new');
  await expect(page.getByRole('heading', { level: 1, name: 'New customer' })).toBeVisible();
  await page.getByRole('textbox', { name: 'First name' }).fill('Amélie');
  await page.getByRole('textbox', { name: 'Last name' }).fill(`Poulain${unique}`);
  await page.getByRole('textbox', { name: 'Email' }).fill('amelie.poulain');
  await page.getByRole('textbox', { name: 'Company' }).fill('Café des 2 Moulins');
  await page.getByRole('textbox', { name: 'First name' }).click();
  await expect(page.getByRole('textbox', { name: 'Email' })).toHaveAccessibleDescription(
    'Enter a valid email address, like name@example.com',
  );

  await page.getByRole('button', { name: `Account menu for ${ACCOUNTS.agent.username}` }).click();
  await page.getByRole('menuitem', { name: 'Français' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nouveau client' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page).toHaveTitle('Nouveau client — Sandbox (émulé)');
  // Every value is still there, under its field's French label.
  await expect(page.getByRole('textbox', { name: 'Prénom' })).toHaveValue('Amélie');
  await expect(page.getByRole('textbox', { name: 'Nom', exact: true })).toHaveValue(
    `Poulain${unique}`,
  );
  const email = page.getByRole('textbox', { name: 'E-mail' });
  await expect(email).toHaveValue('amelie.poulain');
  await expect(page.getByRole('textbox', { name: 'Société' })).toHaveValue('Café des 2 Moulins');
  // The field's error is still said, and in French once the field is checked again.
  await email.fill('amelie.poulain@');
  await expect(email).toHaveAccessibleDescription(
    'Saisissez une adresse e-mail valide, par ex. nom@exemple.com',
  );
  // And leaving still asks first: the typed input is known to be there.
  await page.getByRole('link', { name: 'Clients' }).first().click();
  await expect(page.getByRole('dialog', { name: 'Quitter sans enregistrer\u202f?' })).toBeVisible();
});
