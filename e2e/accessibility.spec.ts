import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { customerRows, expect, signIn, test } from './fixtures';

/**
 * Resolves once no finite animation has run for a few frames. Mantine starts a
 * transition two frames after the change that asks for it, so a quiet moment
 * right after a click does not mean the dialog has faded in yet. Endless ones
 * (loaders) never finish and are left out.
 */
async function animationsSettled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    for (;;) {
      for (let i = 0; i < 3; i += 1) await frame();
      const running = document
        .getAnimations()
        .filter(
          (animation) =>
            animation.playState === 'running' &&
            animation.effect?.getComputedTiming().endTime !== Infinity,
        );
      if (running.length === 0) return;
      await Promise.all(running.map((animation) => animation.finished.catch(() => undefined)));
    }
  });
}

async function audit(page: Page, label: string) {
  // A half-faded dialog is not what people read.
  await animationsSettled(page);
  // The page is drawn in the scheme the system asks for (what the audit is about).
  const schemes = await page.evaluate(() => ({
    system: matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light',
    page: document.documentElement.getAttribute('data-mantine-color-scheme'),
  }));
  expect(schemes.page, `${label}: colour scheme`).toBe(schemes.system);
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    // A live notice (a demo verification resolving) may start fading in while axe runs, and
    // a half-faded notice fails contrast; notices have their own audit in notifications.spec.ts.
    .exclude('[id^="verification-resolved-"]')
    .analyze();
  const serious = results.violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
  expect(
    serious.map(
      (violation) =>
        `${label}: ${violation.id} (${violation.impact}) ${violation.nodes.map((node) => node.target.join(' ') + ' ' + node.failureSummary).join(', ')}`,
    ),
  ).toEqual([]);
}

/** The same audits in both colour schemes, as the system asks for them (the menu's Theme stays System). */
for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} scheme`, () => {
    test.use({ colorScheme });

    test(`every page passes an automated accessibility audit, ${colorScheme}`, async ({ page }) => {
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

    test(`the account menu and the sessions dialog pass an automated accessibility audit, ${colorScheme}`, async ({
      page,
    }) => {
      await signIn(page, 'agent');
      await page.getByRole('button', { name: 'Account menu for e2e-agent' }).click();
      await expect(
        page.getByRole('menuitemradio', { name: 'System', checked: true }),
      ).toBeVisible();
      await audit(page, 'account menu');
      await page.getByRole('menuitem', { name: 'Sessions' }).click();
      const dialog = page.getByRole('dialog', { name: 'Your sessions' });
      await expect(dialog.getByRole('list', { name: 'Active sessions' })).toBeVisible();
      await expect(dialog.getByText('This device')).toBeVisible();
      await audit(page, 'your sessions');
    });

    test(`an unreachable API, its banner and the failed load pass an automated accessibility audit, ${colorScheme}`, async ({
      page,
      faults,
    }) => {
      await signIn(page, 'agent');
      await faults.set({ operation: 'listAllCustomers', status: 503, retry_after_s: 0 });
      await page.goto('/customers?page=2');
      const alert = page
        .getByRole('alert')
        .filter({ hasText: 'The customers could not be loaded' });
      await expect(alert).toBeVisible({ timeout: 20_000 });
      await expect(page.getByRole('status').filter({ hasText: 'cannot be reached' })).toBeVisible();
      await audit(page, 'API unreachable');
    });

    test(`the index pages pass an automated accessibility audit, ${colorScheme}`, async ({
      page,
      agentApi,
      customer,
    }) => {
      await agentApi.addBankAccount(customer.id!, {
        iban: 'FR7630006000011234567890189',
        holder_name: 'Someone Else',
        currency: 'EUR',
      });
      const verification = await agentApi.startVerification(customer.id!, {
        provider_id: 'e2e-bank',
        expected_name: customer.fullName,
      });
      await signIn(page, 'agent', '/verifications');
      await expect(page.getByText(/\d+ verifications?, newest activity first/)).toBeVisible();
      await audit(page, 'verification queue');
      await page.goto('/verifications?status=pending,unverified&mine=1&age=24h');
      await expect(page.getByRole('table').getByText(customer.fullName)).toBeVisible();
      await audit(page, 'verification queue, filtered');

      await page.goto('/customers?status=none');
      await expect(customerRows(page).first()).toContainText('Not verified');
      await audit(page, 'customers by status');

      await page.goto(`/customers/${customer.id}/verifications/${verification.id}`);
      await expect(page.getByText('Names compared')).toBeVisible();
      await expect(page.getByText(`“${customer.fullName}”`)).toBeVisible();
      await audit(page, 'verification, names compared');

      await page.getByRole('tab', { name: 'Activity' }).click();
      const timeline = page.getByRole('list', { name: 'Activity, newest first' });
      await expect(timeline.getByRole('listitem').last()).toContainText(
        'e2e-agent created the customer',
      );
      await expect(
        timeline.getByText(`e2e-agent started a verification, expecting “${customer.fullName}”`),
      ).toBeVisible();
      await expect(
        timeline.getByText(/e2e-agent added the bank account …0189 \(Someone Else\)/),
      ).toBeVisible();
      await audit(page, 'activity');

      await page.goto('/customers/new');
      await page.getByRole('textbox', { name: 'Email' }).fill(customer.email!);
      await expect(page.getByText('A customer with this email already exists')).toBeVisible();
      await audit(page, 'duplicate warning');
    });
  });
}
