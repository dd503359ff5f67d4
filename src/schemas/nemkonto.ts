import { defineCollection } from 'astro:content';
import { file } from 'astro/loaders';
import { opgaveSchema } from '../lib/nemkonto/schema';

export { opgaveSchema, opgaverSchema, tjeklistepunkter, grupper } from '../lib/nemkonto/schema';

/**
 * NemKonto: the tasks of the Tilslutningsguide (content/data/nemkonto/opgaver.yaml). The schema
 * itself lives in src/lib/nemkonto/schema.ts so the tests can use it without Astro.
 */
export const collections = {
  nemkontoOpgaver: defineCollection({
    loader: file('./content/data/nemkonto/opgaver.yaml'),
    schema: opgaveSchema,
  }),
};
