/**
 * The user's answers to a tjekliste, and every change to them, as pure functions (no DOM, no
 * storage). One document per checklist holds one or more named gennemgange (runs, e.g. one per
 * CVR-nummer or per quarter); each run holds answers keyed by the item's stable id.
 *
 * Answers keep a snapshot of the item's number and text, so an answer whose item later
 * disappears from the definition can still be shown ("forældede svar") instead of being dropped.
 */

import { isIsoDate } from './dates';

export const FORMAT = 'vejviser-tjekliste';
/** Current version of the stored and exported format. Older versions are migrated (storage.ts). */
export const VERSION = 2;

export const STATUSES = ['ikke-startet', 'i-gang', 'faerdig', 'ikke-relevant'] as const;
export type Status = (typeof STATUSES)[number];

export const STATUS_LABEL: Record<Status, string> = {
  'ikke-startet': 'Ikke startet',
  'i-gang': 'I gang',
  faerdig: 'Færdig',
  'ikke-relevant': 'Ikke relevant',
};

export function isStatus(s: unknown): s is Status {
  return typeof s === 'string' && (STATUSES as readonly string[]).includes(s);
}

/** Limits on free text, so a pasted document cannot fill the browser's storage. */
export const MAX_NAVN = 80;
export const MAX_ANSVARLIG = 120;
export const MAX_NOTE = 4000;

export interface Svar {
  status: Status;
  ansvarlig: string;
  /** Due date "ÅÅÅÅ-MM-DD" or "". */
  frist: string;
  note: string;
  /** The item's own date field (e.g. when a certificate expires), "ÅÅÅÅ-MM-DD" or "". */
  dato: string;
  /** Snapshot of the item's number and text when the answer was last changed. */
  nummer: string;
  tekst: string;
  /** ISO timestamp of the last change. */
  aendret: string;
}

export interface Gennemgang {
  id: string;
  navn: string;
  oprettet: string;
  aendret: string;
  svar: Record<string, Svar>;
}

export interface TjeklisteTilstand {
  format: typeof FORMAT;
  version: typeof VERSION;
  tjekliste: string;
  /** Id of the run shown. */
  aktiv: string;
  gennemgange: Gennemgang[];
}

/** What the functions need to know about an item to snapshot it. */
export interface PunktRef {
  id: string;
  nummer: string;
  tekst: string;
}

export type SvarFelter = Pick<Svar, 'status' | 'ansvarlig' | 'frist' | 'note' | 'dato'>;

export const TOMT_SVAR: SvarFelter = { status: 'ikke-startet', ansvarlig: '', frist: '', note: '', dato: '' };

export const FOERSTE_NAVN = 'Gennemgang 1';

function newRun(id: string, navn: string, now: string): Gennemgang {
  return { id, navn, oprettet: now, aendret: now, svar: {} };
}

/** A fresh document with one empty run. */
export function emptyState(tjekliste: string, now: string): TjeklisteTilstand {
  return { format: FORMAT, version: VERSION, tjekliste, aktiv: 'g1', gennemgange: [newRun('g1', FOERSTE_NAVN, now)] };
}

export function activeRun(state: TjeklisteTilstand): Gennemgang {
  return state.gennemgange.find((g) => g.id === state.aktiv) ?? state.gennemgange[0]!;
}

/** True when the answer carries nothing beyond the defaults (then it is not stored). */
export function isEmptyAnswer(s: SvarFelter): boolean {
  return s.status === 'ikke-startet' && !s.ansvarlig && !s.frist && !s.note && !s.dato;
}

function hasContent(s: SvarFelter): boolean {
  return Boolean(s.ansvarlig || s.frist || s.note || s.dato);
}

function mapRun(state: TjeklisteTilstand, runId: string, f: (g: Gennemgang) => Gennemgang): TjeklisteTilstand {
  if (!state.gennemgange.some((g) => g.id === runId)) throw new Error(`Gennemgangen "${runId}" findes ikke.`);
  return { ...state, gennemgange: state.gennemgange.map((g) => (g.id === runId ? f(g) : g)) };
}

/**
 * Changes fields of one item's answer in one run. Snapshots the item's current number and text.
 * Throws on a status or date that is not valid, so nothing unreadable is ever stored.
 */
export function updateAnswer(
  state: TjeklisteTilstand,
  runId: string,
  punkt: PunktRef,
  patch: Partial<SvarFelter>,
  now: string,
): TjeklisteTilstand {
  if (patch.status !== undefined && !isStatus(patch.status)) throw new Error(`Ukendt status: ${String(patch.status)}`);
  for (const felt of ['frist', 'dato'] as const) {
    const v = patch[felt];
    if (v !== undefined && v !== '' && !isIsoDate(v)) throw new Error(`Ugyldig dato i ${felt}: ${v}`);
  }
  return mapRun(state, runId, (g) => {
    const before: SvarFelter = g.svar[punkt.id] ?? TOMT_SVAR;
    const next: SvarFelter = {
      status: patch.status ?? before.status,
      ansvarlig: (patch.ansvarlig ?? before.ansvarlig).slice(0, MAX_ANSVARLIG),
      frist: patch.frist ?? before.frist,
      note: (patch.note ?? before.note).slice(0, MAX_NOTE),
      dato: patch.dato ?? before.dato,
    };
    const svar = { ...g.svar };
    if (isEmptyAnswer(next)) delete svar[punkt.id];
    else svar[punkt.id] = { ...next, nummer: punkt.nummer, tekst: punkt.tekst, aendret: now };
    return { ...g, aendret: now, svar };
  });
}

