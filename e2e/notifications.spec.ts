import AxeBuilder from '@axe-core/playwright';
import { expect, signIn, signedInRequest, test } from './fixtures';

test('a verification started elsewhere notifies the agent on the customer list, with a link to it', async ({
  page,
  playwright,
  customer,
}) => {
  await signIn(page, 'agent');
  await expect(page.getByRole('link', { name: customer.fullName })).toBeVisible();

  // Another session starts it through the API; the server watches it until it resolves.
  const elsewhere = await signedInRequest(playwright.request, 'agent');
  const started = await elsewhere.post(`/api/v1/customers/${customer.id}/verification`, {
    data: { provider_id: 'sandbox', expected_name: customer.fullName },
  });
  expect(started.status(), await started.text()).toBe(201);
  const verification = (await started.json()) as { id: string };
  await elsewhere.dispose();

  // No page of that customer is open: the notice comes from the live stream.
  const notice = page.getByRole('alert').filter({ hasText: customer.fullName });
  await expect(notice).toContainText(`${customer.fullName}: verification`, { timeout: 30_000 });
  await expect(page).toHaveURL(/\/customers$/);
  // Readable by everyone: the notice passes an automated audit once it has faded in.
  await expect(notice).toHaveCSS('opacity', '1');
  const audit = await new AxeBuilder({ page })
    .include(`#verification-resolved-${verification.id}`)
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(audit.violations.map((violation) => violation.id)).toEqual([]);
  await notice.getByRole('link', { name: 'Open the verification' }).click();
  await expect(page).toHaveURL(
    new RegExp(`/customers/${customer.id}/verifications/${verification.id}$`),
  );
  await expect(page.getByText(verification.id)).toBeVisible();
  await expect(notice).toBeHidden();
});

test('tabs of one browser share one live stream, and every tab is notified', async ({
  page,
  context,
  playwright,
  customer,
}) => {
  const streams: string[] = [];
  context.on('request', (request) => {
    if (new URL(request.url()).pathname === '/bo/events') streams.push(request.url());
  });
  await signIn(page, 'agent');
  const second = await context.newPage();
  await second.goto('/verifications');
  const third = await context.newPage();
  await third.goto(`/customers/${customer.id}`);
  await expect(third.getByRole('heading', { name: customer.fullName })).toBeVisible();

  const elsewhere = await signedInRequest(playwright.request, 'agent');
  const started = await elsewhere.post(`/api/v1/customers/${customer.id}/verification`, {
    data: { provider_id: 'sandbox', expected_name: customer.fullName },
  });
  expect(started.status(), await started.text()).toBe(201);
  await elsewhere.dispose();

  for (const tab of [page, second, third]) {
    await expect(tab.getByRole('alert').filter({ hasText: customer.fullName })).toContainText(
      `${customer.fullName}: verification`,
      { timeout: 30_000 },
    );
  }
  // One stream for three tabs: the others hear it through the tab that holds it.
  expect(streams).toHaveLength(1);

  // The holding tab closes: another one takes the stream over.
  await page.close();
  await expect.poll(() => streams.length, { timeout: 10_000 }).toBe(2);
});
