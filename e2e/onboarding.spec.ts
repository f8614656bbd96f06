import type { APIRequestContext, Page } from '@playwright/test';
import type { components } from '../openapi/customers';
import { ACCOUNTS } from './env';
import { expect, signIn, signedInRequest, test } from './fixtures';

type Customer = components['schemas']['Customer'];
type Verification = components['schemas']['CustomerVerification'];

/**
 * The keyboard, as the agent uses it: `type` for what goes into a field, and
 * `press` for every other key (Tab, Enter, Escape, arrows…), which it counts.
 */
function keyboardOnly(page: Page) {
  const pressed: string[] = [];
  return {
    type: (text: string) => page.keyboard.type(text),
    press: async (key: string) => {
      pressed.push(key);
      await page.keyboard.press(key);
    },
    pressed,
  };
}

const onboarding = (page: Page) => page.getByRole('region', { name: 'Onboarding' });

test('an agent signs in, creates a customer, adds their account and starts their verification with the keyboard alone', async ({
  page,
  unique,
}) => {
  const keys = keyboardOnly(page);
  await page.goto('/customers');

  // Sign in: the username has the focus; afterwards the page's content has it.
  await expect(page.getByRole('textbox', { name: 'Username' })).toBeFocused();
  await keys.type(ACCOUNTS.agent.username);
  await keys.press('Tab');
  await expect(page.getByRole('textbox', { name: 'Password' })).toBeFocused();
  await keys.type(ACCOUNTS.agent.password);
  await keys.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();

  // The content's first stop is the page's action: a new customer.
  await keys.press('Tab');
  await expect(page.getByRole('link', { name: 'New customer' })).toBeFocused();
  await keys.press('Enter');
  await expect(page.getByRole('textbox', { name: 'First name' })).toBeFocused();
  await keys.type('Anaïs');
  await keys.press('Tab');
  await keys.type(`Lefèvre ${unique}`);
  await keys.press('Tab');
  await keys.type(`anais.${unique.toLowerCase()}@example.fr`);
  await keys.press('Enter');

  // The customer's page, where the next step waits, focused.
  await expect(
    page.getByRole('heading', { level: 1, name: `Anaïs Lefèvre ${unique}` }),
  ).toBeVisible();
  await expect(onboarding(page)).toContainText('Bank account: to do');
  const addAccount = onboarding(page).getByRole('button', { name: 'Add a bank account' });
  await expect(addAccount).toBeFocused();
  await keys.press('Enter');

  // The Bank accounts tab's own dialog, on its first field.
  const accountDialog = page.getByRole('dialog', { name: 'Add bank account' });
  await expect(accountDialog.getByRole('textbox', { name: 'IBAN' })).toBeFocused();
  await keys.type('FR76 3000 6000 0112 3456 7890 189');
  await keys.press('Tab');
  await keys.type('BNPAFRPP');
  await keys.press('Enter');
  await expect(accountDialog).toBeHidden();

  // Next: the verification, focused, and its dialog filled in from the account.
  await expect(onboarding(page)).toContainText('Bank account: 1 account');
  const startVerification = onboarding(page).getByRole('button', { name: 'Start verification' });
  await expect(startVerification).toBeFocused();
  await keys.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Start verification' });
  const provider = dialog.getByRole('combobox', { name: 'Provider' });
  await expect(provider).toBeFocused();
  await expect(provider).toHaveValue('BNP Paribas SA');
  await expect(dialog.getByRole('textbox', { name: 'Expected name' })).toHaveValue(
    `Anaïs Lefèvre ${unique}`,
  );
  await keys.press('Enter');

  // Started: it shows in the list and in the steps, which hold the focus (nothing to do but wait).
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/\/verifications$/);
  await expect(page.getByRole('table').getByRole('row').nth(1)).toContainText('bnpafrpp');
  await expect(onboarding(page)).toContainText('Verification started');
  await expect(onboarding(page)).toBeFocused();

  const count = keys.pressed.length;
  console.log(`Keyboard-only onboarding: ${count} navigation keys (${keys.pressed.join(' ')})`);
  test.info().annotations.push({ type: 'navigation keys', description: String(count) });
  expect(count, 'navigation keys, sign-in to verification started').toBeLessThanOrEqual(30);
});

