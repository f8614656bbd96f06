import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { customerRows, expect, signIn, test } from './fixtures';

async function audit(page: Page, label: string) {
  // Let opening transitions finish: a half-faded dialog is not what people read.
  // Endless animations (loaders) never finish and are left out.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const serious = results.violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
  expect(
    serious.map(
      (violation) =>
        `${label}: ${violation.id} (${violation.impact}) ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    ),
  ).toEqual([]);
}

test('every page passes an automated accessibility audit', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await audit(page, 'sign-in');

  await signIn(page, 'agent');
  await expect(customerRows(page).first()).toBeVisible();
  await audit(page, 'customers');

  await page.goto('/customers/new');
  await page.getByRole('textbox', { name: 'Email' }).fill('bad');
  await page.getByRole('textbox', { name: 'First name' }).click();
  await expect(page.getByText('Enter a valid email address')).toBeVisible();
  await audit(page, 'new customer with an error');

  await page.goto('/customers');
  await customerRows(page).first().getByRole('link').click();
  await expect(page.getByRole('tab', { name: 'Overview' })).toBeVisible();
  await audit(page, 'customer overview');

  await page.getByRole('tab', { name: 'Bank accounts' }).click();
  await expect(page.getByText(/\d+ bank accounts?/)).toBeVisible();
  await audit(page, 'bank accounts');
  await page.getByRole('button', { name: 'Add bank account' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await audit(page, 'add bank account');
  await page.keyboard.press('Escape');

  await page.getByRole('tab', { name: 'Verifications' }).click();
  await expect(page.getByText(/\d+ verifications?/)).toBeVisible();
  await audit(page, 'verifications');

  await page.goto('/customers/unknown');
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
  await audit(page, 'not found');
});
