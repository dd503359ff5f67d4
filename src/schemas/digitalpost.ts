import { defineCollection } from 'astro:content';
import { file } from 'astro/loaders';
import { feltSchema, procesSchema, regelSchema } from '../lib/digital-post/schema';

export { feltSchema, procesSchema, regelSchema, trinSchema, tjekReferencer } from '../lib/digital-post/schema';

/**
 * Digital Post: the four processes with their steps, the questions and settings of an
 * afsendersystem, and the rules between them (content/data/digital-post/*.yaml). The schemas live
 * in src/lib/digital-post/schema.ts because the recommender and the tests use them too.
 */
export const collections = {
  digitalpostProcesser: defineCollection({
    loader: file('./content/data/digital-post/processer.yaml'),
    schema: procesSchema,
  }),
  digitalpostFelter: defineCollection({
    loader: file('./content/data/digital-post/felter.yaml'),
    schema: feltSchema,
  }),
  digitalpostRegler: defineCollection({
    loader: file('./content/data/digital-post/regler.yaml'),
    schema: regelSchema,
  }),
};
