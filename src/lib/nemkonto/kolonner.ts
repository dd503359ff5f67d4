/**
 * Kolonner i modtager- og betalingsfiler: kendte overskrifter (dansk og engelsk, uanset store og
 * små bogstaver, mellemrum og tegnsætning) og den kolonneopsætning, kontrollen bruger.
 */
import { findColumn, normHeader } from '../csv/headers';
import type { IdType } from './identifikation';
import { maskCell } from './identifikation';

export type Kind = 'modtagere' | 'betalinger';

/** En identifikationskolonne; `type` er fast, når kolonnen hedder fx «CPR», ellers null. */
export interface IdKolonne {
  index: number;
  type: IdType | null;
}

export interface ModtagerKolonner {
  kind: 'modtagere';
  hasHeader: boolean;
  /** Én generel kolonne (type null) eller en eller flere typede kolonner (CPR, CVR …). */
  id: IdKolonne[];
  /** Kolonnen med typen (CPR, CVR, SE, P-nummer), eller -1. */
  type: number;
}

export interface BetalingKolonner {
  kind: 'betalinger';
  hasHeader: boolean;
  /** Tidspunktet, betalingen blev sendt til NemKonto-systemet. */
  afsendt: number;
  /** Den dato, betalingen skal være på modtagerens konto. */
  udbetaling: number;
  /** Valgfri: modtagerens identifikation (kontrolleres som i modtagerfilen, uden dubletkontrol). */
  id: IdKolonne[];
  type: number;
}

export type Kolonner = ModtagerKolonner | BetalingKolonner;

// Rækkefølgen betyder noget: den første, der findes, vinder.
export const ID_ALIASES = [
  'id',
  'identifikation',
  'modtageridentifikation',
  'modtager id',
  'identifikationsnummer',
  'id nummer',
  'id nr',
  'identifier',
  'recipient id',
];
export const TYPED_ALIASES: Record<Exclude<IdType, 'cvr-se'>, string[]> = {
  cpr: ['cpr', 'cpr nr', 'cpr nummer', 'personnummer', 'cpr number', 'cpr no'],
  cvr: ['cvr', 'cvr nr', 'cvr nummer', 'cvr number', 'cvr no'],
  se: ['se', 'se nr', 'se nummer', 'se number', 'se no'],
  // «P-nr.» og «PNR» udelades bevidst: PNR betyder også personnummer (fx hos Danmarks Statistik).
  p: ['pnummer', 'p nummer', 'produktionsenhed', 'p enhed', 'p number'],
};
export const TYPE_ALIASES = ['type', 'id type', 'identifikationstype', 'modtagertype', 'identifier type'];
export const AFSENDT_ALIASES = [
  'afsendt',
  'afsendt til nemkonto',
  'afsendelsestidspunkt',
  'afsendelsestid',
  'afsendelse',
  'sendt',
  'sendt til nemkonto',
  'tidspunkt',
  'sent',
  'sent at',
  'sent time',
];
export const UDBETALING_ALIASES = [
  'udbetalingsdato',
  'udbetaling',
  'udbetales',
  'dispositionsdato',
  'betalingsdato',
  'modtagelsesdato',
  'payout date',
  'payment date',
  'value date',
];

/** Typede id-kolonner i rækkefølge efter placering. */
function typedColumns(header: readonly string[]): IdKolonne[] {
  const out: IdKolonne[] = [];
  for (const t of ['cpr', 'cvr', 'se', 'p'] as const) {
    const i = findColumn(header, TYPED_ALIASES[t]);
    if (i !== -1) out.push({ index: i, type: t });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** Typen en kolonne har ud fra sit navn («CPR-nr.» → cpr), eller null for et generelt navn. */
export function typeFromHeader(name: string): IdType | null {
  for (const t of ['cpr', 'cvr', 'se', 'p'] as const) if (findColumn([name], TYPED_ALIASES[t]) === 0) return t;
  return null;
}

function idColumns(header: readonly string[]): IdKolonne[] {
  const generic = findColumn(header, ID_ALIASES);
  if (generic !== -1) return [{ index: generic, type: null }];
  return typedColumns(header);
}

/** Ligner en værdi en identifikation (kun cifre, bindestreg og mellemrum, mindst 7 cifre)? */
export function looksLikeId(v: string): boolean {
  let digits = 0;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c !== 45 && c !== 32) return false;
  }
  return digits >= 7;
}

