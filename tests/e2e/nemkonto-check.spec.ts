import { test, expect, type Page, type Request } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync, mkdtempSync, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const cp1252 = (s: string) =>
  Buffer.from([...s].map((c) => ({ æ: 0xe6, ø: 0xf8, å: 0xe5, Æ: 0xc6, Ø: 0xd8, Å: 0xc5 } as Record<string, number>)[c] ?? c.charCodeAt(0)));

// A recipients file as Danish Excel saves it: Windows-1252, semicolons, CRLF, æøå in names.
const MODTAGERE = cp1252(
  [
    'Navn;Identifikation;Type',
    'Søren Ærø;010190-0002;CPR', // ok
    'Åse Østergård;13748136;CVR', // ok
    'Bjørn Ødegård;2902000006;CPR', // 29.02.1900 findes ikke
    'Kærlighed ApS;13748137;CVR', // modulus 11
    'Mølle;101900002;CPR', // 9 cifre
    'Blåbær;0101900002;CPR', // dublet af linje 2
    'Hø;;CPR', // tom
  ].join('\r\n') + '\r\n',
);

async function open(page: Page) {
  await page.goto('/kontroller/nemkonto/', { waitUntil: 'networkidle' });
  // The islands have started their workers (the only requests the check needs).
  await expect(page.locator('.nk-kontrol[data-kind=modtagere][data-klar]')).toBeAttached();
  await expect(page.locator('.nk-kontrol[data-kind=betalinger][data-klar]')).toBeAttached();
}

function record(page: Page) {
  const requests: string[] = [];
  const onRequest = (r: Request) => requests.push(`${r.method()} ${r.url()}`);
  page.on('request', onRequest);
  return { requests, stop: () => page.off('request', onRequest) };
}

const modtagere = (page: Page) => page.locator('.nk-kontrol[data-kind=modtagere]');

test('Windows-1252 recipients file: checked, masked, downloaded and printed with zero requests', async ({ page }) => {
  test.setTimeout(120_000);
  await open(page);
  const rec = record(page);

  await page.locator('#nk-modtagere-fil').setInputFiles({ name: 'modtagere æøå.csv', mimeType: 'text/csv', buffer: MODTAGERE });
  const box = modtagere(page);
  await expect(box.getByRole('heading', { name: 'Resultat for «modtagere æøå.csv»' })).toBeFocused();
  await expect(box.locator('.nk-meta')).toContainText('7 rækker');
  await expect(box.locator('.nk-meta')).toContainText('læst som Windows-1252, adskilt med semikolon');
  await expect(box.locator('.nk-tal')).toContainText('4 med fejl');
  await expect(box.locator('.nk-tal')).toContainText('1 med advarsel');
  await expect(box.locator('.nk-tal')).toContainText('2 OK');

  const rows = box.locator('.nk-problemtabel tbody tr');
  await expect(rows).toHaveCount(5);
  await expect(rows.nth(0)).toContainText('290200-XXXX');
  await expect(rows.nth(0)).toContainText('1900 er ikke et skudår');
  await expect(rows.nth(2)).toContainText('10190-XXXX');
  await expect(rows.nth(3)).toContainText('Dublet: samme CPR-nummer som linje 2.');
  await expect(rows.nth(3)).toContainText('010190-XXXX');
  const text = await page.locator('main').innerText();
  for (const cpr of ['0101900002', '010190-0002', '2902000006', '101900002']) expect(text).not.toContain(cpr);

  // Download: every row, as UTF-8 with BOM, semicolons, CRLF, CPR masked.
  const [download] = await Promise.all([page.waitForEvent('download'), box.getByRole('button', { name: 'Hent resultatet som CSV (alle rækker)' }).click()]);
  expect(download.suggestedFilename()).toBe('modtagere æøå-kontrol.csv');
  const csv = readFileSync((await download.path())!);
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = csv.toString('utf8').slice(1).split('\r\n');
  expect(lines[0]).toBe('linje;id;type;status;besked');
  expect(lines.slice(1, 8).map((l) => l.split(';').slice(0, 4).join(';'))).toEqual([
    '2;010190-XXXX;CPR;ok',
    '3;13748136;CVR;ok',
    '4;290200-XXXX;CPR;fejl',
    '5;13748137;CVR;fejl',
    '6;10190-XXXX;CPR;fejl',
    '7;010190-XXXX;CPR;advarsel',
    '8;;CPR;fejl',
  ]);
  expect(lines[8]).toBe('');
  expect(csv.toString('utf8')).not.toMatch(/0101900002|010190-0002|2902000006|101900002/);

  const [onlyProblems] = await Promise.all([page.waitForEvent('download'), box.getByRole('button', { name: 'Hent kun advarsler og fejl (CSV)' }).click()]);
  const problems = readFileSync((await onlyProblems.path())!, 'utf8').split('\r\n').filter(Boolean);
  expect(problems.length).toBe(1 + 5);

  rec.stop();
  expect(rec.requests, 'network requests from choosing the file to downloading the result').toEqual([]);

  // Axe on the result state, light and dark.
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
  const dark = await new AxeBuilder({ page }).withTags(['wcag2aa']).withRules(['color-contrast']).analyze();
  expect(dark.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'light'));

  // Print view: only this result, without the form and buttons.
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void (window as unknown as { printed: number }).printed++;
  });
  await box.getByRole('button', { name: 'Udskriv resultatet' }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await page.emulateMedia({ media: 'print' });
  await expect(box.locator('.nk-resultat')).toBeVisible();
  await expect(box.locator('.nk-print-hoved')).toBeVisible();
  await expect(box.locator('.nk-upload')).toBeHidden();
  await expect(box.locator('.nk-handlinger')).toBeHidden();
  await expect(page.locator('.nk-kontrol[data-kind=betalinger]')).toBeHidden();
  await expect(page.locator('table', { hasText: 'Fødselsårets århundrede' })).toBeHidden();
  await expect(box.locator('.nk-problemtabel tbody tr')).toHaveCount(5);
});

