/**
 * Reading and writing a tjekliste's answers in the browser's localStorage, so that nothing is ever
 * lost: older formats are migrated, and stored data that cannot be read is copied to a backup key
 * first and then recovered as far as it can be. Other checklists' keys are never touched.
 *
 * Key: `vejviser.tjekliste.<tjekliste-id>`; value: the JSON document of state.ts (format + version).
 * Pure apart from the Storage object passed in (tests pass a Map-backed fake).
 */
import { isIsoDate } from './dates';
import {
  FORMAT,
  FOERSTE_NAVN,
  MAX_ANSVARLIG,
  MAX_NAVN,
  MAX_NOTE,
  VERSION,
  emptyState,
  isStatus,
  type Gennemgang,
  type Svar,
  type TjeklisteTilstand,
} from './state';

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const KEY_PREFIX = 'vejviser.tjekliste.';
export const storageKey = (tjekliste: string) => `${KEY_PREFIX}${tjekliste}`;
/** Key of the backup copy of unreadable data (a number is added if that key is taken). */
export const backupKey = (tjekliste: string) => `${storageKey(tjekliste)}.beskadiget`;
/** The user's own name for the "mine" filter (shared by all checklists; never exported). */
export const NAME_KEY = `${KEY_PREFIX}mit-navn`;

export type ProblemType = 'beskadiget' | 'delvis' | 'nyere' | 'lager';

export interface Problem {
  type: ProblemType;
  /** One Danish sentence for the page. */
  besked: string;
  /** What exactly could not be read. */
  detaljer: string[];
  /** Where the original data was copied to, if it was. */
  backup?: string;
}

export interface LoadResult {
  state: TjeklisteTilstand;
  problem?: Problem;
}

/* ---------- migration ---------- */

/**
 * Version 1, the first stored format: one list per checklist and "done" as yes/no.
 * `{ version: 1, tjekliste, gemt, punkter: { <punkt-id>: { faerdig, ansvarlig?, frist?, note? } } }`
 */
export interface TilstandV1 {
  version: 1;
  tjekliste: string;
  gemt?: string;
  punkter: Record<string, { faerdig?: boolean; ansvarlig?: string; frist?: string; note?: string }>;
}

/** Version 1 → 2: the list becomes the run "Gennemgang 1"; done becomes status "færdig". */
export function migrateV1(v1: TilstandV1, now: string): TjeklisteTilstand {
  const when = typeof v1.gemt === 'string' && v1.gemt ? v1.gemt : now;
  const svar: Record<string, Svar> = {};
  for (const [id, p] of Object.entries(v1.punkter ?? {})) {
    if (!p || typeof p !== 'object') continue;
    svar[id] = {
      status: p.faerdig === true ? 'faerdig' : 'ikke-startet',
      ansvarlig: typeof p.ansvarlig === 'string' ? p.ansvarlig : '',
      frist: typeof p.frist === 'string' ? p.frist : '',
      note: typeof p.note === 'string' ? p.note : '',
      dato: '',
      // Version 1 kept no snapshot of the item; the page fills in the current text.
      nummer: '',
      tekst: '',
      aendret: when,
    };
  }
  return {
    format: FORMAT,
    version: VERSION,
    tjekliste: v1.tjekliste,
    aktiv: 'g1',
    gennemgange: [{ id: 'g1', navn: FOERSTE_NAVN, oprettet: when, aendret: when, svar }],
  };
}

/** Brings any known older version up to the current one; returns the input for the current one. */
export function migrate(doc: unknown, now: string): unknown {
  if (isObject(doc) && doc.version === 1) return migrateV1(doc as unknown as TilstandV1, now);
  return doc;
}

/* ---------- lenient reading (recovers what can be read) ---------- */

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const RUN_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;
const ITEM_ID = /^[a-z0-9][a-z0-9-]{0,99}$/;

function str(v: unknown, max: number): string | null {
  return typeof v === 'string' ? v.slice(0, max) : null;
}

/**
 * Reads a (migrated) document field by field. Whatever is valid is kept; every field or entry
 * that is not is skipped and described in `skipped`.
 */
