import { z } from 'astro/zod';

/** The numbers of the items in the source's tjekliste (1.1–1.11), in order. */
export const tjeklistepunkter = ['1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7', '1.8', '1.9', '1.10', '1.11'] as const;

/** The three parts of the Tilslutningsguide the tasks fall under, with their headings on the overview. */
export const grupper = {
  tilslutning: 'Tilslutning af udbetalingssystemer',
  arbejdsgange: 'Tilpasning af arbejdsgange',
  information: 'Tekster og information',
} as const;

export type Gruppe = keyof typeof grupper;

/**
 * One task of the Tilslutningsguide til NemKonto. Each task has its own page with the sections
 * "Opgaven" (the short text below, rendered from this data) and "Mere om opgaven" (prose in MDX).
 */
export const opgaveSchema = z.object({
  /** Stable id; also the last part of the page path. */
  id: z.string().regex(/^[a-z0-9-]+$/, 'id må kun indeholde små bogstaver, tal og bindestreg'),
  /** Order on the overview (1 = first). */
  nr: z.number().int().positive(),
  /** The task's heading as in the source (cleaned of extraction damage). */
  titel: z.string().min(5),
  /** Path of the task's page. */
  side: z.string().regex(/^\/nemkonto\/[a-z0-9-]+\/$/, 'side skal være en sti som "/nemkonto/datakvalitet/"'),
  gruppe: z.enum(Object.keys(grupper) as [Gruppe, ...Gruppe[]]),
  /** The source's "Opgaven" text: the short description of the task. */
  opgaven: z.string().min(30),
  /** The tjekliste items (1.1–1.11) the task leads to. */
  tjeklistepunkter: z.array(z.enum(tjeklistepunkter)).min(1),
  /** The heading of the source section the task comes from. */
  kildeafsnit: z.string().min(5),
});

export type Opgave = z.infer<typeof opgaveSchema>;

export const opgaverSchema = z
  .array(opgaveSchema)
  .refine((l) => new Set(l.map((o) => o.id)).size === l.length, 'to opgaver har samme id')
  .refine((l) => new Set(l.map((o) => o.side)).size === l.length, 'to opgaver har samme side')
  .refine((l) => l.every((o) => o.side === `/nemkonto/${o.id}/`), 'siden skal være /nemkonto/<id>/');
