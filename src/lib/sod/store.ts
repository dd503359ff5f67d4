/**
 * Streaming aggregation of role-assignment rows into a compact store.
 *
 * One row = one role assignment (system, user, role, prokura, fuldmagt). Rows are not kept: the
 * store interns systems, accounts (system + user id) and role names, and keeps per row only four
 * numbers (account, role name, file, line) for drill-down. A role file and a prokura file for the
 * same system meet on the user id.
 */
import type { CsvIssue } from '../csv/ingest';
import { normHeader } from '../csv/headers';
import { nameKey, type RulesetIndex } from './ruleset';
import { FELTER, FELT_NAVN, type Felt, type FileMapping } from './mapping';
export { FELTER, FELT_ALIASER, FELT_NAVN, suggestMapping, mappingProblems, guessSystemFromFileName, type Felt, type FileMapping } from './mapping';
import { fuldmagtKey, normBruger, normEmail, parseProkura, type Prokura } from './values';

export interface FileInfo {
  navn: string;
  mapping: FileMapping;
  rows: number;
  bytes: number;
  sha256?: string;
  encoding?: string;
  delimiter?: string;
}

const FM_UKENDT = 1 << 30;
const JA: Prokura = { kind: 'ja' };

/** Growable Int32 array. */
class IntList {
  a = new Int32Array(1024);
  n = 0;
  push(v: number) {
    if (this.n === this.a.length) {
      const b = new Int32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = v;
  }
  get(i: number) {
    return this.a[i]!;
  }
}

export class Store {
  readonly ix: RulesetIndex;
  readonly files: FileInfo[] = [];
  readonly issues: CsvIssue[] = [];
  issuesDropped = 0;
  maxIssues = 1000;

  // Systems (index = position in ruleset.systemer).
  readonly systemIds: string[];
  private systemRaw = new Map<string, number>(); // raw cell text → system index (-1 unknown)
  readonly unknownSystems = new Map<string, { rows: number; first: { file: number; line: number } }>();

  // Accounts.
  readonly accSystem = new IntList();
  readonly accBruger: string[] = [];
  readonly accKey: string[] = []; // normalized user id
  readonly accNavn: string[] = [];
  readonly accEmail: string[] = [];
  readonly accProkura: (Prokura | null)[] = [];
  /** Bit i = system's fuldmagter[i]; FM_UKENDT = unreadable fuldmagt (counts as a fuldmagt). */
  readonly accFuldmagt = new IntList();
  readonly accFuldmagtTekst: string[] = [];
  private accBySystem: Map<string, number>[] = [];
  private accRawBySystem: Map<string, number>[] = [];

  // Role names per system (interned). Standard role id resolved from name/aliases.
  readonly roleSystem = new IntList();
  readonly roleRaw: string[] = [];
  readonly roleKey: string[] = [];
  readonly roleStd: (string | null)[] = [];
  private roleBySystem: Map<string, number>[] = [];
  private roleRawBySystem: Map<string, number>[] = [];

  // Assignments (account × role name), de-duplicated.
  readonly asgAcc = new IntList();
  readonly asgRole = new IntList();
  private asgByKey = new Map<number, number>();

  // Rows (for drill-down): account, role (-1 none), file, line.
  readonly rowAcc = new IntList();
  readonly rowRole = new IntList();
  readonly rowFile = new IntList();
  readonly rowLine = new IntList();

  private prokuraCache = new Map<string, Prokura>();
  private fuldmagtCache: Map<string, number>[] = [];

  constructor(ix: RulesetIndex) {
    this.ix = ix;
    this.systemIds = ix.rs.systemer.map((s) => s.id);
    for (let i = 0; i < this.systemIds.length; i++) {
      this.accBySystem.push(new Map());
      this.accRawBySystem.push(new Map());
      this.roleBySystem.push(new Map());
      this.roleRawBySystem.push(new Map());
      this.fuldmagtCache.push(new Map());
    }
  }

  get accounts() {
    return this.accBruger.length;
  }
  get roles() {
    return this.roleRaw.length;
  }
  get assignments() {
    return this.asgAcc.n;
  }
  get rows() {
    return this.rowAcc.n;
  }

