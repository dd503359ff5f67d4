// `defineCollection` from its real module (same function as `astro:content` re-exports), so the
// schemas below can be imported by the unit tests as well as by the content config.
import { defineCollection } from 'astro/content/config';
import { file } from 'astro/loaders';
import { z } from 'astro/zod';

/**
 * Kundeportalen as data: the four rights, the menu points with what each right gives there (the
 * rights matrix, which was an image in the source and is rebuilt from its prose), the notes on
 * that matrix, and the contact-person roles. Every entry names the source section(s) in `kilde`
 * (headings of kundeportalen.txt as listed in content/data/kildespor/kundeportalen.yaml).
 */

const id = z.string().regex(/^[a-z0-9-]+$/, 'id må kun indeholde små bogstaver, tal og bindestreg');
/** Headings of the source the entry is based on. */
const kilde = z.array(z.string().min(2)).min(1);
const sti = z.string().regex(/^\/[a-z0-9\-/]*\/$/, 'side skal være en sti som "/kundeportalen/log-ind/"');
const anker = z.string().regex(/^[a-z0-9\-æøå]*$/).default('');

export const rettighedIds = ['laeser', 'rediger', 'rapporter', 'administrator'] as const;
export type RettighedId = (typeof rettighedIds)[number];

export const rettighedSchema = z.object({
  id: z.enum(rettighedIds),
  /** The name as the portal shows it. */
  navn: z.string().min(2),
  /** What the right gives, in one or two plain sentences. */
  giver: z.string().min(10),
  /** Who grants it: the customer's own administrator, or Statens Administration. */
  tildeles_af: z.enum(['administrator', 'statens-administration']),
  /** Conditions the source ties to the right (e.g. B-nummer for Rapporter). */
  betingelser: z.array(z.string().min(10)).default([]),
  kilde,
});
export type Rettighed = z.infer<typeof rettighedSchema>;

/** What one right gives on one menu point. */
export const adgangsniveauer = ['ingen', 'se', 'vedligehold'] as const;
export type Adgangsniveau = (typeof adgangsniveauer)[number];

const celle = z.object({
  niveau: z.enum(adgangsniveauer),
  /** Ids of notes (kundeportalen-noter) that qualify this cell. */
  noter: z.array(id).default([]),
});

export const menupunktSchema = z
  .object({
    id,
    navn: z.string().min(2),
    /** Order in the portal's menu line. */
    orden: z.number().int().positive(),
    /** Short description of what the menu point contains. */
    indhold: z.string().min(10),
    /** Page and heading that explain the menu point. */
    side: sti,
    anker,
    /** Cell text for "se" where plain "Se" says too little (e.g. "Se og hent"). */
    se: z.string().min(2).optional(),
    /** Cell text for "vedligehold" and the section that explains how. */
    vedligehold: z
      .object({ tekst: z.string().min(2), side: sti, anker })
      .optional(),
    adgang: z.object({
      laeser: celle,
      rediger: celle,
      rapporter: celle,
      administrator: celle,
    }),
    /** Notes on the whole menu point (rules stated by the source). */
    noter: z.array(id).default([]),
    kilde,
  })
  .superRefine((m, ctx) => {
    for (const r of rettighedIds) {
      const n = m.adgang[r].niveau;
      if (n === 'vedligehold' && !m.vedligehold)
        ctx.addIssue({ code: 'custom', path: ['vedligehold'], message: `"vedligehold" mangler, men ${r} giver "vedligehold"` });
    }
  });
export type Menupunkt = z.infer<typeof menupunktSchema>;

export const noteSchema = z.object({
  id,
  /** `regel`: stated by the source. `fortolkning`: our careful reading where the source is unclear. */
  art: z.enum(['regel', 'fortolkning']),
  tekst: z.string().min(20),
  /** Optional link to the page that says more. */
  link: z.object({ tekst: z.string().min(2), side: sti, anker }).optional(),
  kilde,
});
export type Note = z.infer<typeof noteSchema>;

export const stamdataFaner = ['Generelt', 'Regnskab', 'Løn'] as const;

export const kontaktrolleSchema = z
  .object({
    id,
    navn: z.string().min(3),
    /** What the role is for. */
    formaal: z.string().min(10),
    /** `institutionen`: users with Administrator or Rediger. `statens-administration`: its system administrator. */
    tildeles_af: z.enum(['institutionen', 'statens-administration']),
    /** Stamdata tabs the role is always shown on (set by Statens Administration's roles). */
    faneblade: z.array(z.enum(stamdataFaner)).default([]),
    /** True where the person creating the contact chooses the tab in the form. */
    faneblad_vaelges: z.boolean(),
    faneblad_note: z.string().min(10).optional(),
    /** The source asks for a secure e-mail address (personal data). */
    sikker_email: z.boolean(),
    sikker_email_begrundelse: z.string().min(10).optional(),
    orden: z.number().int().positive(),
    kilde,
  })
  .superRefine((r, ctx) => {
    if (r.faneblad_vaelges === r.faneblade.length > 0)
      ctx.addIssue({ code: 'custom', path: ['faneblade'], message: 'angiv enten faste faneblade eller faneblad_vaelges: true' });
    if (r.sikker_email && !r.sikker_email_begrundelse)
      ctx.addIssue({ code: 'custom', path: ['sikker_email_begrundelse'], message: 'begrundelse mangler' });
  });
export type Kontaktrolle = z.infer<typeof kontaktrolleSchema>;

export const collections = {
  kundeportalenRettigheder: defineCollection({
    loader: file('./content/data/kundeportalen/rettigheder.yaml'),
    schema: rettighedSchema,
  }),
  kundeportalenMenupunkter: defineCollection({
    loader: file('./content/data/kundeportalen/menupunkter.yaml'),
    schema: menupunktSchema,
  }),
  kundeportalenNoter: defineCollection({
    loader: file('./content/data/kundeportalen/noter.yaml'),
    schema: noteSchema,
  }),
  kundeportalenKontaktroller: defineCollection({
    loader: file('./content/data/kundeportalen/kontaktroller.yaml'),
    schema: kontaktrolleSchema,
  }),
};
