import { z } from 'astro/zod';

/**
 * Schemas for the Digital Post data in content/data/digital-post/: the four processes with their
 * steps, the questions and settings of an afsendersystem (felter) and the rules between them
 * (regler). Used by the content collections, the recommender and the tests.
 */

const id = z.string().regex(/^[a-z0-9-]+$/, 'id må kun indeholde små bogstaver, tal og bindestreg');
/** A chapter ("3") or section ("3.4") of the source. */
const afsnit = z.string().regex(/^\d+(\.\d+)?$/, 'afsnit skal være et kapitel eller afsnit som "3.4"');
/** A heading id as the built page has it (lower case, hyphens, Danish letters). */
const anker = z.string().regex(/^[a-z0-9\-æøå]+$/, 'anker skal være en overskrifts id som "trin-1-…"');

export const procesIds = ['afsendersystem', 'materiale', 'tilmeldingsgruppe', 'tilknytning'] as const;
export type ProcesId = (typeof procesIds)[number];

export const rolleNavne = ['Administrator', 'Superadministrator', 'Systemadministrator'] as const;

export const trinSchema = z.object({
  id,
  nr: z.number().int().positive(),
  /** "Hvad skal du gøre?" */
  handling: z.string().min(3),
  /** "Hvad er resultatet?" */
  resultat: z.string().min(5),
  /** "Hvor kan du læse mere?" — the section that describes the step. */
  afsnit,
  /** Heading id of the step's section on the process page. */
  anker,
});

export const procesSchema = z
  .object({
    id: z.enum(procesIds),
    nr: z.number().int().min(1).max(4),
    titel: z.string().min(5),
    /** The chapter of the source that describes the process. */
    kapitel: afsnit,
    side: z.string().regex(/^\/digital-post\/[a-z0-9-]+\/$/),
    beskrivelse: z.string().min(20),
    /** The role in Administrationsportalen the chapter requires. */
    rolle: z.object({
      roller: z.array(z.enum(rolleNavne)).min(1),
      afsnit,
      gaelder: z.string().min(5),
    }),
    trin: z.array(trinSchema).min(1),
  })
  .superRefine((p, ctx) => {
    p.trin.forEach((t, i) => {
      if (t.nr !== i + 1) ctx.addIssue({ code: 'custom', path: ['trin', i, 'nr'], message: `trin ${i + 1} har nr ${t.nr}` });
      if (t.id !== `${p.id}-${t.nr}`)
        ctx.addIssue({ code: 'custom', path: ['trin', i, 'id'], message: `trin-id skal være "${p.id}-${t.nr}"` });
      // In the source, step n of chapter k is described in section k.n.
      if (t.afsnit !== `${p.kapitel}.${t.nr}`)
        ctx.addIssue({ code: 'custom', path: ['trin', i, 'afsnit'], message: `trin ${t.nr} står i afsnit ${p.kapitel}.${t.nr}` });
      if (!t.anker.startsWith(`trin-${t.nr}-`))
        ctx.addIssue({ code: 'custom', path: ['trin', i, 'anker'], message: `anker skal begynde med "trin-${t.nr}-"` });
    });
  });

export type Trin = z.infer<typeof trinSchema>;
export type Proces = z.infer<typeof procesSchema>;

/** Field ids are used as keys in the rules (`naar: { standardsystem: ja }`). */
const feltId = z.string().regex(/^[a-z][a-zA-Z]*$/, 'felt-id skal være et ord som "snitflade" eller "gemKopi"');

/** Conditions that must all hold: field → value, or field → any of several values. */
export const betingelseSchema = z.record(feltId, z.union([id, z.array(id).min(1)]));
export type Betingelse = z.infer<typeof betingelseSchema>;

export const valgSchema = z.object({
  id,
  /** The answer or setting as shown to the user. */
  tekst: z.string().min(2),
  /** How the setting is made in Administrationsportalen, where it differs from `tekst`. */
  indstilling: z.string().min(2).optional(),
  /** What the option means (shown with the settings on the process pages). */
  beskrivelse: z.string().min(5).optional(),
});