/** Ligner en værdi en dato eller et tidspunkt? */
const looksLikeDate = (v: string) => /^\s*\d{1,4}[-./]\d{1,2}[-./]\d{2,4}/.test(v);

/** Er første række en overskrift? Nej, hvis den indeholder en identifikation eller en dato. */
export function firstRowIsHeader(row: readonly string[]): boolean {
  return !row.some((v) => looksLikeId(v) || looksLikeDate(v));
}

/**
 * Finder kolonnerne ud fra overskriften (eller, uden overskrift, ud fra eksempelrækkerne).
 * Returnerer null, hvis brugeren skal vælge.
 */
export function autoKolonner(kind: Kind, firstRows: readonly (readonly string[])[]): Kolonner | null {
  const first = firstRows[0];
  if (!first) return null;
  const hasHeader = firstRowIsHeader(first);
  if (hasHeader) {
    const header = first;
    const id = idColumns(header);
    const type = findColumn(header, TYPE_ALIASES);
    if (kind === 'modtagere') return id.length ? { kind, hasHeader, id, type } : null;
    const afsendt = findColumn(header, AFSENDT_ALIASES);
    const udbetaling = findColumn(header, UDBETALING_ALIASES);
    if (afsendt === -1 || udbetaling === -1 || afsendt === udbetaling) return null;
    return { kind, hasHeader, afsendt, udbetaling, id, type };
  }
  if (kind === 'betalinger') return null;
  // Uden overskrift: netop én kolonne, hvor (næsten) alle eksempler ligner identifikationer.
  const width = Math.max(...firstRows.map((r) => r.length));
  const candidates: number[] = [];
  for (let c = 0; c < width; c++) {
    const vals = firstRows.map((r) => r[c] ?? '').filter((v) => v.trim() !== '');
    if (vals.length && vals.filter(looksLikeId).length >= Math.ceil(vals.length * 0.8)) candidates.push(c);
  }
  return candidates.length === 1 ? { kind, hasHeader: false, id: [{ index: candidates[0]!, type: null }], type: -1 } : null;
}

/** Kolonnenavne til visning: overskriften, eller «Kolonne 1», «Kolonne 2» … */
export function columnNames(firstRows: readonly (readonly string[])[], hasHeader: boolean): string[] {
  const width = Math.max(0, ...firstRows.map((r) => r.length));
  return Array.from({ length: width }, (_, i) => {
    const h = hasHeader ? (firstRows[0]?.[i] ?? '').trim() : '';
    return h ? maskCell(h) : `Kolonne ${i + 1}`;
  });
}

/** Eksempelværdier til kolonnevalget – CPR-lignende værdier maskeret, lange værdier forkortet. */
export function maskedSamples(rows: readonly (readonly string[])[]): string[][] {
  return rows.map((r) => r.map((v) => {
    const t = v.trim();
    return maskCell(t.length > 40 ? t.slice(0, 40) + '…' : t);
  }));
}

/** Finder en kolonne ud fra navn (som overskriften, uanset skrivemåde) eller nummer (1, 2 …). */
export function resolveColumn(nameOrNumber: string, header: readonly string[] | null, width: number): number {
  const n = nameOrNumber.trim();
  if (/^\d+$/.test(n)) {
    const i = Number(n) - 1;
    return i >= 0 && i < width ? i : -1;
  }
  if (!header) return -1;
  const want = normHeader(n);
  return header.findIndex((h) => normHeader(h) === want);
}

/** Beskrivelse af de brugte kolonner, fx «Identifikation: «CPR-nr.» (CPR) · Type: ingen». */
export function describeKolonner(k: Kolonner, names: readonly string[]): string {
  const col = (i: number) => (i >= 0 ? `«${names[i] ?? `Kolonne ${i + 1}`}»` : 'ingen');
  const ids = k.id.map((c) => `${col(c.index)}${c.type ? ` (${c.type === 'p' ? 'P-nummer' : c.type.toUpperCase()})` : ''}`).join(', ') || 'ingen';
  const parts =
    k.kind === 'modtagere'
      ? [`Identifikation: ${ids}`, `Type: ${col(k.type)}`]
      : [`Afsendt: ${col(k.afsendt)}`, `Udbetalingsdato: ${col(k.udbetaling)}`, `Identifikation: ${ids}`];
  if (!k.hasHeader) parts.push('ingen overskriftslinje');
  return parts.join(' · ');
}