  issue(file: string, line: number, level: CsvIssue['level'], message: string) {
    if (this.issues.length < this.maxIssues) this.issues.push({ file, line, level, message });
    else this.issuesDropped++;
  }

  systemIndex(raw: string): number {
    let s = this.systemRaw.get(raw);
    if (s === undefined) {
      const id = this.ix.systemByName.get(nameKey(raw));
      s = id ? this.systemIds.indexOf(id) : -1;
      this.systemRaw.set(raw, s);
    }
    return s;
  }

  /** Account index for a user id in a system (created on first sight). */
  account(sys: number, rawBruger: string): number {
    const raw = this.accRawBySystem[sys]!;
    let a = raw.get(rawBruger);
    if (a !== undefined) return a;
    const key = normBruger(rawBruger);
    const byKey = this.accBySystem[sys]!;
    a = byKey.get(key);
    if (a === undefined) {
      a = this.accBruger.length;
      byKey.set(key, a);
      this.accSystem.push(sys);
      this.accBruger.push(rawBruger.trim());
      this.accKey.push(key);
      this.accNavn.push('');
      this.accEmail.push(normEmail(rawBruger));
      this.accProkura.push(null);
      this.accFuldmagt.push(0);
      this.accFuldmagtTekst.push('');
    }
    raw.set(rawBruger, a);
    return a;
  }

  findAccount(systemId: string, bruger: string): number | undefined {
    const s = this.systemIds.indexOf(systemId);
    return s === -1 ? undefined : this.accBySystem[s]!.get(normBruger(bruger));
  }

  /** "system:bruger" key of an account (stable across runs; used for links and finding keys). */
  accountRef(acc: number): string {
    return `${this.systemIds[this.accSystem.get(acc)]}:${this.accKey[acc]}`;
  }

  role(sys: number, rawRole: string): number {
    const raw = this.roleRawBySystem[sys]!;
    let r = raw.get(rawRole);
    if (r !== undefined) return r;
    const key = nameKey(rawRole);
    const byKey = this.roleBySystem[sys]!;
    r = byKey.get(key);
    if (r === undefined) {
      r = this.roleRaw.length;
      byKey.set(key, r);
      this.roleSystem.push(sys);
      this.roleRaw.push(rawRole.trim());
      this.roleKey.push(key);
      this.roleStd.push(this.ix.roleByName.get(this.systemIds[sys]!)!.get(key) ?? null);
    }
    raw.set(rawRole, r);
    return r;
  }

  private assign(acc: number, role: number) {
    const k = acc * 1048576 + role;
    if (!this.asgByKey.has(k)) {
      this.asgByKey.set(k, this.asgAcc.n);
      this.asgAcc.push(acc);
      this.asgRole.push(role);
    }
  }

  private prokura(text: string): Prokura {
    let p = this.prokuraCache.get(text);
    if (!p) {
      p = parseProkura(text);
      if (this.prokuraCache.size < 10000) this.prokuraCache.set(text, p);
    }
    return p;
  }

  /** Fuldmagt bit(s) for a cell in a system; 0 when empty. */
  private fuldmagt(sys: number, text: string): number {
    const cache = this.fuldmagtCache[sys]!;
    let bits = cache.get(text);
    if (bits === undefined) {
      const key = fuldmagtKey(text);
      if (!key) bits = 0;
      else {
        const id = this.ix.fuldmagtByName.get(this.systemIds[sys]!)!.get(nameKey(key)) ?? this.ix.fuldmagtByName.get(this.systemIds[sys]!)!.get(nameKey(text));
        const list = this.ix.rs.systemer[sys]!.fuldmagter;
        bits = id ? 1 << list.findIndex((f) => f.id === id) : FM_UKENDT;
      }
      cache.set(text, bits);
    }
    return bits;
  }

