import type { Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures';

// Copy buttons are checked by what lands in the clipboard.
test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

/** The part of the page still waiting for its data, told by its labels. */
const busy = (page: Page, label: string) =>
  page.locator('[aria-busy="true"]').filter({ has: page.getByText(label, { exact: true }) });

/**
 * Holds every request matching `url` until `release` is called: the real
 * answer, only later (for the back-office's own reads, which the sandbox's
 * fault switch does not reach).
 */
async function hold(page: Page, url: string) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(url, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

test("a slow customer shows the overview's labels over placeholders, then the values, each copyable", async ({
  page,
  faults,
  agentApi,
  unique,
}) => {
  const customer = await agentApi.createCustomer({
    first_name: 'Sofia',
    last_name: `Copy ${unique}`,
    email: `sofia.${unique.toLowerCase()}@example.it`,
    phone: '+39 333 123 4567',
    external_id: `CRM-${unique.toUpperCase()}`,
  });
  await signIn(page, 'agent');
  await faults.set({ operation: 'getCustomerById', latency_ms: 2500 });
  await page.goto(`/customers/${customer.id}`);
  const placeholder = busy(page, 'External ID');
  await expect(placeholder).toBeVisible();
  await expect(placeholder).toContainText('Email');
  await expect(placeholder).toContainText('Address');
  await expect(page.getByText(customer.email!)).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await faults.clear();

  await expect(
    page.getByText(
      'No address yet. Addresses are recorded by Fintecture; they cannot be entered here.',
    ),
  ).toBeVisible();

  for (const [name, value] of [
    ['Copy email', customer.email],
    ['Copy phone', customer.phone],
    ['Copy external ID', customer.external_id],
  ] as const) {
    await page.getByRole('button', { name }).click();
    // The clipboard keeps what was copied; the confirmation shows for a moment only, so it is read first.
    await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toHaveCount(1);
    expect(await page.evaluate(() => navigator.clipboard.readText()), name).toBe(value);
    // Off the button, the confirmation goes.
    await page.getByRole('heading', { level: 1 }).hover();
    await expect(page.getByRole('tooltip')).toBeHidden();
  }
});

test('a slow bank account or verification keeps its fields in place while it loads', async ({
  page,
  faults,
  agentApi,
  customer,
}) => {
  const account = await agentApi.addBankAccount(customer.id!, {
    iban: 'FR7630006000011234567890189',
    holder_name: `Holder ${customer.last_name}`,
    currency: 'EUR',
  });
  const verification = await agentApi.startVerification(customer.id!, {
    provider_id: 'e2e-bank',
    expected_name: customer.fullName,
  });
  await signIn(page, 'agent');

  await faults.set({ operation: 'listAllCustomerBankAccounts', latency_ms: 2500 });
  await page.goto(`/customers/${customer.id}/bank-accounts/${account.id}`);
  await expect(busy(page, 'Holder')).toBeVisible();
  await expect(busy(page, 'Holder')).toContainText('Account ID');
  await expect(page.getByText(account.holder_name!)).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await faults.clear();

  await faults.set({ operation: 'getCustomerVerificationById', latency_ms: 2500 });
  await page.goto(`/customers/${customer.id}/verifications/${verification.id}`);
  await expect(busy(page, 'Match score')).toBeVisible();
  await expect(busy(page, 'Names compared')).toContainText('Expected name');
  await expect(page.getByText(`“${customer.fullName}”`)).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('button', { name: 'Copy verification ID' })).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
});

test("the activity timeline and the queue's summary show placeholders until the index answers", async ({
  page,
  customer,
}) => {
  await signIn(page, 'agent');
  const releaseActivity = await hold(page, '**/bo/customers/*/activity');
  await page.goto(`/customers/${customer.id}/activity`);
  await expect(page.getByRole('heading', { level: 1, name: customer.fullName })).toBeVisible();
  const timelineSkeleton = page.locator('[aria-busy="true"]');
  await expect(timelineSkeleton).toHaveCount(1);
  releaseActivity();
  const timeline = page.getByRole('list', { name: 'Activity, newest first' });
  await expect(timeline.getByRole('listitem').last()).toContainText(
    'e2e-agent created the customer',
  );
  await expect(timelineSkeleton).toHaveCount(0);

  const releaseQueue = await hold(page, '**/bo/verifications?**');
  await page.goto('/verifications');
  await expect(page.getByRole('heading', { level: 1, name: 'Verifications' })).toBeVisible();
  await expect(page.getByRole('table')).toHaveAttribute('aria-busy', 'true');
  await expect(page.locator('div[aria-busy="true"]').first()).toBeVisible();
  releaseQueue();
  await expect(page.getByText(/\d+ verifications?, newest activity first/)).toBeVisible();
  await expect(page.locator('div[aria-busy="true"]')).toHaveCount(0);
});

test('a 100-letter name with no space wraps on every page of the customer, at 390 px too', async ({
  page,
  agentApi,
  unique,
}) => {
  const long = `${unique}${'x'.repeat(100 - unique.length)}`;
  const customer = await agentApi.createCustomer({
    first_name: long,
    last_name: long,
    email: `${unique.toLowerCase()}.${'y'.repeat(60)}@example.com`,
    company_name: long,
    // The API's own limit.
    external_id: long.slice(0, 64),
  });
  const account = await agentApi.addBankAccount(customer.id!, {
    iban: 'FR7630006000011234567890189',
    holder_name: long,
    currency: 'EUR',
  });
  const verification = await agentApi.startVerification(customer.id!, {
    provider_id: 'e2e-bank',
    expected_name: long,
  });
  await signIn(page, 'agent');
  const base = `/customers/${customer.id}`;
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    for (const [path, loaded] of [
      [base, customer.email!],
      [`${base}/bank-accounts/${account.id}`, 'Account ID'],
      [`${base}/verifications/${verification.id}`, `“${long}”`],
      [`${base}/activity`, 'e2e-agent created the customer'],
    ] as const) {
      await page.goto(path);
      await expect(page.getByText(loaded).first()).toBeVisible();
      await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
      // The tab's own content, under the tabs (the customer's header above them is checked elsewhere).
      const right = await page.evaluate(() => {
        const tabs = document.querySelector('[role="tablist"]')!.closest('.mantine-Tabs-root')!;
        const below: Element[] = [];
        for (let next = tabs.nextElementSibling; next; next = next.nextElementSibling)
          below.push(next, ...next.querySelectorAll('*'));
        // An element's scroll width counts the text that overflows it.
        return Math.max(
          ...below.map((element) => element.getBoundingClientRect().left + element.scrollWidth),
        );
      });
      expect(right, `${path} at ${width} px`).toBeLessThanOrEqual(width);
    }
  }
});
