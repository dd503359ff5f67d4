import { z } from 'astro/zod';

/**
 * Schema of a tjekliste definition (`checklists/<id>.yaml`). Used by the content collection (the
 * build fails with file and field on bad data), by the page that renders it and by the tests.
 */

const slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'må kun indeholde små bogstaver a–z, tal og enkelte bindestreger');

/** A path on this site, ending in "/", optionally with an anchor: "/nemkonto/datakvalitet/#x". */
export const sitePath = z
  .string()
  .regex(/^\/([a-z0-9-]+\/)*(#[a-z0-9-]+)?$/, 'skal være en sti på sitet som "/nemkonto/datakvalitet/" (evt. med #anker)');

/** An automated check on another page of the site that helps answer the item. */
export const kontrolSchema = z.object({
  id: slug,
  /** Link text, e.g. "Kør kontrollen af jeres modtagerfil". */
  tekst: z.string().min(5),
  side: sitePath,
});

/** A date the user records on the item (e.g. when a certificate expires), shown prominently. */
export const datofeltSchema = z.object({
  /** Label of the field, e.g. "Certifikatet udløber". */
  etiket: z.string().min(3),
  /** Short hint under the label. */
  hjaelp: z.string().default(''),
});

export const punktSchema = z.object({
  /** Stable id; answers are stored under it. Never reuse an id for a different question. */
  id: slug,
  /** Number as shown, e.g. "1.4". */
  nummer: z.string().regex(/^\d+(\.\d+)*[a-z]?$/, 'skal være et nummer som "1.4"'),
  /** The question or task, as in the source. */
  tekst: z.string().min(5),
  /** Help in a small Markdown subset (paragraphs, lists, **fed**, *kursiv*, [links](/sti/)). */
  hjaelp: z.string().default(''),
  /** The guide page (or section) that explains the item. */
  vejledning: sitePath,
  /** Further guide pages. */
  ogsaa: z.array(z.object({ tekst: z.string().min(3), side: sitePath })).default([]),
  /** Optional automated check on the site. */
  kontrol: kontrolSchema.optional(),
  /** Optional date the user records on this item. */
  dato: datofeltSchema.optional(),
});

export const gruppeSchema = z.object({
  id: slug,
  titel: z.string().min(3),
  intro: z.string().default(''),
  punkter: z.array(punktSchema).min(1),
});

export const tjeklisteSchema = z
  .object({
    /** Must equal the file name: checklists/<id>.yaml → /tjeklister/<id>/. */
    id: slug,
    titel: z.string().min(3),
    /** Short description for lists (one sentence). */
    beskrivelse: z.string().min(10),
    /** Introduction in the Markdown subset. */
    intro: z.string().min(10),
    kilde: z.object({
      /** Id of the source in content/data/kilder.yaml. */
      dokument: slug,
      /** Section(s) of the source the items come from. */
      afsnit: z.string().min(2),
    }),
    grupper: z.array(gruppeSchema).min(1),
  })
  .superRefine((def, ctx) => {
    const ids = new Map<string, string>();
    const numre = new Set<string>();
    const grupper = new Set<string>();
    def.grupper.forEach((g, gi) => {
      if (grupper.has(g.id)) ctx.addIssue({ code: 'custom', path: ['grupper', gi, 'id'], message: `gruppe-id "${g.id}" findes to gange` });
      grupper.add(g.id);
      g.punkter.forEach((p, pi) => {
        const path = ['grupper', gi, 'punkter', pi];
        if (ids.has(p.id)) ctx.addIssue({ code: 'custom', path: [...path, 'id'], message: `punkt-id "${p.id}" bruges også af punkt ${ids.get(p.id)}` });
        ids.set(p.id, p.nummer);
        if (numre.has(p.nummer)) ctx.addIssue({ code: 'custom', path: [...path, 'nummer'], message: `nummer "${p.nummer}" findes to gange` });
        numre.add(p.nummer);
      });
    });
  });

export type Tjekliste = z.output<typeof tjeklisteSchema>;
export type TjeklisteInput = z.input<typeof tjeklisteSchema>;
export type Gruppe = z.output<typeof gruppeSchema>;
export type Punkt = z.output<typeof punktSchema>;
export type Kontrol = z.output<typeof kontrolSchema>;

/** What the engine needs of an item (the page may carry more, e.g. rendered help). */
export type PunktKerne = Pick<Punkt, 'id' | 'nummer' | 'tekst' | 'vejledning' | 'dato'>;

/** What the engine needs of a definition. */
export interface TjeklisteKerne<P extends PunktKerne = PunktKerne> {
  id: string;
  titel: string;
  grupper: { id: string; titel: string; punkter: P[] }[];
}
