/**
 * Screenshots of every page, at 1366x900 and 390x844, in English and French,
 * light and dark, into screenshots/ (not committed) or the directory given: for
 * looking at, not for asserting. Starts its own stack (the sandbox with demo
 * data, embedded, and the proxy, on free ports, with throwaway accounts) and
 * stops it on exit.
 *
 *   npm run screenshots [-- out-dir]
 *
 * Names read `<width>-<language>-<scheme>-<nn>-<page>.png`, e.g.
 * `desktop-fr-dark-05-bank-accounts.png`.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  chromium,
  request as requests,
  type APIResponse,
  type Browser,
  type Page,
} from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/env';
import { buildApp as buildProxy } from '../server/proxy/app';
import { addOrResetAccount } from '../server/proxy/users';
import { buildApp as buildSandbox } from '../server/sandbox/app';
import { messages as english } from '../src/lib/locales/en';
import { messages as french } from '../src/lib/locales/fr';

type Language = 'en' | 'fr';
type Scheme = 'light' | 'dark';

const out = resolve(process.argv[2] ?? 'screenshots');
// `npm run screenshots` builds here, so a build of dist/ meanwhile changes nothing under it.
const distDir = resolve(process.env.DIST_DIR ?? 'node_modules/.cache/screenshots-dist');
const APP = { id: 'screens', secret: 'screens-secret-0123456789' };
const AGENT = { username: 'alice', password: 'alice-password-123' };
const VIEWPORTS = [
  ['desktop', { width: 1366, height: 900 }],
  ['mobile', { width: 390, height: 844 }],
] as const;

/** A message in the language of the pages being shot (the selectors follow the language). */
const say = (language: Language, id: keyof typeof english): string =>
  (language === 'fr' ? french : english)[id];

mkdirSync(out, { recursive: true });
const usersDir = mkdtempSync(join(tmpdir(), 'screens-'));
const sandbox = await buildSandbox({
  db: ':memory:',
  seed: 60,
  appId: APP.id,
  appSecret: APP.secret,
  verificationDelayMs: 1500,
  tokenTtlSeconds: 3600,
  logger: false,
});
const proxy = await buildProxy({
  upstream: {
    baseUrl: await sandbox.listen({ host: '127.0.0.1', port: 0 }),
    appId: APP.id,
    appSecret: APP.secret,
  },
  embeddedSandbox: true,
  sessionSecret: 'screens-session-secret-of-at-least-32-bytes',
  usersFile: join(usersDir, 'users.json'),
  distDir,
  loginLimits: { perAddress: 1000, perPair: 1000, perUsername: 1000 },
  logger: false,
});
await addOrResetAccount(proxy.store, AGENT.username, 'agent', AGENT.password);
const url = await proxy.listen({ host: '127.0.0.1', port: 0 });

let browser: Browser | undefined;
let stopping: Promise<void> | undefined;
/** Servers and browser down, whatever happened; once. */
function stop(): Promise<void> {
  stopping ??= (async () => {
    await browser?.close().catch(() => undefined);
    await proxy.close();
    await sandbox.close();
    rmSync(usersDir, { recursive: true, force: true });
  })();
  return stopping;
}
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => void stop().then(() => process.exit(130)));

/** One customer with a bank account and a resolved verification: every page has something to show. */
async function demoCustomer() {
  const api = await requests.newContext({
    baseURL: url,
    extraHTTPHeaders: { 'x-csrf': '1', origin: url },
  });
  const ok = async <T>(answer: Promise<APIResponse>): Promise<T> => {
    const response = await answer;
    if (!response.ok()) throw new Error(`${response.url()}: ${response.status()}`);
    return (await response.json()) as T;
  };
  await ok(api.post('/auth/login', { data: AGENT }));
  const customer = await ok<{ id: string }>(
    api.post('/api/v1/customers', {
      data: {
        first_name: 'Élodie',
        last_name: 'Marchand',
        email: 'elodie.marchand@example.fr',
        phone: '+33612345678',
        company_name: 'Atelier Marchand SARL',
        external_id: 'CRM-20931',
      },
    }),
  );
  const account = await ok<{ id: string }>(
    api.post(`/api/v1/customers/${customer.id}/bank-accounts`, {
      data: {
        iban: 'FR7630006000011234567890189',
        holder_name: 'Élodie Marchand',
        currency: 'EUR',
      },
    }),
  );
  const verification = await ok<{ id: string }>(
    api.post(`/api/v1/customers/${customer.id}/verification`, {
      data: { provider_id: 'sandbox', expected_name: 'Élodie Marchand' },
    }),
  );
  await api.dispose();
  return { customer: customer.id, account: account.id, verification: verification.id };
}

