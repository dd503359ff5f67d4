/**
 * Schema of the rules data for segregation of duties (funktionsadskillelse) and privileged rights.
 *
 * The data lives as YAML in `content/data/sod/` and is the single source for the guide pages and
 * the checker (browser worker, CLI, tests). Every system, role, function, rule, combination and
 * control has a stable id and a `kilde` (the section of Økonomistyrelsen's guidance it comes from).
 * Where the guidance is ambiguous, a `fortolkning` records the careful reading chosen.
 */
import { z } from 'astro/zod';
import { ALVOR_ORDEN, type Alvor } from './alvor';

export const idSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'id må kun indeholde små bogstaver (a–z), tal og enkelte bindestreger');

/** A section of the source, e.g. "2.2.2.1", "5", "3.1.4.1", "Tabel 3", "5.8.1, 1.7.1". */
export const kildeSchema = z
  .string({ error: 'kilde skal være tekst – skriv et enkelt afsnitsnummer i anførselstegn, fx \'5.4\'' })
  .min(1)
  .regex(/^[0-9A-Za-zÆØÅæøå§ .,;()–\-]+$/, 'kilde skal være afsnitsnumre som "2.2.2.1" eller "Tabel 3"');

export const alvorSchema = z.enum(ALVOR_ORDEN as [Alvor, ...Alvor[]]);
export { ALVOR_ORDEN, type Alvor };

export const systemtypeSchema = z.enum(['betalingsafledende', 'udbetalingssystem', 'nemkonto', 'bank']);
export type Systemtype = z.infer<typeof systemtypeSchema>;

/** A careful reading chosen where the source is ambiguous. */
export const fortolkningSchema = z.object({
  tekst: z.string().min(20),
  kilde: kildeSchema,
});

/** What a person needs besides the role to actually act. */
export const kraeverSchema = z.enum(['ingen', 'prokura', 'fuldmagt']);
export type Kraever = z.infer<typeof kraeverSchema>;

export const funktionSchema = z.object({
  id: idSchema,
  navn: z.string().min(2),
  beskrivelse: z.string().min(10),
  kategori: z.enum(['registrering', 'disponering', 'godkendelse', 'bogfoering', 'betaling', 'administration', 'opsaetning', 'oevrig']),
  /** Gives access to complete transactions with direct economic consequence (4.1.4). */
  transaktion: z.boolean(),
  kilde: kildeSchema,
  fortolkning: z.array(fortolkningSchema).default([]),
});
export type Funktion = z.infer<typeof funktionSchema>;

export const rolleFunktionSchema = z.object({
  funktion: idSchema,
  kraever: kraeverSchema.default('ingen'),
});

export const rolleSchema = z.object({
  id: idSchema,
  /** The name as in the system. */
  navn: z.string().min(2),
  /** Other spellings seen in exports (matched without regard to case, spaces and punctuation). */
  aliaser: z.array(z.string().min(1)).default([]),
  beskrivelse: z.string().min(10),
  funktioner: z.array(rolleFunktionSchema).default([]),
  privilegeret: z.boolean().default(false),
  /**
   * A generic role the source describes without naming it in the system (e.g. a set-up role):
   * controllers map their local role names to it (1.2.4).
   */
  generisk: z.boolean().default(false),
  /** Set when the institution does not control this role itself (e.g. Global systemadministrator). */
  institutionKontrollererIkke: z.string().min(10).optional(),
  kilde: kildeSchema,
  fortolkning: z.array(fortolkningSchema).default([]),
});
export type Rolle = z.infer<typeof rolleSchema>;

export const fuldmagtSchema = z.object({
  id: idSchema,
  navn: z.string().min(1),
  aliaser: z.array(z.string().min(1)).default([]),
  beskrivelse: z.string().min(10),
  funktioner: z.array(idSchema).min(1),
  /** Whether a payment created by this user needs a 2nd approval by another user (2-i-forening). */
  kraeverAndenGodkendelse: z.boolean(),
  kilde: kildeSchema,
});
export type Fuldmagt = z.infer<typeof fuldmagtSchema>;

