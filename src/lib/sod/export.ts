/**
 * Exports of a result: oversigt.csv (one row per person), fund.csv (one row per finding) and a
 * JSON document with everything the control report needs. CSV is UTF-8 with BOM, `;`-separated
 * and safe against formula injection (src/lib/csv/export.ts).
 */
import { toCsv, type Cell } from '../csv/export';
import type { Analysis } from './analyze';
import { cellText, describeFinding, findingSentence, overviewRow } from './describe';
import type { FileMapping } from './mapping';
import { ALVOR_ORDEN } from './alvor';

/** The controller's stand on a finding (kept locally, keyed by the finding key). */
export interface Mitigation {
  status: 'accepteret-risiko' | 'kompenserende-kontrol';
  begrundelse: string;
  ansvarlig: string;
  /** ISO date (yyyy-mm-dd). */
  gyldigTil: string;
  /** ISO date of the entry. */
  registreret?: string;
}

export const MITIGATION_NAVN: Record<Mitigation['status'], string> = {
  'accepteret-risiko': 'Accepteret risiko',
  'kompenserende-kontrol': 'Kompenserende kontrol',
};

/** Whether a mitigation still applies on a date (valid-until is inclusive). */
export function mitigationActive(m: Mitigation | undefined, today: string): boolean {
  return !!m && (!m.gyldigTil || m.gyldigTil >= today);
}

export function oversigtCsv(an: Analysis): string {
  const rs = an.store.ix.rs;
  const header = ['person', 'navn', 'e-mail', 'antal_fund', 'hoejeste_alvor', 'regler', ...rs.systemer.map((s) => s.navn)];
  const order = personOrder(an);
  function* rows(): Generator<Cell[]> {
    for (const p of order) {
      const r = overviewRow(an, p);
      yield [r.key, r.navn, r.emails.join(', '), r.fund, r.hoejeste ?? '', r.regler.join(', '), ...rs.systemer.map((s) => cellText(r.systemer[s.id], true))];
    }
  }
  return toCsv(header, rows());
}

/**
 * Persons with findings first (by severity, then number of findings, then key); then everyone
 * else in the order they first appear in the files (keeps large results cheap to order).
 */
export function personOrder(an: Analysis): number[] {
  const withF = [...an.personFindings.keys()];
  const sev = new Map<number, number>();
  for (const p of withF) sev.set(p, Math.min(...an.personFindings.get(p)!.map((i) => ALVOR_ORDEN.indexOf(an.findings[i]!.alvor))));
  const key = new Map(withF.map((p) => [p, an.persons.key(p)]));
  withF.sort((a, b) => sev.get(a)! - sev.get(b)! || an.personFindings.get(b)!.length - an.personFindings.get(a)!.length || (key.get(a)! < key.get(b)! ? -1 : 1));
  const out = withF;
  for (let p = 0; p < an.persons.length; p++) if (!an.personFindings.has(p)) out.push(p);
  return out;
}

export function fundCsv(an: Analysis, mitigations: Record<string, Mitigation> = {}): string {
  const header = [
    'person', 'navn', 'regel', 'titel', 'alvor', 'systemer', 'roller', 'forklaring', 'kilde',
    'noegle', 'afhjaelpning', 'begrundelse', 'ansvarlig', 'gyldig_til',
  ];
  const order = findingOrder(an);
  function* rows(): Generator<Cell[]> {
    for (const i of order) {
      const f = an.findings[i]!;
      const v = describeFinding(an, f);
      const m = mitigations[f.key];
      yield [
        v.person, v.navn, v.regel, v.titel, v.alvor, v.systemer.join(', '), v.roller.join(', '),
        `${findingSentence(v)} ${v.forklaring}`, v.kilde, v.key,
        m ? MITIGATION_NAVN[m.status] : '', m?.begrundelse ?? '', m?.ansvarlig ?? '', m?.gyldigTil ?? '',
      ];
    }
  }
  return toCsv(header, rows());
}

export function findingOrder(an: Analysis): number[] {
  const rank = (i: number) => ALVOR_ORDEN.indexOf(an.findings[i]!.alvor);
  const rules = an.store.ix.rs.regler.map((r) => r.id);
  const keys = new Map<number, string>();
  const key = (p: number) => {
    let k = keys.get(p);
    if (k === undefined) keys.set(p, (k = an.persons.key(p)));
    return k;
  };
  return an.findings
    .map((_, i) => i)
    .sort(
      (a, b) =>
        rank(a) - rank(b) ||
        rules.indexOf(an.findings[a]!.regel) - rules.indexOf(an.findings[b]!.regel) ||
        (key(an.findings[a]!.person) < key(an.findings[b]!.person) ? -1 : 1),
    );
}

export interface ReportMeta {
  /** yyyy-mm-dd */
  dato: string;
  udfoertAf?: string;
  institution?: string;
  periode?: string;
  godkendtAf?: string;
  godkendtDato?: string;
  /** Plan for corrective actions (5.8.1). */
  korrigerendeHandlinger?: string;
  /** yyyy-mm-dd of the next control (1.7.1: privileged quarterly; 5.8.1: at least half-yearly). */
  naesteKontrol?: string;
  bemaerkninger?: string;
}

/** The whole result as a JSON-ready object (for the JSON export and the control report). */
export function resultDocument(
  an: Analysis,
  extra: {
    meta?: ReportMeta;
    mitigations?: Record<string, Mitigation>;
    links?: [string, string][];
    rolleKortlaegning?: Record<string, string>;
    kolonneKortlaegning?: { fil: string; mapping: FileMapping }[];
  } = {},
) {
  const s = an.store;
  const rs = s.ix.rs;
  const mitigations = extra.mitigations ?? {};
  return {
    dokument: 'Vejviser – kontrol af funktionsadskillelse og privilegerede rettigheder',
    regelsaet: { version: rs.regelsaet.version, dato: rs.regelsaet.dato, kilde: rs.regelsaet.titel },
    kontrol: extra.meta ?? null,
    indstillinger: an.indstillinger,
    filer: s.files.map((f) => ({ navn: f.navn, raekker: f.rows, bytes: f.bytes, sha256: f.sha256 ?? null, tegnsaet: f.encoding ?? null, kortlaegning: f.mapping })),
    rolleKortlaegning: extra.rolleKortlaegning ?? {},
    identitetslinks: extra.links ?? [],
    ukendteRoller: an.unknownRoles,
    problemer: s.issues,
    problemerIkkeVist: s.issuesDropped,
    optaelling: {
      personer: an.persons.length,
      konti: s.accounts,
      tildelinger: s.assignments,
      raekker: s.rows,
      fund: an.findings.length,
      fundUndertrykt: an.undertrykte,
    },
    fund: findingOrder(an).map((i) => {
      const f = an.findings[i]!;
      const v = describeFinding(an, f);
      return { ...v, saetning: findingSentence(v), konti: f.konti.map((a) => s.accountRef(a)), afhjaelpning: mitigations[f.key] ?? null };
    }),
    personer: personOrder(an).map((p) => {
      const r = overviewRow(an, p);
      return {
        person: r.key,
        navn: r.navn,
        emails: r.emails,
        fund: r.fund,
        hoejesteAlvor: r.hoejeste,
        systemer: Object.fromEntries(Object.entries(r.systemer).map(([k, c]) => [k, c.konti])),
      };
    }),
  };
}
