import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';

const URL_ = '/kontroller/funktionsadskillelse/';
const sample = fileURLToPath(new URL('../../public/eksempler/funktionsadskillelse-eksempel.csv', import.meta.url));

async function axe(page: Page, what: string) {
  const res = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(
    res.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
    `axe on ${what}`,
  ).toEqual([]);
}

/** Loads the page and waits until the rules are in and the workers have started. */
async function open(page: Page) {
  await page.goto(URL_, { waitUntil: 'networkidle' });
  await expect(page.locator('#sod-filer')).toBeEnabled();
  await page.waitForLoadState('networkidle');
}

/** Every request from now on (the check must not make any). */
function recordRequests(page: Page) {
  const requests: string[] = [];
  page.on('request', (r) => {
    if (!/^(blob|data):/.test(r.url())) requests.push(`${r.method()} ${r.url()}`);
  });
  return requests;
}

async function runSample(page: Page) {
  await page.setInputFiles('#sod-filer', sample);
  await expect(page.getByText('✓ Klar')).toBeVisible();
  await expect(page.getByText('Standardformatet er genkendt.')).toBeVisible();
  await page.getByRole('button', { name: 'Kontrollér filerne' }).click();
  await expect(page.getByRole('heading', { name: '2. Resultat' })).toBeFocused();
}

