import AxeBuilder from '@axe-core/playwright';
import type { components } from '../openapi/customers';
import { expect, signIn, signedInRequest, test } from './fixtures';

type CustomerList = components['schemas']['CustomerList'];

test('an agent finds a customer of the last page from the header, by name, by email and by id', async ({
  page,
  playwright,
  agentApi,
}) => {
  // The oldest customer: the one the list shows last.
  const request = await signedInRequest(playwright.request, 'agent');
  const count = await agentApi.customerCount();
  const answer = await request.get(`/api/v1/customers?page[size]=1&page[number]=${count}`);
  expect(answer.status()).toBe(200);
  const oldest = ((await answer.json()) as CustomerList).data![0]!;
  const name = `${oldest.first_name} ${oldest.last_name}`;
  // The index is built by the server's first walk; wait until it holds that customer.
  await expect
    .poll(async () => {
      const found = await request.get(`/bo/search?q=${encodeURIComponent(oldest.email!)}`);
      return found.ok() ? JSON.stringify(await found.json()) : '';
    })
    .toContain(oldest.id!);
  await request.dispose();

  await signIn(page, 'agent');
  const search = page.getByRole('combobox', { name: 'Search customers' });
  await expect(search).toBeVisible();

  // `/` focuses the search from the page; word prefixes in any order, any case.
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('/');
  await expect(search).toBeFocused();
  const prefixes =
    `${oldest.last_name!.slice(0, 4)} ${oldest.first_name!.slice(0, 3)}`.toUpperCase();
  await page.keyboard.type(prefixes);
  const results = page.getByRole('listbox', { name: 'Customers found' });
  const option = results.getByRole('option').filter({ hasText: name });
  await expect(option).toBeVisible();
  await expect(option).toContainText(oldest.email!);
  await option.click();
  await expect(page).toHaveURL(new RegExp(`/customers/${oldest.id}$`));
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(search).toHaveValue('');

  // Ctrl+K, the whole email, then the keyboard alone: arrow down, Enter.
  await page.goto('/customers');
  await expect(search).toBeVisible();
  await page.keyboard.press('Control+k');
  await expect(search).toBeFocused();
  await search.fill(oldest.email!);
  await expect(results.getByRole('option').first()).toContainText(name);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

  // Escape closes the results.
  await search.fill(oldest.last_name!);
  await expect(results).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(results).toBeHidden();

  // A whole customer id opens that customer without a pick.
  await page.goto('/customers');
  await search.fill(oldest.id!);
  await expect(page).toHaveURL(new RegExp(`/customers/${oldest.id}$`));
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  // And again, from another page, with the answer already known.
  await page.getByRole('link', { name: 'Customers', exact: true }).first().click();
  await expect(page).toHaveURL(/\/customers$/);
  await search.fill(oldest.id!);
  await expect(page).toHaveURL(new RegExp(`/customers/${oldest.id}$`));
});

test('a search that finds nothing says so; the request for text typed over is cancelled', async ({
  page,
  unique,
}) => {
  await signIn(page, 'agent');
  const search = page.getByRole('combobox', { name: 'Search customers' });
  // The answer for the first text never comes: typing on must drop that request, not wait for it.
  await page.route(`**/bo/search?q=Stale${unique}*`, () => undefined);
  const asked = page.waitForRequest((request) => request.url().includes(`q=Stale${unique}`));
  const cancelled = page.waitForEvent('requestfailed', (request) =>
    request.url().includes(`q=Stale${unique}`),
  );
  await search.fill(`Stale${unique}`);
  await asked;
  await expect(page.getByText('Searching…')).toBeVisible();
  await search.fill(`Nobody${unique}`);
  await expect(page.getByText(`No customer matches “Nobody${unique}”.`)).toBeVisible();
  expect((await cancelled).failure()?.errorText).toMatch(/ABORTED|cancel/i);
});

test('the open search and its results pass an automated accessibility audit', async ({ page }) => {
  await signIn(page, 'agent');
  const search = page.getByRole('combobox', { name: 'Search customers' });
  await search.fill('a');
  const results = page.getByRole('listbox', { name: 'Customers found' });
  await expect(results.getByRole('option').first()).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(search).toHaveAttribute('aria-expanded', 'true');
  await expect(search).toHaveAttribute('aria-activedescendant', /.+/);
  const audit = await new AxeBuilder({ page })
    .include('[role="search"]')
    .include('[role="listbox"]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(
    audit.violations.map(
      (violation) =>
        `${violation.id} (${violation.impact}) ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    ),
  ).toEqual([]);
});

test('a failed search says what failed, and Retry asks again', async ({ page, customer }) => {
  await signIn(page, 'agent');
  const search = page.getByRole('combobox', { name: 'Search customers' });
  const results = page.getByRole('listbox', { name: 'Customers found' });
  // A first answer is on screen: the failure must replace it, not hide behind it.
  await search.fill(customer.first_name!);
  await expect(results.getByRole('option').first()).toBeVisible();
  const broken = `**/bo/search?q=${encodeURIComponent(customer.email!)}*`;
  await page.route(broken, (route) =>
    route.fulfill({
      status: 503,
      contentType: 'application/json',
      body: JSON.stringify({
        status: 503,
        code: 'store_unavailable',
        message: 'The back-office database cannot be reached.',
      }),
    }),
  );
  await search.fill(customer.email!);
  await expect(results.getByRole('alert')).toContainText(
    'Search failed: The back-office database cannot be reached.',
  );
  await page.unroute(broken);
  await results.getByRole('button', { name: 'Retry' }).click();
  await expect(results.getByRole('option')).toHaveCount(1);
  await expect(results.getByRole('option')).toContainText(customer.fullName);
  await expect(search).toBeFocused();
});
