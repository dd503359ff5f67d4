import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { soeg } from './soeg';

interface Opgave {
  id: string;
  nr: number;
  titel: string;
  side: string;
  opgaven: string;
  tjeklistepunkter: string[];
}

const opgaver: Opgave[] = parse(readFileSync(new URL('../../content/data/nemkonto/opgaver.yaml', import.meta.url), 'utf8'));
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

test.describe('NemKonto task pages', () => {
  for (const o of opgaver) {
    test(`${o.side} has "Opgaven" from the data, "Mere om opgaven" and its tjekliste items`, async ({ page }) => {
      await page.goto(o.side);
      const main = page.locator('main');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(main.getByRole('heading', { level: 2, name: 'Opgaven', exact: true })).toBeVisible();
      await expect(main.getByRole('heading', { level: 2, name: 'Mere om opgaven', exact: true })).toBeVisible();
      await expect(main.locator(`[data-opgave="${o.id}"]`)).toHaveText(squash(o.opgaven));
      const tjek = main.getByRole('link', { name: 'tjeklisten for tilslutning til NemKonto' });
      await expect(tjek).toHaveAttribute('href', '/tjeklister/nemkonto/');
      for (const p of o.tjeklistepunkter) await expect(main.locator('.nk-tjek')).toContainText(p);
    });
  }
});

test('the overview lists every task from the data, with its short text and items', async ({ page }) => {
  await page.goto('/nemkonto/');
  const items = page.locator('.nk-liste li');
  await expect(items).toHaveCount(opgaver.length);
  for (const o of opgaver) {
    const li = page.locator(`.nk-liste li[data-opgave="${o.id}"]`);
    await expect(li.getByRole('link', { name: o.titel })).toHaveAttribute('href', o.side);
    await expect(li).toContainText(squash(o.opgaven));
    await expect(li).toContainText(o.tjeklistepunkter[0]!);
  }
  for (const name of ['Generelt om NemKonto', 'Det kan I på nemkonto.dk', 'Tilslutning af udbetalingssystemer', 'Tjeklisten']) {
    await expect(page.getByRole('heading', { name })).toBeVisible();
  }
  await expect(page.getByText('Udpeg en koordinator.')).toBeVisible();
  const tabel = page.getByRole('table', { name: /Tjeklistepunkterne 1\.1–1\.11/ });
  await expect(tabel.locator('tbody tr')).toHaveCount(11);
  await expect(tabel.getByRole('row', { name: /^1\.4/ })).toContainText('Sikring af datakvalitet');
});

test('deadlines, returns and support are one click from the overview', async ({ page }) => {
  await page.goto('/nemkonto/');
  const find = page.locator('.starlight-aside').filter({ hasText: 'Find hurtigt' });
  await expect(find).toContainText('senest kl. 6.00');

  await find.getByRole('link', { name: 'Læs om fristerne' }).click();
  await expect(page).toHaveURL(/\/nemkonto\/afsendelse-af-betalinger\/#frister-for-afsendelse-af-betalinger$/);
  await expect(page.getByRole('heading', { name: 'Frister for afsendelse af betalinger' })).toBeInViewport();
  await expect(page.locator('main')).toContainText('sendt til NemKonto-systemet senest kl. 6.00');
  await expect(page.locator('main')).toContainText('kl. 9.00 den følgende dag');

  await page.goBack();
  await find.getByRole('link', { name: /retursvar og fejlbehæftede/ }).click();
  await expect(page.getByRole('heading', { name: 'Retursvar og returnerede betalinger' })).toBeInViewport();
  await expect(page.locator('main')).toContainText('retur');
  await expect(page.locator('main')).toContainText('fejlkonto');

  await page.goBack();
  await find.getByRole('link', { name: /NemKonto Support/ }).click();
  await expect(page).toHaveURL(/\/nemkonto\/support\/$/);
  await expect(page.locator('main')).toContainText('44 60 63 68');
  await expect(page.getByRole('link', { name: 'support@nemkonto.dk' })).toHaveAttribute('href', 'mailto:support@nemkonto.dk');
  await expect(page.getByRole('table')).toContainText('mandag–fredag kl. 8–16');
});

test('search finds "retursvar" on the page about errors and returns', async ({ page }) => {
  const hrefs = await soeg(page, 'retursvar');
  expect(hrefs.some((h) => h.includes('/nemkonto/fejl-og-standsning/'))).toBe(true);
});