/** A separation the system enforces itself, per user account: holding both halves is allowed. */
export const adskillelseSchema = z.object({
  id: idSchema,
  navn: z.string().min(3),
  /** The two halves of the process: functions on one side must be done by another account. */
  mellem: z.tuple([z.array(idSchema).min(1), z.array(idSchema).min(1)]),
  beskrivelse: z.string().min(20),
  /** The separation does not hold for accounts with these fuldmagter (e.g. Alene). */
  gaelderIkkeFuldmagt: z.array(idSchema).default([]),
  /** The separation does not hold when this setting (see regelsaet.indstillinger) is on. */
  gaelderIkkeVedIndstilling: idSchema.optional(),
  kilde: kildeSchema,
});
export type Adskillelse = z.infer<typeof adskillelseSchema>;

export const rapportSchema = z.object({
  navn: z.string().min(3),
  /** What the report is used for in the check. */
  bruges: z.enum(['roller', 'prokura', 'roller-og-fuldmagt', 'historik']),
  beskrivelse: z.string().min(10),
  kilde: kildeSchema,
});

export const systemSchema = z.object({
  id: idSchema,
  navn: z.string().min(2),
  kortnavn: z.string().min(2),
  aliaser: z.array(z.string().min(1)).default([]),
  type: systemtypeSchema,
  beskrivelse: z.string().min(20),
  /** What besides the role lets a user act in the system. */
  handleevne: z.object({
    type: z.enum(['prokura', 'fuldmagt', 'ingen']),
    beskrivelse: z.string().min(10),
    kilde: kildeSchema,
  }),
  rapporter: z.array(rapportSchema).default([]),
  roller: z.array(rolleSchema).min(1),
  fuldmagter: z.array(fuldmagtSchema).default([]),
  adskillelser: z.array(adskillelseSchema).default([]),
  /** Plain statement of what the source says about privileged rights in this system. */
  privilegerede: z.string().min(10),
  kilde: kildeSchema,
  fortolkning: z.array(fortolkningSchema).default([]),
});
export type System = z.infer<typeof systemSchema>;

/** One requirement of a combination: the person must have a matching (effective) assignment. */
export const kravSchema = z
  .object({
    /** An effective function among these (a role or fuldmagt gives it, with the prokura it needs). */
    funktioner: z.array(idSchema).optional(),
    /** One of these roles (regardless of prokura). */
    roller: z.array(idSchema).optional(),
    /** Any role marked privileged. */
    privilegeret: z.literal(true).optional(),
    /** The same account holds prokura. */
    prokura: z.literal(true).optional(),
    /** The same account holds one of these fuldmagter. */
    fuldmagter: z.array(idSchema).optional(),
    /** Limit to these systems … */
    systemer: z.array(idSchema).optional(),
    /** … or these system types. */
    systemtyper: z.array(systemtypeSchema).optional(),
    /** Short Danish label of the requirement, used in explanations ("godkendelse i RejsUd/IndFak"). */
    etiket: z.string().min(3),
  })
  .refine((k) => k.funktioner || k.roller || k.privilegeret || k.fuldmagter || k.prokura, {
    message: 'et krav skal angive funktioner, roller, privilegeret, prokura eller fuldmagter',
  });
export type Krav = z.infer<typeof kravSchema>;

