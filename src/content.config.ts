import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { guideFields } from './schemas/guide';
import { dataCollections } from './schemas/collections';
import { readdir } from 'node:fs/promises';
import { readFileSync } from 'node:fs';

/**
 * Every collection of the site. The guides (Starlight's `docs` collection) live in `content/`,
 * structured data in `content/**.yaml` and tjekliste definitions in `checklists/`.
 * Schemas live in `src/schemas/` so the engines in `src/lib/` and the tests can use them too.
 */
export const collections = {
  docs: defineCollection({
    loader: glob({ base: './content', pattern: '**/[^_]*.{md,mdx}' }),
    schema: docsSchema({ extend: guideFields }),
  }),
  /** Danish UI strings that Starlight lacks (e.g. the search dialog's), by language code. */
  // (Inline loader: Starlight keys translations by path relative to src/content/i18n, so a glob
  // loader on ./content/i18n would give the wrong key.)
  i18n: defineCollection({
    loader: async () =>
      (await readdir('./content/i18n'))
        .filter((f) => f.endsWith('.json'))
        .map((f) => ({ id: f.replace(/\.json$/, ''), ...JSON.parse(readFileSync(`./content/i18n/${f}`, 'utf8')) })),
    schema: i18nSchema(),
  }),
  ...dataCollections,
};
