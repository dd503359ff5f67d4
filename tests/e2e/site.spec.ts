import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { builtPages } from './pages.mjs';

const pages: string[] = builtPages();

/** Records CSP violations in the page itself (they are also console errors, but be explicit). */
async function watchCsp(page: Page) {
  await page.addInitScript(() => {
    (window as unknown as { __csp: string[] }).__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
}

test('the built site has pages', () => {
  expect(pages).toContain('/');
  expect(pages).toContain('/404.html');
  expect(pages).toContain('/om/');
  expect(pages).toContain('/tilgaengelighed/');
});

test('every page is reachable from the sidebar', async ({ page }) => {
  await page.goto('/om/');
  const links = await page
    .locator('#starlight__sidebar a[href]')
    .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  const missing = pages.filter((p) => p !== '/404.html' && p !== '/' && !links.includes(p));
  expect(missing, 'pages without a sidebar entry').toEqual([]);
});

for (const path of pages) {
  test(`${path}: only own origin, valid CSP, no console errors, axe WCAG 2.1 AA clean`, async ({ page, baseURL }) => {
    const origin = new URL(baseURL!).origin;
    const foreign: string[] = [];
    const consoleErrors: string[] = [];
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (u.protocol === 'data:' || u.protocol === 'blob:') return;
      if (u.origin !== origin) foreign.push(r.url());
    });
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    await watchCsp(page);

    const res = await page.goto(path, { waitUntil: 'networkidle' });
    expect(res, `no response for ${path}`).not.toBeNull();
    if (path !== '/404.html') expect(res!.status()).toBe(200);

    await expect(page.locator('html')).toHaveAttribute('lang', 'da');
    const csp = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
    expect(csp, 'every page carries a CSP').toBeTruthy();
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toMatch(/https?:\/\//);

    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const summary = axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    expect(summary, `axe violations on ${path}`).toEqual([]);

    // Dark mode must pass too.
    await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
    const axeDark = await new AxeBuilder({ page }).withTags(['wcag2aa']).withRules(['color-contrast']).analyze();
    expect(axeDark.violations.map((v) => `${v.id} (dark): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

    const csp_ = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
    expect(csp_, 'CSP violations').toEqual([]);
    expect(foreign, 'requests to other origins').toEqual([]);
    expect(consoleErrors, 'console errors').toEqual([]);
  });
}
