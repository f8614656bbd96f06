import { randomBytes } from 'node:crypto';
import {
  test as base,
  expect,
  type APIRequest,
  type APIRequestContext,
  type APIResponse,
  type Locator,
  type Page,
  type Response,
} from '@playwright/test';
import type { components } from '../openapi/customers';
import type { Fault } from '../server/sandbox/faults';
import { ACCOUNTS, e2eEnv } from './env';

const env = e2eEnv();

type Customer = components['schemas']['Customer'];
type CustomerCreate = components['schemas']['CustomerCreate'];
type BankAccount = components['schemas']['CustomerBankAccount'];
type BankAccountCreate = components['schemas']['CustomerBankAccountCreate'];
type Verification = components['schemas']['CustomerVerification'];
type VerificationCreate = components['schemas']['CustomerVerificationCreate'];

/** The back-office API as the e2e agent sees it: the data a test needs, made the way the dashboard makes it. */
export interface AgentApi {
  /** The total number of customers (the list's `meta.count`). */
  customerCount(): Promise<number>;
  createCustomer(input: CustomerCreate): Promise<Customer>;
  addBankAccount(customerId: string, input: BankAccountCreate): Promise<BankAccount>;
  startVerification(customerId: string, input: VerificationCreate): Promise<Verification>;
}

/** The sandbox's fault switch, straight to the sandbox (the proxy never forwards it). */
export interface SandboxFaults {
  set(fault: Fault): Promise<void>;
  clear(): Promise<void>;
}

interface Fixtures {
  consoleErrors: string[];
  /** Differs for every test, repetition and retry, so no attempt meets another's data. */
  unique: string;
  agentApi: AgentApi;
  /** A customer of this test alone: the newest one, so the first in the list. */
  customer: Customer & { fullName: string };
  faults: SandboxFaults;
}

async function expectStatus(response: APIResponse, status: number, what: string): Promise<void> {
  expect(response.status(), `${what}: ${await response.text()}`).toBe(status);
}

export const test = base.extend<Fixtures>({
  /**
   * Every test fails on a JavaScript error in the page. Refused requests (a 401
   * before sign-in, a 404 for an unknown id) are answers, not errors, so the
   * browser's "Failed to load resource" lines are not counted.
   */
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
          errors.push(message.text());
      });
      await use(errors);
      expect(errors, 'errors in the browser console').toEqual([]);
    },
    { auto: true },
  ],

  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern.
  unique: async ({}, use) => {
    // Letters only, so it reads as part of a name and matches no phone or date.
    const letters = [...randomBytes(8)].map((byte) => String.fromCharCode(97 + (byte % 26)));
    await use(`${letters[0]!.toUpperCase()}${letters.slice(1).join('')}`);
  },

  // The stack the test's pages use (a spec may point baseURL at the Fintecture-flavoured one).
  agentApi: async ({ playwright, baseURL }, use) => {
    const request = await signedInRequest(playwright.request, 'agent', baseURL);
    await use(agentApi(request));
    await request.dispose();
  },

  customer: async ({ agentApi, unique }, use) => {
    const customer = await agentApi.createCustomer({
      first_name: 'Maren',
      last_name: `Lindqvist ${unique}`,
      email: `maren.${unique.toLowerCase()}@example.se`,
      company_name: 'Lindqvist Design AB',
      external_id: `E2E-${unique.toUpperCase()}`,
    });
    await use({ ...customer, fullName: `${customer.first_name} ${customer.last_name}` });
  },

  faults: async ({ playwright }, use) => {
    const sandbox = await playwright.request.newContext({
      baseURL: env.sandboxUrl,
      extraHTTPHeaders: {
        authorization: `Basic ${Buffer.from(`${env.appId}:${env.appSecret}`).toString('base64')}`,
      },
    });
    const faults: SandboxFaults = {
      async set(fault) {
        const response = await sandbox.put('/_sandbox/faults', { data: fault });
        await expectStatus(response, 200, 'setting a sandbox fault');
        // The sandbox echoes what it will do: nothing dropped or defaulted away.
        expect(await response.json()).toMatchObject({ ...fault });
      },
      async clear() {
        await expectStatus(
          await sandbox.delete('/_sandbox/faults'),
          204,
          'clearing sandbox faults',
        );
      },
    };
    await use(faults);
    // Even a failed test leaves a healthy sandbox to the next one.
    await faults.clear();
    await sandbox.dispose();
  },
});

