/**
 * Kører en NemKonto-kontrol over en CSV-fil: læser filen som strøm (src/lib/csv/ingest.ts), finder
 * kolonnerne, kontrollerer række for række og samler en opsummering og en begrænset problemliste.
 * Rækkerne gemmes ikke; den, der vil have dem alle (CLI'en, download), får dem via `onRow`.
 *
 * Samme kode kører i browserens Web Worker, i CLI'en og i testene.
 */
import { CsvError, ingestCsv, ingestRows, type ByteSource, type CsvIssue, type Delimiter, type Encoding } from '../csv/ingest';
import { BetalingKontrol, BETALING_LABEL } from './betalinger';
import { displayId, FUND_LABEL, idFromKey, todayNumber, TYPE_LABEL, type Status } from './identifikation';
import { autoKolonner, columnNames, describeKolonner, firstRowIsHeader, maskedSamples, type Kind, type Kolonner } from './kolonner';
import { DUBLET_LABEL, dubletTekst, ModtagerKontrol, besked, raekkeFelter, toProblem, worst, type ProblemRaekke, type Raekke, type RaekkeKontrol } from './modtagere';

export type { Raekke, ProblemRaekke } from './modtagere';

/** Åbner filen (igen): kontrollen læser først et udsnit for at finde kolonnerne, så hele filen. */
export type Open = () => ByteSource;

export interface KontrolOptions {
  /** Kolonner valgt af brugeren; ellers findes de ud fra overskriften. */
  kolonner?: Kolonner;
  /** Dags dato som ÅÅÅÅMMDD (standard: i dag). */
  today?: number;
  /** Højst så mange rækker med advarsel eller fejl gemmes (resten tælles). Standard 10.000. */
  maxProblems?: number;
  signal?: AbortSignal;
  onProgress?: (bytesRead: number, rows: number) => void;
  /** Kaldes for hver række (til CLI'ens og downloadens fulde resultat). */
  onRow?: (r: Raekke) => void;
  delimiter?: Delimiter;
}

export interface TypeTal {
  type: string;
  ok: number;
  advarsel: number;
  fejl: number;
}

export interface Aarsag {
  kode: string;
  label: string;
  niveau: Status;
  antal: number;
}

export interface Opsummering {
  kind: Kind;
  fil: string;
  encoding: Encoding;
  bom: boolean;
  delimiter: Delimiter;
  bytes: number;
  rows: number;
  /** Kolonner i resultatet mellem «linje» og «status». */
  kolonner: string[];
  kolonneBeskrivelse: string;
  /** De kolonner, der blev brugt (til en ny kørsel af samme fil, fx ved download). */
  opsaetning: Kolonner;
  status: Record<Status, number>;
  /** Rækker med status ok, men med en bemærkning. */
  bemaerkninger: number;
  typer: TypeTal[];
  aarsager: Aarsag[];
  dubletter: number;
  /** Rækker med advarsel eller fejl i alt, og hvor mange af dem der er gemt i `problemer`. */
  problemer: number;
  problemerGemt: number;
  filBemaerkninger: CsvIssue[];
  filBemaerkningerUdeladt: number;
  ms: number;
}

export interface Resultat {
  opsummering: Opsummering;
  /** De første `maxProblems` rækker med advarsel eller fejl, i filens rækkefølge. */
  problemer: ProblemRaekke[];
}

/** Kolonnerne kunne ikke findes: brugeren skal vælge. Eksemplerne er maskerede. */
export class KolonnerMangler extends Error {
  constructor(
    readonly fil: string,
    readonly kind: Kind,
    /** Gæt: er første linje en overskrift? */
    readonly hasHeader: boolean,
    /** Kolonnenavne under det gæt. */
    readonly navne: string[],
    /** Op til 5 eksempelrækker (maskerede), første linje medregnet. */
    readonly eksempler: string[][],
    message: string,
  ) {
    super(message);
    this.name = 'KolonnerMangler';
  }
}

const SAMPLE_ROWS = 6;

/** Læser de første rækker (uden at tolke en overskrift). */
export async function sample(open: Open, fileName: string, signal?: AbortSignal, delimiter?: Delimiter) {
  const rows: string[][] = [];
  const stop = new AbortController();
  const both = signal ? AbortSignal.any([signal, stop.signal]) : stop.signal;
  let delim: Delimiter | undefined;
  try {
    const res = await ingestCsv(
      open(),
      fileName,
      (f) => {
        if (rows.length < SAMPLE_ROWS) rows.push([...f]);
        if (rows.length >= SAMPLE_ROWS) stop.abort();
      },
      { hasHeader: false, signal: both, reportRagged: false, delimiter, onHeader: (m) => (delim = m.delimiter) },
    );
    delim = res.meta.delimiter;
  } catch (e) {
    if (!(e instanceof CsvError && e.code === 'afbrudt' && stop.signal.aborted && !signal?.aborted)) throw e;
  }
  return { rows, delimiter: delim };
}

