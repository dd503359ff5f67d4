/** Beskeder mellem siden og kontrollens Web Worker. Kun resultater krydser – aldrig rækkerne. */
import type { Kind, Kolonner } from '../../lib/nemkonto/kolonner';
import type { Opsummering, ProblemRaekke } from '../../lib/nemkonto/kontrol';

export type Filter = 'alle' | 'fejl' | 'advarsel';

export type TilWorker =
  | { type: 'kontroller'; kind: Kind; file: File; kolonner?: Kolonner; today?: number }
  | { type: 'afbryd' }
  | { type: 'side'; filter: Filter; fra: number; antal: number }
  | { type: 'hent'; hvad: 'alle' | 'problemer' };

export interface Side {
  filter: Filter;
  fra: number;
  /** Antal gemte rækker i filteret. */
  total: number;
  raekker: ProblemRaekke[];
}

export type FraWorker =
  | { type: 'fremdrift'; bytes: number; total: number; rows: number; hent?: boolean }
  | { type: 'kolonner'; fil: string; hasHeader: boolean; eksempler: string[][]; besked: string }
  | { type: 'fejl'; kode: string; besked: string; linje: number | null }
  | { type: 'afbrudt' }
  | { type: 'faerdig'; opsummering: Opsummering; side: Side }
  | { type: 'side'; side: Side }
  | { type: 'fil'; blob: Blob; navn: string; rows: number };

/** Rækker pr. side i problemtabellen. */
export const SIDE_STR = 25;
/** Højst så mange problemrækker gemmes i workeren (resten tælles og findes i CSV-filen). */
export const MAX_PROBLEMER = 50_000;
