import type { Page } from '@playwright/test';
import { e2eEnv } from './env';
import { expect, signIn, test } from './fixtures';

/**
 * Against an upstream that speaks Fintecture's own flavour: bank accounts under
 * `bank_accounts`, statuses `initiated` / `cancelled` / `success` / `failed`, and a
 * verification the customer completes themselves through a link. The proxy maps it
 * all to the dashboard's contract; the customer's side is the sandbox's consent page.
 */
const env = e2eEnv();
test.use({ baseURL: env.fintectureUrl });

/** Adds the customer's account through the dialog, then starts a verification: the link the customer gets. */
async function startVerificationWithLink(
  page: Page,
  fullName: string,
  { bic }: { bic?: string } = {},
): Promise<string> {
  await page.getByRole('tab', { name: 'Bank accounts' }).click();
  await page.getByRole('button', { name: 'Add bank account' }).click();
  const accountDialog = page.getByRole('dialog', { name: 'Add bank account' });
  await accountDialog
    .getByRole('textbox', { name: 'IBAN' })
    .fill('FR76 3000 6000 0112 3456 7890 189');
  await expect(accountDialog.getByRole('textbox', { name: 'Holder name' })).toHaveValue(fullName);
  if (bic) await accountDialog.getByRole('textbox', { name: 'BIC' }).fill(bic);
  await accountDialog.getByRole('button', { name: 'Add bank account' }).click();
  await expect(accountDialog).toBeHidden();
  // Listed from the upstream's bank_accounts path, mapped back by the proxy.
  await expect(page.getByRole('row', { name: /0189/ })).toBeVisible();

  await page.getByRole('tab', { name: 'Verifications' }).click();
  // The tab's own button (the first is the onboarding's next step, which opens the same dialog).
  await page.getByRole('button', { name: 'Start verification', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Start verification' });
  // The bank is picked from the upstream's providers for the customer's country.
  const provider = dialog.getByRole('combobox', { name: 'Provider' });
  if (bic) {
    // The account's BIC names its bank: it is chosen already.
    await expect(provider).toHaveValue('BNP Paribas SA');
  } else {
    await provider.fill('BNP');
    await page.getByRole('option', { name: /BNP Paribas SA/ }).click();
  }
  await dialog.getByRole('button', { name: 'Start verification' }).click();
  // The success state: the link, with the way to send it.
  const open = dialog.getByRole('link', { name: 'Open', exact: true });
  await expect(open).toBeVisible();
  const link = (await open.getAttribute('href'))!;
  expect(link).toMatch(new RegExp(`^${env.fintectureSandboxUrl}/`));
  const mail = dialog.getByRole('link', { name: 'Send by email' });
  expect(decodeURIComponent((await mail.getAttribute('href'))!)).toContain(link);
  await dialog.getByRole('button', { name: 'Close' }).first().click();
  return link;
}

test('the customer confirms at their bank, and the dashboard turns Verified by itself', async ({
  page,
  context,
  customer,
}) => {
  await signIn(page, 'agent', `/customers/${customer.id}`);
  const link = await startVerificationWithLink(page, customer.fullName, { bic: 'BNPAFRPPXXX' });
  const row = page.getByRole('table').getByRole('row').nth(1);
  await expect(row).toContainText('Pending');
  await expect(row).toContainText('bnpafrpp');

  // The customer's side, in a page of its own: the consent page names them and their bank.
  const bank = await context.newPage();
  await bank.goto(link);
  await expect(bank.getByText(customer.fullName).first()).toBeVisible();
  await bank.getByRole('button', { name: 'Confirm' }).click();
  await expect(bank.getByText('Identity verified')).toBeVisible();
  await expect(bank.getByRole('button')).toHaveCount(0);
  await bank.close();

  // No reload: the page's polling (or the live stream) sees `success`, shown as Verified.
  await expect(row).toContainText('Verified', { timeout: 20_000 });
});

test('the customer cancels at their bank, and the dashboard says Cancelled', async ({
  page,
  context,
  customer,
}) => {
  await signIn(page, 'agent', `/customers/${customer.id}`);
  const link = await startVerificationWithLink(page, customer.fullName);
  const row = page.getByRole('table').getByRole('row').nth(1);

  const bank = await context.newPage();
  await bank.goto(link);
  await bank.getByRole('button', { name: 'Cancel' }).click();
  // The page says so, and offers only to finish it after all.
  await expect(bank.getByText('Verification cancelled')).toBeVisible();
  await expect(bank.getByRole('button', { name: 'Cancel' })).toHaveCount(0);
  await expect(bank.getByRole('button', { name: 'Confirm' })).toBeVisible();
  await bank.close();

  await expect(row).toContainText('Cancelled', { timeout: 20_000 });
  // Cancelled is not final: the verification page still offers the link to finish.
  await row.getByRole('link').click();
  await expect(page.getByRole('link', { name: 'Open', exact: true })).toHaveAttribute('href', link);
});
