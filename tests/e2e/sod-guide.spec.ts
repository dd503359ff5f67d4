import { test, expect, type Page } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';

const contentDir = new URL('../../content/', import.meta.url).pathname;

interface Frontmatter {
  title: string;
  system?: string;
  maalgruppe?: string[];
  type?: string;
}

function frontmatter(file: string): Frontmatter {
  const m = /^---\n([\s\S]*?)\n---/.exec(readFileSync(file, 'utf8'));
  if (!m) throw new Error(`Ingen frontmatter i ${file}`);
  return parse(m[1]!) as Frontmatter;
}

/** Every .md/.mdx page of the site with its URL path and frontmatter. */
function allPages(dir = contentDir, prefix = ''): { path: string; fm: Frontmatter }[] {
  const out: { path: string; fm: Frontmatter }[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) {
      if (e.name !== 'data' && e.name !== 'i18n') out.push(...allPages(`${dir}${e.name}/`, `${prefix}${e.name}/`));
    } else if (/^[^_].*\.mdx?$/.test(e.name) && e.name !== '404.md') {
      const base = e.name.replace(/\.mdx?$/, '');
      const path = base === 'index' ? `/${prefix}` : `/${prefix}${base}/`;
      out.push({ path, fm: frontmatter(`${dir}${e.name}`) });
    }
  }
  return out;
}

const sodPages = allPages().filter((p) => p.path.startsWith('/funktionsadskillelse/'));
const ORDER = ['topledelse', 'mellemledere', 'kontroludførende'];
const cap = (s: string) => s.charAt(0).toLocaleUpperCase('da-DK') + s.slice(1);

const EXPECTED_PATHS = [
  '/funktionsadskillelse/',
  '/funktionsadskillelse/afgraensning-og-ansvar/',
  '/funktionsadskillelse/betalingsflow/',
  '/funktionsadskillelse/rejsud-og-indfak/',
  '/funktionsadskillelse/navision-stat/',
  '/funktionsadskillelse/nemkonto/',
  '/funktionsadskillelse/district/',
  '/funktionsadskillelse/privilegerede-rettigheder/',
  '/funktionsadskillelse/opsaetning-af-brugere/',
  '/funktionsadskillelse/kontroller/',
  '/funktionsadskillelse/samlet-resultat/',
  '/funktionsadskillelse/rpa/',
  '/funktionsadskillelse/kontrolrapport/',
];

test('the SoD guide has exactly the agreed pages', () => {
  expect(sodPages.map((p) => p.path).sort()).toEqual([...EXPECTED_PATHS].sort());
});

for (const { path, fm } of sodPages) {
  test(`${path} shows who it is for, as in its frontmatter`, async ({ page }) => {
    expect(fm.maalgruppe?.length, 'maalgruppe in frontmatter').toBeGreaterThan(0);
    expect(fm.system).toBe('funktionsadskillelse');
    await page.goto(path);
    const mark = page.locator('.vv-til');
    await expect(mark).toBeVisible();
    await expect(mark).toContainText('Til:');
    const expected = [...fm.maalgruppe!].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b)).map(cap);
    await expect(mark.locator('li')).toHaveText(expected);
    // The mark comes before the page's first section heading.
    const markY = (await mark.boundingBox())!.y;
    const firstH2 = page.locator('.sl-markdown-content h2').first();
    if (await firstH2.count()) expect(markY).toBeLessThan((await firstH2.boundingBox())!.y);
  });
}

test('process figures are ordered lists and readable on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  for (const path of ['/funktionsadskillelse/betalingsflow/', '/funktionsadskillelse/rejsud-og-indfak/', '/funktionsadskillelse/navision-stat/']) {
    await page.goto(path);
    const figures = page.locator('figure.vv-flow');
    expect(await figures.count(), path).toBeGreaterThan(0);
    for (const fig of await figures.all()) {
      await expect(fig.locator('figcaption')).not.toBeEmpty();
      expect(await fig.locator('ol > li').count()).toBeGreaterThan(0);
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${path} scrolls sideways on a phone`).toBeLessThanOrEqual(0);
  }
});

test('the payment flows of 2.1 are all three there, in order', async ({ page }) => {
  await page.goto('/funktionsadskillelse/betalingsflow/');
  const captions = await page.locator('figure.vv-flow figcaption').allTextContents();
  const flows = captions.filter((c) => /^Flow \d/.test(c.trim()));
  expect(flows.map((c) => c.trim().slice(0, 6))).toEqual(['Flow 1', 'Flow 2', 'Flow 3']);
  const flow1 = page.locator('figure.vv-flow', { hasText: 'Flow 1' });
  await expect(flow1.locator('ol > li')).toHaveCount(3);
  await expect(flow1.locator('ol > li').nth(1)).toContainText('NemKonto-systemet');
});

test('the seven best-practice recommendations render from data with anchors', async ({ page }) => {
  const items = parse(readFileSync(`${contentDir}data/sod-guide/bedste-praksis.yaml`, 'utf8')) as { id: string; titel: string }[];
  await page.goto('/funktionsadskillelse/opsaetning-af-brugere/');
  for (const bp of items) {
    await expect(page.locator(`h3#${bp.id}`)).toContainText(bp.titel);
  }
  await page.getByRole('navigation', { name: 'De syv anbefalinger kort' }).getByRole('link', { name: items[5]!.titel }).click();
  await expect(page).toHaveURL(new RegExp(`#${items[5]!.id}$`));
});