/** Nothing loading any more (skeletons, loaders), or 10 s: a shot of a slow page beats none. */
async function settled(page: Page): Promise<void> {
  await page
    .waitForFunction(
      () => !document.querySelector('.mantine-Skeleton-root[data-visible], .mantine-Loader-root'),
      undefined,
      { timeout: 10_000 },
    )
    .catch(() => console.warn(`still loading after 10 s: ${page.url()}`));
}

async function shootAll(
  language: Language,
  scheme: Scheme,
  ids: Awaited<ReturnType<typeof demoCustomer>>,
  errors: string[],
) {
  for (const [width, viewport] of VIEWPORTS) {
    const context = await browser!.newContext({
      viewport,
      locale: language === 'fr' ? 'fr-FR' : 'en-GB',
      colorScheme: scheme,
    });
    const page = await context.newPage();
    const prefix = `${width}-${language}-${scheme}`;
    page.on('pageerror', (error) => errors.push(`${prefix} ${page.url()}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
        errors.push(`${prefix} ${page.url()}: ${message.text()}`);
    });
    const shoot = async (name: string) => {
      await settled(page);
      await page.screenshot({
        path: join(out, `${prefix}-${name}.png`),
        fullPage: true,
        animations: 'disabled',
      });
    };
    const visit = async (path: string, name: string) => {
      await page.goto(`${url}${path}`);
      await page.locator('main').first().waitFor();
      await shoot(name);
    };

    await page.goto(`${url}/login`);
    await page.locator('input[autocomplete="username"]').fill(AGENT.username);
    await shoot('01-sign-in');
    await page.locator('input[autocomplete="current-password"]').fill(AGENT.password);
    await page.locator('button[type="submit"]').click();
    await page
      .getByRole('button', {
        name: say(language, 'Account menu for {username}').replace('{username}', AGENT.username),
      })
      .waitFor();
    await shoot('02-customers');

    await page.goto(`${url}/customers/new`);
    const email = page.getByRole('textbox', { name: say(language, 'Email'), exact: true });
    await email.fill('not-an-email');
    await email.blur();
    await page.locator('[aria-invalid="true"]').first().waitFor();
    await shoot('03-new-customer-error');

    const customer = `/customers/${ids.customer}`;
    await visit(customer, '04-overview');
    await visit(`${customer}/bank-accounts`, '05-bank-accounts');
    await page.getByRole('button', { name: say(language, 'Add bank account') }).click();
    await page.getByRole('dialog').waitFor();
    await page
      .getByRole('textbox', { name: 'IBAN', exact: true })
      .fill('DE89 3704 0044 0532 0130 01');
    await page.getByRole('textbox', { name: 'BIC', exact: true }).click();
    await page.getByRole('dialog').locator('[aria-invalid="true"]').first().waitFor();
    await shoot('06-add-bank-account-dialog');
    await visit(`${customer}/verifications`, '07-verifications');
    await visit(`${customer}/activity`, '08-activity');
    await visit(`${customer}/bank-accounts/${ids.account}`, '09-bank-account');
    await visit(`${customer}/verifications/${ids.verification}`, '10-verification');
    await visit('/verifications', '11-verification-queue');
    await page
      .getByRole('button', {
        name: say(language, 'Account menu for {username}').replace('{username}', AGENT.username),
      })
      .click();
    await page.getByRole('menu').waitFor();
    await shoot('12-account-menu');
    await page.getByRole('menuitem', { name: say(language, 'Sessions') }).click();
    await page.getByRole('dialog', { name: say(language, 'Your sessions') }).waitFor();
    await shoot('13-sessions-dialog');
    await page.keyboard.press('Escape');
    await visit('/customers/no-such-customer', '14-not-found');
    // The API down: the upstream banner and a failed load with Retry.
    sandbox.sandbox.faults.set({ operation: 'listAllCustomers', status: 503, retry_after_s: 0 });
    await page.goto(`${url}/customers?page=2`);
    await page.getByRole('button', { name: say(language, 'Retry') }).waitFor({ timeout: 20_000 });
    await shoot('15-api-down');
    sandbox.sandbox.faults.clear();
    await context.close();
  }
}

try {
  const ids = await demoCustomer();
  browser = await chromium.launch(chromiumLaunchOptions);
  const errors: string[] = [];
  for (const language of ['en', 'fr'] as const)
    for (const scheme of ['light', 'dark'] as const) {
      await shootAll(language, scheme, ids, errors);
      console.log(`${language} ${scheme}: done`);
    }
  console.log(`screenshots in ${out}`);
  console.log(errors.length ? `console errors:\n${errors.join('\n')}` : 'no console errors');
} finally {
  await stop();
}
