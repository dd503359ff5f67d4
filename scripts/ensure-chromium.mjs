#!/usr/bin/env node
// Makes sure Debian's Chromium is present for the browser tests and benchmarks.
// Test tools must never download a browser of their own; this installs the system package
// when it is missing and the user is root, and otherwise says exactly what to do.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export function ensureChromium() {
  if (existsSync(CHROMIUM)) return CHROMIUM;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (isRoot && hasApt) {
    console.log(`Chromium mangler (${CHROMIUM}); installerer Debians pakke "chromium" …`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env });
    if (existsSync(CHROMIUM)) return CHROMIUM;
  }
  console.error(
    [
      `Browsertestene kræver Chromium på ${CHROMIUM}, men den findes ikke.`,
      'Installér den med:',
      '  sudo apt-get update && sudo apt-get install -y chromium',
      'eller angiv stien til en anden Chromium med miljøvariablen CHROMIUM_PATH.',
    ].join('\n'),
  );
  process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(`Chromium: ${ensureChromium()}`);
}
