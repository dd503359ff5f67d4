import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';

const URL_NK = '/tjeklister/nemkonto/';
const KEY = 'vejviser.tjekliste.nemkonto';

async function open(page: Page, path = URL_NK) {
  await page.goto(path);
  await expect(page.locator('.tj--klar')).toBeVisible();
}

const item = (page: Page, id: string) => page.locator(`#punkt-${id}`);
const box = (page: Page, nr: string) => page.getByRole('checkbox', { name: new RegExp(`^${nr.replace('.', '\\.')} `) });

async function openFields(page: Page, id: string) {
  const details = item(page, id).locator('details.tj-detaljer');
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
}

async function stored(page: Page, key = KEY) {
  return page.evaluate((k) => localStorage.getItem(k), key);
}

test.describe('tjekliste', () => {
  test('the whole list is readable without JavaScript', async ({ browser }) => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(URL_NK);
    const items = page.locator('li.tj-punkt');
    await expect(items).toHaveCount(11);
    await expect(items.nth(3)).toContainText('1.4');
    await expect(items.nth(3)).toContainText('Har I sikret, at jeres datakvalitet er i orden');
    // The help opens without JavaScript too (native <details>).
    await items.nth(3).getByText('Hjælp og vejledning').click();
    await expect(items.nth(3).getByRole('link', { name: 'Læs vejledningen til punkt 1.4' })).toHaveAttribute('href', '/nemkonto/datakvalitet/');
    await expect(items.nth(3).getByRole('link', { name: 'Kør kontrollen af jeres modtagerfil' })).toHaveAttribute('href', '/kontroller/nemkonto/#modtagere');
    await expect(items.nth(3).locator('.tj-hjaelp-tekst')).toContainText('Fiktive CPR- eller CVR-numre');
    await expect(page.getByRole('checkbox')).toHaveCount(0);
    // And it prints.
    await page.emulateMedia({ media: 'print' });
    await expect(items.first()).toBeVisible();
    await ctx.close();
  });

  test('tick, reload, still ticked; progress is announced politely', async ({ page }) => {
    await open(page);
    const live = page.locator('#tj-annonce');
    await expect(live).toHaveAttribute('aria-live', 'polite');
    await expect(page.locator('#tj-fremdrift')).toHaveText('0 af 11 færdige');
    await box(page, '1.1').check();
    await expect(item(page, 'tilslutningsaftale').locator('.tj-badge')).toHaveText('Status: Færdig');
    await expect(live).toHaveText('Punkt 1.1 er nu færdig. 1 af 11 færdige.');
    await expect(page.locator('#tj-fremdrift')).toHaveText('1 af 11 færdige');
    await page.reload();
    await expect(page.locator('.tj--klar')).toBeVisible();
    await expect(box(page, '1.1')).toBeChecked();
    await expect(box(page, '1.2')).not.toBeChecked();
    await expect(page.locator('#tj-fremdrift')).toHaveText('1 af 11 færdige');
  });

  test('owner, due date and note are kept after a reload', async ({ page }) => {
    await open(page);
    await openFields(page, 'brugere');
    await page.locator('#tj-brugere-ansvarlig').fill('Anna Jensen');
    await page.locator('#tj-brugere-frist').fill('2030-12-01');
    await page.locator('#tj-brugere-note').fill('Venter på KMD;\n"hurtigt" svar');
    await page.reload();
    await expect(page.locator('.tj--klar')).toBeVisible();
    const meta = item(page, 'brugere').locator('.tj-meta');
    await expect(meta).toContainText('Anna Jensen');
    await expect(meta).toContainText('1. december 2030');
    await expect(meta).toContainText('Venter på KMD;');
    await openFields(page, 'brugere');
    await expect(page.locator('#tj-brugere-ansvarlig')).toHaveValue('Anna Jensen');
    await expect(page.locator('#tj-brugere-frist')).toHaveValue('2030-12-01');
    await expect(page.locator('#tj-brugere-note')).toHaveValue('Venter på KMD;\n"hurtigt" svar');
    // Recording an owner or a date does not by itself start the item.
    await expect(item(page, 'brugere').locator('.tj-badge')).toHaveText('Status: Ikke startet');
  });

  test('a typed date that is not a date is refused with a message, and nothing is saved', async ({ page }) => {
    await open(page);
    await openFields(page, 'brugere');
    const frist = page.locator('#tj-brugere-frist');
    // As in a browser without a date picker.
    await frist.evaluate((el) => ((el as HTMLInputElement).type = 'text'));
    await frist.fill('31/12/2026');
    await frist.press('Tab');
    await expect(item(page, 'brugere').locator('.tj-fejl')).toHaveText('Fejl: Skriv datoen som ÅÅÅÅ-MM-DD, fx 2026-12-01.');
    await expect(frist).toHaveValue('31/12/2026');
    await expect(frist).toHaveAttribute('aria-invalid', 'true');
    expect(await stored(page)).toBeNull();
    await frist.fill('2026-12-31');
    await frist.press('Tab');
    await expect(item(page, 'brugere').locator('.tj-fejl')).toHaveCount(0);
    await expect(item(page, 'brugere').locator('.tj-meta')).toContainText('31. december 2026');
  });

  test('status and checkbox agree; "ikke relevant" leaves the denominator, and the page says so', async ({ page }) => {
    await open(page);
    await openFields(page, 'pengeinstitut');
    await page.locator('#tj-pengeinstitut-status').selectOption('faerdig');
    await expect(box(page, '1.2')).toBeChecked();
    await page.locator('#tj-pengeinstitut-status').selectOption('ikke-relevant');
    await expect(box(page, '1.2')).not.toBeChecked();
    await expect(page.locator('#tj-fremdrift')).toHaveText('0 af 10 færdige');
    await expect(page.locator('.tj-fremdrift')).toContainText('1 punkt er markeret som ikke relevant og tæller ikke med.');
    await expect(page.locator('#tj-annonce')).toHaveText('Punkt 1.2 er nu ikke relevant. 0 af 10 færdige.');
    await box(page, '1.2').check();
    await expect(page.locator('#tj-pengeinstitut-status')).toHaveValue('faerdig');
  });

  test('an item past its due date is marked overdue until it is done', async ({ page }) => {
    await page.clock.setFixedTime(new Date('2026-11-23T12:00:00'));
    await open(page);
    await openFields(page, 'datakvalitet');
    await page.locator('#tj-datakvalitet-frist').fill('2026-11-22');
    await expect(item(page, 'datakvalitet')).toHaveClass(/tj-punkt--overskredet/);
    await expect(item(page, 'datakvalitet')).toContainText('Fristen er overskredet');
    await expect(page.locator('.tj-fremdrift')).toContainText('1 punkt har overskredet fristen.');
    await page.locator('#tj-datakvalitet-frist').fill('2026-11-23');
    await expect(item(page, 'datakvalitet')).not.toHaveClass(/tj-punkt--overskredet/);
    await page.locator('#tj-datakvalitet-frist').fill('2026-10-01');
    await expect(item(page, 'datakvalitet')).toHaveClass(/tj-punkt--overskredet/);
    await box(page, '1.4').check();
    await expect(item(page, 'datakvalitet')).not.toHaveClass(/tj-punkt--overskredet/);
    await expect(page.locator('.tj-fremdrift')).not.toContainText('overskredet');
  });

  test('filters: not done, and mine by the name I set', async ({ page }) => {
    await open(page);
    await openFields(page, 'tilslutningsaftale');
    await page.locator('#tj-tilslutningsaftale-ansvarlig').fill('Anna Jensen');
    await openFields(page, 'pengeinstitut');
    await page.locator('#tj-pengeinstitut-ansvarlig').fill('Anna Jensen');
    await box(page, '1.2').check();
    await openFields(page, 'brugere');
    await page.locator('#tj-brugere-ansvarlig').fill('Bo');

    await page.getByLabel('Kun punkter, der ikke er færdige').check();
    await expect(page.locator('li.tj-punkt')).toHaveCount(10);
    await expect(item(page, 'pengeinstitut')).toHaveCount(0);
    await expect(page.locator('.tj-filter-status')).toHaveText('Viser 10 af 11 punkter.');
    await expect(page.locator('#tj-annonce')).toHaveText('Viser 10 af 11 punkter.');

    // Ticking an item the filter then hides moves focus to the next item shown.
    await box(page, '1.3').click();
    await expect(item(page, 'brugere')).toHaveCount(0);
    await expect(box(page, '1.4')).toBeFocused();
    await page.getByLabel('Kun punkter, der ikke er færdige').uncheck();
    await box(page, '1.3').uncheck();
    await page.getByLabel('Kun punkter, der ikke er færdige').check();

    await page.getByLabel('Kun punkter, hvor jeg er ansvarlig').check();
    await page.getByLabel('Mit navn').fill('  anna jensen ');
    await expect(page.locator('li.tj-punkt')).toHaveCount(1);
    await expect(item(page, 'tilslutningsaftale')).toBeVisible();
    await page.getByLabel('Kun punkter, der ikke er færdige').uncheck();
    await expect(page.locator('li.tj-punkt')).toHaveCount(2);
    // The name is remembered in this browser.
    await page.reload();
    await page.getByLabel('Kun punkter, hvor jeg er ansvarlig').check();
    await expect(page.getByLabel('Mit navn')).toHaveValue('  anna jensen ');
    await expect(page.locator('li.tj-punkt')).toHaveCount(2);
  });

  test('runs: a second run has its own answers; switch, rename and delete with a confirm step', async ({ page }) => {
    await open(page);
    await box(page, '1.1').check();
    await page.getByRole('button', { name: 'Ny gennemgang' }).click();
    const navn = page.getByLabel('Navn på den nye gennemgang');
    await expect(navn).toBeFocused();
    await navn.fill('Gennemgang 1');
    await page.getByRole('button', { name: 'Opret gennemgang' }).click();
    await expect(page.locator('.tj-fejl')).toContainText('Der findes allerede en gennemgang med navnet "Gennemgang 1".');
    await navn.fill('CVR 12345678');
    await page.getByRole('button', { name: 'Opret gennemgang' }).click();
    await expect(page.getByRole('heading', { name: 'Gennemgang: CVR 12345678' })).toBeVisible();
    await expect(box(page, '1.1')).not.toBeChecked();
    await box(page, '1.2').check();

    await page.getByRole('button', { name: 'Vis gennemgangen Gennemgang 1' }).click();
    await expect(box(page, '1.1')).toBeChecked();
    await expect(box(page, '1.2')).not.toBeChecked();
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Gennemgang: Gennemgang 1' })).toBeVisible();

    await page.getByRole('button', { name: 'Vis gennemgangen CVR 12345678' }).click();
    await expect(box(page, '1.2')).toBeChecked();
    await page.getByRole('button', { name: 'Omdøb gennemgangen CVR 12345678' }).click();
    await page.getByLabel('Nyt navn til "CVR 12345678"').fill('Bogføringskreds 042');
    await page.getByRole('button', { name: 'Gem navn' }).click();
    await expect(page.getByRole('heading', { name: 'Gennemgang: Bogføringskreds 042' })).toBeVisible();

    await page.getByRole('button', { name: 'Slet gennemgangen Bogføringskreds 042' }).click();
    await expect(page.locator('.tj-bekraeft')).toContainText('Vil du slette gennemgangen "Bogføringskreds 042"?');
    await page.getByRole('button', { name: 'Annuller' }).click();
    await expect(page.getByRole('heading', { name: 'Gennemgang: Bogføringskreds 042' })).toBeVisible();
    await page.getByRole('button', { name: 'Slet gennemgangen Bogføringskreds 042' }).click();
    await page.getByRole('button', { name: 'Ja, slet gennemgangen' }).click();
    await expect(page.getByRole('heading', { name: 'Gennemgang: Gennemgang 1' })).toBeVisible();
    await expect(page.locator('.tj-runs .tj-besked')).toContainText('Gennemgangen "Bogføringskreds 042" er slettet.');
    await expect(page.locator('.tj-run')).toHaveCount(1);
    // Undo brings it back.
    await page.locator('.tj-runs').getByRole('button', { name: 'Fortryd' }).click();
    await expect(page.locator('.tj-run')).toHaveCount(2);
  });

  test('export → reset → import restores the answers; CSV is for Excel', async ({ page }) => {
    await open(page);
    await box(page, '1.1').check();
    await openFields(page, 'frister');
    await page.locator('#tj-frister-ansvarlig').fill('=Bo');
    await page.locator('#tj-frister-note').fill('Frist kl. 6.00; snitflade');

    const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Eksportér alle gennemgange (JSON)' }).click()]);
    expect(json.suggestedFilename()).toMatch(/^tjekliste-nemkonto-\d{4}-\d{2}-\d{2}\.json$/);
    const jsonPath = await json.path();
    const exported = JSON.parse(readFileSync(jsonPath, 'utf8'));
    expect(exported).toMatchObject({ format: 'vejviser-tjekliste', version: 2, tjekliste: 'nemkonto' });

    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Eksportér til Excel (CSV)' }).click()]);
    const csvText = readFileSync(await csv.path(), 'utf8');
    expect(csvText.startsWith('\uFEFFGennemgang;Nummer;')).toBe(true);
    expect(csvText).toContain(`;'=Bo;`);
    expect(csvText).toContain('"Frist kl. 6.00; snitflade"');

    await page.getByRole('button', { name: 'Nulstil gennemgangen Gennemgang 1' }).click();
    await page.getByRole('button', { name: 'Ja, nulstil' }).click();
    await expect(box(page, '1.1')).not.toBeChecked();
    await expect(page.locator('#tj-fremdrift')).toHaveText('0 af 11 færdige');

    await page.getByLabel('Vælg en JSON-fil, du har eksporteret fra denne tjekliste').setInputFiles(jsonPath);
    await expect(page.locator('.tj-data .tj-bekraeft')).toContainText('Erstatter: Gennemgang 1');
    await page.getByRole('button', { name: 'Importér', exact: true }).click();
    await expect(box(page, '1.1')).toBeChecked();
    await expect(item(page, 'frister').locator('.tj-meta')).toContainText('=Bo');
    await expect(page.locator('.tj-data .tj-besked')).toContainText('er importeret');
    await page.reload();
    await expect(box(page, '1.1')).toBeChecked();
  });

  test('a bad import file is rejected with exact reasons, and the answers stay as they were', async ({ page }) => {
    await open(page);
    await box(page, '1.1').check();
    const before = await stored(page);
    const file = page.getByLabel('Vælg en JSON-fil, du har eksporteret fra denne tjekliste');
    const bad = {
      format: 'vejviser-tjekliste',
      version: 2,
      tjekliste: 'nemkonto',
      aktiv: 'g1',
      gennemgange: [{ id: 'g1', navn: 'Gennemgang 1', svar: { datakvalitet: { status: 'done', frist: '31-12-2026' } } }],
    };
    await file.setInputFiles({ name: 'svar.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    const summary = page.locator('.tj-fejlopsummering');
    await expect(summary).toBeVisible();
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('Filen kunne ikke importeres');
    await expect(summary).toContainText('punkt 1.4 (datakvalitet): status "done" er ikke en gyldig status');
    await expect(summary).toContainText('fristen "31-12-2026" er ikke en gyldig dato');
    await expect(page).toHaveTitle(/^Fejl: /);
    await expect(summary.getByRole('link').first()).toHaveAttribute('href', '#tj-import-fil');

    await file.setInputFiles({ name: 'andet.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...bad, tjekliste: 'digital-post' })) });
    await expect(summary).toContainText('Filen hører til tjeklisten "digital-post"');
    await file.setInputFiles({ name: 'noter.txt', mimeType: 'text/plain', buffer: Buffer.from('ikke json') });
    await expect(summary).toContainText('ikke en JSON-fil');

    await expect(box(page, '1.1')).toBeChecked();
    expect(await stored(page)).toBe(before);
    await page.reload();
    await expect(box(page, '1.1')).toBeChecked();
  });

  test('print view: no navigation, every item with owner, dates and notes', async ({ page }, info) => {
    await open(page);
    await openFields(page, 'information');
    await page.locator('#tj-information-ansvarlig').fill('Carla Holm');
    await page.locator('#tj-information-frist').fill('2030-01-31');
    await page.locator('#tj-information-note').fill('Intranetnyhed klar');
    await box(page, '1.2').check();
    await page.emulateMedia({ media: 'print' });
    // The page is in the sidebar, and the sidebar is not printed.
    await expect(page.locator('#starlight__sidebar a[href="/tjeklister/nemkonto/"]')).toHaveCount(1);
    await expect(page.locator('#starlight__sidebar')).toBeHidden();
    await expect(page.locator('header.header')).toBeHidden();
    await expect(page.locator('.tj-skaerm')).toBeHidden();
    const print = page.locator('.tj-udskrift');
    await expect(print).toBeVisible();
    await expect(print.locator('tbody tr')).toHaveCount(11);
    const row = print.locator('tr', { hasText: '1.11' });
    await expect(row).toContainText('Carla Holm');
    await expect(row).toContainText('31. januar 2030');
    await expect(row).toContainText('Intranetnyhed klar');
    await expect(print.locator('tr', { hasText: '1.2' }).first()).toContainText('Færdig');
    await expect(print).toContainText('Gennemgang: Gennemgang 1');
    await page.screenshot({ path: info.outputPath('udskrift.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    await expect(print).toBeHidden();
  });

  test('the print button opens the browser\'s print dialog', async ({ page }) => {
    await open(page);
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void (window as unknown as { printed: number }).printed++;
    });
    await page.getByRole('button', { name: 'Udskriv' }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  });

  test('corrupt stored data: Danish message, backup kept, other checklists untouched', async ({ page }) => {
    await page.goto(URL_NK);
    await page.evaluate(() => {
      localStorage.setItem('vejviser.tjekliste.nemkonto', '{"format":"vejviser-tjekliste","gennem');
      localStorage.setItem('vejviser.tjekliste.digital-post', '{"uberørt":true}');
    });
    await page.reload();
    const alert = page.locator('.tj-advarselsboks');
    await expect(alert).toContainText('De gemte svar til denne tjekliste er beskadigede og kunne ikke læses.');
    await expect(alert).toContainText('vejviser.tjekliste.nemkonto.beskadiget');
    expect(await stored(page, 'vejviser.tjekliste.nemkonto.beskadiget')).toBe('{"format":"vejviser-tjekliste","gennem');
    expect(await stored(page, 'vejviser.tjekliste.digital-post')).toBe('{"uberørt":true}');
    const [dl] = await Promise.all([page.waitForEvent('download'), alert.getByRole('button', { name: 'Hent de oprindelige data som fil' }).click()]);
    expect(readFileSync(await dl.path(), 'utf8')).toBe('{"format":"vejviser-tjekliste","gennem');
    // Working on continues normally.
    await box(page, '1.3').check();
    await page.reload();
    await expect(box(page, '1.3')).toBeChecked();
    await expect(page.locator('.tj-advarselsboks')).toHaveCount(0);
  });

  test('answers to items that left the checklist are shown as forældede svar and deleted only on request', async ({ page }) => {
    await page.goto(URL_NK);
    await page.evaluate((key) => {
      const now = '2026-11-20T10:00:00.000Z';
      localStorage.setItem(
        key,
        JSON.stringify({
          format: 'vejviser-tjekliste',
          version: 2,
          tjekliste: 'nemkonto',
          aktiv: 'g1',
          gennemgange: [
            {
              id: 'g1',
              navn: 'Gennemgang 1',
              oprettet: now,
              aendret: now,
              svar: {
                tilslutningsaftale: { status: 'faerdig', ansvarlig: '', frist: '', note: '', dato: '', nummer: '1.1', tekst: 'Har I underskrevet aftalen?', aendret: now },
                fjernet: { status: 'i-gang', ansvarlig: 'Bo', frist: '', note: 'gammel note', dato: '', nummer: '1.12', tekst: 'Et punkt, der er fjernet', aendret: now },
              },
            },
          ],
        }),
      );
    }, KEY);
    await page.reload();
    const orphans = page.locator('.tj-foraeldede');
    await expect(orphans.getByRole('heading')).toHaveText('Forældede svar (1)');
    await expect(orphans).toContainText('1.12 Et punkt, der er fjernet');
    await expect(orphans).toContainText('Note: gammel note');
    await expect(item(page, 'tilslutningsaftale').locator('.tj-omformuleret')).toContainText('Tidligere tekst: “Har I underskrevet aftalen?”');
    await expect(page.locator('#tj-fremdrift')).toHaveText('1 af 11 færdige');
    await orphans.getByRole('button', { name: 'Slet det forældede svar til 1.12' }).click();
    await expect(page.locator('.tj-foraeldede')).toHaveCount(0);
    expect(await stored(page)).not.toContain('fjernet');
    await page.reload();
    await expect(page.locator('.tj-foraeldede')).toHaveCount(0);
  });

  test('Digital Post: the certificate expiry date is recorded on its item and shown at the top', async ({ page }) => {
    await page.clock.setFixedTime(new Date('2026-11-23T12:00:00'));
    await open(page, '/tjeklister/digital-post/');
    const top = page.locator('.tj-vigtig-dato');
    await expect(top).toContainText('Certifikatet udløber: ikke angivet.');
    await page.locator('#tj-certifikat-udloeb-dato').fill('2027-03-12');
    await expect(top).toContainText('Certifikatet udløber: 12. marts 2027 (om 109 dage).');
    await page.reload();
    await expect(top).toContainText('12. marts 2027');
    await page.locator('#tj-certifikat-udloeb-dato').fill('2026-11-20');
    await expect(top).toContainText('for 3 dage siden');
    await expect(top).toHaveClass(/tj-vigtig-dato--passeret/);
  });

  test('the overview lists every checklist from the data', async ({ page }) => {
    await page.goto('/tjeklister/');
    for (const [href, titel] of [
      ['/tjeklister/nemkonto/', 'Klar til NemKonto'],
      ['/tjeklister/digital-post/', 'Opret afsendersystem i Digital Post'],
      ['/tjeklister/kundeportalen/', 'Kundeportalen – kom i gang'],
      ['/tjeklister/periodisk-kontrol/', 'Periodisk kontrol af rettigheder'],
    ] as const) {
      await expect(page.locator('.tj-oversigt').getByRole('link', { name: titel })).toHaveAttribute('href', href);
    }
    await expect(page.locator('.tj-oversigt')).toContainText('11 punkter i 4 grupper');
  });

  test('a filled-in checklist with every state shown passes axe in light and dark', async ({ page }) => {
    await page.clock.setFixedTime(new Date('2026-11-23T12:00:00'));
    await page.goto('/tjeklister/digital-post/');
    await page.evaluate(() => {
      const now = '2026-11-20T10:00:00.000Z';
      const a = (status: string, extra = {}) => ({ status, ansvarlig: 'Anna', frist: '', note: '', dato: '', nummer: '', tekst: '', aendret: now, ...extra });
      localStorage.setItem(
        'vejviser.tjekliste.digital-post',
        JSON.stringify({
          format: 'vejviser-tjekliste',
          version: 2,
          tjekliste: 'digital-post',
          aktiv: 'g1',
          gennemgange: [
            {
              id: 'g1',
              navn: 'CVR 1',
              oprettet: now,
              aendret: now,
              svar: {
                'brevdannende-system': a('faerdig'),
                'leverandoer-forbindelse': a('i-gang', { frist: '2026-11-01', note: 'Rykket' }),
                'snitflade-valgt': a('ikke-relevant'),
                'as-tilmeldingsmuligheder': a('ikke-startet', { tekst: 'En ældre tekst' }),
                'certifikat-udloeb': a('faerdig', { dato: '2026-11-01' }),
                fjernet: a('i-gang', { nummer: '9.9', tekst: 'Fjernet punkt' }),
              },
            },
            { id: 'g2', navn: 'CVR 2', oprettet: now, aendret: now, svar: {} },
          ],
        }),
      );
    });
    await page.reload();
    await expect(page.locator('.tj--klar')).toBeVisible();
    await page.$$eval('details', (ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    await page.getByLabel('Kun punkter, hvor jeg er ansvarlig').check();
    await page.getByLabel('Mit navn').fill('Anna');
    await page.getByRole('button', { name: 'Slet gennemgangen CVR 1' }).click();
    await page.getByRole('button', { name: 'Nulstil gennemgangen CVR 1' }).click();
    await page
      .getByLabel('Vælg en JSON-fil, du har eksporteret fra denne tjekliste')
      .setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"vejviser-tjekliste","version":9}') });
    await expect(page.locator('.tj-fejlopsummering')).toBeVisible();
    await expect(page.locator('.tj-foraeldede')).toBeVisible();
    await expect(page.locator('.tj-badge--overskredet')).toHaveCount(1);
    for (const theme of ['light', 'dark']) {
      await page.evaluate((t) => document.documentElement.setAttribute('data-theme', t), theme);
      const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(axe.violations.map((v) => `${theme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    }
  });
});

test.describe('the NemKonto checks inside items 1.4 and 1.5', () => {
  const cp1252 = (s: string) =>
    Buffer.from([...s].map((c) => ({ æ: 0xe6, ø: 0xf8, å: 0xe5, Æ: 0xc6, Ø: 0xd8, Å: 0xc5 } as Record<string, number>)[c] ?? c.charCodeAt(0)));

  test('item 1.4 checks a Windows-1252 recipients file in place, without a network request', async ({ page }) => {
    await open(page);
    const punkt = item(page, 'datakvalitet');
    // Nothing of the check is loaded until it is opened.
    await expect(page.locator('.nk-kontrol')).toHaveCount(0);
    await punkt.getByText('Kør kontrollen af jeres modtagerfil her').click();
    await expect(punkt.getByRole('link', { name: /Åbn kontrollen på sin egen side/ })).toHaveAttribute('href', '/kontroller/nemkonto/#modtagere');
    const check = punkt.locator('.nk-kontrol[data-kind=modtagere][data-klar]');
    await expect(check).toBeAttached();
    await page.waitForLoadState('networkidle');
    const requests: string[] = [];
    page.on('request', (r) => requests.push(`${r.method()} ${r.url()}`));
    const file = cp1252('Navn;CPR\r\nSøren Ærø;010190-0002\r\nÅse Østergård;2902000006\r\nBo;010190-0002\r\n');
    await punkt.locator('#nk-modtagere-fil').setInputFiles({ name: 'modtagere æøå.csv', mimeType: 'text/csv', buffer: file });
    await expect(check.getByRole('heading', { name: 'Resultat for «modtagere æøå.csv»' })).toBeFocused();
    await expect(check.locator('.nk-meta')).toContainText('læst som Windows-1252');
    await expect(check.locator('.nk-tal')).toContainText('1 med fejl');
    await expect(check.locator('.nk-problemtabel')).toContainText('290200-XXXX');
    await expect(check.locator('.nk-problemtabel')).toContainText('Dublet: samme CPR-nummer som linje 2.');
    await expect(check).not.toContainText('2902000006');
    expect(requests).toEqual([]);
    // The task list around it still works, and the page stays accessible with the check open.
    await box(page, '1.4').check();
    await expect(page.locator('#tj-fremdrift')).toHaveText('1 af 11 færdige');
    const res = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(res.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });

  test('item 1.5 opens the payments check', async ({ page }) => {
    await open(page);
    const punkt = item(page, 'frister');
    await punkt.getByText('Kør kontrollen af jeres betalingsfil her').click();
    const check = punkt.locator('.nk-kontrol[data-kind=betalinger][data-klar]');
    await expect(check).toBeAttached();
    const file = Buffer.from('Afsendt;Udbetalingsdato\n2025-03-17 05:59;2025-03-18\n2025-03-17 06:30;2025-03-18\n');
    await punkt.locator('#nk-betalinger-fil').setInputFiles({ name: 'betalinger.csv', mimeType: 'text/csv', buffer: file });
    await expect(check.locator('.nk-tal')).toContainText('1 med fejl');
    await expect(check.locator('.nk-problemtabel')).toContainText('for sent');
  });
});