export const betingelseSchema = z.discriminatedUnion('type', [
  z.object({
    /** The person meets every requirement (each by a different assignment when there are several). */
    type: z.literal('kombination'),
    krav: z.array(kravSchema).min(1),
    /** Where the requirements must be met relative to each other. */
    system: z.enum(['samme', 'forskellige', 'vilkaarligt']).default('vilkaarligt'),
    /** Each requirement must be met by a different role/fuldmagt assignment. */
    forskelligeTildelinger: z.boolean().default(false),
  }),
  z.object({
    /**
     * The person can act as both halves of a separated process in one system without the system's
     * own separation stopping it: through two accounts, or where the separation does not hold.
     */
    type: z.literal('samme-proces'),
  }),
  z.object({
    /** The person has more than one account in one system. */
    type: z.literal('flere-konti'),
  }),
]);
export type Betingelse = z.infer<typeof betingelseSchema>;

/** A row of a test case, in the canonical CSV's terms. */
export const testRaekkeSchema = z.object({
  system: z.string().min(1),
  bruger: z.string().min(1),
  navn: z.string().optional(),
  email: z.string().optional(),
  rolle: z.string().default(''),
  prokura: z.string().default(''),
  fuldmagt: z.string().default(''),
});
export type TestRaekke = z.infer<typeof testRaekkeSchema>;

export const testtilfaeldeSchema = z.object({
  navn: z.string().min(5),
  forventet: z.enum(['flag', 'ikke-flag']),
  tildelinger: z.array(testRaekkeSchema).min(1),
  /** Confirmed identity links between accounts ("system:bruger" pairs). */
  links: z.array(z.tuple([z.string(), z.string()])).default([]),
  indstillinger: z.record(z.string(), z.boolean()).default({}),
});
export type Testtilfaelde = z.infer<typeof testtilfaeldeSchema>;

export const regelSchema = z
  .object({
    id: idSchema,
    titel: z.string().min(10),
    alvor: alvorSchema,
    kategori: z.enum(['funktionsadskillelse', 'privilegeret', 'brugeropsaetning']),
    /** Plain Danish: why this is a problem. Shown with every finding. */
    forklaring: z.string().min(40),
    /** Plain Danish: what the controller should do. */
    handling: z.string().min(20),
    kilde: kildeSchema,
    betingelse: betingelseSchema,
    /** A finding is not shown when a finding of one of these rules covers the same accounts. */
    undertrykkesAf: z.array(idSchema).default([]),
    /** Best-practice sections (rendered by the guide pages) the rule relates to. */
    bedstePraksis: z.array(z.string().regex(/^bp-4-1-[1-7]$/)).default([]),
    /** Controls (kontroller.yaml) the rule automates a part of. */
    kontroller: z.array(idSchema).default([]),
    fortolkning: z.array(fortolkningSchema).default([]),
    testtilfaelde: z.array(testtilfaeldeSchema).min(2),
  })
  .refine((r) => r.testtilfaelde.some((t) => t.forventet === 'flag') && r.testtilfaelde.some((t) => t.forventet === 'ikke-flag'), {
    message: 'hver regel skal have mindst ét testtilfælde, der flager, og ét, der ikke flager',
    path: ['testtilfaelde'],
  });
export type Regel = z.infer<typeof regelSchema>;

/** Figur 10 rebuilt: combinations of access per user that are allowed or not. */
export const kombinationSchema = z.object({
  id: idSchema,
  titel: z.string().min(10),
  status: z.enum(['tilladt', 'ikke-tilladt', 'kun-med-kompenserende-kontroller']),
  systemer: z.array(idSchema).min(1),
  beskrivelse: z.string().min(20),
  begrundelse: z.string().min(20),
  /** The rule that finds it (not allowed), or the system separation that makes it safe (allowed). */
  regel: idSchema.optional(),
  adskillelse: idSchema.optional(),
  kilde: kildeSchema,
  fortolkning: z.array(fortolkningSchema).default([]),
});
export type Kombination = z.infer<typeof kombinationSchema>;

export const hyppighedSchema = z.object({
  interval: z.enum(['kvartalsvis', 'halvaarligt', 'risikobaseret']),
  tekst: z.string().min(10),
  kilde: kildeSchema,
});

