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
