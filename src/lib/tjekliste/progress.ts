/**
 * What the page shows about a run: answers matched to the current definition, orphaned answers,
 * progress, overdue items and filters. Pure; "today" is always passed in.
 */
import type { PunktKerne } from './schema';
import type { Gennemgang, Svar } from './state';

/** All items of a definition in order. (Here, not in schema.ts, so the page script does not load zod.) */
export function allItems<P extends PunktKerne>(def: { grupper: { punkter: P[] }[] }): P[] {
  return def.grupper.flatMap((g) => g.punkter);
}

export interface PunktVisning<P extends PunktKerne = PunktKerne> {
  punkt: P;
  svar: Svar | undefined;
  /** The item's text changed since the answer was last edited (the old text is in svar.tekst). */
  omformuleret: boolean;
}

export interface ForaeldetSvar {
  id: string;
  svar: Svar;
}

export interface Afstemning<P extends PunktKerne = PunktKerne> {
  punkter: PunktVisning<P>[];
  /** Answers whose item is no longer in the definition, in stored order. */
  foraeldede: ForaeldetSvar[];
}

/** Matches a run's answers to the definition. Answers on unknown ids become orphans, never dropped. */
export function reconcile<P extends PunktKerne>(def: { grupper: { punkter: P[] }[] }, run: Pick<Gennemgang, 'svar'>): Afstemning<P> {
  const items = allItems(def);
  const known = new Set(items.map((p) => p.id));
  const punkter = items.map((punkt) => {
    const svar = run.svar[punkt.id];
    const omformuleret = Boolean(svar && svar.tekst && normalize(svar.tekst) !== normalize(punkt.tekst));
    return { punkt, svar, omformuleret };
  });
  const foraeldede = Object.entries(run.svar)
    .filter(([id]) => !known.has(id))
    .map(([id, svar]) => ({ id, svar }));
  return { punkter, foraeldede };
}

const normalize = (s: string) => s.replace(/\s+/g, ' ').trim();

export interface Fremdrift {
  faerdige: number;
  /** Items that count: all current items except those marked "ikke relevant". */
  relevante: number;
  ikkeRelevante: number;
  iAlt: number;
  overskredne: number;
}

/** Progress over the current items of a run (orphaned answers do not count). */
export function progress(def: { grupper: { punkter: PunktKerne[] }[] }, run: Pick<Gennemgang, 'svar'>, today: string): Fremdrift {
  const items = allItems(def);
  let faerdige = 0;
  let ikkeRelevante = 0;
  let overskredne = 0;
  for (const p of items) {
    const s = run.svar[p.id];
    if (s?.status === 'faerdig') faerdige++;
    if (s?.status === 'ikke-relevant') ikkeRelevante++;
    if (isOverdue(s, today)) overskredne++;
  }
  return { faerdige, relevante: items.length - ikkeRelevante, ikkeRelevante, iAlt: items.length, overskredne };
}

/** "5 af 11 færdige". */
export function progressText(f: Pick<Fremdrift, 'faerdige' | 'relevante'>): string {
  return `${f.faerdige} af ${f.relevante} færdige`;
}

/** The explanation of the denominator, or "" when nothing is marked "ikke relevant". */
export function progressNote(f: Pick<Fremdrift, 'ikkeRelevante'>): string {
  if (!f.ikkeRelevante) return '';
  return f.ikkeRelevante === 1
    ? '1 punkt er markeret som ikke relevant og tæller ikke med.'
    : `${f.ikkeRelevante} punkter er markeret som ikke relevante og tæller ikke med.`;
}

/** Overdue: a due date before today, and the item is neither "færdig" nor "ikke relevant". */
export function isOverdue(svar: Pick<Svar, 'frist' | 'status'> | undefined, today: string): boolean {
  if (!svar?.frist) return false;
  if (svar.status === 'faerdig' || svar.status === 'ikke-relevant') return false;
  return svar.frist < today;
}

export interface Filter {
  /** Hide items that are "færdig" or "ikke relevant". */
  kunIkkeFaerdige: boolean;
  /** Show only items whose owner is the user's own name. */
  kunMine: boolean;
  mitNavn: string;
}

/** Compares names ignoring case, accents-as-typed and extra spaces ("anna  jensen" = "Anna Jensen"). */
export function sameName(a: string, b: string): boolean {
  const n = (s: string) => s.replace(/\s+/g, ' ').trim().toLocaleLowerCase('da');
  return n(a) !== '' && n(a) === n(b);
}

export function matchesFilter(svar: Pick<Svar, 'status' | 'ansvarlig'> | undefined, f: Filter): boolean {
  if (f.kunIkkeFaerdige && (svar?.status === 'faerdig' || svar?.status === 'ikke-relevant')) return false;
  if (f.kunMine && !sameName(svar?.ansvarlig ?? '', f.mitNavn)) return false;
  return true;
}

/** Distinct owners used in a run, sorted (for suggestions in the owner field). */
export function owners(run: Pick<Gennemgang, 'svar'>): string[] {
  const seen = new Map<string, string>();
  for (const s of Object.values(run.svar)) {
    const a = s.ansvarlig.trim();
    if (a && !seen.has(a.toLocaleLowerCase('da'))) seen.set(a.toLocaleLowerCase('da'), a);
  }
  return [...seen.values()].sort((x, y) => x.localeCompare(y, 'da'));
}