test('upload → overview → finding explained → mitigation → report → export, with no network requests', async ({ page }) => {
  test.setTimeout(180_000);
  await page.addInitScript(() => {
    (window as unknown as { __printed: number }).__printed = 0;
    window.print = () => {
      (window as unknown as { __printed: number }).__printed++;
    };
  });
  await open(page);
  const requests = recordRequests(page);

  await runSample(page);
  await expect(page.getByRole('status').filter({ hasText: 'rækker i 1 fil er kontrolleret' })).toContainText('40 rækker');
  await axe(page, 'result');

  // Overview: one row per person, conflicts marked with text, not colour alone.
  const overview = page.locator('table.sod-overview');
  const anna = overview.locator('tbody tr', { hasText: 'Anna Holm' });
  await expect(anna).toContainText('NS_BETALING');
  await expect(anna).toContainText('prokura 50.000');
  await expect(anna.locator('.sod-alvor')).toHaveText('◆ Kritisk');
  await page.getByLabel('Vis kun personer med fund').uncheck();
  await expect(overview.locator('tbody tr', { hasText: 'Gitte Jensen' })).toContainText('Ingen');

  // The first finding, explained in plain Danish with its source section.
  const card = page.locator('article.sod-finding', { hasText: 'Anna Holm' }).first();
  await expect(card).toContainText('Disponent Faktura med prokura 50.000 i IndFak, bruger anna.holm@eksempel.dk');
  await expect(card).toContainText('NS_BETALING med prokura i Navision Stat, bruger AHO');
  await expect(card).toContainText('godkende sin egen handling');
  await expect(card).toContainText('afsnit 5, 2.2, 2.3');
  // Drill-down to the rows behind it (file + line).
  await card.getByRole('button', { name: 'Vis rækkerne bag fundet' }).click();
  const rows = card.locator('table');
  await expect(rows.locator('tbody tr', { hasText: 'NS_BETALING' })).toContainText('funktionsadskillelse-eksempel.csv, linje 4Navision StatAHONS_BETALING✓ Ja');
  await expect(rows.locator('tbody tr').first()).toContainText('funktionsadskillelse-eksempel.csv, linje 2');

  // Mitigation: validation, then saved and shown.
  await card.getByRole('button', { name: 'Registrér stillingtagen' }).click();
  await card.getByRole('button', { name: 'Gem stillingtagen' }).click();
  await expect(card.getByText('Skriv begrundelsen eller den kompenserende kontrol.')).toBeVisible();
  await axe(page, 'mitigation form with errors');
  await card.getByRole('radio', { name: 'Kompenserende kontrol' }).check();
  await card.getByLabel('Begrundelse / kompenserende kontrol').fill('Månedlig stikprøve af betalinger godkendt af AHO');
  await card.getByLabel('Ansvarlig').fill('Økonomichef');
  await card.getByLabel('Gyldig til').fill('2027-06-30');
  await card.getByRole('button', { name: 'Gem stillingtagen' }).click();
  await expect(card.locator('.sod-mitigation')).toContainText('Kompenserende kontrol: Månedlig stikprøve af betalinger godkendt af AHO – ansvarlig Økonomichef, gyldig til 30.06.2027.');

  // A local role mapped to a standard role (1.2.4) makes a new finding appear.
  const before = await page.locator('#sod-f-regel option', { hasText: 'Disponering eller godkendelse' }).textContent();
  expect(before).toContain('(2)');
  await page.getByLabel('NS_BOGHOLDER i Navision Stat svarer til').selectOption({ label: 'Bogføring (lokalt rettighedssæt)' });
  await page.getByRole('button', { name: 'Gem kortlægning og kontrollér igen' }).click();
  await expect(page.locator('#sod-f-regel option', { hasText: 'Disponering eller godkendelse' })).toContainText('(3)');

  // A name suggestion confirmed as the same person (never merged by itself).
  await page.getByRole('button', { name: /^Samme person – (Søren Ørsted og Soeren Oersted|Soeren Oersted og Søren Ørsted)$/ }).click();
  await expect(page.locator('article.sod-finding', { hasText: 'Søren Ørsted' }).first()).toContainText('C-fuldmagt i Danske Bank District, bruger 445566');

  // Report: fields, print view with file hash and ruleset version, sign-off.
  await page.getByLabel('Kontrollen er udført af').fill('Kim Controller');
  await page.getByLabel('Institution').fill('Eksempelstyrelsen');
  const doc = page.locator('.sod-report__doc');
  await expect(doc).toContainText(/[0-9a-f]{64}/);
  await expect(doc).toContainText('Version 1.0.0');
  await expect(doc).toContainText('Kim Controller');
  await expect(doc.locator('tr', { hasText: 'Anna Holm' }).first()).toContainText('Kompenserende kontrol: Månedlig stikprøve');
  await expect(doc).toContainText('«NS_BOGHOLDER» = Bogføring (lokalt rettighedssæt)');
  await expect(doc).toContainText(/district:445566 = indfak:soeren\.oersted@eksempel\.dk|indfak:soeren\.oersted@eksempel\.dk = district:445566/);
  await expect(doc.locator('tr', { hasText: 'Else Mørk' })).toContainText('Aftaleadministrator med Alene-fuldmagt i Danske Bank District, bruger 1A2345');
  // On a desktop the findings fit beside the menus: the table does not scroll sideways.
  await page.setViewportSize({ width: 1280, height: 900 });
  const findingsWrap = doc.locator('.sod-scroll', { has: page.locator('table.sod-report__findings') });
  expect(await findingsWrap.evaluate((w) => w.scrollWidth - w.clientWidth)).toBeLessThanOrEqual(0);
  await page.getByRole('button', { name: 'Udskriv kontrolrapport' }).click();
  expect(await page.evaluate(() => (window as unknown as { __printed: number }).__printed)).toBe(1);
  await expect(page.locator('html')).toHaveAttribute('data-sod-print', 'rapport');
  await page.emulateMedia({ media: 'print' });
  await expect(doc).toBeVisible();
  await expect(page.locator('#sod-filer')).toBeHidden();
  await expect(page.locator('h1')).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await expect(page.locator('html')).not.toHaveAttribute('data-sod-print');
  await axe(page, 'report');

  // Exports: UTF-8 with BOM, ';', with the mitigation.
  const [fund] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Hent fund.csv' }).click()]);
  expect(fund.suggestedFilename()).toBe('fund.csv');
  const fundText = readFileSync((await fund.path())!, 'utf8');
  expect(fundText.startsWith('\uFEFFperson;navn;regel;titel;alvor;systemer;roller;forklaring;kilde')).toBe(true);
  expect(fundText).toMatch(/\r\nanna\.holm@eksempel\.dk;Anna Holm;afledt-og-navision;[^\r]*;kritisk;IndFak, Navision Stat;/);
  expect(fundText).toContain(';Kompenserende kontrol;Månedlig stikprøve af betalinger godkendt af AHO;Økonomichef;2027-06-30');
  expect(fundText).toContain('rasmus.noer@eksempel.dk;Rasmus Nør;afledt-og-navision;');
  const [oversigt] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Hent oversigt.csv' }).click()]);
  const oversigtText = readFileSync((await oversigt.path())!, 'utf8');
  expect(oversigtText.split('\r\n')[0]).toBe('\uFEFFperson;navn;e-mail;antal_fund;hoejeste_alvor;regler;RejsUd;IndFak;Navision Stat;NemKonto-systemet;Danske Bank District');
  expect(oversigtText).toContain('gitte.jensen@eksempel.dk;Gitte Jensen;gitte.jensen@eksempel.dk;0;;;');
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Hent hele resultatet (JSON)' }).click()]);
  const result = JSON.parse(readFileSync((await json.path())!, 'utf8'));
  expect(result.kontrol.udfoertAf).toBe('Kim Controller');
  expect(result.filer[0].sha256).toBe(createHash('sha256').update(readFileSync(sample)).digest('hex'));
  expect(result.identitetslinks).toHaveLength(1);

  expect(requests, 'requests from choosing files to exporting').toEqual([]);
});

