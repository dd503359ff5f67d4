#!/usr/bin/env node
// `npm test`: every test of the project, in order: engines (vitest), build (with search index),
// then the built site in Debian's Chromium (Playwright, axe, network and CSP crawl).
import { spawnSync } from 'node:child_process';
import { ensureChromium } from './ensure-chromium.mjs';

function run(label, cmd, args, env = {}) {
  console.log(`\n▶ ${label}`);
  const res = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (res.status !== 0) {
    console.error(`\n✗ ${label} fejlede (kode ${res.status ?? res.signal}).`);
    process.exit(res.status || 1);
  }
}

run('Enhedstest (vitest)', 'vitest', ['run', '--config', 'tests/vitest.config.ts']);
ensureChromium();
run('Byg sitet (astro build + Pagefind)', 'astro', ['build']);
run('Browsertest (Playwright, Chromium)', 'playwright', ['test', '-c', 'tests/playwright.config.ts']);
console.log('\n✓ Alle test bestået.');
