import { defineCollection } from 'astro:content';
import { file } from 'astro/loaders';
import { begrebSchema } from '../lib/begreber/schema';

/** The glossary (content/data/begreber.yaml), rendered on /begreber/. Registered in ./collections.ts. */
export const collections = {
  begreber: defineCollection({ loader: file('./content/data/begreber.yaml'), schema: begrebSchema }),
};
