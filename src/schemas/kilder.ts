import { z } from 'astro/zod';

/** One of the five public guidance documents the site is built from. */
export const kildeSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'id må kun indeholde små bogstaver, tal og bindestreg'),
  titel: z.string().min(3),
  udgiver: z.string().min(2),
  /** The plain-text extraction in the sources folder the site's content is traced to. */
  fil: z.string().regex(/\.txt$/),
  beskrivelse: z.string().min(10),
  /** Where the publisher offers the document or the system it describes (plain link, never loaded). */
  links: z.array(z.object({ tekst: z.string().min(2), url: z.url() })).min(1),
  /** The guide section of the site that covers it. */
  side: z.string().startsWith('/'),
});

export type Kilde = z.infer<typeof kildeSchema>;