/** The first demo customer (made before the suite ran) whose records pass `wanted`. */
async function demoCustomer(
  request: APIRequestContext,
  wanted: (accounts: unknown[], verifications: Verification[]) => boolean,
): Promise<Customer> {
  const dayAgo = Date.now() - 24 * 60 * 60 * 1000;
  for (let page = 1; page <= 10; page++) {
    const list = await request.get(`/api/v1/customers?page[number]=${page}&page[size]=50`);
    expect(list.status()).toBe(200);
    const customers = ((await list.json()) as { data: Customer[] }).data;
    for (const customer of customers) {
      if (!customer.created_at || Date.parse(customer.created_at) > dayAgo) continue;
      const [accounts, verifications] = await Promise.all(
        ['bank-accounts', 'verifications'].map(async (kind) => {
          const answer = await request.get(`/api/v1/customers/${customer.id}/${kind}`);
          expect(answer.status()).toBe(200);
          return ((await answer.json()) as { data: unknown[] }).data;
        }),
      );
      if (wanted(accounts!, verifications as Verification[])) return customer;
    }
    if (customers.length < 50) break;
  }
  throw new Error('No demo customer of that kind');
}

test('where a customer stands is read from their records: after a reload, and for customers made long ago', async ({
  page,
  playwright,
  customer,
}) => {
  await signIn(page, 'agent', `/customers/${customer.id}`);
  await expect(onboarding(page)).toContainText('Bank account: to do');
  await onboarding(page).getByRole('button', { name: 'Add a bank account' }).click();
  const accountDialog = page.getByRole('dialog', { name: 'Add bank account' });
  await accountDialog.getByRole('textbox', { name: 'IBAN' }).fill('DE89370400440532013000');
  await accountDialog.getByRole('button', { name: 'Add bank account' }).click();
  // The next step, focused once the account is in.
  await expect(onboarding(page).getByRole('button', { name: 'Start verification' })).toBeFocused();

  // Mid-way, a reload: the same step, from the data alone.
  await page.reload();
  await expect(onboarding(page)).toContainText('Bank account: 1 account');
  await expect(onboarding(page)).toContainText('Verification: to do');
  await expect(onboarding(page).getByRole('button')).toHaveText('Start verification');
  // Nothing asked it this time: the focus stays where the page puts it.
  await expect(onboarding(page).getByRole('button')).not.toBeFocused();

  // Customers of the demo data, made long before this test: with an account and no verification…
  const request = await signedInRequest(playwright.request, 'agent');
  const accountOnly = await demoCustomer(request, (a, v) => a.length > 0 && v.length === 0);
  await page.goto(`/customers/${accountOnly.id}/activity`);
  await expect(onboarding(page)).toContainText('Verification: to do');
  await expect(onboarding(page).getByRole('button')).toHaveText('Start verification');
  // … the next step opens the start dialog, on the Verifications tab.
  await onboarding(page).getByRole('button', { name: 'Start verification' }).click();
  await expect(page).toHaveURL(new RegExp(`/customers/${accountOnly.id}/verifications$`));
  await expect(
    page.getByRole('dialog', { name: 'Start verification' }).getByRole('combobox', {
      name: 'Provider',
    }),
  ).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Start verification' })).toBeHidden();

  // … whose verifications all ended unverified or failed: a new start.
  const ended = await demoCustomer(
    request,
    (a, v) => v.length > 0 && v.every((x) => x.status === 'failed' || x.status === 'unverified'),
  );
  await page.goto(`/customers/${ended.id}`);
  await expect(onboarding(page)).toContainText(
    /Verification started \((Failed|Unverified|Cancelled)\)/,
  );
  await expect(onboarding(page)).toContainText('Not verified: start again');
  await expect(onboarding(page).getByRole('button')).toHaveText('Start a new verification');

  // … and verified: no action, the steps say so.
  const verified = await demoCustomer(request, (_a, v) => v.some((x) => x.status === 'verified'));
  await page.goto(`/customers/${verified.id}/bank-accounts`);
  await expect(onboarding(page).getByRole('listitem').nth(2)).toHaveText('Verification started');
  await expect(onboarding(page).getByRole('listitem').last()).toHaveText(
    /^Verified \d+ \w+ \d{4}$/,
  );
  await expect(onboarding(page).getByRole('button')).toHaveCount(0);
  await request.dispose();
});