export const feltSchema = z
  .object({
    id: feltId,
    /** Order on the pages (the collection does not keep the file's order). */
    nr: z.number().int().positive(),
    titel: z.string().min(3),
    /** Present when the recommender asks this question. */
    spoergsmaal: z
      .object({
        tekst: z.string().min(5),
        hjaelp: z.string().min(5).optional(),
        /** Text of an extra answer that means "not decided" (no value). */
        ubesvaret: z.string().min(3).optional(),
        /** Ask only when at least one of these conditions holds for the answers. */
        visNaar: z.array(betingelseSchema).min(1).optional(),
      })
      .optional(),
    /** Present when this is a setting in Administrationsportalen the recommender recommends. */
    indstilling: z
      .object({
        proces: z.enum(procesIds),
        afsnit,
        /** The field's label in Administrationsportalen. */
        felt: z.string().min(3),
      })
      .optional(),
    valg: z.array(valgSchema).min(1),
  })
  .refine((f) => f.spoergsmaal || f.indstilling, 'et felt skal være et spørgsmål, en indstilling eller begge')
  .refine((f) => new Set(f.valg.map((v) => v.id)).size === f.valg.length, 'to valg har samme id');

export type Felt = z.infer<typeof feltSchema>;
export type Valg = z.infer<typeof valgSchema>;

export const styrker = ['skal', 'anbefalet', 'udgangspunkt', 'husk'] as const;
export type Styrke = (typeof styrker)[number];

export const regelSchema = z
  .object({
    id,
    /** Order: among recommendations for the same field, the lower number wins. */
    nr: z.number().int().positive(),
    naar: betingelseSchema.default({}),
    saa: z.record(feltId, id).optional(),
    forbudt: z.literal(true).optional(),
    styrke: z.enum(styrker),
    /** The rule in plain Danish. */
    forklaring: z.string().min(10),
    /** Quotation from the section (cleaned of extraction damage). */
    kildetekst: z.string().min(10),
    afsnit,
  })
  .superRefine((r, ctx) => {
    const saa = r.saa && Object.keys(r.saa).length > 0;
    if (r.styrke === 'husk') {
      if (saa || r.forbudt) ctx.addIssue({ code: 'custom', message: 'en husk-regel har hverken "saa" eller "forbudt"' });
    } else if (r.forbudt) {
      if (r.styrke !== 'skal') ctx.addIssue({ code: 'custom', path: ['forbudt'], message: 'forbudt kræver styrke skal' });
      if (saa) ctx.addIssue({ code: 'custom', path: ['saa'], message: 'en regel er enten "saa" eller "forbudt"' });
      if (Object.keys(r.naar).length < 2) ctx.addIssue({ code: 'custom', path: ['naar'], message: 'forbudt kræver en kombination' });
    } else if (!saa) {
      ctx.addIssue({ code: 'custom', path: ['saa'], message: `en ${r.styrke}-regel skal have "saa"` });
    }
  });

export type Regel = z.infer<typeof regelSchema>;

/**
 * Checks that every rule and every visNaar condition names existing fields and values. Returns
 * the problems in Danish (empty when all is well); the components fail the build on any.
 */
export function tjekReferencer(felter: readonly Felt[], regler: readonly Regel[]): string[] {
  const fejl: string[] = [];
  const byId = new Map(felter.map((f) => [f.id, f]));
  if (byId.size !== felter.length) fejl.push('to felter har samme id');
  const tjek = (hvor: string, felt: string, vaerdier: string | string[]) => {
    const f = byId.get(felt);
    if (!f) return void fejl.push(`${hvor}: ukendt felt "${felt}"`);
    for (const v of [vaerdier].flat()) {
      if (!f.valg.some((x) => x.id === v)) fejl.push(`${hvor}: feltet "${felt}" har ikke værdien "${v}"`);
    }
  };
  const regelIds = new Set<string>();
  const regelNr = new Set<number>();
  if (new Set(felter.map((f) => f.nr)).size !== felter.length) fejl.push('to felter har samme nr');
  for (const r of regler) {
    if (regelIds.has(r.id)) fejl.push(`to regler har id "${r.id}"`);
    if (regelNr.has(r.nr)) fejl.push(`to regler har nr ${r.nr}`);
    regelIds.add(r.id);
    regelNr.add(r.nr);
    for (const [f, v] of Object.entries(r.naar)) tjek(`regel ${r.id} (naar)`, f, v);
    for (const [f, v] of Object.entries(r.saa ?? {})) {
      tjek(`regel ${r.id} (saa)`, f, v);
      if (byId.get(f) && !byId.get(f)!.indstilling) fejl.push(`regel ${r.id} (saa): "${f}" er ikke en indstilling`);
    }
  }
  for (const f of felter) {
    for (const b of f.spoergsmaal?.visNaar ?? []) for (const [g, v] of Object.entries(b)) tjek(`felt ${f.id} (visNaar)`, g, v);
  }
  return fejl;
}
