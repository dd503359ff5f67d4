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

/**
 * A copy of a string that does not keep the parser's whole input chunk alive. Substrings of a
 * large string can be slices that reference it; every kept field would then retain its chunk and
 * the heap would grow with the file.
 */
export function own(s: string): string {
  // V8 copies substrings shorter than 13 characters; only longer ones can be slices.
  return s.length < 13 ? s : (s + ' ').slice(0, -1);
}

/** Quick e-mail shape check for user ids (the full check is normEmail). */
const looksLikeEmail = (s: string) => {
  const at = s.indexOf('@');
  return at > 0 && s.indexOf('.', at + 2) > at + 1 && s.indexOf(' ') === -1 && s.indexOf('@', at + 1) === -1 && s[s.length - 1] !== '.';
};
const JA: Prokura = { kind: 'ja' };
const NONE: string[] = [];

/** Growable typed array of numbers (Int32 for indexes, Float64 for amounts). */
class NumList<A extends Int32Array | Float64Array> {
  a: A;
  n = 0;
  constructor(private make: (n: number) => A) {
    this.a = make(1024);
  }
  push(v: number) {
    if (this.n === this.a.length) {
      const b = this.make(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = v;
  }
  get(i: number) {
    return this.a[i]!;
  }
}
class IntList extends NumList<Int32Array> {
  constructor() {
    super((n) => new Int32Array(n));
  }
}
class FloatList extends NumList<Float64Array> {
  constructor() {
    super((n) => new Float64Array(n));
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
  /** Normalized user id (lower case, trimmed). */
  readonly accKey: string[] = [];
  /** The user id as written, where it differs from the key (rare; saves memory). */
  private accBrugerRaw = new Map<number, string>();
  /** Names are interned: an index into `nameList` per account (-1 = none). */
  private accNavnIdx = new IntList();
  private nameList: string[] = [];
  private names = new Map<string, number>();
  /** E-mail: 1 = the user id itself is the e-mail; else accEmailOther (rare). */
  private accEmailSelf = new IntList();
  private accEmailOther = new Map<number, string>();
  /** Prokura encoded: NaN none given, 0 nej, -1 ja, -2 unreadable (text in prokuraTekst), > 0 amount. */
  private accPk = new FloatList();
  private prokuraTekst = new Map<number, string>();

  /** Bit i = system's fuldmagter[i]; FM_UKENDT = unreadable fuldmagt (counts as a fuldmagt). */
  readonly accFuldmagt = new IntList();
  private fmTekst = new Map<number, string>();
  private accBySystem: Map<string, number>[] = [];

  // Role names per system (interned). Standard role id resolved from name/aliases.
  readonly roleSystem = new IntList();
  readonly roleRaw: string[] = [];
  readonly roleKey: string[] = [];
  readonly roleStd: (string | null)[] = [];
  private roleBySystem: Map<string, number>[] = [];
  private roleRawBySystem: Map<string, number>[] = [];

  // Assignments (account × role name), de-duplicated; a linked list per account (newest first).
  readonly asgAcc = new IntList();
  readonly asgRole = new IntList();
  readonly asgNext = new IntList();
  readonly accHead = new IntList();

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
      this.roleBySystem.push(new Map());
      this.roleRawBySystem.push(new Map());
      this.fuldmagtCache.push(new Map());
    }
  }

  get accounts() {
    return this.accKey.length;
  }

  /** The user id as written in the file. */
  bruger(acc: number): string {
    return this.accBrugerRaw.get(acc) ?? this.accKey[acc]!;
  }

  /** Normalized e-mail of the account, or ''. */
  email(acc: number): string {
    return this.accEmailSelf.a[acc] ? this.accKey[acc]! : (this.accEmailOther.get(acc) ?? '');
  }

  navn(acc: number): string {
    const i = this.accNavnIdx.a[acc]!;
    return i < 0 ? '' : this.nameList[i]!;
  }

  private setNavn(acc: number, v: string) {
    let n = this.names.get(v);
    if (n === undefined) {
      n = this.nameList.length;
      const o = own(v);
      this.nameList.push(o);
      this.names.set(o, n);
    }
    this.accNavnIdx.a[acc] = n;
  }

  /** The account's prokura (the strongest seen), or null when no prokura was given. */
  prokuraOf(acc: number): Prokura | null {
    const v = this.accPk.a[acc]!;
    if (Number.isNaN(v)) return null;
    if (v === 0) return { kind: 'nej' };
    if (v === -1) return JA;
    if (v === -2) return { kind: 'ukendt', tekst: this.prokuraTekst.get(acc) ?? '' };
    return { kind: 'beloeb', beloeb: v };
  }

  /** Whether the account's prokura lets the user act (unreadable counts as prokura). */
  hasProkura(acc: number): boolean {
    const v = this.accPk.a[acc]!;
    return v !== 0 && !Number.isNaN(v);
  }

  /** The fuldmagt text as written when it was not recognized. */
  fuldmagtTekst(acc: number): string {
    return this.fmTekst.get(acc) ?? '';
  }

  private setProkura(acc: number, p: Prokura) {
    const cur = this.prokuraOf(acc);
    const m = mergeProkura(cur, p);
    if (m === cur) return;
    const v = m.kind === 'nej' ? 0 : m.kind === 'ja' ? -1 : m.kind === 'ukendt' ? -2 : m.beloeb;
    if (m.kind === 'ukendt') this.prokuraTekst.set(acc, own(m.tekst));
    this.accPk.a[acc] = v;
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
    if (this.issues.length < this.maxIssues) this.issues.push({ file, line, level, message: own(message) });
    else this.issuesDropped++;
  }

  private lastSysRaw = '\u0000';
  private lastSys = -1;

  systemIndex(raw: string): number {
    if (raw === this.lastSysRaw) return this.lastSys;
    let s = this.systemRaw.get(raw);
    if (s === undefined) {
      const id = this.ix.systemByName.get(nameKey(raw));
      s = id ? this.systemIds.indexOf(id) : -1;
      if (this.systemRaw.size < 1000) this.systemRaw.set(own(raw), s);
    }
    this.lastSysRaw = raw;
    this.lastSys = s;
    return s;
  }

  // Exports list a user's rows together: remember the last user id per system.
  private lastRaw: string[] = [];
  private lastAcc: number[] = [];

  /** Account index for a user id in a system (created on first sight). */
  account(sys: number, rawBruger: string): number {
    if (this.lastRaw[sys] === rawBruger) return this.lastAcc[sys]!;
    const acc = this.accountSlow(sys, rawBruger);
    this.lastRaw[sys] = rawBruger;
    this.lastAcc[sys] = acc;
    return acc;
  }

  private accountSlow(sys: number, rawBruger: string): number {
    // Fast path for the usual id without inner spaces; normBruger otherwise.
    let key = rawBruger.trim();
    key = key.indexOf(' ') === -1 && key.indexOf('\t') === -1 ? key.toLowerCase() : normBruger(key);
    const byKey = this.accBySystem[sys]!;
    let a = byKey.get(key);
    if (a === undefined) {
      a = this.accKey.length;
      key = own(key);
      byKey.set(key, a);
      const trimmed = rawBruger.trim();
      this.accSystem.push(sys);
      this.accKey.push(key);
      if (trimmed !== key) this.accBrugerRaw.set(a, own(trimmed));
      this.accNavnIdx.push(-1);
      this.accEmailSelf.push(looksLikeEmail(key) ? 1 : 0);
      this.accPk.push(NaN);
      this.accFuldmagt.push(0);
      this.accHead.push(-1);
    }
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
      this.roleRaw.push(own(rawRole.trim()));
      this.roleKey.push(own(key));
      this.roleStd.push(this.ix.roleByName.get(this.systemIds[sys]!)!.get(key) ?? null);
    }
    if (raw.size < 10_000) raw.set(own(rawRole), r);
    return r;
  }

