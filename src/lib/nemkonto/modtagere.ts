/**
 * Kontrol af en modtagerfil (tjeklistens punkt 1.4): én identifikation pr. række, typen fra en
 * type-kolonne, fra kolonnenavnet eller udledt af antallet af cifre; dubletter meldes for hver
 * senere forekomst med linjen for den første.
 */
import { DubletSamler, DuplicateDetector } from './dubletter';
import {
  checkIdentifier,
  checkIdentifierIn,
  displayId,
  maskCell,
  parseType,
  TYPE_LABEL,
  typeNoun,
  type CheckOptions,
  type Fund,
  type IdResultat,
  type IdType,
  type Status,
} from './identifikation';
import type { IdKolonne } from './kolonner';
import type { CsvRow } from '../csv/scan';

/** A row's fields by column index: a `CsvRow` from the parser, or `rowOf([...])`. */
export type Felter = CsvRow;

/** Resultatet for én række. Holdes kun så længe, det bruges; gemte problemer er `ProblemRaekke`. */
export interface Raekke {
  linje: number;
  status: Status;
  /** Typen til optællingen pr. type («CPR», «CVR/SE», «Ukendt»); '' når filen ingen identifikation har. */
  typeLabel: string;
  fund: readonly Fund[];
  /** Identifikationen, når filen har en (vises altid maskeret via `raekkeFelter`). */
  id: IdResultat | null;
  /** Øvrige felter til resultatet (betalinger: afsendt, udbetalingsdato, frist). */
  felter: readonly string[];
}

/** En række med advarsel eller fejl, som den gemmes og sendes til siden: kun tekst, CPR maskeret. */
export interface ProblemRaekke {
  linje: number;
  status: Status;
  felter: string[];
  besked: string;
}

export interface RaekkeKontrol {
  /** Kolonner i resultatet mellem «linje» og «status». */
  readonly kolonner: string[];
  check(fields: Felter, line: number): Raekke;
}

export const worst = (a: Status, b: Status): Status => (a === 'fejl' || b === 'fejl' ? 'fejl' : a === 'advarsel' || b === 'advarsel' ? 'advarsel' : 'ok');

export const besked = (fund: readonly Fund[]) => fund.map((f) => f.tekst).join(' ');

/** Værdierne til kolonnerne i `RaekkeKontrol.kolonner`; identifikationen er maskeret, hvis den kan være et CPR-nummer. */
export function raekkeFelter(r: Raekke): string[] {
  if (!r.id) return [...r.felter];
  return [displayId(r.id), r.id.type ? TYPE_LABEL[r.id.type] : '', ...r.felter];
}

export const toProblem = (r: Raekke): ProblemRaekke => ({ linje: r.linje, status: r.status, felter: raekkeFelter(r), besked: besked(r.fund) });

/**
 * Finder og kontrollerer identifikationen i en række. Bruges af både modtager- og
 * betalingskontrollen. Ekstra fund (ukendt type, flere identifikationer) står i `extra` efter kaldet.
 */
export class IdLaeser {
  extra: Fund[] | null = null;
  private lastTypeValue: string | null = null;
  private lastType: IdType | null | undefined = null;

  constructor(
    private readonly id: readonly IdKolonne[],
    private readonly typeCol: number,
    private readonly opts: CheckOptions,
    private readonly names: readonly string[],
  ) {}

