/**
 * Export and import of a tjekliste's answers: JSON (versioned, validated with zod on import) and
 * CSV for Excel. An import that is not valid is rejected as a whole with a list of exactly what is
 * wrong, so the current answers are never half-overwritten.
 */
import { z } from 'astro/zod';
import { toCsv } from '../csv/export';
import { isIsoDate } from './dates';
import { allItems, isOverdue, reconcile } from './progress';
import type { TjeklisteKerne } from './schema';
import {
  FORMAT,
  MAX_ANSVARLIG,
  MAX_NAVN,
  MAX_NOTE,
  STATUSES,
  STATUS_LABEL,
  VERSION,
  isStatus,
  type Gennemgang,
  type TjeklisteTilstand,
} from './state';
import { migrate } from './storage';

/** Largest file accepted for import (a checklist with many runs is far below this). */
export const MAX_IMPORT_BYTES = 2_000_000;

/* ---------- export ---------- */

export function exportJson(state: TjeklisteTilstand, now: string): string {
  const { format, version, tjekliste, aktiv, gennemgange } = state;
  return `${JSON.stringify({ format, version, tjekliste, eksporteret: now, aktiv, gennemgange }, null, 2)}\n`;
}

/** File name stem for exports: "tjekliste-nemkonto-2026-11-23". */
export function exportName(tjekliste: string, today: string): string {
  return `tjekliste-${tjekliste}-${today}`;
}

export const CSV_HEADER = [
  'Gennemgang',
  'Nummer',
  'Gruppe',
  'Punkt',
  'Status',
  'Ansvarlig',
  'Frist',
  'Overskredet',
  'Note',
  'Dato',
  'Vejledning',
  'Sidst ændret',
];

/** The runs as CSV rows for Excel, current items first, then orphaned answers marked as such. */
export function exportCsv(def: TjeklisteKerne, state: TjeklisteTilstand, today: string, runIds?: readonly string[]): string {
  const rows: (string | number)[][] = [];
  const runs = runIds ? state.gennemgange.filter((g) => runIds.includes(g.id)) : state.gennemgange;
  const gruppeAf = new Map(def.grupper.flatMap((g) => g.punkter.map((p) => [p.id, g.titel] as const)));
  for (const run of runs) {
    const { punkter, foraeldede } = reconcile(def, run);
    for (const { punkt, svar } of punkter) {
      const datoTekst = punkt.dato && svar?.dato ? `${punkt.dato.etiket}: ${svar.dato}` : '';
      rows.push([
        run.navn,
        punkt.nummer,
        gruppeAf.get(punkt.id) ?? '',
        punkt.tekst,
        STATUS_LABEL[svar?.status ?? 'ikke-startet'],
        svar?.ansvarlig ?? '',
        svar?.frist ?? '',
        isOverdue(svar, today) ? 'Ja' : '',
        svar?.note ?? '',
        datoTekst,
        punkt.vejledning,
        svar?.aendret ?? '',
      ]);
    }
    for (const { id, svar } of foraeldede) {
      rows.push([
        run.navn,
        svar.nummer,
        'Forældet svar (punktet findes ikke længere)',
        svar.tekst || id,
        STATUS_LABEL[svar.status],
        svar.ansvarlig,
        svar.frist,
        '',
        svar.note,
        svar.dato,
        '',
        svar.aendret,
      ]);
    }
  }
  return toCsv(CSV_HEADER, rows);
}

/* ---------- import ---------- */

const dateField = (label: string) =>
  z
    .string({ error: `${label} skal være tekst` })
    .refine((s) => s === '' || isIsoDate(s), {
      error: (iss) => `${label} "${String(iss.input)}" er ikke en gyldig dato (skriv ÅÅÅÅ-MM-DD, fx 2026-12-01)`,
    });

const textField = (label: string, max: number) =>
  z
    .string({ error: (iss) => (iss.input === undefined ? `${label} mangler` : `${label} skal være tekst`) })
    .max(max, { error: `${label} er længere end ${max} tegn` });

const svarSchema = z.object({
  status: z.string({ error: 'status mangler' }).refine(isStatus, {
    error: (iss) => `status "${String(iss.input)}" er ikke en gyldig status (brug ${STATUSES.join(', ')})`,
  }),
  ansvarlig: textField('ansvarlig', MAX_ANSVARLIG).default(''),
  frist: dateField('fristen').default(''),
  note: textField('noten', MAX_NOTE).default(''),
  dato: dateField('datoen').default(''),
  nummer: textField('nummer', 20).default(''),
  tekst: textField('teksten', 1000).default(''),
  aendret: textField('tidspunktet', 40).default(''),
});

