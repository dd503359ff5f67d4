#!/usr/bin/env node
// `npm run bench:site`: a benchmark, not a test. Builds the site, then prints per page the gzipped
// bytes of HTML and of the JS and CSS it loads, against Starlight's own budgets, and Lighthouse
// scores (Debian's Chromium) for the home page, a guide page and a page with an island.
// Options: --no-build, --port N, --pages /a/,/b/ (Lighthouse pages).
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, existsSync, writeFileSync, mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, dirname } from 'node:path';
import { builtPages, distDir } from '../tests/e2e/pages.mjs';
import { chromiumPath, chromiumArgs } from '../tests/browser.mjs';
import { ensureChromium } from './ensure-chromium.mjs';

const args = process.argv.slice(2);
const arg = (name, def) => {
  const i = args.indexOf(name);
  return i === -1 ? def : args[i + 1];
};
const port = Number(arg('--port', process.env.PORT || 4321));
const BUDGET = { html: 7 * 1024, js: 27 * 1024, css: 16.75 * 1024 };

if (!args.includes('--no-build')) {
  const r = spawnSync('astro', ['build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) process.exit(r.status || 1);
}

const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const fileFor = (p) => (p.endsWith('/') ? join(distDir, p, 'index.html') : join(distDir, p));

/** JS loaded at start: module scripts and everything they import statically (not dynamic imports). */
function jsClosure(entries) {
  const seen = new Set();
  const stack = [...entries];
  while (stack.length) {
    const f = stack.pop();
    if (seen.has(f) || !existsSync(f)) continue;
    seen.add(f);
    const src = readFileSync(f, 'utf8');
    for (const m of src.matchAll(/(?:^|[;\s}])import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.js)["']/g)) {
      stack.push(join(dirname(f), m[1]));
    }
  }
  return [...seen];
}

const rows = [];
for (const page of builtPages()) {
  const html = readFileSync(fileFor(page));
  const text = html.toString('utf8');
  const scripts = [...text.matchAll(/<script[^>]*\ssrc="(\/[^"]+)"/g)].map((m) => join(distDir, m[1]));
  // Islands load their component and renderer via astro-island attributes.
  const islands = [...text.matchAll(/<astro-island[^>]*\s(?:component-url|renderer-url)="(\/[^"]+)"/g)].map((m) => join(distDir, m[1]));
  const inlineJs = [...text.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].reduce((n, m) => n + m[1].length, 0);
  const js = jsClosure([...scripts, ...islands]);
  const css = [...text.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="(\/[^"]+)"/g)].map((m) => join(distDir, m[1]));
  const jsBytes = js.reduce((n, f) => n + gz(readFileSync(f)), 0);
  const cssBytes = css.reduce((n, f) => (existsSync(f) ? n + gz(readFileSync(f)) : n), 0);
  rows.push({ page, html: gz(html), js: jsBytes, css: cssBytes, islands: islands.length > 0, inlineJs });
}

const kb = (n) => (n / 1024).toFixed(1).padStart(6);
const flag = (n, b) => (n > b ? ' !' : '  ');
console.log('\nGzippede bytes pr. side (budget: HTML ≤ 7 kB, JS ≤ 27 kB, CSS ≤ 16,75 kB; ! = over budget)\n');
console.log('side'.padEnd(48) + 'HTML kB   JS kB   CSS kB  ø');
for (const r of rows) {
  console.log(
    r.page.padEnd(48) + kb(r.html) + flag(r.html, BUDGET.html) + kb(r.js) + flag(r.js, BUDGET.js) + kb(r.css) + flag(r.css, BUDGET.css) + (r.islands ? ' ø' : ''),
  );
}
// Reference: a plain Markdown page carries only Starlight's own JS (sidebar, search, table of contents).
const ref = rows.find((r) => r.page === '/tilgaengelighed/') ?? rows.find((r) => !r.islands);
const baseJs = ref.js;
const guideExtra = rows.filter((r) => !r.islands && r.js > baseJs);
console.log(`\nStarlights egen JS (ren Markdown-side ${ref.page}): ${kb(baseJs).trim()} kB.`);
console.log(
  guideExtra.length
    ? `Sider uden ø med mere JS end det: ${guideExtra.map((r) => `${r.page} (+${((r.js - baseJs) / 1024).toFixed(1)} kB)`).join(', ')}`
    : 'Ingen sider uden ø sender mere JS end Starlights egen.',
);

// ---- Lighthouse ----
ensureChromium();
const islandPage = rows.find((r) => r.islands)?.page;
const guidePage = rows.find((r) => /^\/(funktionsadskillelse|nemkonto|kundeportalen)\/.+/.test(r.page) && !r.islands)?.page ?? '/om/';
const lhPages = (arg('--pages', '') || ['/', guidePage, islandPage].filter(Boolean).join(',')).split(',');

const server = spawn('astro', ['preview', '--port', String(port), '--host', '127.0.0.1'], { stdio: ['ignore', 'pipe', 'pipe'] });
const base = `http://127.0.0.1:${port}`;
for (let i = 0; i < 100; i++) {
  try {
    if ((await fetch(base + '/')).ok) break;
  } catch {}
  await new Promise((r) => setTimeout(r, 200));
}

const { default: lighthouse } = await import('lighthouse');
const chromeLauncher = await import('chrome-launcher');
const chrome = await chromeLauncher.launch({
  chromePath: chromiumPath,
  chromeFlags: ['--headless=new', ...chromiumArgs],
});
const cats = ['performance', 'accessibility', 'best-practices', 'seo'];
const results = [];
try {
  for (const p of lhPages) {
    const r = await lighthouse(base + p, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: cats });
    const lhr = r.lhr;
    const scores = Object.fromEntries(cats.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]));
    const failing = Object.values(lhr.audits)
      .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual' && a.scoreDisplayMode !== 'notApplicable')
      .map((a) => a.id);
    results.push({ page: p, ...scores, failing });
  }
} finally {
  await chrome.kill();
  server.kill();
}
console.log('\nLighthouse (mål: 100 i alle fire)\n');
console.log('side'.padEnd(40) + 'perf  a11y  best  seo');
for (const r of results) {
  console.log(r.page.padEnd(40) + [r.performance, r.accessibility, r['best-practices'], r.seo].map((n) => String(n).padStart(4)).join('  '));
  if (r.failing.length) console.log('   ikke fuldt bestået: ' + r.failing.join(', '));
}
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/site.json', JSON.stringify({ sizes: rows, lighthouse: results }, null, 2));
console.log('\nGemt i bench-results/site.json');
