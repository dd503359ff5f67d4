import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { guideFields } from './schemas/guide';
import { dataCollections } from './schemas/collections';

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
  ...dataCollections,
};
