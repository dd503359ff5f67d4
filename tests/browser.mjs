// Shared launch options for Debian's Chromium: used by Playwright, the benchmarks and screenshots.
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
export const launchOptions = { executablePath: chromiumPath, args: chromiumArgs };
