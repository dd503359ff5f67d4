import { expect, type Page } from '@playwright/test';

/** Searches with the site's search dialog and returns the hrefs of the results shown. */
export async function soeg(page: Page, ord: string): Promise<string[]> {
  await page.goto('/');
  await page.getByRole('button', { name: /Søg/ }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('searchbox').or(dialog.locator('input[type="text"]')).first().fill(ord);
  await expect(dialog.locator('.pagefind-ui__result-link').first()).toBeVisible();
  return dialog.locator('.pagefind-ui__result-link').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
}