export const kontrolSchema = z.object({
  id: idSchema,
  titel: z.string().min(10),
  omfang: z.enum(['system', 'tvaergaaende', 'privilegeret']),
  /** What the control is about: the assignment of rights, or what they were used for (1.7.1). */
  art: z.enum(['tildeling', 'anvendelse', 'overblik', 'stillingtagen']),
  systemer: z.array(idSchema).default([]),
  spoergsmaal: z.string().min(10).optional(),
  beskrivelse: z.string().min(20),
  rapporter: z.array(z.string().min(3)).default([]),
  hyppighed: hyppighedSchema,
  /** Where the source describes how to perform it by hand. */
  appendiks: z.string().optional(),
  /** The checker's rules that do (part of) this control. */
  regler: z.array(idSchema).default([]),
  kilde: kildeSchema,
  fortolkning: z.array(fortolkningSchema).default([]),
});
export type Kontrol = z.infer<typeof kontrolSchema>;

/** The source's tables 1–3 of privileged rights. */
export const privilegeretSchema = z.object({
  id: idSchema,
  tabel: z.number().int().min(1).max(3),
  systemer: z.array(idSchema).min(1),
  roller: z.array(idSchema).min(1),
  /** What the role must be combined with to be privileged in the table's sense, if anything. */
  kombineretMed: z.string().optional(),
  beskrivelse: z.string().min(20),
  kontroller: z.array(idSchema).default([]),
  note: z.string().optional(),
  kilde: kildeSchema,
});
export type Privilegeret = z.infer<typeof privilegeretSchema>;

export const indstillingSchema = z.object({
  id: idSchema,
  navn: z.string().min(5),
  beskrivelse: z.string().min(20),
  standard: z.boolean(),
  kilde: kildeSchema,
});
export type Indstilling = z.infer<typeof indstillingSchema>;

export const regelsaetSchema = z.object({
  id: z.literal('regelsaet'),
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'version skal være som 1.0.0'),
  dato: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** Id of the source in content/data/kilder.yaml. */
  kilde: z.string(),
  titel: z.string().min(5),
  beskrivelse: z.string().min(20),
  alvorsgrader: z.array(z.object({ id: alvorSchema, beskrivelse: z.string().min(10) })).length(4),
  indstillinger: z.array(indstillingSchema).default([]),
  fortolkninger: z.array(fortolkningSchema).default([]),
});
export type Regelsaet = z.infer<typeof regelsaetSchema>;

/** Everything the checker needs, assembled from the collections, with cross-references checked. */
export const rulesetSchema = z
  .object({
    regelsaet: regelsaetSchema,
    funktioner: z.array(funktionSchema),
    systemer: z.array(systemSchema),
    regler: z.array(regelSchema),
    kombinationer: z.array(kombinationSchema),
    kontroller: z.array(kontrolSchema),
    privilegerede: z.array(privilegeretSchema),
  })
  .superRefine((r, ctx) => {
    const problems = crossReferenceProblems(r);
    for (const message of problems) ctx.addIssue({ code: 'custom', message });
  });
export type Ruleset = z.infer<typeof rulesetSchema>;