/**
 * Ticking the checkbox makes the item "færdig"; unticking makes it "i gang" when something is
 * recorded on it (owner, date, note), otherwise "ikke startet". Checkbox and status never disagree.
 */
export function setChecked(state: TjeklisteTilstand, runId: string, punkt: PunktRef, checked: boolean, now: string): TjeklisteTilstand {
  const run = state.gennemgange.find((g) => g.id === runId);
  const before: SvarFelter = run?.svar[punkt.id] ?? TOMT_SVAR;
  const status: Status = checked ? 'faerdig' : hasContent(before) ? 'i-gang' : 'ikke-startet';
  return updateAnswer(state, runId, punkt, { status }, now);
}

/** The checkbox of an item is ticked exactly when its status is "færdig". */
export function isChecked(svar: Pick<Svar, 'status'> | undefined): boolean {
  return svar?.status === 'faerdig';
}

/** Trimmed name with single spaces. */
export function cleanName(navn: string): string {
  return navn.replace(/\s+/g, ' ').trim();
}

/** Danish error message for a run name, or null when it can be used. */
export function runNameError(state: TjeklisteTilstand, navn: string, exceptId?: string): string | null {
  const n = cleanName(navn);
  if (!n) return 'Skriv et navn til gennemgangen, fx et CVR-nummer eller en bogføringskreds.';
  if (n.length > MAX_NAVN) return `Navnet må højst være ${MAX_NAVN} tegn.`;
  const clash = state.gennemgange.find((g) => g.id !== exceptId && g.navn.toLocaleLowerCase('da') === n.toLocaleLowerCase('da'));
  if (clash) return `Der findes allerede en gennemgang med navnet "${clash.navn}".`;
  return null;
}

function nextRunId(state: TjeklisteTilstand): string {
  const used = new Set(state.gennemgange.map((g) => g.id));
  let n = state.gennemgange.length + 1;
  while (used.has(`g${n}`)) n++;
  return `g${n}`;
}

/** A name for the next run that is not taken: "Gennemgang 2", "Gennemgang 3", … */
export function suggestRunName(state: TjeklisteTilstand): string {
  let n = state.gennemgange.length + 1;
  while (runNameError(state, `Gennemgang ${n}`)) n++;
  return `Gennemgang ${n}`;
}

/** Adds an empty run and makes it the active one. Throws on an invalid name. */
export function createRun(state: TjeklisteTilstand, navn: string, now: string): TjeklisteTilstand {
  const err = runNameError(state, navn);
  if (err) throw new Error(err);
  const id = nextRunId(state);
  return { ...state, aktiv: id, gennemgange: [...state.gennemgange, newRun(id, cleanName(navn), now)] };
}

export function renameRun(state: TjeklisteTilstand, runId: string, navn: string, now: string): TjeklisteTilstand {
  const err = runNameError(state, navn, runId);
  if (err) throw new Error(err);
  return mapRun(state, runId, (g) => ({ ...g, navn: cleanName(navn), aendret: now }));
}

export function switchRun(state: TjeklisteTilstand, runId: string): TjeklisteTilstand {
  if (!state.gennemgange.some((g) => g.id === runId)) throw new Error(`Gennemgangen "${runId}" findes ikke.`);
  return { ...state, aktiv: runId };
}

/** Deletes a run. Deleting the only run leaves one fresh, empty run. */
export function deleteRun(state: TjeklisteTilstand, runId: string, now: string): TjeklisteTilstand {
  const rest = state.gennemgange.filter((g) => g.id !== runId);
  if (rest.length === state.gennemgange.length) throw new Error(`Gennemgangen "${runId}" findes ikke.`);
  if (!rest.length) {
    const fresh = emptyState(state.tjekliste, now);
    const id = nextRunId(state);
    return { ...fresh, aktiv: id, gennemgange: [{ ...fresh.gennemgange[0]!, id }] };
  }
  return { ...state, aktiv: state.aktiv === runId ? rest[0]!.id : state.aktiv, gennemgange: rest };
}

/** Removes every answer of a run (the run and its name stay). */
export function resetRun(state: TjeklisteTilstand, runId: string, now: string): TjeklisteTilstand {
  return mapRun(state, runId, (g) => ({ ...g, aendret: now, svar: {} }));
}

/** Deletes the given answers (used for orphaned answers the user chose to delete). */
export function deleteAnswers(state: TjeklisteTilstand, runId: string, ids: readonly string[], now: string): TjeklisteTilstand {
  return mapRun(state, runId, (g) => {
    const svar = { ...g.svar };
    for (const id of ids) delete svar[id];
    return { ...g, aendret: now, svar };
  });
}
