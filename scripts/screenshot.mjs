#!/usr/bin/env node
// Screenshots of pages of a running site, for looking at what was built.
// Usage: node scripts/screenshot.mjs [--base http://127.0.0.1:4321] [--width 1280] [--dark] [--full] [--search ORD] PATH...
// Writes bench-results/screens/<name>.png and prints console messages and CSP violations.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { launchOptions } from '../tests/browser.mjs';

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  if (i === -1) return def;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const flag = (name) => {
  const i = args.indexOf(name);
  if (i === -1) return false;
  args.splice(i, 1);
  return true;
};
const base = opt('--base', 'http://127.0.0.1:4321');
const width = Number(opt('--width', '1280'));
const dark = flag('--dark');
const full = flag('--full');
const search = opt('--search', '');
mkdirSync('bench-results/screens', { recursive: true });

const browser = await chromium.launch(launchOptions);
const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: dark ? 'dark' : 'light', locale: 'da-DK' });
for (const path of args.length ? args : ['/']) {
  const page = await context.newPage();
  page.on('console', (m) => console.log(`[${path}] console.${m.type()}: ${m.text().slice(0, 300)}`));
  page.on('pageerror', (e) => console.log(`[${path}] pageerror: ${e}`));
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      console.warn(`CSP ${e.violatedDirective} ${e.blockedURI} ${e.sample} ${e.sourceFile}:${e.lineNumber}`),
    ),
  );
  await page.goto(base + path, { waitUntil: 'networkidle' });
  if (search) {
    await page.getByRole('button', { name: /Søg/ }).first().click();
    await page.getByRole('dialog').locator('input').first().fill(search);
    await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 10000 }).catch(() => {});
  }
  const name = (path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home') + (search ? `-sog-${search.replace(/[^a-z0-9æøå]+/gi, '')}` : '') + `-${width}${dark ? '-dark' : ''}`;
  await page.screenshot({ path: `bench-results/screens/${name}.png`, fullPage: full });
  console.log(`bench-results/screens/${name}.png`);
  await page.close();
}
await browser.close();
