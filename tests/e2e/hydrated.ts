import type { Page } from '@playwright/test';

/** Opens a page and waits until every island has hydrated (Astro removes `ssr` when it has). */
export async function gotoHydrated(page: Page, url: string) {
  await page.goto(url);
  await page.waitForFunction(() => [...document.querySelectorAll('astro-island')].every((i) => !i.hasAttribute('ssr')));
}
