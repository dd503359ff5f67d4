import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

/**
 * Trace from each section of a source document to the page and anchor on this site that covers
 * it. One YAML file per source in `content/data/kildespor/<kilde-id>.yaml`. The "Kilder" page
 * renders it, and a test fails if a target page or anchor does not exist in the built site.
 */
export const kildesporSchema = z.object({
  /** Id of the source in content/data/kilder.yaml. */
  kilde: z.string().regex(/^[a-z0-9-]+$/),
  afsnit: z
    .array(
      z.object({
        /** Chapter/section number as in the source ("2.2.1"), or empty where the source has none. */
        nummer: z.string().default(''),
        /** The heading as written in the source (cleaned of extraction damage). */
        overskrift: z.string().min(2),
        /** Path of the page that covers it, e.g. "/nemkonto/opgaver/". */
        side: z.string().regex(/^\/[a-z0-9\-/]*\/$/, 'side skal være en sti som "/nemkonto/opgaver/"'),
        /** Anchor id on that page (the slug of a heading), without "#"; empty for the page top. */
        anker: z.string().regex(/^[a-z0-9\-æøå]*$/).default(''),
        /** Further pages that also carry the section out (a tool that fills in a template, say). */
        ogsaa: z
          .array(
            z.object({
              side: z.string().regex(/^\/[a-z0-9\-/]*\/$/, 'side skal være en sti som "/nemkonto/opgaver/"'),
              anker: z.string().regex(/^[a-z0-9\-æøå]*$/).default(''),
            }),
          )
          .default([]),
      }),
    )
    .min(1),
});

export type Kildespor = z.infer<typeof kildesporSchema>;

export const collections = {
  kildespor: defineCollection({
    loader: glob({ base: './content/data/kildespor', pattern: '*.yaml' }),
    schema: kildesporSchema,
  }),
};