test('a file chosen before the script has loaded (a slow machine) is still checked', async ({ page }) => {
  // Hold the island's script back until the file has been chosen in the server-rendered field.
  let slip!: () => void;
  const holdt = new Promise<void>((r) => (slip = r));
  await page.route('**/_astro/NemKontoKontrol*.js', async (route) => {
    await holdt;
    await route.continue();
  });
  await page.goto('/kontroller/nemkonto/');
  await page.locator('#nk-modtagere-fil').setInputFiles({ name: 'tidlig.csv', mimeType: 'text/csv', buffer: MODTAGERE });
  slip();
  const box = modtagere(page);
  await expect(box.getByRole('heading', { name: 'Resultat for «tidlig.csv»' })).toBeVisible();
  await expect(box.locator('.nk-tal')).toContainText('4 med fejl');
});

test('a recipients file dropped on the drop zone is checked like one chosen with the button', async ({ page }) => {
  await open(page);
  const rec = record(page);
  const zone = modtagere(page).locator('.vv-dropzone');
  await expect(zone).toContainText('eller træk filen hertil');
  const drag = await page.evaluateHandle((bytes) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(bytes)], 'trukket.csv', { type: 'text/csv' }));
    return dt;
  }, [...MODTAGERE]);
  await zone.dispatchEvent('dragover', { dataTransfer: drag });
  await expect(zone).toHaveClass(/vv-dropzone--over/);
  await zone.dispatchEvent('drop', { dataTransfer: drag });
  const box = modtagere(page);
  await expect(box.getByRole('heading', { name: 'Resultat for «trukket.csv»' })).toBeFocused();
  await expect(box.locator('.nk-tal')).toContainText('4 med fejl');
  await expect(zone).not.toHaveClass(/vv-dropzone--over/);
  rec.stop();
  expect(rec.requests).toEqual([]);
});

