import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** Reads a YAML data file of the project. */
const yaml = <T>(sti: string): T => parse(readFileSync(new URL(`../../${sti}`, import.meta.url), 'utf8')) as T;

interface Menupunkt {
  id: string;
  navn: string;
  adgang: Record<string, { niveau: string }>;
}
const menupunkter = yaml<Menupunkt[]>('content/data/kundeportalen/menupunkter.yaml');
const statuskoder = yaml<{ navn: string }[]>('content/data/serviceportalen/statuskoder.yaml');

const MATRIX = '/kundeportalen/brugere-og-rettigheder/';
const matrix = (page: Page) => page.getByRole('table', { name: /Hvad rettighederne Læser, Rediger, Rapporter og Administrator giver adgang til/ });

/**
 * Checks that link targets exist: each page answers 200 and each #fragment names one element on
 * it. Visits every page once.
 */
async function targetsExist(page: Page, hrefs: string[]) {
  const perSide = new Map<string, Set<string>>();
  for (const href of hrefs) {
    const url = new URL(href, 'http://sted.invalid');
    const ids = perSide.get(url.pathname) ?? new Set<string>();
    if (url.hash) ids.add(decodeURIComponent(url.hash.slice(1)));
    perSide.set(url.pathname, ids);
  }
  for (const [side, ids] of perSide) {
    const res = await page.goto(side);
    expect(res?.status(), `${side}: page`).toBe(200);
    for (const id of ids) await expect(page.locator(`[id="${id}"]`), `${side}#${id}`).toHaveCount(1);
  }
}

test.describe('Kundeportalen rights matrix', () => {
  test('renders as a table with a caption and scoped column and row headers', async ({ page }) => {
    await page.goto(MATRIX);
    const t = matrix(page);
    await expect(t).toBeVisible();
    await expect(t.locator('caption')).toContainText('Kundeportalen');
    await expect(t.locator('thead th[scope="col"]')).toHaveText(['Menupunkt', 'Læser', 'Rediger', 'Rapporter', 'Administrator']);
    await expect(t.locator('tbody th[scope="row"] > a:first-child')).toHaveText(menupunkter.map((m) => m.navn));
    for (const row of await t.locator('tbody tr').all()) await expect(row.locator('td')).toHaveCount(4);
    // Facts of the source, as the reader sees them.
    const brugeradm = t.locator('#menupunkt-brugeradministration');
    await expect(brugeradm.locator('td[data-ret="administrator"]')).toContainText('Opret og vedligehold');
    await expect(brugeradm.locator('td[data-ret="rediger"]')).toContainText('Ingen adgang');
    await expect(t.locator('#menupunkt-rapporter td[data-ret="rapporter"]')).toContainText('Se');
    await expect(t.locator('#menupunkt-rapporter td[data-ret="laeser"]')).toContainText('Ingen adgang');
  });

  test('the filter shows only what Rediger gives and announces it politely', async ({ page }) => {
    await page.goto(MATRIX);
    const t = matrix(page);
    // A polite live region (role "status"), empty until the reader uses the filter.
    const live = page.locator('kp-rettighedsmatrix').getByRole('status');
    await expect(live).toBeEmpty();
    await expect(live).not.toHaveAttribute('aria-live', 'assertive');

    await page.getByRole('group', { name: 'Vis kun, hvad én rettighed giver' }).getByRole('radio', { name: 'Rediger' }).check();

    const forventet = menupunkter.filter((m) => m.adgang.rediger!.niveau !== 'ingen').map((m) => m.navn);
    expect(forventet).toContain('Kontaktpersoner');
    expect(forventet).not.toContain('Brugeradministration');
    await expect(t.locator('tbody tr:visible th[scope="row"] > a:first-child')).toHaveText(forventet);
    await expect(t.locator('thead th:visible')).toHaveText(['Menupunkt', 'Rediger']);
    await expect(t.locator('tbody td:visible')).toHaveCount(forventet.length);
    await expect(t.locator('tbody td:visible[data-ret="rediger"]')).toHaveCount(forventet.length);

    await expect(live).toHaveText(`Viser ${forventet.length} af ${menupunkter.length} menupunkter: det, rettigheden Rediger giver adgang til.`);
    await expect(page).toHaveURL(/\?rettighed=rediger/);
    // Notes only about rows that are gone are hidden too.
    await expect(page.locator('#rettighedsnote-rapporter-kraever-b-nummer')).toBeHidden();
    await expect(page.locator('#rettighedsnote-alle-brugere-ser')).toBeVisible();

    await page.getByRole('radio', { name: 'Alle rettigheder' }).check();
    await expect(t.locator('tbody tr:visible')).toHaveCount(menupunkter.length);
    await expect(live).toHaveText(`Viser alle ${menupunkter.length} menupunkter og alle rettigheder.`);
  });

  test('a link from a right opens the matrix filtered to it', async ({ page }) => {
    await page.goto(MATRIX);
    await page.getByRole('link', { name: 'Vis kun, hvad Administrator giver, i matrixen' }).click();
    await expect(page).toHaveURL(/\?rettighed=administrator#rettighedsmatrix$/);
    await expect(page.getByRole('radio', { name: 'Administrator' })).toBeChecked();
    const forventet = menupunkter.filter((m) => m.adgang.administrator!.niveau !== 'ingen').map((m) => m.navn);
    await expect(matrix(page).locator('tbody tr:visible th[scope="row"] > a:first-child')).toHaveText(forventet);
  });

  test('without JavaScript the full table is there and the filter is not offered', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(MATRIX);
    await expect(page.locator('kp-rettighedsmatrix fieldset')).toBeHidden();
    await expect(matrix(page).locator('tbody tr:visible')).toHaveCount(menupunkter.length);
    await expect(matrix(page).locator('tbody td:visible')).toHaveCount(menupunkter.length * 4);
    await context.close();
  });

  test('every link in the matrix, its notes and the rights leads to an existing page and anchor', async ({ page }) => {
    await page.goto(MATRIX);
    const hrefs = await page
      .locator('kp-rettighedsmatrix a[href], .rettigheder a[href]')
      .evaluateAll((as) => [...new Set(as.map((a) => (a as HTMLAnchorElement).href))]);
    expect(hrefs.length).toBeGreaterThan(15);
    await targetsExist(page, hrefs);
  });

  test('on a phone the matrix becomes cards without sideways scrolling', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    for (const path of [MATRIX, '/kundeportalen/kontaktpersoner/', '/serviceportalen/statuskoder/', '/kundeportalen/']) {
      await page.goto(path);
      const bred = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(bred, `${path} scrolls sideways`).toBe(0);
    }
    await page.goto(MATRIX);
    const raekke = matrix(page).locator('#menupunkt-kontaktpersoner');
    // The column name is shown inside each value, and the row is still exposed as a table row.
    await expect(raekke.locator('td[data-ret="rediger"] .etiket')).toBeVisible();
    await expect(raekke.getByRole('cell').first()).toBeVisible();
    await page.getByRole('radio', { name: 'Rapporter' }).check();
    await expect(matrix(page).locator('tbody tr:visible')).toHaveCount(
      menupunkter.filter((m) => m.adgang.rapporter!.niveau !== 'ingen').length,
    );
    await context.close();
  });
});

