import { ACCOUNTS } from './env';
import { expect, signIn, test } from './fixtures';

/*
 * The e2e stacks embed the sandbox (e2e/server.ts), as `npm start` does: the
 * dashboard must say so on every page and in every tab's title. The other
 * kinds (Fintecture's sandbox, production, another API) are rendered by
 * src/components/EnvironmentBanner.test.tsx.
 */

test('the proxy says which upstream it talks to, before anyone signs in', async ({ request }) => {
  const response = await request.get('/bo/environment');
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({
    kind: 'emulated',
    label: 'Sandbox (emulated, demo data)',
  });
});

test('the sign-in page and the signed-in pages say the emulated sandbox, in the banner and the tab title', async ({
  page,
}) => {
  await page.goto('/login');
  const banner = page.getByRole('region', { name: 'Environment' });
  await expect(banner).toHaveText('Sandbox (emulated, demo data)');
  await expect(banner).toHaveAttribute('data-environment', 'emulated');
  await expect(page).toHaveTitle('Sign in — Sandbox (emulated)');

  await signIn(page, 'agent');
  await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();
  await expect(banner).toHaveText('Sandbox (emulated, demo data)');
  // One slim line at the very top, above the header.
  const bannerBox = (await banner.boundingBox())!;
  const headerBox = (await page.getByRole('banner').boundingBox())!;
  expect(bannerBox.y).toBe(0);
  expect(bannerBox.height).toBeLessThanOrEqual(30);
  expect(headerBox.y).toBeGreaterThanOrEqual(bannerBox.y + bannerBox.height - 1);
  await expect(page).toHaveTitle('Customers — Sandbox (emulated)');

  await page.getByRole('link', { name: 'Verifications' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Verifications' })).toBeVisible();
  await expect(page).toHaveTitle('Verifications — Sandbox (emulated)');
  await expect(banner).toBeVisible();

  // It stays in sight when the page scrolls.
  await page.setViewportSize({ width: 390, height: 500 });
  await page.mouse.wheel(0, 2000);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  await expect(banner).toBeInViewport();
});

test('a customer’s tab names the customer and the tab, in the language chosen', async ({
  page,
  customer,
}) => {
  await signIn(page, 'agent', `/customers/${customer.id}/bank-accounts`);
  await expect(page.getByRole('heading', { level: 1, name: customer.fullName })).toBeVisible();
  await expect(page).toHaveTitle(`${customer.fullName} · Bank accounts — Sandbox (emulated)`);

  await page.getByRole('tab', { name: 'Activity' }).click();
  await expect(page).toHaveTitle(`${customer.fullName} · Activity — Sandbox (emulated)`);
  await page.goBack();
  await expect(page).toHaveTitle(`${customer.fullName} · Bank accounts — Sandbox (emulated)`);

  await page.getByRole('button', { name: `Account menu for ${ACCOUNTS.agent.username}` }).click();
  await page.getByRole('menuitem', { name: 'Français' }).click();
  await expect(page.getByRole('tab', { name: 'Comptes bancaires' })).toBeVisible();
  await expect(page).toHaveTitle(`${customer.fullName} · Comptes bancaires — Sandbox (émulé)`);
  await expect(page.getByRole('region', { name: 'Environnement' })).toHaveText(
    'Sandbox (émulé, données de démonstration)',
  );

  await page.goto('/customers/new');
  await expect(page).toHaveTitle('Nouveau client — Sandbox (émulé)');
});

const NOT_FOUND_FR = 'Introuvable';

test('a missing account or verification of a known customer names the tab Not found, and leaving names it again', async ({
  page,
  customer,
}) => {
  await signIn(page, 'agent', `/customers/${customer.id}/bank-accounts/no-such-account`);
  await expect(page.getByRole('heading', { level: 1, name: 'Not found' })).toBeVisible();
  await expect(page).toHaveTitle('Not found — Sandbox (emulated)');

  await page.goto(`/customers/${customer.id}/verifications/no-such-verification`);
  await expect(page.getByRole('heading', { level: 1, name: 'Not found' })).toBeVisible();
  await expect(page).toHaveTitle('Not found — Sandbox (emulated)');
  // Both the page and the customer's layout around it name the tab again in French: the page wins.
  await page.getByRole('button', { name: `Account menu for ${ACCOUNTS.agent.username}` }).click();
  await page.getByRole('menuitem', { name: 'Français' }).click();
  await expect(page.getByRole('heading', { level: 1, name: NOT_FOUND_FR })).toBeVisible();
  await expect(page).toHaveTitle(`${NOT_FOUND_FR} — Sandbox (émulé)`);
  await page.getByRole('button', { name: `Menu du compte de ${ACCOUNTS.agent.username}` }).click();
  await page.getByRole('menuitem', { name: 'English' }).click();

  // The customer's own tab, in the same layout: the layout names the tab again.
  await page.getByRole('tab', { name: 'Bank accounts' }).click();
  await expect(page).toHaveTitle(`${customer.fullName} · Bank accounts — Sandbox (emulated)`);
});