  /**
   * Starts a file: returns the row handler for `ingestCsv` and a function to call with the header.
   * Column names are resolved against the header when it arrives.
   */
  beginFile(navn: string, mapping: FileMapping) {
    const fileIdx = this.files.length;
    const info: FileInfo = { navn, mapping, rows: 0, bytes: 0 };
    this.files.push(info);
    const col: Record<Felt, number> = { system: -1, bruger: -1, navn: -1, email: -1, rolle: -1, prokura: -1, fuldmagt: -1 };
    const fixedSystem = mapping.system ? this.systemIds.indexOf(mapping.system) : -1;
    const alleProkura = !!mapping.alleHarProkura;
    const onHeader = (header: readonly string[]) => {
      for (const f of FELTER) {
        const name = mapping.kolonner[f];
        col[f] = name ? header.findIndex((h) => normHeader(h) === normHeader(name)) : -1;
        if (name && col[f] === -1)
          this.issue(navn, 1, 'fejl', `Kolonnen «${name}» (${FELT_NAVN[f]}) findes ikke i overskriften i «${navn}». Tjek kortlægningen af kolonner.`);
      }
      if (col.bruger === -1) throw new StoreError(navn, 1, `Filen «${navn}» har ingen kolonne med bruger-id. Tjek kortlægningen af kolonner.`);
      if (col.system === -1 && fixedSystem === -1)
        throw new StoreError(navn, 1, `Filen «${navn}» har ingen kolonne med system, og der er ikke valgt et system for filen.`);
    };
    const onRow = (fields: string[], line: number) => {
      info.rows++;
      let sys = fixedSystem;
      if (col.system !== -1) {
        const rawSys = fields[col.system] ?? '';
        if (rawSys.trim() !== '' || fixedSystem === -1) sys = this.systemIndex(rawSys);
        if (sys === -1) {
          const k = rawSys.trim();
          const u = this.unknownSystems.get(k);
          if (u) u.rows++;
          else this.unknownSystems.set(k, { rows: 1, first: { file: fileIdx, line } });
          return;
        }
      }
      const rawBruger = fields[col.bruger] ?? '';
      if (rawBruger.trim() === '') {
        this.issue(navn, line, 'fejl', `Linje ${line}: bruger-id mangler. Rækken er ikke vurderet.`);
        return;
      }
      const acc = this.account(sys, rawBruger);
      if (col.navn !== -1 && !this.accNavn[acc]) {
        const v = (fields[col.navn] ?? '').trim();
        if (v) this.accNavn[acc] = v;
      }
      if (col.email !== -1) {
        const v = fields[col.email] ?? '';
        if (v.trim()) {
          const e = normEmail(v);
          if (!e) this.issue(navn, line, 'advarsel', `Linje ${line}: «${v.trim()}» er ikke en e-mailadresse og er ikke brugt til at genkende personen.`);
          else if (!this.accEmail[acc]) this.accEmail[acc] = e;
          else if (this.accEmail[acc] !== e)
            this.issue(navn, line, 'advarsel', `Linje ${line}: bruger «${rawBruger.trim()}» har også e-mail ${this.accEmail[acc]} et andet sted. Den første er brugt.`);
        }
      }
      if (col.prokura !== -1 || alleProkura) {
        const text = col.prokura !== -1 ? (fields[col.prokura] ?? '') : '';
        let p = col.prokura !== -1 ? this.prokura(text) : JA;
        // In a file where everyone has prokura, an empty cell still means prokura.
        if (alleProkura && p.kind === 'nej' && text.trim() === '') p = JA;
        if (p.kind === 'ukendt')
          this.issue(navn, line, 'advarsel', `Linje ${line}: prokura «${p.tekst}» kan ikke læses som ja, nej eller et beløb. Den er regnet som prokura.`);
        this.accProkura[acc] = mergeProkura(this.accProkura[acc] ?? null, p);
      }
      if (col.fuldmagt !== -1) {
        const text = fields[col.fuldmagt] ?? '';
        const bits = this.fuldmagt(sys, text);
        if (bits) {
          if (bits === FM_UKENDT) {
            if (this.ix.rs.systemer[sys]!.fuldmagter.length === 0)
              this.issue(navn, line, 'advarsel', `Linje ${line}: ${this.ix.rs.systemer[sys]!.navn} bruger ikke fuldmagter; «${text.trim()}» er ikke brugt.`);
            else {
              this.issue(navn, line, 'advarsel', `Linje ${line}: fuldmagten «${text.trim()}» er ukendt (kendte: Alene, A, B, C). Den er regnet som en fuldmagt, der kan oprette og godkende betalinger.`);
              this.accFuldmagt.a[acc] = this.accFuldmagt.get(acc) | bits;
              this.accFuldmagtTekst[acc] ||= text.trim();
            }
          } else this.accFuldmagt.a[acc] = this.accFuldmagt.get(acc) | bits;
        }
      }
      let role = -1;
      if (col.rolle !== -1) {
        const rawRole = fields[col.rolle] ?? '';
        if (rawRole.trim() !== '') {
          role = this.role(sys, rawRole);
          this.assign(acc, role);
        }
      }
      this.rowAcc.push(acc);
      this.rowRole.push(role);
      this.rowFile.push(fileIdx);
      this.rowLine.push(line);
    };
    return { fileIdx, info, onHeader, onRow };
  }

