import { defineCollection } from 'astro:content';
import { file } from 'astro/loaders';
import { bedstePraksisSchema } from '../lib/sod-guide/schema';

/** Data collections of the SoD guide pages (best practice). Registered in ./collections.ts. */
export const collections = {
  bedstePraksis: defineCollection({
    loader: file('./content/data/sod-guide/bedste-praksis.yaml'),
    schema: bedstePraksisSchema,
  }),
};
