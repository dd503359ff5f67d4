import { test, expect, type Page } from '@playwright/test';
import { gotoHydrated } from './hydrated';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { soeg } from './soeg';

interface Trin {
  id: string;
  nr: number;
  handling: string;
  resultat: string;
  afsnit: string;
  anker: string;
}
interface Proces {
  id: string;
  titel: string;
  side: string;
  trin: Trin[];
  rolle: { roller: string[] };
}
interface Felt {
  id: string;
  valg: { id: string; tekst: string; indstilling?: string }[];
  indstilling?: unknown;
}

const read = <T>(f: string): T => parse(readFileSync(new URL(`../../content/data/digital-post/${f}`, import.meta.url), 'utf8'));
const processer = read<Proces[]>('processer.yaml');
const felter = read<Felt[]>('felter.yaml');

async function ingenVandretRulning(page: Page) {
  const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(scroll, 'the page must not scroll sideways').toBeLessThanOrEqual(inner);
}

test.describe('process pages', () => {
  for (const p of processer) {
    test(`${p.side} renders its ${p.trin.length} steps from the data, each linked to its section`, async ({ page }) => {
      await page.goto(p.side);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(p.titel);
      const liste = page.locator(`ol[data-proces="${p.id}"]`);
      await expect(liste.locator(':scope > li')).toHaveCount(p.trin.length);
      for (const t of p.trin) {
        const li = liste.locator(`li[data-trin="${t.id}"]`);
        const link = li.getByRole('link', { name: t.handling });
        await expect(link).toHaveAttribute('href', `#${t.anker}`);
        await expect(li).toContainText(t.resultat);
        await expect(li).toContainText(`Afsnit ${t.afsnit}`);
        // The target is a heading of the page that starts with the step number.
        const target = page.locator(`[id="${t.anker}"]`);
        await expect(target).toHaveCount(1);
        await expect(target).toHaveText(new RegExp(`^Trin ${t.nr}: `));
      }
      await expect(page.locator('.dp-rolle')).toContainText(p.rolle.roller.join(' eller '));
      await liste.getByRole('link').last().click();
      await expect(page.locator(`[id="${p.trin[p.trin.length - 1]!.anker}"]`)).toBeInViewport();
    });
  }

  test('step 4 of afsendersystem shows the options of each setting from the data', async ({ page }) => {
    await page.goto('/digital-post/afsendersystem/');
    for (const id of ['snitflade', 'forsendelse', 'opslag', 'standardsystem']) {
      const f = felter.find((x) => x.id === id)!;
      await expect(page.locator(`.dp-valg[data-felt="${id}"] .dp-valg-liste strong`)).toHaveText(f.valg.map((v) => v.indstilling ?? v.tekst));
    }
    const regel = page.locator('.dp-valg[data-felt="forsendelse"] li[data-regel="filbaseret-masse"]');
    await expect(regel).toContainText('Med filbaseret snitflade skal du vælge masseforsendelser.');
  });

  test('process pages do not scroll sideways on a phone', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const p of [...processer.map((x) => x.side), '/digital-post/', '/digital-post/indstillinger/']) {
      await page.goto(p);
      await ingenVandretRulning(page);
    }
  });
});