const gennemgangSchema = z.object({
  id: z.string({ error: 'id mangler' }).regex(/^[a-z0-9][a-z0-9-]{0,39}$/, { error: 'id må kun indeholde a–z, 0–9 og bindestreg' }),
  navn: textField('navnet', MAX_NAVN).refine((s) => s.trim() !== '', { error: 'navnet er tomt' }),
  oprettet: textField('oprettet', 40).default(''),
  aendret: textField('aendret', 40).default(''),
  svar: z.record(
    z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/, { error: 'punkt-id må kun indeholde a–z, 0–9 og bindestreg' }),
    svarSchema,
    { error: 'svar skal være en liste over punkter' },
  ),
});

const importSchema = z.object({
  format: z.literal(FORMAT, { error: `formatet skal være "${FORMAT}"` }),
  version: z.literal(VERSION),
  tjekliste: z.string(),
  aktiv: z.string().optional(),
  eksporteret: z.string().optional(),
  gennemgange: z.array(gennemgangSchema, { error: 'gennemgange skal være en liste' }).min(1, { error: 'filen indeholder ingen gennemgange' }),
});

export type ImportResult = { ok: true; state: TjeklisteTilstand } | { ok: false; errors: string[] };

/** Validates an import file's text for one checklist. Nothing is changed; the caller merges. */
export function parseImport(text: string, def: TjeklisteKerne, now: string): ImportResult {
  const fail = (...errors: string[]): ImportResult => ({ ok: false, errors });
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (!trimmed) return fail('Filen er tom.');
  if (text.length > MAX_IMPORT_BYTES) return fail('Filen er for stor til at være en eksport fra en tjekliste.');
  let raw: unknown;
  try {
    raw = JSON.parse(trimmed);
  } catch {
    return fail('Filen er ikke en JSON-fil fra Vejviser (den kunne ikke læses som JSON). Vælg den .json-fil, du eksporterede.');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail('Filen er ikke en eksport fra en tjekliste.');
  const obj = raw as Record<string, unknown>;
  if (obj.version !== 1 && obj.format !== FORMAT) return fail(`Filen er ikke en eksport fra en tjekliste (formatet skal være "${FORMAT}").`);
  if (typeof obj.version !== 'number' || !Number.isInteger(obj.version))
    return fail('Filen mangler et versionsnummer ("version").');
  if (obj.version > VERSION || obj.version < 1)
    return fail(`Filen har version ${obj.version}, men denne udgave af Vejviser kan kun læse version 1 til ${VERSION}. Genindlæs siden, og prøv igen.`);
  if (obj.tjekliste !== def.id)
    return fail(
      `Filen hører til tjeklisten "${String(obj.tjekliste)}", ikke til "${def.titel}" (${def.id}). Importér den på den rigtige tjekliste.`,
    );

  const migrated = migrate(raw, now);
  const parsed = importSchema.safeParse(migrated);
  if (!parsed.success) return fail(...describeIssues(parsed.error.issues, migrated, def));

  const data = parsed.data;
  const ids = new Set<string>();
  const names = new Set<string>();
  const errors: string[] = [];
  data.gennemgange.forEach((g, i) => {
    if (ids.has(g.id)) errors.push(`Gennemgang nr. ${i + 1} ("${g.navn}"): id "${g.id}" findes to gange i filen.`);
    const n = g.navn.trim().toLocaleLowerCase('da');
    if (names.has(n)) errors.push(`Gennemgang nr. ${i + 1}: navnet "${g.navn}" findes to gange i filen.`);
    ids.add(g.id);
    names.add(n);
  });
  if (errors.length) return fail(...errors);

  const gennemgange: Gennemgang[] = data.gennemgange.map((g) => ({
    id: g.id,
    navn: g.navn.trim(),
    oprettet: g.oprettet || now,
    aendret: g.aendret || now,
    svar: Object.fromEntries(
      Object.entries(g.svar).map(([id, s]) => [id, { ...s, status: s.status as (typeof STATUSES)[number], aendret: s.aendret || now }]),
    ),
  }));
  const aktiv = data.aktiv && ids.has(data.aktiv) ? data.aktiv : gennemgange[0]!.id;
  return { ok: true, state: { format: FORMAT, version: VERSION, tjekliste: def.id, aktiv, gennemgange } };
}

/** Turns zod issues into sentences that name the run and the item (with its number). */
function describeIssues(issues: readonly z.core.$ZodIssue[], doc: unknown, def: TjeklisteKerne): string[] {
  const numbers = new Map(allItems(def).map((p) => [p.id, p.nummer]));
  const runs = (doc as { gennemgange?: unknown }).gennemgange;
  const out: string[] = [];
  for (const iss of issues.slice(0, 20)) {
    const [top, runIndex, field, itemId, itemField] = iss.path;
    let where = '';
    if (top === 'gennemgange' && typeof runIndex === 'number') {
      const run = Array.isArray(runs) ? (runs[runIndex] as { navn?: unknown } | undefined) : undefined;
      const navn = run && typeof run.navn === 'string' && run.navn.trim() ? ` ("${run.navn}")` : '';
      where = `Gennemgang nr. ${runIndex + 1}${navn}`;
      if (field === 'svar' && typeof itemId === 'string') {
        const nr = numbers.get(itemId);
        where += `, punkt ${nr ? `${nr} (${itemId})` : `"${itemId}"`}`;
        if (itemField === undefined && iss.code === 'invalid_type') {
          out.push(`${where}: svaret skal være et objekt med status, ansvarlig, frist og note.`);
          continue;
        }
      } else if (typeof field === 'string' && field !== 'svar') {
        where += `, feltet "${field}"`;
      }
    } else if (iss.path.length) {
      where = `Feltet "${iss.path.join('.')}"`;
    } else {
      where = 'Filen';
    }
    out.push(`${where}: ${danishMessage(iss)}.`);
  }
  if (issues.length > 20) out.push(`… og ${issues.length - 20} fejl mere.`);
  return out;
}

function danishMessage(iss: z.core.$ZodIssue): string {
  // Our own messages are Danish; zod's defaults (English) are replaced by short Danish ones.
  if (/^[a-zæøå"]/.test(iss.message) && !/^(Invalid|Expected|Too|Unrecognized)/.test(iss.message)) return iss.message;
  switch (iss.code) {
    case 'invalid_type':
      return iss.input === undefined ? 'feltet mangler' : `har en forkert type (forventede ${iss.expected})`;
    case 'invalid_value':
      return `værdien ${JSON.stringify(iss.input)} er ikke gyldig`;
    default:
      return 'værdien er ikke gyldig';
  }
}

export interface MergePlan {
  state: TjeklisteTilstand;
  /** Names of runs in the current state that the import replaces (same id). */
  erstattes: string[];
  /** Names of runs that are added. */
  tilfoejes: string[];
}

/**
 * Merges validated imported runs into the current state: a run with the same id is replaced,
 * others are added (renamed if the name is taken); runs not in the file are kept. The imported
 * active run becomes active.
 */
export function mergeImport(current: TjeklisteTilstand, imported: TjeklisteTilstand): MergePlan {
  const erstattes: string[] = [];
  const tilfoejes: string[] = [];
  const byId = new Map(imported.gennemgange.map((g) => [g.id, g]));
  const gennemgange: Gennemgang[] = current.gennemgange.map((g) => {
    const inc = byId.get(g.id);
    if (!inc) return { ...g };
    erstattes.push(g.navn);
    byId.delete(g.id);
    return { ...inc };
  });
  for (const g of byId.values()) gennemgange.push({ ...g });
  // A name may now be used twice (a kept run and an imported one): the later one gets a suffix.
  const seen = new Set<string>();
  for (const g of gennemgange) {
    let n = g.navn;
    for (let k = 1; seen.has(n.toLocaleLowerCase('da')); k++) n = k === 1 ? `${g.navn} (importeret)` : `${g.navn} (importeret ${k})`;
    seen.add(n.toLocaleLowerCase('da'));
    g.navn = n;
  }
  for (const g of gennemgange) if (!current.gennemgange.some((c) => c.id === g.id)) tilfoejes.push(g.navn);
  return { state: { ...current, aktiv: imported.aktiv, gennemgange }, erstattes, tilfoejes };
}