export function salvage(doc: unknown, tjekliste: string, now: string): { state: TjeklisteTilstand; skipped: string[] } {
  const skipped: string[] = [];
  if (!isObject(doc)) return { state: emptyState(tjekliste, now), skipped: ['Dataene er ikke en tjekliste.'] };
  if (doc.tjekliste !== tjekliste) skipped.push(`Dataene angiver tjeklisten "${String(doc.tjekliste)}" og ikke "${tjekliste}".`);
  if (doc.version !== VERSION) skipped.push(`Ukendt version: ${JSON.stringify(doc.version)}.`);
  const rawRuns = Array.isArray(doc.gennemgange) ? doc.gennemgange : [];
  if (!Array.isArray(doc.gennemgange)) skipped.push('Listen over gennemgange mangler.');

  const runs: Gennemgang[] = [];
  const usedIds = new Set<string>();
  rawRuns.forEach((r, i) => {
    const nr = i + 1;
    if (!isObject(r)) {
      skipped.push(`Gennemgang nr. ${nr} kunne ikke læses.`);
      return;
    }
    let id = typeof r.id === 'string' && RUN_ID.test(r.id) && !usedIds.has(r.id) ? r.id : '';
    if (!id) {
      let n = nr;
      while (usedIds.has(`g${n}`) || rawRuns.some((o) => isObject(o) && o.id === `g${n}`)) n++;
      id = `g${n}`;
      skipped.push(`Gennemgang nr. ${nr} havde et ugyldigt id og har fået et nyt.`);
    }
    usedIds.add(id);
    let navn = str(r.navn, MAX_NAVN)?.trim() ?? '';
    if (!navn) {
      navn = `Gennemgang ${nr}`;
      skipped.push(`Gennemgang nr. ${nr} havde intet navn og hedder nu "${navn}".`);
    }
    const label = `Gennemgangen "${navn}"`;
    const svar: Record<string, Svar> = {};
    if (r.svar !== undefined && !isObject(r.svar)) skipped.push(`${label}: svarene kunne ikke læses.`);
    for (const [itemId, v] of Object.entries(isObject(r.svar) ? r.svar : {})) {
      if (!ITEM_ID.test(itemId) || !isObject(v)) {
        skipped.push(`${label}: svaret på punkt "${itemId.slice(0, 40)}" kunne ikke læses.`);
        continue;
      }
      const s = readAnswer(v, (felt, vaerdi) => skipped.push(`${label}, punkt "${itemId}": ${felt} ${vaerdi} kunne ikke læses.`));
      svar[itemId] = { ...s, aendret: s.aendret || now };
    }
    runs.push({
      id,
      navn,
      oprettet: str(r.oprettet, 40) || now,
      aendret: str(r.aendret, 40) || now,
      svar,
    });
  });

  if (!runs.length) return { state: emptyState(tjekliste, now), skipped };
  // Two runs with the same name would be confusing: number the later ones.
  const names = new Set<string>();
  for (const g of runs) {
    let n = g.navn;
    for (let k = 2; names.has(n.toLocaleLowerCase('da')); k++) n = `${g.navn} (${k})`;
    names.add(n.toLocaleLowerCase('da'));
    g.navn = n;
  }
  const aktiv = typeof doc.aktiv === 'string' && runs.some((g) => g.id === doc.aktiv) ? doc.aktiv : runs[0]!.id;
  return { state: { format: FORMAT, version: VERSION, tjekliste, aktiv, gennemgange: runs }, skipped };
}

function readAnswer(v: Record<string, unknown>, bad: (felt: string, vaerdi: string) => void): Svar {
  const show = (x: unknown) => (typeof x === 'string' ? `"${x.slice(0, 40)}"` : JSON.stringify(x)?.slice(0, 40) ?? String(x));
  let status: Svar['status'] = 'ikke-startet';
  if (isStatus(v.status)) status = v.status;
  else if (v.status !== undefined) bad('status', show(v.status));
  const text = (felt: string, max: number): string => {
    const s = str(v[felt], max);
    if (s === null && v[felt] !== undefined) bad(felt, show(v[felt]));
    return s ?? '';
  };
  const date = (felt: 'frist' | 'dato'): string => {
    const x = v[felt];
    if (x === undefined || x === '') return '';
    if (isIsoDate(x)) return x;
    bad(felt === 'frist' ? 'fristen' : 'datoen', show(x));
    return '';
  };
  return {
    status,
    ansvarlig: text('ansvarlig', MAX_ANSVARLIG),
    frist: date('frist'),
    note: text('note', MAX_NOTE),
    dato: date('dato'),
    nummer: text('nummer', 20),
    tekst: text('tekst', 1000),
    aendret: text('aendret', 40),
  };
}