const KIND_TEXT: Record<Kind, string> = {
  modtagere: 'en kolonne med modtagernes identifikation (fx «CPR», «CVR» eller «Identifikation»)',
  betalinger: 'kolonner med afsendelsestidspunkt («Afsendt») og udbetalingsdato («Udbetalingsdato»)',
};

export async function runKontrol(kind: Kind, open: Open, fileName: string, opts: KontrolOptions = {}): Promise<Resultat> {
  const t0 = performance.now();
  const maxProblems = opts.maxProblems ?? 10_000;
  const today = opts.today ?? todayNumber();

  // 1. Kolonnerne: valgt af brugeren eller fundet i de første rækker.
  const first = await sample(open, fileName, opts.signal, opts.delimiter);
  let k = opts.kolonner ?? autoKolonner(kind, first.rows);
  if (!k) {
    const hasHeader = first.rows[0] ? firstRowIsHeader(first.rows[0]) : true;
    if (hasHeader && first.rows.length === 1)
      throw new CsvError('kun-overskrift', fileName, `Filen «${fileName}» indeholder kun en overskriftslinje og ingen data.`, 1);
    throw new KolonnerMangler(
      fileName,
      kind,
      hasHeader,
      columnNames(first.rows, hasHeader),
      maskedSamples(first.rows.slice(0, 5)),
      `Filen «${fileName}» har ikke ${KIND_TEXT[kind]}. Vælg, hvilke kolonner der skal bruges.`,
    );
  }
  if (k.kind !== kind) throw new Error('Kolonneopsætningen passer ikke til kontrollen');
  const names = columnNames(first.rows, k.hasHeader);

  // Skal rækkerne ikke ud undervejs, findes dubletterne til sidst (hurtigere ved store filer).
  const tilSidst = !opts.onRow;
  const kontrol: RaekkeKontrol =
    k.kind === 'modtagere'
      ? new ModtagerKontrol(k.id, k.type, { today, names, dubletterTilSidst: tilSidst })
      : new BetalingKontrol(k.afsendt, k.udbetaling, k.id, k.type, { today, names });

  // 2. Hele filen.
  const status: Record<Status, number> = { ok: 0, advarsel: 0, fejl: 0 };
  const typer = new Map<string, TypeTal>();
  const aarsager = new Map<string, Aarsag>();
  const problemer: ProblemRaekke[] = [];
  let problemCount = 0;
  let bemaerkninger = 0;
  let rows = 0;
  let bytesRead = 0;
  let lastProgress = 0;
  let lastType = '';
  let typeTal: TypeTal | undefined;

  const res = await ingestRows(
    open(),
    fileName,
    (row, line) => {
      const r = kontrol.check(row, line);
      rows++;
      status[r.status]++;
      if (r.typeLabel) {
        if (r.typeLabel !== lastType) {
          lastType = r.typeLabel;
          typeTal = typer.get(lastType);
          if (!typeTal) typer.set(lastType, (typeTal = { type: lastType, ok: 0, advarsel: 0, fejl: 0 }));
        }
        typeTal![r.status]++;
      }
      if (r.fund.length) {
        for (const f of r.fund) {
          let a = aarsager.get(f.kode);
          if (!a) aarsager.set(f.kode, (a = { kode: f.kode, label: label(f.kode), niveau: f.niveau, antal: 0 }));
          a.antal++;
        }
        if (r.status === 'ok') bemaerkninger++;
        else if (problemCount++ < maxProblems) problemer.push(toProblem(r));
      }
      opts.onRow?.(r);
    },
    {
      hasHeader: k.hasHeader,
      signal: opts.signal,
      delimiter: opts.delimiter ?? first.delimiter,
      onProgress: (b) => {
        bytesRead = b;
        const now = performance.now();
        if (now - lastProgress > 50) {
          lastProgress = now;
          opts.onProgress?.(b, rows);
        }
      },
    },
  );
  opts.onProgress?.(bytesRead, rows);

  if (kontrol instanceof ModtagerKontrol && tilSidst) {
    const nye = anvendDubletter(kontrol, { status, typer, aarsager, problemer });
    problemCount += nye.problemer;
    bemaerkninger -= nye.bemaerkninger;
    if (nye.raekker.length) {
      problemer.push(...nye.raekker);
      problemer.sort((a, b) => a.linje - b.linje);
      if (problemer.length > maxProblems) problemer.length = maxProblems;
    }
  }

  const order: Record<string, number> = { CPR: 0, CVR: 1, SE: 2, 'P-nummer': 3, 'CVR/SE': 4, Ukendt: 5 };
  const niveauOrder: Record<Status, number> = { fejl: 0, advarsel: 1, ok: 2 };
  return {
    opsummering: {
      kind,
      fil: fileName,
      encoding: res.meta.encoding,
      bom: res.meta.bom,
      delimiter: res.meta.delimiter,
      bytes: res.bytes,
      rows,
      kolonner: kontrol.kolonner,
      kolonneBeskrivelse: describeKolonner(k, names),
      opsaetning: k,
      status,
      bemaerkninger,
      typer: [...typer.values()].sort((a, b) => (order[a.type] ?? 9) - (order[b.type] ?? 9)),
      aarsager: [...aarsager.values()].sort((a, b) => niveauOrder[a.niveau] - niveauOrder[b.niveau] || b.antal - a.antal),
      dubletter: kontrol instanceof ModtagerKontrol ? kontrol.duplicateCount : 0,
      problemer: problemCount,
      problemerGemt: problemer.length,
      filBemaerkninger: res.issues,
      filBemaerkningerUdeladt: res.issuesDropped,
      ms: performance.now() - t0,
    },
    problemer,
  };
}

