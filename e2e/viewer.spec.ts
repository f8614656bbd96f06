import { customerRows, expect, signIn, test } from './fixtures';

test('a viewer reads everything but is offered no way to create', async ({ page, agentApi }) => {
  const count = await agentApi.customerCount();
  await signIn(page, 'viewer');
  await expect(page.getByText(`${count} customers`, { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'New customer' })).toHaveCount(0);
  await customerRows(page).first().getByRole('link').click();
  await page.getByRole('tab', { name: 'Bank accounts' }).click();
  await expect(page.getByRole('tab', { name: 'Bank accounts' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(page.getByRole('button', { name: 'Add bank account' })).toHaveCount(0);
  await page.getByRole('tab', { name: 'Verifications' }).click();
  await expect(page.getByRole('button', { name: 'Start verification' })).toHaveCount(0);

  // Typing the address of a create page leads back to the list.
  await page.goto('/customers/new');
  await expect(page).toHaveURL(/\/customers$/);
  await page.getByRole('button', { name: 'Account menu for e2e-viewer' }).click();
  await expect(page.getByText('Signed in as e2e-viewer (viewer)')).toBeVisible();
});