/** An API client signed in as `who`, whose writes pass as the dashboard's own. */
export async function signedInRequest(
  requests: APIRequest,
  who: keyof typeof ACCOUNTS,
  baseUrl: string = env.url,
): Promise<APIRequestContext> {
  // Writes need the anti-forgery header and our own Origin, as from the dashboard.
  const request = await requests.newContext({
    baseURL: baseUrl,
    extraHTTPHeaders: { 'x-csrf': '1', origin: baseUrl },
  });
  const { username, password } = ACCOUNTS[who];
  await expectStatus(
    await request.post('/auth/login', { data: { username, password } }),
    200,
    'API sign-in',
  );
  return request;
}

function agentApi(request: APIRequestContext): AgentApi {
  return {
    async customerCount() {
      const response = await request.get('/api/v1/customers?page[size]=1');
      await expectStatus(response, 200, 'counting customers');
      const { meta } = (await response.json()) as components['schemas']['CustomerList'];
      expect(meta?.count, 'meta.count of the customer list').toEqual(expect.any(Number));
      return meta!.count!;
    },
    async createCustomer(input) {
      const response = await request.post('/api/v1/customers', { data: input });
      await expectStatus(response, 201, 'creating a customer');
      return (await response.json()) as Customer;
    },
    async addBankAccount(customerId, input) {
      const response = await request.post(`/api/v1/customers/${customerId}/bank-accounts`, {
        data: input,
      });
      await expectStatus(response, 201, 'adding a bank account');
      return (await response.json()) as BankAccount;
    },
    async startVerification(customerId, input) {
      const response = await request.post(`/api/v1/customers/${customerId}/verification`, {
        data: input,
      });
      await expectStatus(response, 201, 'starting a verification');
      return (await response.json()) as Verification;
    },
  };
}

/** Signs in through the sign-in page and checks the server's answer. */
export async function signIn(
  page: Page,
  who: keyof typeof ACCOUNTS,
  path = '/customers',
): Promise<void> {
  await page.goto(path);
  await page.getByRole('textbox', { name: 'Username' }).fill(ACCOUNTS[who].username);
  await page.getByRole('textbox', { name: 'Password' }).fill(ACCOUNTS[who].password);
  const answer = page.waitForResponse(isSignInAnswer);
  await page.getByRole('button', { name: 'Sign in' }).click();
  expect((await answer).status(), 'sign-in answer').toBe(200);
  await expect(
    page.getByRole('button', { name: `Account menu for ${ACCOUNTS[who].username}` }),
  ).toBeVisible();
}

/** The dashboard's sign-in request's answer. */
export function isSignInAnswer(response: Response): boolean {
  return response.url().endsWith('/auth/login') && response.request().method() === 'POST';
}

/** The customer list's rows with a customer in them (not the header, not a loading skeleton). */
export function customerRows(page: Page): Locator {
  return page
    .getByRole('table')
    .getByRole('row')
    .filter({ has: page.getByRole('link') });
}

/** Page totals as the list shows them, e.g. "Page 2 of 5". */
export function pageOf(page: number, count: number, size: number): string {
  return `Page ${page} of ${Math.max(1, Math.ceil(count / size))}`;
}

export { expect };

/**
 * Clicks a row where one of its parts is, as a mouse does: on a list whose rows
 * are links, what takes the click there is the row's link (stretched over the
 * row), not the part itself.
 */
export async function clickInRow(
  row: Locator,
  part: Locator,
  options: { modifiers?: ('ControlOrMeta' | 'Shift')[]; button?: 'left' | 'middle' } = {},
): Promise<void> {
  const rowBox = await row.boundingBox();
  const partBox = await part.boundingBox();
  if (!rowBox || !partBox) throw new Error('clickInRow: the row or its part is not on screen');
  await row.click({
    ...options,
    position: {
      x: partBox.x - rowBox.x + Math.min(8, partBox.width / 2),
      y: partBox.y - rowBox.y + partBox.height / 2,
    },
  });
}
