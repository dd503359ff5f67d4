import { test, expect } from '@playwright/test';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { distDir } from './pages.mjs';

const dataDir = new URL('../../content/data/', import.meta.url).pathname;

interface Afsnit {
  nummer?: string;
  overskrift: string;
  side: string;
  anker?: string;
  ogsaa?: { side: string; anker?: string }[];
}
const targets = (a: Afsnit) => [a, ...(a.ogsaa ?? [])].map((t) => (t.anker ? `${t.side}#${t.anker}` : t.side));
const sporFiles = readdirSync(`${dataDir}kildespor`).filter((f) => f.endsWith('.yaml'));
const spor = sporFiles.map((f) => ({ file: f, ...(parse(readFileSync(`${dataDir}kildespor/${f}`, 'utf8')) as { kilde: string; afsnit: Afsnit[] }) }));

const html = (side: string) => {
  const file = `${distDir}${side.replace(/^\//, '')}index.html`;
  return existsSync(file) ? readFileSync(file, 'utf8') : null;
};
const hasId = (page: string, id: string) => page.includes(`id="${id}"`);

test('every source section in content/data/kildespor/*.yaml has an existing target in the built site', () => {
  expect(sporFiles).toContain('funktionsadskillelse.yaml');
  const missing: string[] = [];
  for (const s of spor) {
    for (const a of s.afsnit)
      for (const t of [a, ...(a.ogsaa ?? [])]) {
        const page = html(t.side);
        const label = `${s.file}: ${a.nummer ?? ''} ${a.overskrift} → ${t.side}${t.anker ? `#${t.anker}` : ''}`;
        if (!page) missing.push(`${label} (siden findes ikke)`);
        else if (t.anker && !hasId(page, t.anker)) missing.push(`${label} (ankeret findes ikke)`);
      }
  }
  expect(missing).toEqual([]);
});

test('the Kilder page has a row per traced section that links to its target', async ({ page }) => {
  await page.goto('/kilder/');
  for (const s of spor) {
    const table = page.locator(`section:has(h2#${s.kilde}) table`);
    await expect(table.locator('tbody tr')).toHaveCount(s.afsnit.length);
    const hrefs = await table.locator('tbody tr td:last-child a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(s.afsnit.flatMap(targets));
  }
  // The report template is carried out both by the guide page and by the check that fills it in.
  const appendiks1 = page.locator('tr#funktionsadskillelse-appendiks-1 td:last-child');
  await expect(appendiks1).toContainText(/ og Kontrol af funktionsadskillelse$/);
  await expect(appendiks1.getByRole('link', { name: 'Kontrol af funktionsadskillelse', exact: true })).toHaveAttribute('href', '/kontroller/funktionsadskillelse/');
  // Following a link lands on the heading it names.
  await page.locator('tr#funktionsadskillelse-2-5-5 a').click();
  await page.waitForURL(/\/funktionsadskillelse\/district\//);
  expect(decodeURIComponent(page.url())).toMatch(/\/funktionsadskillelse\/district\/#små-institutioner$/);
  await expect(page.getByRole('heading', { name: 'Små institutioner' })).toBeInViewport();
});

test('every source line on the guide pages links to an existing row on /kilder/', () => {
  const kilder = html('/kilder/')!;
  const broken: string[] = [];
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? (e.name === 'pagefind' || e.name === '_astro' ? [] : walk(`${dir}${e.name}/`)) : e.name.endsWith('.html') ? [`${dir}${e.name}`] : [],
    );
  let count = 0;
  for (const file of walk(distDir)) {
    for (const m of readFileSync(file, 'utf8').matchAll(/href="\/kilder\/#([^"]+)"/g)) {
      count++;
      if (!hasId(kilder, m[1]!)) broken.push(`${file.slice(distDir.length)} → /kilder/#${m[1]}`);
    }
  }
  expect(count).toBeGreaterThan(50);
  expect(broken).toEqual([]);
});

test('every internal link of the glossary resolves', () => {
  const begreber = parse(readFileSync(`${dataDir}begreber.yaml`, 'utf8')) as { term: string; links?: { href: string }[] }[];
  const broken: string[] = [];
  for (const b of begreber) {
    for (const { href } of b.links ?? []) {
      const [side, anker] = href.split('#') as [string, string | undefined];
      const page = html(side);
      if (!page || (anker && !hasId(page, anker))) broken.push(`${b.term} → ${href}`);
    }
  }
  expect(broken).toEqual([]);
});
