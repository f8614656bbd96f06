import { expect, signIn, test } from './fixtures';
import { freePort, rsaKeyFile, startProxy, type KindStack } from './proxyProcess';

/*
 * The banner on each upstream kind, with the proxy started the way its README
 * says (`npm run proxy` with FINTECTURE_API_URL): Fintecture's sandbox host,
 * production (with a signing key, as production requires) and an API of
 * another host. None is reachable from here (no network; the other one is a
 * closed port), which changes nothing: the banner comes from the proxy's own
 * configuration, and signing in needs only the proxy's store. The emulated
 * kind is e2e/environment.spec.ts's.
 */

test.describe("Fintecture's sandbox", () => {
  let stack: KindStack;
  test.beforeAll(async () => {
    stack = await startProxy('https://api-sandbox.fintecture.com');
  });
  test.afterAll(async () => stack?.stop());

  test('the banner names Fintecture’s sandbox and its host, signed out and in', async ({
    page,
  }) => {
    await page.goto(`${stack.url}/login`);
    const banner = page.getByRole('region', { name: 'Environment' });
    await expect(banner).toHaveAttribute('data-environment', 'fintecture_sandbox');
    await expect(banner).toContainText('Fintecture sandbox');
    await expect(banner).toContainText('api-sandbox.fintecture.com');
    await expect(page).toHaveTitle('Sign in — Fintecture sandbox');

    await signIn(page, 'agent', `${stack.url}/customers`);
    await expect(banner).toContainText('Fintecture sandbox');
    await expect(page).toHaveTitle('Customers — Fintecture sandbox');
  });
});

test.describe('production', () => {
  let stack: KindStack;
  test.beforeAll(async () => {
    stack = await startProxy('https://api.fintecture.com', {
      FINTECTURE_PRIVATE_KEY_FILE: rsaKeyFile(),
    });
  });
  test.afterAll(async () => stack?.stop());

  test('a red PRODUCTION bar with the host on every page, and the product, not an environment, in the tab title', async ({
    page,
  }) => {
    await page.goto(`${stack.url}/login`);
    const banner = page.getByRole('region', { name: 'Environment' });
    await expect(banner).toHaveAttribute('data-environment', 'production');
    await expect(banner).toContainText('PRODUCTION');
    await expect(banner).toContainText('api.fintecture.com');
    // Unmissable: a red bar, white text (the rule set by EnvironmentBanner.module.css).
    const colours = await banner.evaluate((element) => {
      const style = getComputedStyle(element);
      return { background: style.backgroundColor, color: style.color };
    });
    const [red, green, blue] = colours.background.match(/\d+/g)!.map(Number);
    expect(red).toBeGreaterThan(150);
    expect(green).toBeLessThan(80);
    expect(blue).toBeLessThan(80);
    expect(colours.color).toBe('rgb(255, 255, 255)');
    await expect(page).toHaveTitle('Sign in — Customers back-office');

    await signIn(page, 'agent', `${stack.url}/customers`);
    await expect(banner).toContainText('PRODUCTION');
    await expect(banner).toBeInViewport();
    await expect(page).toHaveTitle('Customers — Customers back-office');
  });
});

test.describe('another API', () => {
  let stack: KindStack;
  test.beforeAll(async () => {
    // A closed port on loopback: an API nobody runs here.
    stack = await startProxy(`http://127.0.0.1:${await freePort()}`);
  });
  test.afterAll(async () => stack?.stop());

  test('the banner says a custom API and names its host', async ({ page }) => {
    await page.goto(`${stack.url}/login`);
    const banner = page.getByRole('region', { name: 'Environment' });
    await expect(banner).toHaveAttribute('data-environment', 'other');
    await expect(banner).toHaveText(/^Custom API \(127\.0\.0\.1:\d+\)$/);
    await expect(page).toHaveTitle(/^Sign in — Custom API \(127\.0\.0\.1:\d+\)$/);
  });
});