  /** Issues for systems that were not recognized (one per name, with row count). */
  finishUnknownSystems() {
    const known = this.ix.rs.systemer.map((s) => s.navn).join(', ');
    for (const [name, u] of this.unknownSystems) {
      const f = this.files[u.first.file]!.navn;
      this.issue(
        f,
        u.first.line,
        'fejl',
        name === ''
          ? `Linje ${u.first.line}${u.rows > 1 ? ` og ${u.rows - 1} andre linjer` : ''}: systemet mangler. Rækkerne er ikke vurderet.`
          : `Systemet «${name}» (linje ${u.first.line}${u.rows > 1 ? ` og ${u.rows - 1} andre linjer` : ''}) kendes ikke, og rækkerne er ikke vurderet. Kendte systemer: ${known}.`,
      );
    }
    this.unknownSystems.clear();
  }

  fuldmagtIds(acc: number): string[] {
    const bits = this.accFuldmagt.get(acc);
    if (!bits) return [];
    const list = this.ix.rs.systemer[this.accSystem.get(acc)]!.fuldmagter;
    const out: string[] = [];
    for (let i = 0; i < list.length; i++) if (bits & (1 << i)) out.push(list[i]!.id);
    if (bits & FM_UKENDT) out.push('ukendt');
    return out;
  }

  fuldmagtText(acc: number): string {
    const list = this.ix.rs.systemer[this.accSystem.get(acc)]!.fuldmagter;
    return this.fuldmagtIds(acc)
      .map((id) => (id === 'ukendt' ? `«${this.accFuldmagtTekst[acc]}»` : list.find((f) => f.id === id)!.navn))
      .join(', ');
  }
}

export class StoreError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

/** Keeps the strongest prokura seen for an account: an amount beats yes/unknown beats no. */
export function mergeProkura(a: Prokura | null, b: Prokura): Prokura {
  if (!a || a.kind === 'nej') return b;
  if (b.kind === 'nej') return a;
  if (a.kind === 'beloeb' && b.kind === 'beloeb') return a.beloeb >= b.beloeb ? a : b;
  if (a.kind === 'beloeb') return a;
  if (b.kind === 'beloeb') return b;
  return a.kind === 'ja' ? a : b;
}

/** A store from in-memory records in the canonical format's terms (test cases, examples). */
export function storeFromRecords(
  ix: RulesetIndex,
  records: readonly { system: string; bruger: string; navn?: string; email?: string; rolle?: string; prokura?: string; fuldmagt?: string }[],
  fileName = 'tildelinger',
): Store {
  const store = new Store(ix);
  const header = [...FELTER];
  const { onHeader, onRow, info } = store.beginFile(fileName, { kolonner: Object.fromEntries(header.map((h) => [h, h])) });
  onHeader(header);
  records.forEach((r, i) => onRow([r.system, r.bruger, r.navn ?? '', r.email ?? '', r.rolle ?? '', r.prokura ?? '', r.fuldmagt ?? ''], i + 2));
  info.bytes = 0;
  store.finishUnknownSystems();
  return store;
}
