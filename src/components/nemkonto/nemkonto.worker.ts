/// <reference lib="webworker" />
/**
 * Kontrollens Web Worker: læser filen som strøm, kontrollerer den og holder problemlisten. Siden
 * får kun opsummeringen, én side problemrækker ad gangen og resultatfilen som Blob – aldrig
 * rækkerne selv, og CPR-numre altid maskeret.
 */
import { CsvError } from '../../lib/csv/ingest';
import { BOM, csvLine } from '../../lib/csv/export';
import { KolonnerMangler, resultCells, resultHeader, runKontrol, type Opsummering, type ProblemRaekke } from '../../lib/nemkonto/kontrol';
import { todayNumber } from '../../lib/nemkonto/identifikation';
import { MAX_PROBLEMER, SIDE_STR, type Filter, type FraWorker, type Side, type TilWorker } from './protokol';

declare const self: DedicatedWorkerGlobalScope;

interface Tilstand {
  file: File;
  today: number;
  opsummering: Opsummering;
  problemer: ProblemRaekke[];
  index: Partial<Record<Filter, number[]>>;
}

let tilstand: Tilstand | null = null;
let koersel: AbortController | null = null;

const post = (m: FraWorker, transfer: Transferable[] = []) => self.postMessage(m, transfer);

function side(t: Tilstand, filter: Filter, fra: number, antal: number): Side {
  if (filter === 'alle') return { filter, fra, total: t.problemer.length, raekker: t.problemer.slice(fra, fra + antal) };
  const idx = (t.index[filter] ??= t.problemer.flatMap((p, i) => (p.status === filter ? [i] : [])));
  return { filter, fra, total: idx.length, raekker: idx.slice(fra, fra + antal).map((i) => t.problemer[i]!) };
}

function reportError(e: unknown) {
  if (e instanceof CsvError && e.code === 'afbrudt') post({ type: 'afbrudt' });
  else if (e instanceof CsvError) post({ type: 'fejl', kode: e.code, besked: e.message, linje: e.line });
  else if (e instanceof KolonnerMangler)
    post({ type: 'kolonner', fil: e.fil, hasHeader: e.hasHeader, eksempler: e.eksempler, besked: e.message });
  else post({ type: 'fejl', kode: 'ukendt', besked: `Filen kunne ikke kontrolleres: ${(e as Error)?.message ?? e}`, linje: null });
}

async function kontroller(m: Extract<TilWorker, { type: 'kontroller' }>) {
  tilstand = null;
  koersel = new AbortController();
  const today = m.today ?? todayNumber();
  const total = m.file.size;
  try {
    const res = await runKontrol(m.kind, () => m.file.stream(), m.file.name, {
      kolonner: m.kolonner,
      today,
      maxProblems: MAX_PROBLEMER,
      signal: koersel.signal,
      onProgress: (bytes, rows) => post({ type: 'fremdrift', bytes, total, rows }),
    });
    tilstand = { file: m.file, today, opsummering: res.opsummering, problemer: res.problemer, index: {} };
    post({ type: 'faerdig', opsummering: res.opsummering, side: side(tilstand, 'alle', 0, SIDE_STR) });
  } catch (e) {
    reportError(e);
  } finally {
    koersel = null;
  }
}

/** Resultatet som CSV (UTF-8 med BOM, semikolon, formelsikkert): filen læses og kontrolleres igen. */
async function hent(hvad: 'alle' | 'problemer') {
  const t = tilstand;
  if (!t) {
    post({ type: 'fejl', kode: 'ingen-fil', besked: 'Der er ikke noget resultat at hente. Vælg filen igen.', linje: null });
    return;
  }
  koersel = new AbortController();
  const parts: string[] = [BOM + csvLine(resultHeader(t.opsummering.kolonner)) + '\r\n'];
  let block: string[] = [];
  let rows = 0;
  try {
    await runKontrol(t.opsummering.kind, () => t.file.stream(), t.file.name, {
      kolonner: t.opsummering.opsaetning,
      today: t.today,
      maxProblems: 0,
      signal: koersel.signal,
      onProgress: (bytes, n) => post({ type: 'fremdrift', bytes, total: t.file.size, rows: n, hent: true }),
      onRow: (r) => {
        if (hvad === 'problemer' && r.status === 'ok') return;
        block.push(csvLine(resultCells(r)));
        rows++;
        if (block.length === 10_000) {
          parts.push(block.join('\r\n') + '\r\n');
          block = [];
        }
      },
    });
    if (block.length) parts.push(block.join('\r\n') + '\r\n');
    const base = t.file.name.replace(/\.[^.]*$/, '');
    const blob = new Blob(parts, { type: 'text/csv;charset=utf-8' });
    post({ type: 'fil', blob, navn: `${base}-${hvad === 'alle' ? 'kontrol' : 'problemer'}.csv`, rows });
  } catch (e) {
    reportError(e);
  } finally {
    koersel = null;
  }
}

self.onmessage = (e: MessageEvent<TilWorker>) => {
  const m = e.data;
  if (m.type === 'kontroller') void kontroller(m);
  else if (m.type === 'afbryd') koersel?.abort();
  else if (m.type === 'side' && tilstand) post({ type: 'side', side: side(tilstand, m.filter, m.fra, m.antal) });
  else if (m.type === 'hent') void hent(m.hvad);
};
