import type { Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures';

/** The scheme the page is drawn in, as Mantine marks it on <html>. */
function drawnScheme(page: Page) {
  return page.locator('html');
}

/** The body's background, as the eye sees it: near-white in light, dark grey in dark. */
async function backgroundIsDark(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const [r = 255, g = 255, b = 255] = getComputedStyle(document.body)
      .backgroundColor.match(/\d+/g)!
      .map(Number);
    return (r + g + b) / 3 < 80;
  });
}

async function chooseTheme(page: Page, theme: 'System' | 'Light' | 'Dark') {
  await page.getByRole('button', { name: 'Account menu for e2e-agent' }).click();
  const group = page.getByRole('group', { name: 'Theme' });
  await group.getByRole('menuitemradio', { name: theme }).click();
  await expect(group.getByRole('menuitemradio', { name: theme })).toBeChecked();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toBeHidden();
}

test.describe('a system in dark mode', () => {
  test.use({ colorScheme: 'dark' });

  test('the sign-in page and the dashboard follow it', async ({ page }) => {
    await page.goto('/login');
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await expect(drawnScheme(page)).toHaveAttribute('data-mantine-color-scheme', 'dark');
    expect(await backgroundIsDark(page)).toBe(true);

    await signIn(page, 'agent');
    await expect(drawnScheme(page)).toHaveAttribute('data-mantine-color-scheme', 'dark');
    await page.getByRole('button', { name: 'Account menu for e2e-agent' }).click();
    await expect(
      page.getByRole('group', { name: 'Theme' }).getByRole('menuitemradio', { name: 'System' }),
    ).toBeChecked();
  });

  test('an agent picks Light, and it stays picked across a reload and a new page, until System again', async ({
    page,
    context,
  }) => {
    await signIn(page, 'agent');
    await expect(drawnScheme(page)).toHaveAttribute('data-mantine-color-scheme', 'dark');

    await chooseTheme(page, 'Light');
    await expect(drawnScheme(page)).toHaveAttribute('data-mantine-color-scheme', 'light');
    expect(await backgroundIsDark(page)).toBe(false);

    await page.reload();
    await expect(page.getByRole('heading', { name: 'Customers' })).toBeVisible();
    await expect(drawnScheme(page)).toHaveAttribute('data-mantine-color-scheme', 'light');

    // Another tab of this browser, on another page: the choice holds there too.
    const other = await context.newPage();
    await other.goto('/verifications');
    await expect(other.getByRole('heading', { name: 'Verifications' })).toBeVisible();
    await expect(drawnScheme(other)).toHaveAttribute('data-mantine-color-scheme', 'light');
    expect(await backgroundIsDark(other)).toBe(false);
    await other.close();

    await chooseTheme(page, 'System');
    await expect(drawnScheme(page)).toHaveAttribute('data-mantine-color-scheme', 'dark');
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Customers' })).toBeVisible();
    await expect(drawnScheme(page)).toHaveAttribute('data-mantine-color-scheme', 'dark');
  });
});

test('on a light system an agent picks Dark; System follows the system again when it changes', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await signIn(page, 'agent');
  await expect(drawnScheme(page)).toHaveAttribute('data-mantine-color-scheme', 'light');

  await chooseTheme(page, 'Dark');
  await expect(drawnScheme(page)).toHaveAttribute('data-mantine-color-scheme', 'dark');
  expect(await backgroundIsDark(page)).toBe(true);

  // Picked, so the system changing leaves it alone: live, and after a reload.
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.getByRole('heading', { name: 'Customers' })).toBeVisible();
  await expect(drawnScheme(page)).toHaveAttribute('data-mantine-color-scheme', 'dark');
  expect(await backgroundIsDark(page)).toBe(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Customers' })).toBeVisible();
  await expect(drawnScheme(page)).toHaveAttribute('data-mantine-color-scheme', 'dark');

  // Remembered for the sign-in page as well, before any of the dashboard's code has run.
  await page.goto('/login');
  await expect(drawnScheme(page)).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await page.goto('/customers');

  await chooseTheme(page, 'System');
  await expect(drawnScheme(page)).toHaveAttribute('data-mantine-color-scheme', 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(drawnScheme(page)).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(drawnScheme(page)).toHaveAttribute('data-mantine-color-scheme', 'light');
});

test('the first paint is already in the remembered scheme (no white flash)', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.addInitScript(() => localStorage.setItem('mantine-color-scheme-value', 'dark'));
  // The dashboard's code never arrives: what shows is index.html, its CSS and color-scheme.js alone.
  await page.route(/\/assets\/index-[\w-]+\.js$/, (route) => route.abort());
  await page.goto('/login');
  await expect(page.locator('#root')).toBeEmpty();
  await expect(drawnScheme(page)).toHaveAttribute('data-mantine-color-scheme', 'dark');
  expect(await backgroundIsDark(page)).toBe(true);
});