test('the glossary has an anchor per term and links back to sources', async ({ page }) => {
  const begreber = parse(readFileSync(`${contentDir}data/begreber.yaml`, 'utf8')) as { id: string; term: string }[];
  await page.goto('/begreber/');
  await expect(page.locator('dl dt')).toHaveCount(begreber.length);
  await page.goto('/begreber/#prokura');
  await expect(page.locator('dt#prokura')).toContainText('Prokura');
  await expect(page.locator('dt#prokura + dd')).toContainText('Kilde:');
  await page.locator('dt#prokura + dd').getByRole('link', { name: /Funktionsadskillelse og privilegerede rettigheder/ }).click();
  await expect(page).toHaveURL(/\/kilder\/#funktionsadskillelse-2-3-1$/);
  await expect(page.locator('tr#funktionsadskillelse-2-3-1')).toBeVisible();
});

async function search(page: Page, q: string) {
  await page.goto('/');
  await page.getByRole('button', { name: /Søg/ }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('searchbox').or(dialog.locator('input[type="text"]')).first().fill(q);
  await expect(dialog.locator('.pagefind-ui__result-link').first()).toBeVisible();
  return { dialog, hrefs: await dialog.locator('.pagefind-ui__result-link').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? '')) };
}

test('search finds role names and glossary terms', async ({ page }) => {
  const ns = await search(page, 'NS_BETALING');
  expect(ns.hrefs.some((h) => h.startsWith('/funktionsadskillelse/kontroller/'))).toBe(true);
  const aa = await search(page, 'Aftaleadministrator');
  expect(aa.hrefs.some((h) => h.startsWith('/funktionsadskillelse/'))).toBe(true);
  const term = await search(page, 'tredjemandsfuldmagt');
  expect(term.hrefs.some((h) => h.startsWith('/begreber/'))).toBe(true);
});

test('the search dialog offers the filters System, Målgruppe and Type', async ({ page }) => {
  const { dialog } = await search(page, 'prokura');
  const names = await dialog.locator('.pagefind-ui__filter-name').allTextContents();
  expect(names.map((n) => n.trim()).sort()).toEqual(['Målgruppe', 'System', 'Type']);
});

test('Pagefind has the filters system, målgruppe and type with the pages’ frontmatter values', async ({ page }) => {
  await page.goto('/');
  const result = await page.evaluate(async () => {
    const pf = await import(/* @vite-ignore */ '/pagefind/pagefind.js');
    await pf.options({});
    const filters = await pf.filters();
    const top = await pf.search(null, { filters: { målgruppe: 'Topledelse' } });
    const urls = (await Promise.all(top.results.map((r: { data: () => Promise<{ url: string }> }) => r.data()))).map((d) => d.url);
    return { filters, urls };
  });
  expect(Object.keys(result.filters).sort()).toEqual(['målgruppe', 'system', 'type']);
  expect(result.filters.system.Funktionsadskillelse).toBe(sodPages.length);
  expect(Object.keys(result.filters.målgruppe)).toEqual(expect.arrayContaining(['Topledelse', 'Mellemledere', 'Kontroludførende']));
  expect(Object.keys(result.filters.type)).toEqual(expect.arrayContaining(['Vejledning', 'Kontrol']));
  // Filtering on a value returns exactly the pages whose frontmatter has it.
  const expected = allPages()
    .filter((p) => p.fm.maalgruppe?.includes('topledelse'))
    .map((p) => p.path)
    .sort();
  expect(result.urls.map((u: string) => u.replace(/index\.html$/, '')).sort()).toEqual(expected);
});
