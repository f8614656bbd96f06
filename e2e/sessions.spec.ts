import { devices, type Page } from '@playwright/test';
import { ACCOUNTS, e2eEnv } from './env';
import { customerRows, expect, signedInRequest, signIn, test } from './fixtures';

const env = e2eEnv();
const account = ACCOUNTS.sessions;
/** What the proxy calls each browser, from its User-Agent (the first is the project's Desktop Chrome). */
const THIS_DEVICE = 'Chrome on Windows';
const OTHER_DEVICE = 'Safari on macOS';

/** The account menu's "Sessions": the "Your sessions" dialog, open. */
async function openSessions(page: Page) {
  await page.getByRole('button', { name: `Account menu for ${account.username}` }).click();
  await page.getByRole('menuitem', { name: 'Sessions' }).click();
  const dialog = page.getByRole('dialog', { name: 'Your sessions' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('an agent ends a session on another device, then signs out everywhere', async ({
  page,
  browser,
  playwright,
  customer,
}) => {
  // The account is this journey's alone; an earlier attempt that failed midway may have left
  // sessions behind, so it starts with none.
  const api = await signedInRequest(playwright.request, 'sessions');
  expect((await api.post('/auth/logout?everywhere=true')).status(), 'clean slate').toBe(204);
  await api.dispose();

  // The second device: another browser on another computer.
  const laptop = await browser.newContext({
    baseURL: env.url,
    locale: 'en-GB',
    viewport: { width: 1280, height: 800 },
    userAgent: devices['Desktop Safari'].userAgent,
  });
  const other = await laptop.newPage();
  const otherErrors: string[] = [];
  other.on('pageerror', (error) => otherErrors.push(error.message));

  await signIn(page, 'sessions');
  await signIn(other, 'sessions');
  await expect(customerRows(other).getByRole('link', { name: customer.fullName })).toBeVisible();

  const dialog = await openSessions(page);
  const sessions = dialog.getByRole('list', { name: 'Active sessions' }).getByRole('listitem');
  await expect(sessions).toHaveCount(2);
  const current = sessions.filter({ hasText: 'This device' });
  await expect(current).toHaveCount(1);
  await expect(current).toHaveAccessibleName(THIS_DEVICE);
  await expect(current.getByRole('button', { name: /^End/ })).toHaveCount(0);
  const otherSession = sessions.filter({ hasNotText: 'This device' });
  await expect(otherSession).toHaveAccessibleName(OTHER_DEVICE);

  await otherSession
    .getByRole('button', { name: new RegExp(`^End the session on ${OTHER_DEVICE}, last active`) })
    .click();
  await expect(dialog.getByRole('status').filter({ hasText: /ended/ })).toHaveText(
    `The session on ${OTHER_DEVICE} has ended.`,
  );
  await expect(sessions).toHaveCount(1);
  await expect(sessions).toHaveAccessibleName(THIS_DEVICE);
  await expect(dialog.getByRole('button', { name: 'End all other sessions' })).toBeDisabled();

  // The other device learns it on its next step: sent to sign in, and back where it was going.
  await other.getByRole('link', { name: customer.fullName }).click();
  await expect(other).toHaveURL(
    new RegExp(`/login\\?next=${encodeURIComponent(`/customers/${customer.id}`)}$`),
  );
  await expect(other.getByRole('button', { name: 'Sign in' })).toBeVisible();
  // This device is still signed in.
  await page.reload();
  await expect(
    page.getByRole('button', { name: `Account menu for ${account.username}` }),
  ).toBeVisible();

  // Signed in there again, then signed out of both from here.
  await other.getByRole('textbox', { name: 'Username' }).fill(account.username);
  await other.getByRole('textbox', { name: 'Password' }).fill(account.password);
  await other.getByRole('button', { name: 'Sign in' }).click();
  await expect(other.getByRole('heading', { level: 1, name: customer.fullName })).toBeVisible();

  const again = await openSessions(page);
  await expect(
    again.getByRole('list', { name: 'Active sessions' }).getByRole('listitem'),
  ).toHaveCount(2);
  await again.getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await page.goto('/customers');
  await expect(page).toHaveURL(/\/login\?next=%2Fcustomers$/);

  await other.reload();
  await expect(other).toHaveURL(
    new RegExp(`/login\\?next=${encodeURIComponent(`/customers/${customer.id}`)}$`),
  );
  await expect(other.getByRole('button', { name: 'Sign in' })).toBeVisible();

  await laptop.close();
  expect(otherErrors, 'errors in the other browser').toEqual([]);
});
