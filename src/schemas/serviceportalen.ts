// `defineCollection` from its real module (same function as `astro:content` re-exports), so the
// schema can be imported by the unit tests as well as by the content config.
import { defineCollection } from 'astro/content/config';
import { file } from 'astro/loaders';
import { z } from 'astro/zod';

/**
 * Serviceportalen as data: the seven status codes of a case, in the order of the source's table,
 * with what the user can still do. `kilde` names the source section(s) (headings of
 * serviceportalen.txt as listed in content/data/kildespor/serviceportalen.yaml).
 */

/**
 * What a user can do with a case. The wording and the links live in the component; the source
 * describes updating (with `svar` as the update that answers a question), closing a case you
 * regret creating, sharing, seeing cases in the overview, and reopening a case marked as done.
 */
export const handlinger = ['opdater', 'svar', 'del', 'luk', 'se', 'genaabn'] as const;
export type Handling = (typeof handlinger)[number];

export const statuskodeSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'id må kun indeholde små bogstaver, tal og bindestreg'),
  /** The status as Serviceportalen shows it. */
  navn: z.string().min(3),
  orden: z.number().int().positive(),
  /** What the status means (the source's "Forklaring"). */
  betydning: z.string().min(10),
  /** The case is still in progress (igangværende) with this status. */
  igangvaerende: z.boolean(),
  /** What the user can still do. */
  handlinger: z.array(z.enum(handlinger)).min(1),
  /** A careful reading where the source does not say it outright. */
  note: z.string().min(20).optional(),
  kilde: z.array(z.string().min(2)).min(1),
});
export type Statuskode = z.infer<typeof statuskodeSchema>;

export const collections = {
  serviceportalenStatuskoder: defineCollection({
    loader: file('./content/data/serviceportalen/statuskoder.yaml'),
    schema: statuskodeSchema,
  }),
};