  read(fields: Felter): IdResultat {
    this.extra = null;
    // The identifier's column (the first non-empty one when there are several).
    let col = -1;
    let colType: IdType | null = null;
    if (this.id.length === 1) {
      col = this.id[0]!.index;
      colType = this.id[0]!.type;
    } else {
      let found = 0;
      for (const c of this.id) {
        if (fields.blank(c.index)) continue;
        if (found++ === 0) {
          col = c.index;
          colType = c.type;
        }
      }
      if (found > 1)
        (this.extra ??= []).push({
          kode: 'flere-id',
          niveau: 'advarsel',
          tekst: `Rækken har ${found} identifikationer, men en betaling bærer én. Kolonnen «${this.names[col] ?? col + 1}» er kontrolleret.`,
        });
    }
    let declared = colType;
    if (this.typeCol >= 0) {
      // Typen er oftest den samme som i rækken før.
      let t: IdType | null | undefined;
      if (this.lastTypeValue !== null && fields.is(this.typeCol, this.lastTypeValue)) t = this.lastType;
      else {
        const tv = fields.get(this.typeCol);
        t = parseType(tv);
        this.lastTypeValue = tv.length < 13 ? tv : (tv + ' ').slice(0, -1);
        this.lastType = t;
      }
      if (t === undefined) {
        (this.extra ??= []).push({
          kode: 'ukendt-type',
          niveau: 'advarsel',
          tekst: `Typen «${maskCell(this.lastTypeValue!.trim().slice(0, 30))}» kendes ikke (brug CPR, CVR, SE eller P-nummer), så typen er udledt af antallet af cifre.`,
        });
      } else if (t !== null) declared = t;
    }
    if (col < 0 || col >= fields.count) return checkIdentifier('', declared, this.opts);
    return checkIdentifierIn(fields.text, fields.start[col]!, fields.end[col]!, declared, this.opts);
  }
}

export interface ModtagerOptions extends CheckOptions {
  /** Kolonnenavne (til beskeder). */
  names: readonly string[];
  /**
   * Find dubletter til sidst (`dubletterTilSidst()`), i stedet for række for række. Rækkerne fra
   * `check` mangler så dubletbeskeden; brug det kun, når rækkerne ikke skrives ud undervejs.
   */
  dubletterTilSidst?: boolean;
}

export const DUBLET_LABEL = 'dublet';
export const dubletTekst = (type: IdType, foerste: number) => `Dublet: samme ${typeNoun(type)} som linje ${foerste}.`;
const STATUS_KODE: Record<Status, number> = { ok: 0, advarsel: 1, fejl: 2 };

const NO_FELTER: readonly string[] = Object.freeze([]);

export class ModtagerKontrol implements RaekkeKontrol {
  readonly kolonner = ['id', 'type'];
  private readonly dubletter: DuplicateDetector | null;
  private readonly samler: DubletSamler | null;
  /** Bemærkninger på rækker med status ok (til sidst-tilstand): de skal med, hvis rækken er en dublet. */
  readonly bemaerkninger = new Map<number, readonly Fund[]>();
  duplicateCount = 0;
  private readonly laeser: IdLaeser;

  constructor(id: readonly IdKolonne[], typeCol: number, opts: ModtagerOptions) {
    this.laeser = new IdLaeser(id, typeCol, opts, opts.names);
    this.dubletter = opts.dubletterTilSidst ? null : new DuplicateDetector(1 << 16);
    this.samler = opts.dubletterTilSidst ? new DubletSamler() : null;
  }

  check(fields: Felter, line: number): Raekke {
    const r = this.laeser.read(fields);
    let extra = this.laeser.extra;
    if (r.noegle && this.dubletter) {
      const first = this.dubletter.add(r.noegle, line);
      if (first) {
        this.duplicateCount++;
        (extra ??= []).push({ kode: DUBLET_LABEL, niveau: 'advarsel', tekst: dubletTekst(r.type!, first) });
      }
    }
    let status = r.status;
    let fund = r.fund;
    if (extra) {
      fund = fund.concat(extra);
      for (const f of extra) status = worst(status, f.niveau);
    }
    if (r.noegle && this.samler) {
      this.samler.add(r.noegle, line, STATUS_KODE[status]);
      if (status === 'ok' && fund.length) this.bemaerkninger.set(line, fund);
    }
    return { linje: line, status, typeLabel: r.type ? TYPE_LABEL[r.type] : 'Ukendt', fund, id: r, felter: NO_FELTER };
  }

  /** Til sidst-tilstand: hver senere forekomst med linjen for den første, i linjeorden. */
  dubletterTilSidst() {
    const d = this.samler?.dubletter() ?? [];
    this.duplicateCount = d.length;
    return d;
  }
}
