import { test as base, expect, type Page } from '@playwright/test';
import { ACCOUNTS, e2eEnv } from './env';

const env = e2eEnv();

/** The sandbox's fault switch, straight to the sandbox (the proxy never forwards it). */
export async function setFault(fault: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${env.sandboxUrl}/_sandbox/faults`, {
    method: 'PUT',
    headers: {
      authorization: `Basic ${Buffer.from(`${env.appId}:${env.appSecret}`).toString('base64')}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify(fault),
  });
  expect(response.status).toBe(200);
}

export async function clearFaults(): Promise<void> {
  await fetch(`${env.sandboxUrl}/_sandbox/faults`, {
    method: 'DELETE',
    headers: {
      authorization: `Basic ${Buffer.from(`${env.appId}:${env.appSecret}`).toString('base64')}`,
    },
  });
}

export async function signIn(
  page: Page,
  who: keyof typeof ACCOUNTS,
  path = '/customers',
): Promise<void> {
  await page.goto(path);
  await page.getByRole('textbox', { name: 'Username' }).fill(ACCOUNTS[who].username);
  await page.getByRole('textbox', { name: 'Password' }).fill(ACCOUNTS[who].password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(
    page.getByRole('button', { name: `Account menu for ${ACCOUNTS[who].username}` }),
  ).toBeVisible();
}

/**
 * Every test fails on a JavaScript error in the page. Refused requests (a 401
 * before sign-in, a 404 for an unknown id) are answers, not errors, so the
 * browser's "Failed to load resource" lines are not counted.
 */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
          errors.push(message.text());
      });
      await use(errors);
      expect(errors, 'errors in the browser console').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