test.describe('Kundeportalen contact roles', () => {
  test('lists the roles in two tables by who assigns them, with the secure e-mail rule', async ({ page }) => {
    await page.goto('/kundeportalen/kontaktpersoner/');
    const egne = page.getByRole('table', { name: /Roller, som I selv tildeler/ });
    const sa = page.getByRole('table', { name: /Roller, som systemadministrator i Statens Administration/ });
    await expect(egne.locator('tbody tr')).toHaveCount(12);
    await expect(sa.locator('tbody th[scope="row"]')).toHaveText(['Deltager – Kundeforum', 'Primær lønkontakt', 'Primær regnskabskontakt']);
    await expect(egne.locator('tr', { has: page.locator('#rolle-kontaktperson-uddata') })).toContainText('Ja.');
    await expect(sa.locator('tr', { has: page.locator('#rolle-primaer-loenkontakt') })).toContainText('Fanebladene Generelt og Løn');
  });
});

test.describe('Serviceportalen status codes', () => {
  test('the status codes page lists all seven codes with meaning and actions', async ({ page }) => {
    await page.goto('/serviceportalen/statuskoder/');
    const t = page.getByRole('table', { name: /statuskoder på en sag/ });
    await expect(t.locator('caption')).toContainText('7 statuskoder');
    expect(statuskoder).toHaveLength(7);
    await expect(t.locator('tbody th[scope="row"]')).toHaveText(statuskoder.map((k) => k.navn));
    await expect(t.locator('#status-lukket')).toContainText('kan ikke genåbnes');
    await expect(t.locator('#status-afventer-rekvirent')).toContainText('Svare ved at opdatere sagen');
    const hrefs = await t.locator('a[href]').evaluateAll((as) => [...new Set(as.map((a) => (a as HTMLAnchorElement).href))]);
    await targetsExist(page, hrefs);
  });
});

test.describe('source traces', () => {
  for (const kilde of ['kundeportalen', 'serviceportalen']) {
    test(`every section of ${kilde} points at an existing page and anchor`, async ({ page }) => {
      const spor = yaml<{ afsnit: { side: string; anker?: string }[] }>(`content/data/kildespor/${kilde}.yaml`);
      await targetsExist(page, spor.afsnit.map((a) => `${a.side}${a.anker ? `#${a.anker}` : ''}`));
    });
  }
});

test.describe('site search', () => {
  async function search(page: Page, term: string) {
    await page.goto('/');
    await page.getByRole('button', { name: /Søg/ }).first().click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByRole('searchbox').or(dialog.locator('input[type="text"]')).first().fill(term);
    await expect(dialog.locator('.pagefind-ui__result-link').first()).toBeVisible();
    return dialog.locator('.pagefind-ui__result-link').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  }

  test('finds the right Rapporter', async ({ page }) => {
    const hrefs = await search(page, 'Rapporter');
    expect(hrefs.some((h) => h.includes('/kundeportalen/rapporter/') || h.includes('/kundeportalen/brugere-og-rettigheder/'))).toBe(true);
  });

  test('finds a contact role by name', async ({ page }) => {
    const hrefs = await search(page, 'Primær lønkontakt');
    expect(hrefs.some((h) => h.includes('/kundeportalen/kontaktpersoner/'))).toBe(true);
  });

  test('finds a status code', async ({ page }) => {
    const hrefs = await search(page, 'Afventer rekvirent');
    expect(hrefs.some((h) => h.includes('/serviceportalen/statuskoder/'))).toBe(true);
  });
});