test('on a phone the result, the filters and the report fit the screen: only tables scroll sideways, in their own frame', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page);
  await runSample(page);
  // The rule filter lists long rule titles; it must not widen the page.
  await expect(page.locator('#sod-f-regel')).toBeVisible();
  await page.locator('.sod-report__doc').scrollIntoViewIfNeeded();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  const box = (await page.locator('#sod-f-regel').boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(390);
});

test('files can be dropped on the drop zone as well as chosen with the button', async ({ page }) => {
  await open(page);
  const requests = recordRequests(page);
  const text = readFileSync(sample, 'utf8');
  const zone = page.locator('.vv-dropzone', { has: page.locator('#sod-filer') });
  await expect(zone).toContainText('eller træk filerne hertil');
  const drag = await page.evaluateHandle((t) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], 'trukket.csv', { type: 'text/csv' }));
    return dt;
  }, text);
  await zone.dispatchEvent('dragover', { dataTransfer: drag });
  await expect(zone).toHaveClass(/vv-dropzone--over/);
  await zone.dispatchEvent('drop', { dataTransfer: drag });
  await expect(zone).not.toHaveClass(/vv-dropzone--over/);
  await expect(page.getByRole('list', { name: 'Valgte filer' })).toContainText('trukket.csv');
  await expect(page.getByText('Standardformatet er genkendt.')).toBeVisible();
  await page.getByRole('button', { name: 'Kontrollér filerne' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'rækker i 1 fil er kontrolleret' })).toContainText('40 rækker');
  expect(requests).toEqual([]);
});

