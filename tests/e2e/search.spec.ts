import { test, expect } from '@playwright/test';

test('search finds a Danish word in its inflected form (Danish stemming)', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: /Søg/ }).first().click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  const input = dialog.getByRole('searchbox').or(dialog.locator('input[type="text"]')).first();
  // "tilslutningen" is not on any page; the stem "tilslutning" is, on the NemKonto pages.
  await input.fill('tilslutningen');
  const first = dialog.locator('.pagefind-ui__result-link').first();
  await expect(first).toBeVisible();
  const hrefs = await dialog.locator('.pagefind-ui__result-link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(hrefs.some((h) => h?.includes('/nemkonto/'))).toBe(true);
  // The search dialog speaks Danish too.
  await expect(dialog.getByText(/\d+ resultat(er)? for tilslutningen/)).toBeVisible();
});

test('unknown address shows the Danish 404 page', async ({ page }) => {
  const res = await page.goto('/denne-side-findes-ikke/');
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Siden findes ikke');
  await expect(page.getByRole('link', { name: 'Gå til forsiden' })).toBeVisible();
});

test('home page presents the three journeys and the privacy promise', async ({ page }) => {
  await page.goto('/');
  for (const name of ['Læs en vejledning', 'Arbejd dig gennem en tjekliste', 'Kontrollér dine egne filer']) {
    await expect(page.getByRole('heading', { name })).toBeVisible();
  }
  await expect(page.getByRole('heading', { name: 'Dine filer forlader aldrig din computer' })).toBeVisible();
  await page.getByRole('link', { name: 'Gå til kontrollerne' }).click();
  await expect(page).toHaveURL(/\/kontroller\/$/);
});

test('Om siden lists every source with its publisher', async ({ page }) => {
  await page.goto('/om/');
  const rows = page.getByRole('table', { name: /kildedokumenter/ }).locator('tbody tr');
  await expect(rows).toHaveCount(5);
  await expect(page.getByRole('table')).toContainText('Økonomistyrelsen');
});

test('the Content-Security-Policy really blocks requests to other origins', async ({ page }) => {
  // Chromium reports a blocked request as started and then failed; none may get a response.
  const answered: string[] = [];
  const blocked: string[] = [];
  page.on('response', (r) => {
    if (r.url().startsWith('http://127.0.0.2')) answered.push(r.url());
  });
  page.on('requestfailed', (r) => {
    if (r.url().startsWith('http://127.0.0.2')) blocked.push(r.url());
  });
  await page.goto('/');
  const result = await page.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
    let fetchFailed = false;
    try {
      await fetch('http://127.0.0.2:9/udtraek.csv', { method: 'POST', body: 'cpr;navn' });
    } catch {
      fetchFailed = true;
    }
    const img = new Image();
    img.src = 'http://127.0.0.2:9/pixel.gif';
    await new Promise((r) => setTimeout(r, 300));
    return { fetchFailed, violations };
  });
  expect(result.fetchFailed).toBe(true);
  expect(result.violations).toEqual(expect.arrayContaining(['connect-src', 'img-src']));
  expect(answered).toEqual([]);
  expect(blocked).toContain('http://127.0.0.2:9/pixel.gif');
});