/** Every reference between the parts that does not resolve, as Danish messages. */
export function crossReferenceProblems(r: Omit<Ruleset, never>): string[] {
  const out: string[] = [];
  const dupes = (what: string, ids: string[]) => {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) out.push(`${what} «${id}» findes to gange`);
      seen.add(id);
    }
  };
  const funktioner = new Set(r.funktioner.map((f) => f.id));
  const systemer = new Set(r.systemer.map((s) => s.id));
  const roller = new Set(r.systemer.flatMap((s) => s.roller.map((x) => x.id)));
  const fuldmagter = new Set(r.systemer.flatMap((s) => s.fuldmagter.map((x) => x.id)));
  const adskillelser = new Set(r.systemer.flatMap((s) => s.adskillelser.map((x) => x.id)));
  const regler = new Set(r.regler.map((x) => x.id));
  const kontroller = new Set(r.kontroller.map((x) => x.id));
  const indstillinger = new Set(r.regelsaet.indstillinger.map((x) => x.id));
  dupes('funktion', r.funktioner.map((f) => f.id));
  dupes('system', r.systemer.map((s) => s.id));
  dupes('rolle', r.systemer.flatMap((s) => s.roller.map((x) => x.id)));
  dupes('regel', r.regler.map((x) => x.id));
  dupes('kontrol', r.kontroller.map((x) => x.id));
  dupes('kombination', r.kombinationer.map((x) => x.id));
  const need = (set: Set<string>, id: string, what: string, where: string) => {
    if (!set.has(id)) out.push(`${where}: ukendt ${what} «${id}»`);
  };
  for (const s of r.systemer) {
    for (const rolle of s.roller)
      for (const f of rolle.funktioner) need(funktioner, f.funktion, 'funktion', `rolle ${rolle.id}`);
    for (const fm of s.fuldmagter) for (const f of fm.funktioner) need(funktioner, f, 'funktion', `fuldmagt ${fm.id}`);
    for (const a of s.adskillelser) {
      for (const f of a.mellem.flat()) need(funktioner, f, 'funktion', `adskillelse ${a.id}`);
      for (const f of a.gaelderIkkeFuldmagt) need(fuldmagter, f, 'fuldmagt', `adskillelse ${a.id}`);
      if (a.gaelderIkkeVedIndstilling) need(indstillinger, a.gaelderIkkeVedIndstilling, 'indstilling', `adskillelse ${a.id}`);
    }
  }
  for (const regel of r.regler) {
    const where = `regel ${regel.id}`;
    if (regel.betingelse.type === 'kombination') {
      for (const k of regel.betingelse.krav) {
        for (const f of k.funktioner ?? []) need(funktioner, f, 'funktion', where);
        for (const x of k.roller ?? []) need(roller, x, 'rolle', where);
        for (const x of k.fuldmagter ?? []) need(fuldmagter, x, 'fuldmagt', where);
        for (const x of k.systemer ?? []) need(systemer, x, 'system', where);
      }
    }
    for (const x of regel.undertrykkesAf) need(regler, x, 'regel', where);
    for (const x of regel.kontroller) need(kontroller, x, 'kontrol', where);
    for (const t of regel.testtilfaelde)
      for (const [k] of Object.entries(t.indstillinger)) need(indstillinger, k, 'indstilling', `${where}, test «${t.navn}»`);
  }
  for (const k of r.kombinationer) {
    for (const x of k.systemer) need(systemer, x, 'system', `kombination ${k.id}`);
    if (k.regel) need(regler, k.regel, 'regel', `kombination ${k.id}`);
    if (k.adskillelse) need(adskillelser, k.adskillelse, 'adskillelse', `kombination ${k.id}`);
    if (k.status === 'tilladt' && !k.adskillelse && !k.fortolkning.length && !k.begrundelse)
      out.push(`kombination ${k.id}: en tilladt kombination skal begrundes`);
    if (k.status !== 'tilladt' && !k.regel) out.push(`kombination ${k.id}: en ikke-tilladt kombination skal pege på den regel, der finder den`);
  }
  for (const k of r.kontroller) {
    for (const x of k.systemer) need(systemer, x, 'system', `kontrol ${k.id}`);
    for (const x of k.regler) need(regler, x, 'regel', `kontrol ${k.id}`);
  }
  for (const p of r.privilegerede) {
    for (const x of p.systemer) need(systemer, x, 'system', `privilegeret ${p.id}`);
    for (const x of p.roller) need(roller, x, 'rolle', `privilegeret ${p.id}`);
    for (const x of p.kontroller) need(kontroller, x, 'kontrol', `privilegeret ${p.id}`);
  }
  return out;
}
