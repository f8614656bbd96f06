/**
 * Screenshots of every page and state, at 1366x900 and 390x844, into
 * screenshots/ (not committed) or the directory given: for looking at, not for asserting.
 *
 *   npm run build && npx tsx scripts/screenshots.ts [out-dir]
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/env';
import { buildApp as buildProxy } from '../server/proxy/app';
import { addOrResetAccount } from '../server/proxy/users';
import { buildApp as buildSandbox } from '../server/sandbox/app';

const out = resolve(process.argv[2] ?? 'screenshots');
mkdirSync(out, { recursive: true });
const dir = mkdtempSync(join(tmpdir(), 'screens-'));
const sandbox = await buildSandbox({
  db: ':memory:',
  seed: 60,
  appId: 'screens',
  appSecret: 'screens-secret-0123456789',
  verificationDelayMs: 6000,
  tokenTtlSeconds: 3600,
});
const sandboxUrl = await sandbox.listen({ host: '127.0.0.1', port: 0 });
const proxy = await buildProxy({
  upstream: { baseUrl: sandboxUrl, appId: 'screens', appSecret: 'screens-secret-0123456789' },
  sessionSecret: 'screens-session-secret-of-at-least-32-bytes',
  usersFile: join(dir, 'users.json'),
  distDir: resolve('dist'),
});
await addOrResetAccount(proxy.store, 'alice', 'agent', 'alice-password-123');
await addOrResetAccount(proxy.store, 'victor', 'viewer', 'victor-password-123');
const url = await proxy.listen({ host: '127.0.0.1', port: 0 });

// Another device of alice's, for "your sessions".
await fetch(`${url}/auth/login`, {
  method: 'POST',
  headers: {
    'content-type': 'application/json',
    'x-csrf': '1',
    origin: url,
    'user-agent':
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  },
  body: JSON.stringify({ username: 'alice', password: 'alice-password-123' }),
});

const browser = await chromium.launch(chromiumLaunchOptions);
const errors: string[] = [];

/** Transitions (dialogs, notifications) are run to their end rather than waited for. */
async function shoot(page: Page, name: string) {
  await page.screenshot({ path: join(out, `${name}.png`), fullPage: true, animations: 'disabled' });
}

for (const [label, viewport] of [
  ['desktop', { width: 1366, height: 900 }],
  ['mobile', { width: 390, height: 844 }],
] as const) {
  const context = await browser.newContext({ viewport, locale: 'fr-FR' });
  // A French browser would get the French dashboard: these shots walk the English one.
  await context.addInitScript(() => localStorage.setItem('locale', 'en'));
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${label} ${page.url()}: ${message.text()}`);
  });
  await page.goto(`${url}/customers`);
  await page.getByLabel('Username').waitFor();
  await shoot(page, `${label}-01-login`);
  await page.getByLabel('Username').fill('alice');
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill('wrong-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('alert').waitFor();
  await shoot(page, `${label}-02-login-refused`);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill('alice-password-123');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Customers' }).waitFor();
  await page.getByText(/^\d+ customers$/).waitFor();
  await shoot(page, `${label}-03-customers`);
  await page.getByRole('button', { name: 'Account menu for alice' }).click();
  await page.getByRole('menuitem', { name: 'Sessions' }).click();
  await page.getByText('This device').waitFor();
  await shoot(page, `${label}-16-sessions`);
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  await page.getByLabel('Filter this page').fill('zzzz');
  await page.getByText('No customer on this page matches the filter').waitFor();
  await shoot(page, `${label}-04-customers-filtered-empty`);
  await page.getByLabel('Filter this page').fill('');
  await page.getByRole('link', { name: 'New customer' }).click();
  await page.getByRole('heading', { name: 'New customer' }).waitFor();
  await page.getByLabel('First name').fill('Zoë');
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill('not-an-email');
  await page.getByLabel('Last name').click();
  await page.getByText('Enter a valid email address').waitFor();
  await shoot(page, `${label}-05-new-customer-invalid`);
  await page.getByLabel('Last name').fill('Müller');
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(`zoe.${label}@example.de`);
  await page.getByRole('button', { name: 'Create customer' }).click();
  await page.getByRole('tab', { name: 'Overview' }).waitFor();
  await shoot(page, `${label}-06-customer-overview`);
  await page.getByRole('tab', { name: 'Bank accounts' }).click();
  await page.getByText('No bank account yet').waitFor();
  await shoot(page, `${label}-07-bank-accounts-empty`);
  await page.getByRole('button', { name: 'Add bank account' }).click();
  await page
    .getByRole('textbox', { name: 'IBAN', exact: true })
    .fill('DE89 3704 0044 0532 0130 01');
  await page.getByRole('textbox', { name: 'BIC', exact: true }).click();
  await page.getByText('The check digits do not match').waitFor();
  await shoot(page, `${label}-08-add-bank-account-invalid`);
  await page
    .getByRole('textbox', { name: 'IBAN', exact: true })
    .fill('DE89 3704 0044 0532 0130 00');
  await page.getByRole('button', { name: 'Add bank account' }).last().click();
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  await page.getByText('1 bank account').waitFor();
  await shoot(page, `${label}-09-bank-accounts`);
  await page.getByRole('tab', { name: 'Verifications' }).click();
  await page.getByRole('button', { name: 'Start verification' }).click();
  await page.getByRole('dialog').waitFor();
  await page.getByRole('combobox', { name: 'Provider' }).fill('Sandbox');
  await page.getByRole('option', { name: /Sandbox Bank/ }).click();
  await shoot(page, `${label}-10-start-verification`);
  await page.getByRole('button', { name: 'Start verification' }).last().click();
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  await page.getByText('Pending').filter({ visible: true }).first().waitFor();
  await shoot(page, `${label}-11-verification-pending`);
  await page
    .getByText('Verified', { exact: true })
    .filter({ visible: true })
    .first()
    .waitFor({ timeout: 15_000 });
  await shoot(page, `${label}-12-verification-resolved`);
  // Failure states, through the sandbox's fault switch.
  sandbox.sandbox.faults.set({ operation: 'listAllCustomers', status: 503, retry_after_s: 0 });
  await page.goto(`${url}/customers?page=2`);
  await page.getByRole('button', { name: 'Retry' }).waitFor({ timeout: 20_000 });
  await shoot(page, `${label}-14-customers-upstream-down`);
  sandbox.sandbox.faults.set({ operation: 'listAllCustomers', latency_ms: 4000 });
  await page.goto(`${url}/customers?page=3`);
  // Until the list answers, the pager cannot say "of N".
  await page.getByText('Page 3', { exact: true }).waitFor();
  await shoot(page, `${label}-15-customers-loading`);
  sandbox.sandbox.faults.clear();
  await page.goto(`${url}/customers/unknown-id`);
  await page.getByRole('heading', { name: 'Not found' }).waitFor();
  await shoot(page, `${label}-13-not-found`);
  await context.close();
}

await browser.close();
await proxy.close();
await sandbox.close();
console.log(`screenshots in ${out}`);
console.log(errors.length ? `console errors:\n${errors.join('\n')}` : 'no console errors');
