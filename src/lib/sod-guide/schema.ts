import { z } from 'astro/zod';
import { kildehenvisningSchema } from '../begreber/schema';

/** A link to an outside document the source refers to (plain link, never loaded by the page). */
const eksternLinkSchema = z.object({ tekst: z.string().min(2), url: z.url() });

/**
 * One of Økonomistyrelsen's recommendations for setting up users (section 4.1.1–4.1.7 of
 * "Funktionsadskillelse og privilegerede rettigheder"), in content/data/sod-guide/bedste-praksis.yaml.
 */
export const bedstePraksisSchema = z
  .object({
    /** "bp-4-1-3" for section 4.1.3; also the anchor on /funktionsadskillelse/opsaetning-af-brugere/. */
    id: z.string().regex(/^bp-4-1-[1-9]$/, 'id skal have formen bp-4-1-N'),
    titel: z.string().min(5),
    /** Short imperative summary for the overview list. */
    kort: z.string().min(10).max(140),
    /** Paragraphs in plain Danish. */
    tekst: z.array(z.string().min(20)).min(1),
    /** Notes from the source (footnotes, fact boxes), each optionally with a link. */
    noter: z.array(z.object({ tekst: z.string().min(10), link: eksternLinkSchema.optional() })).default([]),
    kilde: kildehenvisningSchema.extend({ dokument: z.literal('funktionsadskillelse') }),
  })
  .refine((bp) => bp.id === `bp-${bp.kilde.afsnit.replaceAll('.', '-')}`, {
    message: 'id og kilde.afsnit skal passe sammen (bp-4-1-3 ↔ 4.1.3)',
    path: ['id'],
  });

export type BedstePraksis = z.infer<typeof bedstePraksisSchema>;