test('a viewer sees where the customer stands, with no action', async ({ page, customer }) => {
  await signIn(page, 'viewer', `/customers/${customer.id}`);
  await expect(onboarding(page)).toContainText('Bank account: to do');
  await expect(onboarding(page).getByRole('button')).toHaveCount(0);
});

test('closing a dialog that holds typed input asks first, and keeps every value', async ({
  page,
  customer,
}) => {
  await signIn(page, 'agent', `/customers/${customer.id}`);
  await page.getByRole('tab', { name: 'Bank accounts' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add bank account' });
  const question = page.getByRole('dialog', { name: 'Discard what you typed?' });
  const open = async () => {
    await page.getByRole('button', { name: 'Add bank account' }).click();
    await expect(dialog.getByRole('textbox', { name: 'IBAN' })).toBeFocused();
  };

  // Untouched, it closes at once.
  await open();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(question).toBeHidden();

  await open();
  const values = {
    IBAN: 'FR76 3000 6000 0112 3456 7890 189',
    BIC: 'BNPAFRPP',
    'Holder name': 'LINDQVIST MAREN',
  };
  for (const [name, value] of Object.entries(values))
    await dialog.getByRole('textbox', { name }).fill(value);
  const expectValuesKept = async () => {
    await expect(question).toBeHidden();
    for (const [name, value] of Object.entries(values))
      await expect(dialog.getByRole('textbox', { name })).toHaveValue(value);
  };

  // Escape, ×, a click outside: each asks, with Keep editing focused, which keeps everything.
  const closers = {
    Escape: () => page.keyboard.press('Escape'),
    '×': () => dialog.getByRole('button', { name: 'Close' }).click(),
    'outside click': () => page.mouse.click(5, 450),
  };
  for (const [how, close] of Object.entries(closers)) {
    await close();
    await expect(question, how).toBeVisible();
    await expect(question.getByRole('button', { name: 'Keep editing' }), how).toBeFocused();
    await question.getByRole('button', { name: 'Keep editing' }).click();
    await expectValuesKept();
  }
  // Escape on the question is Keep editing too.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(question).toBeVisible();
  await page.keyboard.press('Escape');
  await expectValuesKept();

  // Back (to Overview) asks the same, and Keep editing stays on the page.
  await page.goBack();
  await expect(question).toBeVisible();
  await question.getByRole('button', { name: 'Keep editing' }).click();
  await expectValuesKept();
  await expect(page).toHaveURL(/\/bank-accounts$/);

  // Discard closes; the next opening starts afresh.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await question.getByRole('button', { name: 'Discard' }).click();
  await expect(dialog).toBeHidden();
  await expect(question).toBeHidden();
  await open();
  await expect(dialog.getByRole('textbox', { name: 'IBAN' })).toHaveValue('');
  await expect(dialog.getByRole('textbox', { name: 'Holder name' })).toHaveValue(customer.fullName);
});

test('the start dialog opens on its first field, and what it proposes is not typed input', async ({
  page,
  agentApi,
  customer,
}) => {
  await agentApi.addBankAccount(customer.id!, {
    iban: 'FR7630006000011234567890189',
    bic: 'BNPAFRPP',
    holder_name: customer.fullName,
    currency: 'EUR',
  });
  await signIn(page, 'agent', `/customers/${customer.id}/verifications`);
  // The tab's own button (the first is the onboarding's next step; both open this dialog).
  const tabButton = page.getByRole('button', { name: 'Start verification', exact: true });
  await tabButton.click();
  const dialog = page.getByRole('dialog', { name: 'Start verification' });
  const provider = dialog.getByRole('combobox', { name: 'Provider' });
  await expect(provider).toBeFocused();
  await expect(provider).toHaveValue('BNP Paribas SA');
  // The bank and the name were proposed, not typed: nothing to ask about.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('dialog', { name: 'Discard what you typed?' })).toBeHidden();

  // A name typed is input: Escape asks.
  await tabButton.click();
  await expect(provider).toBeFocused();
  await dialog.getByRole('textbox', { name: 'Expected name' }).fill('M. Lindqvist');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Discard what you typed?' })).toBeVisible();
  await page.getByRole('button', { name: 'Keep editing' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Expected name' })).toHaveValue('M. Lindqvist');
});