const STATUS: Status[] = ['ok', 'advarsel', 'fejl'];

/**
 * Dubletter fundet til sidst: hver senere forekomst får en advarsel (med linjen for den første),
 * og optællingerne og problemlisten rettes, som om den var fundet undervejs.
 */
function anvendDubletter(
  kontrol: ModtagerKontrol,
  t: { status: Record<Status, number>; typer: Map<string, TypeTal>; aarsager: Map<string, Aarsag>; problemer: ProblemRaekke[] },
) {
  const dubletter = kontrol.dubletterTilSidst();
  const nye: ProblemRaekke[] = [];
  let bemaerkninger = 0;
  if (!dubletter.length) return { raekker: nye, problemer: 0, bemaerkninger };
  const kendte = new Map(t.problemer.map((p) => [p.linje, p]));
  for (const d of dubletter) {
    const id = idFromKey(d.noegle);
    const tekst = dubletTekst(id.type!, d.foerste);
    const foer = STATUS[d.status]!;
    const efter = worst(foer, 'advarsel');
    if (foer !== efter) {
      t.status[foer]--;
      t.status[efter]++;
      const tt = t.typer.get(TYPE_LABEL[id.type!])!;
      tt[foer]--;
      tt[efter]++;
    }
    if (foer === 'ok') {
      const noter = kontrol.bemaerkninger.get(d.linje);
      if (noter) bemaerkninger++;
      nye.push({ linje: d.linje, status: efter, felter: [displayId(id), TYPE_LABEL[id.type!]], besked: noter ? `${besked(noter)} ${tekst}` : tekst });
    } else {
      const p = kendte.get(d.linje);
      if (p) p.besked = p.besked ? `${p.besked} ${tekst}` : tekst;
    }
  }
  let a = t.aarsager.get(DUBLET_LABEL);
  if (!a) t.aarsager.set(DUBLET_LABEL, (a = { kode: DUBLET_LABEL, label: label(DUBLET_LABEL), niveau: 'advarsel', antal: 0 }));
  a.antal += dubletter.length;
  return { raekker: nye, problemer: nye.length, bemaerkninger };
}

const label = (kode: string) => (FUND_LABEL as Record<string, string>)[kode] ?? (BETALING_LABEL as Record<string, string>)[kode] ?? kode;

/** Overskrift til resultatfilen: [fil], linje, kolonnerne, status, besked. */
export function resultHeader(kolonner: readonly string[], withFile = false): string[] {
  return [...(withFile ? ['fil'] : []), 'linje', ...kolonner, 'status', 'besked'];
}

/** Én række i resultatfilen (samme rækkefølge som `resultHeader`). */
export function resultCells(r: Raekke, fil?: string): (string | number)[] {
  return [...(fil !== undefined ? [fil] : []), r.linje, ...raekkeFelter(r), r.status, besked(r.fund)];
}