/* ---------- load and save ---------- */

/**
 * Copies unreadable raw data to the backup key before anything else happens. Reuses a backup
 * that already holds the same value; never overwrites a different one. Returns the key used.
 */
export function backupRaw(storage: StorageLike, tjekliste: string, raw: string): string | undefined {
  const base = backupKey(tjekliste);
  for (let n = 1; n <= 50; n++) {
    const key = n === 1 ? base : `${base}-${n}`;
    const existing = storage.getItem(key);
    if (existing === raw) return key;
    if (existing === null) {
      storage.setItem(key, raw);
      return key;
    }
  }
  return undefined;
}

const BACKUP_NOTE = (key: string | undefined) =>
  key
    ? `De oprindelige data er gemt uændret i din browser under nøglen "${key}", og du kan hente dem som fil herunder.`
    : 'De oprindelige data kunne ikke kopieres; eksportér dine svar, før du retter noget.';

/** Reads a checklist's state. Never throws; never writes anything but a backup of unreadable data. */
export function loadState(storage: StorageLike | null, tjekliste: string, now: string): LoadResult {
  const fresh = () => emptyState(tjekliste, now);
  if (!storage) {
    return {
      state: fresh(),
      problem: {
        type: 'lager',
        besked: 'Din browser tillader ikke, at siden gemmer data. Dine svar forsvinder, når du lukker siden – eksportér dem, før du går.',
        detaljer: [],
      },
    };
  }
  let raw: string | null;
  try {
    raw = storage.getItem(storageKey(tjekliste));
  } catch {
    return loadState(null, tjekliste, now);
  }
  if (raw === null) return { state: fresh() };

  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    const backup = safeBackup(storage, tjekliste, raw);
    return {
      state: fresh(),
      problem: {
        type: 'beskadiget',
        besked: `De gemte svar til denne tjekliste er beskadigede og kunne ikke læses. Du starter forfra med en tom tjekliste. ${BACKUP_NOTE(backup)}`,
        detaljer: ['Dataene er ikke gyldig JSON.'],
        backup,
      },
    };
  }

  if (isObject(parsed) && typeof parsed.version === 'number' && parsed.version > VERSION) {
    const backup = safeBackup(storage, tjekliste, raw);
    const { state, skipped } = salvage({ ...parsed, version: VERSION }, tjekliste, now);
    return {
      state,
      problem: {
        type: 'nyere',
        besked: `Dine svar er gemt af en nyere udgave af Vejviser (version ${parsed.version}). Genindlæs siden for at få den nyeste udgave. Indtil da vises det, der kunne læses. ${BACKUP_NOTE(backup)}`,
        detaljer: skipped,
        backup,
      },
    };
  }

  const { state, skipped } = salvage(migrate(parsed, now), tjekliste, now);
  if (!skipped.length) return { state };
  const backup = safeBackup(storage, tjekliste, raw);
  return {
    state,
    problem: {
      type: 'delvis',
      besked: `Noget af det, der var gemt til denne tjekliste, kunne ikke læses. Resten er gendannet. ${BACKUP_NOTE(backup)}`,
      detaljer: skipped,
      backup,
    },
  };
}

function safeBackup(storage: StorageLike, tjekliste: string, raw: string): string | undefined {
  try {
    return backupRaw(storage, tjekliste, raw);
  } catch {
    return undefined;
  }
}

export type SaveResult = { ok: true } | { ok: false; besked: string };

/** Writes a checklist's state under its own key (and no other). */
export function saveState(storage: StorageLike | null, state: TjeklisteTilstand): SaveResult {
  if (!storage) return { ok: false, besked: 'Din browser tillader ikke, at siden gemmer data. Eksportér dine svar for at beholde dem.' };
  try {
    storage.setItem(storageKey(state.tjekliste), JSON.stringify(state));
    return { ok: true };
  } catch (e) {
    const full = e instanceof Error && /quota/i.test(`${e.name} ${e.message}`);
    return {
      ok: false,
      besked: full
        ? 'Browserens lager er fyldt, så den seneste ændring er ikke gemt. Eksportér dine svar, og ryd op i gamle gennemgange.'
        : 'Den seneste ændring kunne ikke gemmes i browseren. Eksportér dine svar for at beholde dem.',
    };
  }
}
