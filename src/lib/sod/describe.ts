/**
 * Plain-Danish texts for findings and the per-person overview, and the rows behind a finding.
 */
import { highestSeverity, type Analysis, type Finding, type Unit } from './analyze';
import { ALVOR_NAVN, type Alvor } from './alvor';
import { formatProkura } from './values';

export { ALVOR_NAVN };

/** Display name of a role: as written in the file, plus the standard role when the controller mapped it. */
export function roleLabel(an: Analysis, r: number): string {
  const raw = an.store.roleRaw[r]!;
  const std = an.roleStd[r];
  if (!std || an.store.roleStd[r] === std) return raw;
  return `${raw} (kortlagt til ${an.store.ix.roleById.get(std)!.navn})`;
}

export function accountLabel(an: Analysis, acc: number): string {
  const sys = an.store.ix.rs.systemer[an.store.accSystem.get(acc)]!;
  return `${sys.kortnavn} ${an.store.bruger(acc)}`;
}

function fuldmagtName(sys: { fuldmagter: { id: string; navn: string }[] }, id: string, tekst: string) {
  return id === 'ukendt' ? `fuldmagt «${tekst}»` : `${sys.fuldmagter.find((x) => x.id === id)!.navn}-fuldmagt`;
}

export function unitText(an: Analysis, u: Unit): string {
  const s = an.store;
  const sys = s.ix.rs.systemer[s.accSystem.get(u.acc)]!;
  const where = `i ${sys.navn}, bruger ${s.bruger(u.acc)}`;
  if (u.role >= 0) {
    const p = s.prokuraOf(u.acc);
    const pk = u.prokura && p ? ` med ${formatProkura(p)}` : '';
    const fm = u.medFuldmagt ? ` med ${fuldmagtName(sys, u.medFuldmagt, s.fuldmagtTekst(u.acc))}` : '';
    return `${roleLabel(an, u.role)}${pk}${fm} ${where}`;
  }
  if (u.fuldmagt) return `${fuldmagtName(sys, u.fuldmagt, s.fuldmagtTekst(u.acc))} ${where}`;
  if (u.prokura) return `${formatProkura(s.prokuraOf(u.acc)!)} ${where}`;
  return `konto «${s.bruger(u.acc)}» i ${sys.navn}`;
}

export interface FindingView {
  key: string;
  regel: string;
  titel: string;
  alvor: Alvor;
  kilde: string;
  person: string;
  navn: string;
  systemer: string[];
  roller: string[];
  /** What the person holds, one line per requirement of the rule. */
  hvad: { etiket: string; tekst: string }[];
  forklaring: string;
  handling: string;
}

export function describeFinding(an: Analysis, f: Finding): FindingView {
  const rs = an.store.ix.rs;
  const regel = rs.regler.find((r) => r.id === f.regel)!;
  const person = { key: an.persons.key(f.person), navn: an.persons.navn(f.person) };
  const units = f.dele.flatMap((d) => d.units);
  const systemer = [...new Set(f.konti.map((a) => an.store.accSystem.get(a)))].sort((a, b) => a - b).map((i) => rs.systemer[i]!.navn);
  const roller = [
    ...new Set(
      units.map((u) =>
        u.role >= 0
          ? `${rs.systemer[an.store.accSystem.get(u.acc)]!.kortnavn}: ${roleLabel(an, u.role)}`
          : u.fuldmagt
            ? `${rs.systemer[an.store.accSystem.get(u.acc)]!.kortnavn}: ${u.fuldmagt === 'ukendt' ? 'ukendt fuldmagt' : `${rs.systemer[an.store.accSystem.get(u.acc)]!.fuldmagter.find((x) => x.id === u.fuldmagt)!.navn}-fuldmagt`}`
            : accountLabel(an, u.acc),
      ),
    ),
  ];
  const hvad = f.dele.map((d) => ({ etiket: d.etiket, tekst: [...new Set(d.units.map((u) => unitText(an, u)))].join('; ') }));
  return {
    key: f.key,
    regel: f.regel,
    titel: regel.titel,
    alvor: f.alvor,
    kilde: regel.kilde,
    person: person.key,
    navn: person.navn,
    systemer,
    roller,
    hvad,
    forklaring: regel.forklaring,
    handling: regel.handling,
  };
}

