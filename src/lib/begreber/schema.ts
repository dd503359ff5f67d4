import { z } from 'astro/zod';

/** Ids of the five source documents (content/data/kilder.yaml). */
export const KILDE_IDS = ['kundeportalen', 'serviceportalen', 'funktionsadskillelse', 'nemkonto', 'digital-post'] as const;

/** Where in a source document a statement comes from. */
export const kildehenvisningSchema = z.object({
  /** Id of the source in content/data/kilder.yaml. */
  dokument: z.enum(KILDE_IDS),
  /** Section number ("2.5.2") or, where the source has no numbers, its heading ("Generelt om NemKonto"). */
  afsnit: z.string().min(1),
});

/** A link from a glossary term to a page on this site. */
export const internLinkSchema = z.object({
  tekst: z.string().min(2),
  href: z.string().regex(/^\/[a-z0-9\-/]*\/(#[a-z0-9\-æøå]+)?$/, 'href skal være en sti på sitet som "/nemkonto/" eller "/funktionsadskillelse/district/#prokura"'),
});

/** One term of the glossary (content/data/begreber.yaml). */
export const begrebSchema = z.object({
  /** Anchor on /begreber/ (lowercase, digits, hyphen, æ, ø, å). */
  id: z.string().regex(/^[a-z0-9æøå][a-z0-9æøå-]*$/, 'id må kun indeholde små bogstaver, tal og bindestreg'),
  term: z.string().min(2),
  /** Other names for the same thing, shown with the term and found by search. */
  ogsaa: z.array(z.string().min(2)).default([]),
  /** Plain Danish; may hold several sentences. */
  definition: z.string().min(20),
  kilde: kildehenvisningSchema,
  links: z.array(internLinkSchema).default([]),
});

export type Begreb = z.infer<typeof begrebSchema>;
export type Kildehenvisning = z.infer<typeof kildehenvisningSchema>;