  private assign(acc: number, role: number) {
    const next = this.asgNext.a;
    const roles = this.asgRole.a;
    for (let i = this.accHead.get(acc); i !== -1; i = next[i]!) if (roles[i] === role) return;
    this.asgNext.push(this.accHead.get(acc));
    this.accHead.a[acc] = this.asgAcc.n;
    this.asgAcc.push(acc);
    this.asgRole.push(role);
  }

  /** Role name indexes of an account, in the order first seen. */
  rolesOf(acc: number): number[] {
    const out: number[] = [];
    for (let i = this.accHead.get(acc); i !== -1; i = this.asgNext.get(i)) out.push(this.asgRole.get(i));
    return out.reverse();
  }

  private prokura(text: string): Prokura {
    let p = this.prokuraCache.get(text);
    if (!p) {
      p = parseProkura(text);
      if (this.prokuraCache.size < 10000) this.prokuraCache.set(own(text), p);
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
      if (cache.size < 1000) cache.set(own(text), bits);
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
          const k = own(rawSys.trim());
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
      if (col.navn !== -1 && this.accNavnIdx.a[acc]! < 0) {
        const v = (fields[col.navn] ?? '').trim();
        if (v) this.setNavn(acc, v);
      }
      if (col.email !== -1) {
        const v = fields[col.email] ?? '';
        const cur = this.email(acc);
        if (v !== '' && v !== cur && v.trim() !== '') {
          const e = normEmail(v);
          if (!e) this.issue(navn, line, 'advarsel', `Linje ${line}: «${v.trim()}» er ikke en e-mailadresse og er ikke brugt til at genkende personen.`);
          else if (!cur) {
            if (e === this.accKey[acc]) this.accEmailSelf.a[acc] = 1;
            else this.accEmailOther.set(acc, own(e));
          }
          else if (cur !== e)
            this.issue(navn, line, 'advarsel', `Linje ${line}: bruger «${rawBruger.trim()}» har også e-mail ${cur} et andet sted. Den første er brugt.`);
        }
      }
      if (col.prokura !== -1 || alleProkura) {
        const text = col.prokura !== -1 ? (fields[col.prokura] ?? '') : '';
        let p = col.prokura !== -1 ? this.prokura(text) : JA;
        // In a file where everyone has prokura, an empty cell still means prokura.
        if (alleProkura && p.kind === 'nej' && text.trim() === '') p = JA;
        if (p.kind === 'ukendt')
          this.issue(navn, line, 'advarsel', `Linje ${line}: prokura «${p.tekst}» kan ikke læses som ja, nej eller et beløb. Den er regnet som prokura.`);
        this.setProkura(acc, p);
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
              if (!this.fmTekst.has(acc)) this.fmTekst.set(acc, own(text.trim()));
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
    if (!bits) return NONE;
    const list = this.ix.rs.systemer[this.accSystem.get(acc)]!.fuldmagter;
    const out: string[] = [];
    for (let i = 0; i < list.length; i++) if (bits & (1 << i)) out.push(list[i]!.id);
    if (bits & FM_UKENDT) out.push('ukendt');
    return out;
  }

  fuldmagtText(acc: number): string {
    const list = this.ix.rs.systemer[this.accSystem.get(acc)]!.fuldmagter;
    return this.fuldmagtIds(acc)
      .map((id) => (id === 'ukendt' ? `«${this.fuldmagtTekst(acc)}»` : list.find((f) => f.id === id)!.navn))
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