/** One sentence: "Anna Holm har disponering …: X – og bogføring …: Y." */
export function findingSentence(v: FindingView): string {
  const who = v.navn || v.person;
  return `${who} har ${v.hvad.map((h) => `${h.etiket}: ${h.tekst}`).join(' – og ')}.`;
}

export interface SystemCell {
  /** One entry per account of the person in the system. */
  konti: { bruger: string; roller: { tekst: string; ukendt: boolean }[]; prokura: string; fuldmagt: string }[];
}

export interface OverviewRow {
  person: number;
  key: string;
  navn: string;
  emails: string[];
  systemer: Record<string, SystemCell>;
  fund: number;
  hoejeste: Alvor | null;
  /** Rules of the person's findings. */
  regler: string[];
}

/** The overview row of one person. */
export function overviewRow(an: Analysis, p: number): OverviewRow {
  const s = an.store;
  const systemer: Record<string, SystemCell> = {};
  for (const acc of an.persons.konti(p)) {
    const sysId = s.systemIds[s.accSystem.get(acc)]!;
    const cell = (systemer[sysId] ??= { konti: [] });
    const roller = s.rolesOf(acc).map((r) => ({ tekst: roleLabel(an, r), ukendt: !an.roleStd[r] }));
    const pk = s.prokuraOf(acc);
    cell.konti.push({ bruger: s.bruger(acc), roller, prokura: pk ? formatProkura(pk) : '', fuldmagt: s.fuldmagtText(acc) });
  }
  const mine = an.personFindings.get(p) ?? [];
  const regler = [...new Set(mine.map((i) => an.findings[i]!.regel))];
  return { person: p, key: an.persons.key(p), navn: an.persons.navn(p), emails: an.persons.emails(p), systemer, fund: mine.length, hoejeste: highestSeverity(an, p), regler };
}

/** Text of one system cell for CSV and print: "Disponent Faktura, Indkøber; prokura 50.000". */
export function cellText(cell: SystemCell | undefined, withUser: boolean): string {
  if (!cell) return '';
  return cell.konti
    .map((k) => {
      const parts = [k.roller.map((r) => (r.ukendt ? `${r.tekst} (ukendt rolle)` : r.tekst)).join(', ')];
      if (k.prokura) parts.push(k.prokura);
      if (k.fuldmagt) parts.push(`fuldmagt ${k.fuldmagt}`);
      const body = parts.filter(Boolean).join('; ') || 'ingen roller';
      return withUser || cell.konti.length > 1 ? `${k.bruger}: ${body}` : body;
    })
    .join(' | ');
}

export interface RowRef {
  fil: string;
  linje: number;
  system: string;
  bruger: string;
  rolle: string;
  /** The row holds a role or value the finding is about. */
  relevant: boolean;
}

/** The input rows behind a finding (file + line), relevant ones first. */
export function findingRows(an: Analysis, f: Finding, max = 500): { rows: RowRef[]; total: number } {
  const s = an.store;
  const accs = new Set(f.konti);
  const roles = new Set<string>();
  const valueAccs = new Set<number>();
  for (const d of f.dele)
    for (const u of d.units) {
      if (u.role >= 0) roles.add(`${u.acc}:${u.role}`);
      if (u.role < 0 || u.prokura) valueAccs.add(u.acc);
    }
  const out: RowRef[] = [];
  let total = 0;
  for (let i = 0; i < s.rows; i++) {
    const acc = s.rowAcc(i);
    if (!accs.has(acc)) continue;
    total++;
    const r = s.rowRole(i);
    const relevant = (r >= 0 && roles.has(`${acc}:${r}`)) || valueAccs.has(acc);
    if (out.length < max || relevant)
      out.push({
        fil: s.files[s.rowFile(i)]!.navn,
        linje: s.rowLine(i),
        system: s.ix.rs.systemer[s.accSystem.get(acc)]!.navn,
        bruger: s.bruger(acc),
        rolle: r >= 0 ? s.roleRaw[r]! : '',
        relevant,
      });
  }
  out.sort((a, b) => Number(b.relevant) - Number(a.relevant) || a.fil.localeCompare(b.fil) || a.linje - b.linje);
  return { rows: out.slice(0, max), total };
}