test('an Excel workbook gives an error summary, "Fejl: " in the title and a message naming the file', async ({ page }) => {
  await open(page);
  const title = await page.title();
  const xlsx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('[Content_Types].xml xl/workbook.xml')]);
  await page.locator('#nk-modtagere-fil').setInputFiles({ name: 'modtagere.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: xlsx });
  const summary = modtagere(page).getByRole('alert');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Der er et problem');
  await expect(summary).toContainText('Filen «modtagere.xlsx» er en Excel-projektmappe, ikke en CSV-fil.');
  await expect(summary).toContainText('Gem som');
  await expect(page).toHaveTitle(`Fejl: ${title}`);
  await expect(modtagere(page).locator('.nk-fejlbesked')).toContainText('modtagere.xlsx');
  await summary.getByRole('link').click();
  await expect(page.locator('#nk-modtagere-fil')).toBeFocused();

  // An empty file: "Filen … er tom."
  await page.locator('#nk-modtagere-fil').setInputFiles({ name: 'tom.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) });
  await expect(modtagere(page).getByRole('alert')).toContainText('Filen «tom.csv» er tom.');

  // A good file clears the error and the title.
  await page.locator('#nk-modtagere-fil').setInputFiles({ name: 'ok.csv', mimeType: 'text/csv', buffer: Buffer.from('cpr\n0101900002\n') });
  await expect(modtagere(page).getByRole('heading', { name: 'Resultat for «ok.csv»' })).toBeVisible();
  await expect(modtagere(page).getByRole('alert')).toHaveCount(0);
  await expect(page).toHaveTitle(title);
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
});

test('a running check can be cancelled, and the next check still works', async ({ page }) => {
  // A large file on disk (about 90 MB), so the check runs long enough to cancel.
  const dir = mkdtempSync(join(tmpdir(), 'nemkonto-e2e-'));
  const path = join(dir, 'stor.csv');
  const out = createWriteStream(path);
  out.write('cpr;navn;adresse\n');
  const block = '0101900002;Søren Sørensen;Østergade 1, 8000 Aarhus C\n'.repeat(20_000);
  for (let i = 0; i < 90; i++) if (!out.write(block)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');

  await open(page);
  await page.locator('#nk-modtagere-fil').setInputFiles(path);
  const box = modtagere(page);
  await expect(box.locator('progress')).toBeVisible();
  await box.getByRole('button', { name: 'Afbryd' }).click();
  await expect(box.getByRole('status')).toHaveText('Kontrollen blev afbrudt. Ingen resultater er vist.');
  await expect(box.locator('progress')).toHaveCount(0);
  await expect(box.locator('.nk-resultat')).toHaveCount(0);

  await page.locator('#nk-modtagere-fil').setInputFiles({ name: 'lille.csv', mimeType: 'text/csv', buffer: Buffer.from('cpr\n0101900002\n') });
  await expect(box.getByRole('heading', { name: 'Resultat for «lille.csv»' })).toBeVisible();
});

test('unknown headers: choose the columns, then page through the problems', async ({ page }) => {
  await open(page);
  const rows = ['Navn;Nummer;Slags'];
  // Per three rows: an invalid birth date (fejl), a CPR number without modulus 11 (advarsel) and a
  // CVR number with a wrong check digit (fejl).
  const kinds = ['2902000006;CPR', '1505402000;CPR', '13748137;CVR'];
  for (let i = 0; i < 120; i++) rows.push(`Person ${i};${kinds[i % 3]}`);
  await page.locator('#nk-modtagere-fil').setInputFiles({ name: 'ukendt.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')) });
  const box = modtagere(page);
  await expect(box.getByRole('heading', { name: 'Vælg kolonner i «ukendt.csv»' })).toBeFocused();
  await expect(box.locator('.nk-eksempler')).toContainText('290200XXXX');
  await expect(box.locator('.nk-eksempler')).not.toContainText('2902000006');
  await box.getByRole('button', { name: 'Kontrollér med disse kolonner' }).click();
  await expect(box.getByRole('alert')).toContainText('Vælg kolonnen med identifikationen');
  await box.getByLabel('Kolonne med identifikation').selectOption({ label: 'Nummer' });
  await box.getByLabel('Kolonne med typen (valgfri)').selectOption({ label: 'Slags' });
  await box.getByRole('button', { name: 'Kontrollér med disse kolonner' }).click();
  await expect(box.locator('.nk-meta')).toContainText('Identifikation: «Nummer» · Type: «Slags»');
  await expect(box.locator('.nk-problemtabel caption')).toContainText('Rækker 1–25 af 120');
  await box.getByRole('button', { name: 'Næste side' }).click();
  await expect(box.locator('.nk-problemtabel caption')).toContainText('Rækker 26–50 af 120');
  await expect(box.locator('.nk-problemtabel tbody tr').first()).toContainText('27');
  await expect(box.locator('.nk-sider')).toContainText('Side 2 af 5');
  await box.getByLabel('Vis').selectOption('advarsel');
  await expect(box.locator('.nk-problemtabel caption')).toContainText('Rækker 1–25 af 40');
  await expect(box.locator('.nk-problemtabel tbody tr').first()).toContainText('150540-XXXX');
  await expect(box.locator('.nk-sider')).toContainText('Side 1 af 2');
  await expect(box.getByRole('button', { name: 'Forrige side' })).toBeDisabled();
});

test('payments file: sent after 6.00 the day before is flagged', async ({ page }) => {
  await open(page);
  const rec = record(page);
  const file = Buffer.from('Betaling;Afsendt;Udbetalingsdato\nB1;17-03-2025 05:59;18-03-2025\nB2;17-03-2025 07:15;18-03-2025\nB3;13-03-2025 05:00;15-03-2025\n');
  await page.locator('#nk-betalinger-fil').setInputFiles({ name: 'betalinger.csv', mimeType: 'text/csv', buffer: file });
  const box = page.locator('.nk-kontrol[data-kind=betalinger]');
  await expect(box.getByRole('heading', { name: 'Resultat for «betalinger.csv»' })).toBeVisible();
  const rows = box.locator('.nk-problemtabel tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('17.03.2025 kl. 07.15');
  await expect(rows.nth(0)).toContainText('1 t 15 min for sent');
  await expect(rows.nth(1)).toContainText('lørdag');
  rec.stop();
  expect(rec.requests).toEqual([]);
});
