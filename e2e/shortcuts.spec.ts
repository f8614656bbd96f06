import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures';

/** Takes the keyboard out of any field, as a click on the page's title does. */
async function focusThePage(page: Page) {
  await page.getByRole('heading', { level: 1 }).click();
}

test('an agent moves around with the keyboard: g v, g c, n and /', async ({ page }) => {
  await signIn(page, 'agent');
  await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();
  await focusThePage(page);

  await page.keyboard.press('g');
  await page.keyboard.press('v');
  await expect(page).toHaveURL(/\/verifications$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Verifications' })).toBeVisible();

  await page.keyboard.press('g');
  await page.keyboard.press('c');
  await expect(page).toHaveURL(/\/customers$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();

  await page.keyboard.press('n');
  await expect(page).toHaveURL(/\/customers\/new$/);
  await expect(page.getByRole('heading', { level: 1, name: 'New customer' })).toBeVisible();

  await page.goto('/customers');
  await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();
  await focusThePage(page);
  const search = page.getByRole('combobox', { name: 'Search customers' });
  await page.keyboard.press('/');
  await expect(search).toBeFocused();
  // The `/` focused the box and was not typed into it.
  await expect(search).toHaveValue('');
});

test('no shortcut fires while typing in the search field or a form field', async ({ page }) => {
  await signIn(page, 'agent');
  const search = page.getByRole('combobox', { name: 'Search customers' });
  await search.click();
  await page.keyboard.type('ngv?');
  await expect(search).toHaveValue('ngv?');
  await expect(page).toHaveURL(/\/customers$/);
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();
  await search.clear();

  await page.goto('/customers/new');
  const firstName = page.getByRole('textbox', { name: 'First name' });
  await firstName.click();
  await page.keyboard.type('gc/n?gv');
  await expect(firstName).toHaveValue('gc/n?gv');
  await expect(page).toHaveURL(/\/customers\/new$/);
  await expect(page.getByRole('dialog')).toBeHidden();
  // The listener is still there: Ctrl+K takes the agent from the field to the search.
  await page.keyboard.press('Control+k');
  await expect(search).toBeFocused();
  await expect(firstName).toHaveValue('gc/n?gv');
});

test('? lists the shortcuts with their keys, nothing else fires while it is open, and Escape closes it', async ({
  page,
}) => {
  await signIn(page, 'agent', '/verifications');
  await expect(page.getByRole('heading', { level: 1, name: 'Verifications' })).toBeVisible();
  await focusThePage(page);
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  for (const what of [
    'Search customers',
    'New customer',
    'Go to the customers',
    'Go to the verification queue',
    'Show the keyboard shortcuts',
  ])
    await expect(dialog.getByRole('row').filter({ hasText: what })).toBeVisible();
  const customersRow = dialog.getByRole('row').filter({ hasText: 'Go to the customers' });
  await expect(customersRow.locator('kbd')).toHaveText(['g', 'c']);
  await expect(
    dialog.getByRole('row').filter({ hasText: 'New customer' }).locator('kbd'),
  ).toHaveText(['n']);

  const audit = await new AxeBuilder({ page })
    .include('[role="dialog"]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(audit.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);

  // While the list is open, g c does nothing.
  await page.keyboard.press('g');
  await page.keyboard.press('c');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/\/verifications$/);

  // The footer's hint opens it too.
  await page.getByRole('button', { name: 'Keyboard shortcuts (?)' }).click();
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // In French.
  await page.evaluate(() => localStorage.setItem('locale', 'fr'));
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Vérifications' })).toBeVisible();
  await focusThePage(page);
  await page.keyboard.press('?');
  const french = page.getByRole('dialog', { name: 'Raccourcis clavier' });
  await expect(french).toBeVisible();
  await expect(
    french.getByRole('row').filter({ hasText: 'Aller aux clients' }).locator('kbd'),
  ).toHaveText(['g', 'c']);
  await expect(french).toContainText('puis');
  await page.keyboard.press('Escape');
  await expect(french).toBeHidden();
  await expect(page.getByRole('button', { name: 'Raccourcis clavier (?)' })).toBeVisible();
});

test('a viewer gets no new-customer shortcut, and its list does not offer one', async ({
  page,
}) => {
  await signIn(page, 'viewer');
  await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();
  await focusThePage(page);
  await page.keyboard.press('n');
  // Had it fired, the create page would have sent the viewer back with a notice.
  await expect(page.getByText('Only agents can create customers', { exact: false })).toHaveCount(0);
  await expect(page).toHaveURL(/\/customers$/);
  await page.keyboard.press('g');
  await page.keyboard.press('v');
  await expect(page).toHaveURL(/\/verifications$/);
  // Back goes to the list: `n` added no page to the history.
  await page.goBack();
  await expect(page).toHaveURL(/\/customers$/);
  await expect(page.getByText('Only agents can create customers', { exact: false })).toHaveCount(0);
  await focusThePage(page);
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog.getByRole('row').filter({ hasText: 'Go to the customers' })).toBeVisible();
  await expect(dialog.getByRole('row').filter({ hasText: 'New customer' })).toHaveCount(0);
});
