import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { tjeklisteSchema } from '../lib/tjekliste/schema';

/**
 * Tjekliste definitions, one YAML file per checklist in `checklists/` (the file name is the id).
 * The pure schema lives in src/lib/tjekliste/schema.ts so the engine and the tests share it.
 */
export const collections = {
  tjeklister: defineCollection({
    loader: glob({ base: './checklists', pattern: '*.yaml' }),
    schema: tjeklisteSchema,
  }),
};