test('raw exports: columns mapped once, saved as a preset, joined on user id', async ({ page }) => {
  await open(page);
  const roles = 'Brugernavn;Fulde navn;Gruppe\nbo.ek@eksempel.dk;Bo Ek;Godkender\n';
  const prokura = 'Bruger;Beløbsgrænse\nbo.ek@eksempel.dk;25.000,00\n';
  const ns = 'system;bruger;email;rolle;prokura\nNS;BEK;bo.ek@eksempel.dk;NS_BETALING;ja\n';
  await page.setInputFiles('#sod-filer', [
    { name: 'rejsud-gruppemedlemskab.csv', mimeType: 'text/csv', buffer: Buffer.from(roles) },
    { name: 'rejsud-beloebsgraense.csv', mimeType: 'text/csv', buffer: Buffer.from(prokura) },
    { name: 'ns.csv', mimeType: 'text/csv', buffer: Buffer.from(ns) },
  ]);
  await expect(page.locator('.sod-file')).toHaveCount(3);
  // Not ready yet: the error summary links to what is missing.
  await page.getByRole('button', { name: 'Kontrollér filerne' }).click();
  const summary = page.locator('.sod-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Kortlæg kolonnerne i «rejsud-gruppemedlemskab.csv»');
  await axe(page, 'error summary');

  const f1 = page.locator('.sod-file', { hasText: 'rejsud-gruppemedlemskab.csv' });
  // The system is guessed from the file name; the columns are chosen by hand.
  await expect(f1.getByLabel('Hvilket system er filen fra?')).toHaveValue('rejsud');
  await f1.getByLabel('Bruger-id', { exact: true }).selectOption('Brugernavn');
  await f1.getByLabel('Navn', { exact: true }).selectOption('Fulde navn');
  await f1.getByLabel('Rolle', { exact: true }).selectOption('Gruppe');
  await f1.getByLabel('Gem kortlægningen til næste gang (navn)').fill('RejsUd gruppemedlemskab');
  await f1.getByRole('button', { name: 'Gem kortlægning' }).click();
  await expect(f1.getByText('Gemt som «RejsUd gruppemedlemskab» i denne browser.')).toBeVisible();
  await f1.getByRole('button', { name: 'Brug kortlægningen' }).click();
  const f2 = page.locator('.sod-file', { hasText: 'rejsud-beloebsgraense.csv' });
  await f2.getByLabel('Bruger-id', { exact: true }).selectOption('Bruger');
  await f2.getByLabel('Prokura', { exact: true }).selectOption('Beløbsgrænse');
  await f2.getByRole('button', { name: 'Brug kortlægningen' }).click();
  await page.getByRole('button', { name: 'Kontrollér filerne' }).click();
  await expect(page.getByRole('heading', { name: '2. Resultat' })).toBeVisible();
  await expect(page.locator('article.sod-finding', { hasText: 'Bo Ek' }).first()).toContainText('Godkender med prokura 25.000 i RejsUd, bruger bo.ek@eksempel.dk');

  // Next time the saved mapping is used for a file with the same columns.
  await page.reload();
  await expect(page.locator('#sod-filer')).toBeEnabled();
  await page.setInputFiles('#sod-filer', { name: 'gruppemedlemskab-2.csv', mimeType: 'text/csv', buffer: Buffer.from(roles) });
  await expect(page.getByText('Den gemte kortlægning «RejsUd gruppemedlemskab» er brugt.')).toBeVisible();
});

test('an Excel workbook chosen by mistake is refused with how to save it as CSV', async ({ page }) => {
  await open(page);
  const xlsx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('\u0000\u0000[Content_Types].xml xl/workbook.xml')]);
  await page.setInputFiles('#sod-filer', { name: 'brugere.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: xlsx });
  const item = page.locator('.sod-file', { hasText: 'brugere.xlsx' });
  await expect(item).toContainText('✕ Kan ikke bruges');
  await expect(item).toContainText('er en Excel-projektmappe');
  await expect(item).toContainText('Gem som');
  await axe(page, 'file error');
});

test('a long check shows progress and can be cancelled', async ({ page }) => {
  await open(page);
  const line = (i: number) => `IndFak;user${i % 20000}@inst.dk;Bruger ${i};;${i % 2 ? 'Indkøber' : 'Rekvirent'};;\n`;
  const parts = ['system;bruger;navn;email;rolle;prokura;fuldmagt\n'];
  for (let i = 0; i < 1_200_000; i++) parts.push(line(i));
  const big = join(mkdtempSync(join(tmpdir(), 'sod-e2e-')), 'stor.csv');
  writeFileSync(big, parts.join(''));
  await page.setInputFiles('#sod-filer', big);
  await expect(page.getByText('✓ Klar')).toBeVisible();
  await page.getByRole('button', { name: 'Kontrollér filerne' }).click();
  await expect(page.locator('#sod-progress')).toBeVisible();
  await page.getByRole('button', { name: 'Annullér' }).click();
  await expect(page.getByText('Kontrollen blev annulleret. Intet er gemt.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Kontrollér filerne' })).toBeVisible();
});

for (const cores of [1, 8]) {
  test(`the report gets the file's SHA-256 with ${cores} core${cores > 1 ? 's' : ''} (${cores > 2 ? 'alongside the check' : 'after the check'})`, async ({ page }) => {
    await page.addInitScript((n) => Object.defineProperty(navigator, 'hardwareConcurrency', { get: () => n }), cores);
    await open(page);
    const requests = recordRequests(page);
    await runSample(page);
    const sha = createHash('sha256').update(readFileSync(sample)).digest('hex');
    await expect(page.locator('.sod-report__doc')).toContainText(sha);
    expect(requests).toEqual([]);
  });
}