test.describe('the settings recommender', () => {
  test('works by keyboard alone and shows recommendations with the rule and section behind them', async ({ page }) => {
    await gotoHydrated(page, '/digital-post/indstillinger/');
    const resultat = page.getByTestId('resultat');
    await expect(resultat).toHaveAttribute('aria-live', 'polite');

    // Question 1: move into the group and choose the second answer with the arrow key.
    await page.getByRole('radio', { name: 'Et e-mailsystem, fx Outlook' }).focus();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('radio', { name: /Et andet system/ })).toBeChecked();

    // Question 2: Tab to the next group, Space chooses.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('radio', { name: /Enkeltvis/ })).toBeFocused();
    await page.keyboard.press('Space');
    await expect(page.getByRole('radio', { name: /Enkeltvis/ })).toBeChecked();

    const snitflade = resultat.locator('li[data-felt="snitflade"]');
    await expect(snitflade).toContainText('Snitflade: System-til-system (REST)');
    await expect(snitflade).toContainText('Anbefaling');
    const kilde = snitflade.getByRole('link', { name: 'afsnit 3.4' });
    await expect(kilde).toHaveAttribute('href', '/digital-post/afsendersystem/#trin-4-vælg-indstillinger');
    await expect(snitflade).toContainText('Vælg System-til-system (REST) snitfladen');
    await expect(resultat.locator('li[data-felt="forsendelse"]')).toContainText('Enkeltforsendelser');
    await expect(resultat.locator('li[data-felt="opslag"]')).toContainText('Online opslag');

    // Question 3: the system is to be the authority's standard system.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('radio', { name: 'Ja' }).first()).toBeFocused();
    await page.keyboard.press('Space');
    await expect(resultat.locator('li[data-felt="snitflade"]')).toContainText('Snitflade: S/MIME');
    await expect(resultat.locator('li[data-felt="snitflade"]')).toContainText('Et standardsystem skal bruge S/MIME-snitfladen.');
    await expect(resultat.locator('.dp-bemaerk')).toContainText('System-til-system (REST)');

    // A follow-up question appears; answering "Ja" contradicts "only one standard system".
    const eksisterende = page.getByRole('group', { name: 'Har myndigheden allerede et standardsystem i Digital Post?' });
    await expect(eksisterende).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(eksisterende.getByRole('radio', { name: 'Ja' })).toBeFocused();
    await page.keyboard.press('Space');
    const modstrid = resultat.locator('.dp-modstrid');
    await expect(modstrid.getByRole('heading', { name: 'Dine svar strider mod vejledningen' })).toBeVisible();
    await expect(modstrid).toContainText('Myndigheden kan kun have ét standardsystem');
    await expect(modstrid.getByRole('link', { name: 'afsnit 3.4' })).toBeVisible();
    await expect(resultat.locator('li[data-felt="standardsystem"] .dp-advarsel')).toContainText('kun have ét standardsystem');

    // Start over from the keyboard.
    await page.getByRole('button', { name: 'Start forfra' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('radio', { checked: true })).toHaveCount(0);
    await expect(resultat.locator('.dp-modstrid')).toHaveCount(0);
    await expect(eksisterende).toHaveCount(0);
  });

  test('keeps answers given before the script has loaded (slow machines)', async ({ page }) => {
    // Hold the island's script back until the user has answered in the server-rendered form.
    let slip!: () => void;
    const holdt = new Promise<void>((r) => (slip = r));
    await page.route('**/_astro/Indstillingshjaelper*.js', async (route) => {
      await holdt;
      await route.continue();
    });
    await page.goto('/digital-post/indstillinger/');
    await page.getByRole('group', { name: 'Hvilken snitflade skal afsendersystemet bruge?' }).getByRole('radio', { name: 'Filbaseret' }).check();
    slip();
    await page.waitForFunction(() => [...document.querySelectorAll('astro-island')].every((i) => !i.hasAttribute('ssr')));
    const snitflade = page.getByTestId('resultat').locator('li[data-felt="snitflade"]');
    await expect(snitflade).toContainText('Snitflade: Filbaseret');
    await expect(page.getByRole('radio', { name: 'Filbaseret' })).toBeChecked();
  });

  test('flags a chosen interface that contradicts the standard system rule, citing the section', async ({ page }) => {
    await gotoHydrated(page, '/digital-post/indstillinger/');
    await page.getByRole('group', { name: /standardsystem\?$/ }).first().getByRole('radio', { name: 'Ja' }).check();
    await page.getByRole('group', { name: 'Hvilken snitflade skal afsendersystemet bruge?' }).getByRole('radio', { name: 'Filbaseret' }).check();
    const modstrid = page.getByTestId('resultat').locator('.dp-modstrid li');
    await expect(modstrid).toHaveCount(2);
    await expect(modstrid.nth(0)).toContainText('Snitflade skal være »S/MIME«, men du har valgt »Filbaseret«.');
    await expect(page.getByTestId('resultat').locator('li[data-felt="snitflade"]')).toHaveClass(/dp-har-modstrid/);
  });

  test('every question is a fieldset with a legend and labelled radios', async ({ page }) => {
    await gotoHydrated(page, '/digital-post/indstillinger/');
    const sets = page.locator('form.dp-form fieldset');
    expect(await sets.count()).toBeGreaterThanOrEqual(4);
    for (const fs of await sets.all()) {
      await expect(fs.locator('legend')).toHaveCount(1);
      for (const r of await fs.locator('input[type="radio"]').all()) {
        const id = await r.getAttribute('id');
        await expect(fs.locator(`label[for="${id}"]`)).toHaveCount(1);
      }
    }
  });

  test('is axe clean with contradictions, remarks and reminders showing, light and dark', async ({ page }) => {
    test.slow(); // two full axe runs
    await gotoHydrated(page, '/digital-post/indstillinger/');
    await page.getByRole('radio', { name: /Et andet system/ }).check();
    await page.getByRole('radio', { name: /I samlede kørsler/ }).check();
    await page.getByRole('group', { name: /standardsystem\?$/ }).first().getByRole('radio', { name: 'Ja' }).check();
    await page.getByRole('group', { name: /allerede et standardsystem/ }).getByRole('radio', { name: 'Ja' }).check();
    const r = page.getByTestId('resultat');
    for (const box of ['.dp-modstrid', '.dp-bemaerk', '.dp-husk']) await expect(r.locator(box)).toBeVisible();
    for (const theme of ['light', 'dark']) {
      await page.evaluate((t) => document.documentElement.setAttribute('data-theme', t), theme);
      const axe = await new AxeBuilder({ page }).include('.dp-hjaelper').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(axe.violations.map((v) => `${theme}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    }
  });

  test('works on a phone', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await gotoHydrated(page, '/digital-post/indstillinger/');
    await page.getByText('Både borgere og virksomheder', { exact: true }).click(); // the label, as a finger would
    await expect(page.getByTestId('resultat').locator('li[data-felt="tilmeldingsgrupper"]')).toContainText('To identiske tilmeldingsgrupper');
    await ingenVandretRulning(page);
  });
});

test('the rules on the recommender page come from the data, with sections', async ({ page }) => {
  await gotoHydrated(page, '/digital-post/indstillinger/');
  const regel = page.locator('li[data-regel="kun-et-standardsystem"]');
  await expect(regel).toContainText('Kombinationen er ikke tilladt.');
  await expect(regel.getByRole('link', { name: 'Afsnit 3.4' })).toHaveAttribute('href', '/digital-post/afsendersystem/#trin-4-vælg-indstillinger');
});

test('search finds "tilmeldingsgruppe" on the Digital Post pages', async ({ page }) => {
  const hrefs = await soeg(page, 'tilmeldingsgruppe');
  expect(hrefs.some((h) => h.includes('/digital-post/tilmeldingsgruppe/'))).toBe(true);
});
