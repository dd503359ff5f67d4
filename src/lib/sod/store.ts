/**
 * Streaming aggregation of role-assignment rows into a compact store.
 *
 * One row = one role assignment (system, user, role, prokura, fuldmagt). Rows are not kept: the
 * store interns systems, accounts (system + user id) and role names, and keeps per row one number
 * (its assignment: account and role name) for drill-down; a row's file and line follow from where
 * each file's rows begin and the few rows whose line is not the one after the row before. A role
 * file and a prokura file for the same system meet on the user id.
 *
 * Memory that is written for the first time is slow to come by (the system maps it page by page),
 * so the lists are few, sized once from the file size (`reserve`), and grow without filling.
 *
 * Cells are read as bytes of the file with the hash the tokenizer computed (`ByteRow`): a cell
 * equal to the one in the row before is recognized without work, plain ASCII user ids and e-mails
 * are looked up lower-cased without making a string, and every other cell text is normalized once
 * per distinct text (`normBruger`, `normEmail`, `parseProkura`, …). Strings are made only for
 * texts not seen before.
 */
import type { CsvIssue } from '../csv/ingest';
import { normHeader } from '../csv/headers';
import { byteRowOf, FNV0, hashBytes, type ByteRow, type ByteText } from '../csv/bytes';
import { CellInterner, IntMap, isSpace, KeyInterner, own } from '../csv/intern';
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

/** Bit of an unreadable fuldmagt in `accFuldmagt` (bit i = the system's fuldmagter[i]). */
export const FM_UKENDT = 1 << 30;

export { own };

const JA: Prokura = { kind: 'ja' };
const NEJ: Prokura = { kind: 'nej' };
/** Prokura as one number: NaN none given, 0 nej, -1 ja, -2 unreadable, > 0 amount. */
const pkCode = (p: Prokura) => (p.kind === 'nej' ? 0 : p.kind === 'ja' ? -1 : p.kind === 'ukendt' ? -2 : p.beloeb);
/** `mergeProkura` on codes: an amount beats yes beats unreadable/no; the higher amount wins. */
function mergePk(a: number, b: number): number {
  if (Number.isNaN(a) || a === 0) return b;
  if (b === 0) return a;
  if (a > 0 && b > 0) return a >= b ? a : b;
  if (a > 0) return a;
  if (b > 0) return b;
  return a === -1 ? a : b;
}
const NONE: string[] = [];

/**
 * Growable Int32Array. Kept apart from FloatList on purpose: one shared generic class made every
 * `push` see two kinds of array, and V8 then compiles the slower, polymorphic access.
 */
class IntList {
  a = new Int32Array(1024);
  n = 0;
  push(v: number) {
    if (this.n === this.a.length) this.a = grown(this.a, new Int32Array(this.a.length * 2));
    this.a[this.n++] = v;
  }
  get(i: number) {
    return this.a[i]!;
  }
  /** Makes room for `n` entries in all. */
  reserve(n: number) {
    if (n > this.a.length) this.a = grown(this.a, new Int32Array(n));
  }
}
/** Growable Float64Array (prokura amounts). */
class FloatList {
  a = new Float64Array(1024);
  n = 0;
  push(v: number) {
    if (this.n === this.a.length) this.a = grown(this.a, new Float64Array(this.a.length * 2));
    this.a[this.n++] = v;
  }
  reserve(n: number) {
    if (n > this.a.length) this.a = grown(this.a, new Float64Array(n));
  }
}
function grown<A extends Int32Array | Float64Array>(from: A, to: A): A {
  to.set(from);
  return to;
}

/**
 * Whether an e-mail cell `b[s, e)`, already trimmed, is a plain address that `normEmail` would
 * accept as it is (lower-cased): printable ASCII, one @ with text before it, and a dot inside the
 * part after it; not starting with "mailto:". Anything else takes the slow, exact path.
 */
function plainEmail(b: Uint8Array, s: number, e: number): boolean {
  let at = -1;
  for (let k = s; k < e; k++) {
    const c = b[k]!;
    if (c <= 32 || c >= 127) return false;
    if (c === 64) {
      if (at !== -1) return false;
      at = k;
    }
  }
  if (at <= s) return false;
  let dot = false;
  for (let k = at + 2; k < e - 1; k++) if (b[k] === 46) dot = true;
  if (!dot) return false;
  const m = 'mailto:';
  if (e - s > m.length) {
    let same = true;
    for (let k = 0; k < m.length && same; k++) same = (b[s + k]! | 32) === m.charCodeAt(k);
    if (same) return false;
  }
  return true;
}

const EMPTY = new Uint8Array(0);

/** The previous row's cell (bytes and hash) and what it meant. */
class LastCell {
  private b: Uint8Array = EMPTY;
  private s = 0;
  private e = -1;
  private h = 0;
  value = -1;
  hit(b: Uint8Array, s: number, e: number, h: number) {
    if (h !== this.h || e - s !== this.e - this.s) return false;
    const p = this.b;
    const o = this.s - s;
    for (let k = s; k < e; k++) if (b[k] !== p[k + o]) return false;
    return true;
  }
  set(b: Uint8Array, s: number, e: number, h: number, value: number) {
    this.b = b;
    this.s = s;
    this.e = e;
    this.h = h;
    return (this.value = value);
  }
}

/** Sentinel in the per-text caches: not worked out yet. */
const TODO = -3;

/**
 * A file's cell texts as written, interned, with what each means (worked out once per distinct
 * text). Per file, because the same bytes can mean different text in another encoding.
 */
class FileCells {
  system = new CellInterner(64);
  systemOf = new IntMap(TODO, 64); // system index, -1 unknown, -2 blank
  bruger = new CellInterner(256);
  keyOfBruger = new IntMap(TODO, 256);
  navn = new CellInterner(1 << 10);
  navnOf = new IntMap(TODO, 1 << 10); // index in nameList, -1 blank
  email = new CellInterner(256);
  keyOfEmail = new IntMap(TODO, 256); // key id, -1 blank, -2 not an e-mail
  role = new CellInterner(256);
  roleOf: IntMap[] = []; // per system: role index, -1 blank
  prokura = new CellInterner(64);
  prokuraOf: Prokura[] = [];
  fuldmagt = new CellInterner(64);
  fuldmagtOf: IntMap[] = []; // per system: bits (0 none)
  constructor(systems: number) {
    for (let i = 0; i < systems; i++) {
      this.roleOf.push(new IntMap(TODO, 256));
      this.fuldmagtOf.push(new IntMap(TODO, 64));
    }
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
  readonly unknownSystems = new Map<string, { rows: number; first: { file: number; line: number } }>();

  /**
   * Normalized user ids and e-mail addresses share one id space (`keyId`): an e-mail used as user
   * id in one system and as e-mail in another is the same key.
   */
  readonly keys = new KeyInterner(1 << 12);

  // Accounts.
  readonly accSystem = new IntList();
  /** Key id of the account's normalized user id (see `key`). */
  readonly accKeyId = new IntList();
  /** The user id as written: -1 the key, -2 the key in capitals, else an index into `rawList`. */
  private accRaw = new IntList();
  private rawList: string[] = [];
  /** Names are interned: an index into `nameList` per account (-1 = none). */
  private accNavnIdx = new IntList();
  private nameList: string[] = [];
  private names = new Map<string, number>();
  /** Key id of the account's e-mail (the user id itself when it is one), -1 none. */
  readonly accEmail = new IntList();
  /** Prokura encoded: NaN none given, 0 nej, -1 ja, -2 unreadable (text in prokuraTekst), > 0 amount. */
  private accPk = new FloatList();
  private prokuraTekst = new Map<number, string>();

  /** Bit i = system's fuldmagter[i]; FM_UKENDT = unreadable fuldmagt (counts as a fuldmagt). */
  readonly accFuldmagt = new IntList();
  private fmTekst = new Map<number, string>();
  /** Per key id: its first account + 1 (0 none); the key's other accounts follow `accNext`. */
  private keyAcc = new IntMap(0, 1 << 12);
  /** The next account with the same key (in another system), -1 none. */
  private accNext = new IntList();

  // Role names per system (interned). Standard role id resolved from name/aliases.
  readonly roleSystem = new IntList();
  readonly roleRaw: string[] = [];
  readonly roleKey: string[] = [];
  readonly roleStd: (string | null)[] = [];
  private roleBySystem: Map<string, number>[] = [];

  // Assignments (account × role name), de-duplicated; a linked list per account (newest first).
  readonly asgAcc = new IntList();
  readonly asgRole = new IntList();
  readonly asgNext = new IntList();
  readonly accHead = new IntList();

  /** Per row (for drill-down): its assignment, or -(account + 1) when the row gives no role. */
  readonly rowRef = new IntList();
  /** The first row of each file. */
  private fileRow0: number[] = [];
  /** Rows whose line is not the line after the row before (a file's first row, rows after blank lines or lines broken inside quotes), and their lines. */
  private lineRow = new IntList();
  private lineAt = new IntList();

  constructor(ix: RulesetIndex) {
    this.ix = ix;
    this.systemIds = ix.rs.systemer.map((s) => s.id);
    for (let i = 0; i < this.systemIds.length; i++) this.roleBySystem.push(new Map());
  }

  get accounts() {
    return this.accKeyId.n;
  }

  /**
   * Makes room for about `rows` more rows, of which `accountsPerRow` start a new account (both
   * estimated from the part of a file read so far), so the lists do not grow step by step,
   * copying themselves as they go.
   */
  reserve(rows: number, accountsPerRow: number, keysPerRow = accountsPerRow) {
    for (const l of [this.rowRef, this.asgAcc, this.asgRole, this.asgNext]) l.reserve(l.n + rows);
    const more = Math.ceil(rows * accountsPerRow);
    for (const l of [this.accSystem, this.accKeyId, this.accRaw, this.accNavnIdx, this.accEmail, this.accFuldmagt, this.accHead, this.accNext]) l.reserve(l.n + more);
    this.accPk.reserve(this.accPk.n + more);
    const keys = Math.ceil(rows * keysPerRow);
    this.keys.reserve(keys);
    this.keyAcc.reserve(this.keys.size + keys);
  }

  /** The account of row `i`. */
  rowAcc(i: number): number {
    const r = this.rowRef.a[i]!;
    return r < 0 ? -r - 1 : this.asgAcc.a[r]!;
  }

  /** The role name index of row `i`, -1 none. */
  rowRole(i: number): number {
    const r = this.rowRef.a[i]!;
    return r < 0 ? -1 : this.asgRole.a[r]!;
  }

  /** The file index of row `i`. */
  rowFile(i: number): number {
    const f = this.fileRow0;
    let k = f.length - 1;
    while (k > 0 && f[k]! > i) k--;
    return k;
  }

  /** The line in its file of row `i` (the line the row begins on). */
  rowLine(i: number): number {
    // The last row at or before i whose line was written down; the rows after it follow line by line.
    let lo = 0;
    let hi = this.lineRow.n - 1;
    const rows = this.lineRow.a;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (rows[mid]! <= i) lo = mid;
      else hi = mid - 1;
    }
    return this.lineAt.a[lo]! + (i - rows[lo]!);
  }

  /** Normalized user id of an account (lower case, trimmed). */
  key(acc: number): string {
    return this.keys.text(this.accKeyId.a[acc]!);
  }

  /** The user id as written in the file. */
  bruger(acc: number): string {
    const i = this.accRaw.a[acc]!;
    return i === -1 ? this.key(acc) : i === -2 ? this.key(acc).toUpperCase() : this.rawList[i]!;
  }

  /** Normalized e-mail of the account, or ''. */
  email(acc: number): string {
    const e = this.accEmail.a[acc]!;
    return e < 0 ? '' : this.keys.text(e);
  }

  navn(acc: number): string {
    const i = this.accNavnIdx.a[acc]!;
    return i < 0 ? '' : this.nameList[i]!;
  }

  private nameIndex(v: string): number {
    let n = this.names.get(v);
    if (n === undefined) {
      n = this.nameList.length;
      const o = own(v);
      this.nameList.push(o);
      this.names.set(o, n);
    }
    return n;
  }

  /** The account's prokura (the strongest seen), or null when no prokura was given. */
  prokuraOf(acc: number): Prokura | null {
    const v = this.accPk.a[acc]!;
    if (Number.isNaN(v)) return null;
    if (v === 0) return NEJ;
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
    const cur = this.accPk.a[acc]!;
    const code = pkCode(p);
    const m = mergePk(cur, code);
    // An unreadable prokura that wins replaces the text kept for it.
    if (m === -2 && p.kind === 'ukendt') this.prokuraTekst.set(acc, own(p.tekst));
    this.accPk.a[acc] = m;
  }
  get roles() {
    return this.roleRaw.length;
  }
  get assignments() {
    return this.asgAcc.n;
  }
  get rows() {
    return this.rowRef.n;
  }

  issue(file: string, line: number, level: CsvIssue['level'], message: string) {
    if (this.issues.length < this.maxIssues) this.issues.push({ file, line, level, message: own(message) });
    else this.issuesDropped++;
  }

  /** System index for a cell text (-1 unknown, -2 blank). */
  private systemOf(raw: string): number {
    if (raw.trim() === '') return -2;
    const id = this.ix.systemByName.get(nameKey(raw));
    return id ? this.systemIds.indexOf(id) : -1;
  }

  /** Account for a user key in a system (created on first sight from the cell `b[s, e)`). */
  private account(sys: number, keyId: number, r: ByteRow, s: number, e: number): number {
    const a = this.accountOf(sys, keyId);
    return a !== -1 ? a : this.newAccount(sys, keyId, r, s, e);
  }

  /** The account of a key in a system, -1 none. */
  private accountOf(sys: number, keyId: number): number {
    for (let a = this.keyAcc.get(keyId) - 1; a !== -1; a = this.accNext.a[a]!) if (this.accSystem.a[a] === sys) return a;
    return -1;
  }

  private newAccount(sys: number, keyId: number, r: ByteRow, s: number, e: number): number {
    const a = this.accKeyId.n;
    // Newest first: the key's accounts are few (one per system at most).
    this.accNext.push(this.keyAcc.get(keyId) - 1);
    this.keyAcc.set(keyId, a + 1);
    const b = r.bytes;
    while (s < e && isSpace(b[s]!)) s++;
    while (e > s && isSpace(b[e - 1]!)) e--;
    this.accSystem.push(sys);
    this.accKeyId.push(keyId);
    // As written: the key itself (-1), the key in capitals (-2, Navision Stat's "NS123"), or a text.
    if (this.keys.sameBytes(keyId, b, s, e)) this.accRaw.push(-1);
    else if (this.keys.sameUpper(keyId, b, s, e)) this.accRaw.push(-2);
    else {
      const raw = r.text.decode(b, s, e).trim();
      this.accRaw.push(raw === this.keys.text(keyId) ? -1 : this.rawList.push(own(raw)) - 1);
    }
    this.accNavnIdx.push(-1);
    this.accEmail.push(this.keys.emailShaped(keyId) ? keyId : -1);
    this.accPk.push(NaN);
    this.accFuldmagt.push(0);
    this.accHead.push(-1);
    return a;
  }

  /** Index in `nameList` of a name cell, -1 when blank. */
  private navnIndex(fc: FileCells, text: ByteText, b: Uint8Array, s: number, e: number, h: number): number {
    const id = fc.navn.id(b, s, e, h, text);
    let n = fc.navnOf.get(id);
    if (n === TODO) {
      const v = fc.navn.texts[id]!.trim();
      fc.navnOf.set(id, (n = v ? this.nameIndex(v) : -1));
    }
    return n;
  }

  /** Key id of a user id cell (trimmed, lower case, inner white space collapsed). */
  private brugerKey(fc: FileCells, text: ByteText, b: Uint8Array, s: number, e: number, h: number): number {
    // No white space at the ends: the tokenizer's hash is the key's, when the cell is plain ASCII.
    if (b[s]! > 32 && b[e - 1]! > 32) {
      const k = this.keys.idLower(b, s, e, h);
      if (k !== -1) return k;
    }
    const id = fc.bruger.id(b, s, e, h, text);
    let keyId = fc.keyOfBruger.get(id);
    if (keyId === TODO) fc.keyOfBruger.set(id, (keyId = this.keys.of(normBruger(fc.bruger.texts[id]!))));
    return keyId;
  }

  /** Key id of an e-mail cell: -1 blank, -2 not an e-mail address. */
  private emailKey(fc: FileCells, text: ByteText, b: Uint8Array, s: number, e: number, h: number): number {
    let ts = s;
    let te = e;
    while (ts < te && isSpace(b[ts]!)) ts++;
    while (te > ts && isSpace(b[te - 1]!)) te--;
    if (plainEmail(b, ts, te)) {
      // Plain means printable ASCII, so idLower always has the key.
      return this.keys.idLower(b, ts, te, ts === s && te === e ? h : hashBytes(b, ts, te));
    }
    const id = fc.email.id(b, s, e, h, text);
    let k = fc.keyOfEmail.get(id);
    if (k === TODO) {
      const v = fc.email.texts[id]!;
      const norm = normEmail(v);
      fc.keyOfEmail.set(id, (k = v.trim() === '' ? -1 : norm ? this.keys.of(norm) : -2));
    }
    return k;
  }

  findAccount(systemId: string, bruger: string): number | undefined {
    const s = this.systemIds.indexOf(systemId);
    if (s === -1) return undefined;
    const k = this.keys.find(normBruger(bruger));
    const a = k === -1 ? -1 : this.accountOf(s, k);
    return a === -1 ? undefined : a;
  }

  /** "system:bruger" key of an account (stable across runs; used for links and finding keys). */
  accountRef(acc: number): string {
    return `${this.systemIds[this.accSystem.get(acc)]}:${this.key(acc)}`;
  }

  /** Role name index for a role cell in a system (new names are added). */
  private role(sys: number, rawRole: string): number {
    const key = nameKey(rawRole);
    const byKey = this.roleBySystem[sys]!;
    let r = byKey.get(key);
    if (r === undefined) {
      r = this.roleRaw.length;
      byKey.set(key, r);
      this.roleSystem.push(sys);
      this.roleRaw.push(own(rawRole.trim()));
      this.roleKey.push(own(key));
      this.roleStd.push(this.ix.roleByName.get(this.systemIds[sys]!)!.get(key) ?? null);
    }
    return r;
  }

  /** The assignment of a role name to an account (added when new). */
  private assign(acc: number, role: number): number {
    const next = this.asgNext.a;
    const roles = this.asgRole.a;
    for (let i = this.accHead.get(acc); i !== -1; i = next[i]!) if (roles[i] === role) return i;
    const n = this.asgAcc.n;
    this.asgNext.push(this.accHead.get(acc));
    this.accHead.a[acc] = n;
    this.asgAcc.push(acc);
    this.asgRole.push(role);
    return n;
  }

  /** Role name indexes of an account, in the order first seen. */
  rolesOf(acc: number): number[] {
    const out: number[] = [];
    for (let i = this.accHead.get(acc); i !== -1; i = this.asgNext.get(i)) out.push(this.asgRole.get(i));
    return out.reverse();
  }

  /** Fuldmagt bit(s) for a cell in a system; 0 when empty. */
  private fuldmagt(sys: number, text: string): number {
    const key = fuldmagtKey(text);
    if (!key) return 0;
    const byName = this.ix.fuldmagtByName.get(this.systemIds[sys]!)!;
    const id = byName.get(nameKey(key)) ?? byName.get(nameKey(text));
    const list = this.ix.rs.systemer[sys]!.fuldmagter;
    return id ? 1 << list.findIndex((f) => f.id === id) : FM_UKENDT;
  }

  /**
   * Starts a file: returns the row handler for `ingestByteRows` and a function to call with the header.
   * Column names are resolved against the header when it arrives.
   */
  beginFile(navn: string, mapping: FileMapping) {
    const fileIdx = this.files.length;
    const info: FileInfo = { navn, mapping, rows: 0, bytes: 0 };
    this.files.push(info);
    this.fileRow0.push(this.rows);
    let nextLine = -1; // the line a row that follows the last stored one line by line begins on
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

    const fc = new FileCells(this.systemIds.length);
    // Rows of one user come together in exports: the previous cells and what they meant.
    const lastSys = new LastCell();
    const lastBruger = new LastCell();
    const lastNavn = new LastCell();
    const lastEmail = new LastCell();

    const onRow = (r: ByteRow, line: number) => {
      info.rows++;
      const b = r.bytes;
      const st = r.start;
      const en = r.end;
      const hs = r.hash;
      const text = r.text;
      let sys = fixedSystem;
      const cs = col.system;
      if (cs !== -1) {
        let v: number;
        const ss = cs < r.count ? st[cs]! : 0;
        const se = cs < r.count ? en[cs]! : 0;
        const sh = cs < r.count ? hs[cs]! : FNV0;
        if (lastSys.hit(b, ss, se, sh)) v = lastSys.value;
        else {
          const id = fc.system.id(b, ss, se, sh, text);
          v = fc.systemOf.get(id);
          if (v === TODO) fc.systemOf.set(id, (v = this.systemOf(fc.system.texts[id]!)));
          lastSys.set(b, ss, se, sh, v);
        }
        if (v !== -2 || fixedSystem === -1) sys = v < 0 ? -1 : v;
        if (sys === -1) {
          const k = own(r.get(cs).trim());
          const u = this.unknownSystems.get(k);
          if (u) u.rows++;
          else this.unknownSystems.set(k, { rows: 1, first: { file: fileIdx, line } });
          return;
        }
      }
      const cb = col.bruger;
      if (r.blank(cb)) {
        this.issue(navn, line, 'fejl', `Linje ${line}: bruger-id mangler. Rækken er ikke vurderet.`);
        return;
      }
      const bs = st[cb]!;
      const be = en[cb]!;
      const bh = hs[cb]!;
      const keyId = lastBruger.hit(b, bs, be, bh) ? lastBruger.value : lastBruger.set(b, bs, be, bh, this.brugerKey(fc, text, b, bs, be, bh));
      const acc = this.account(sys, keyId, r, bs, be);

      const cn = col.navn;
      if (cn !== -1 && this.accNavnIdx.a[acc]! < 0 && cn < r.count) {
        const ns = st[cn]!;
        const ne = en[cn]!;
        const nh = hs[cn]!;
        this.accNavnIdx.a[acc] = lastNavn.hit(b, ns, ne, nh) ? lastNavn.value : lastNavn.set(b, ns, ne, nh, this.navnIndex(fc, text, b, ns, ne, nh));
      }

      const ce = col.email;
      // The usual case in IndFak and RejsUd: the e-mail is the user id, already known as such.
      if (ce !== -1 && ce < r.count && en[ce]! > st[ce]! && !(this.accEmail.a[acc] === keyId && r.same(ce, cb))) {
        const es = st[ce]!;
        const ee = en[ce]!;
        const eh = hs[ce]!;
        const e = lastEmail.hit(b, es, ee, eh) ? lastEmail.value : lastEmail.set(b, es, ee, eh, this.emailKey(fc, text, b, es, ee, eh));
        if (e === -2) this.issue(navn, line, 'advarsel', `Linje ${line}: «${r.get(ce).trim()}» er ikke en e-mailadresse og er ikke brugt til at genkende personen.`);
        else if (e >= 0) {
          const cur = this.accEmail.a[acc]!;
          if (cur === -1) this.accEmail.a[acc] = e;
          else if (cur !== e)
            this.issue(navn, line, 'advarsel', `Linje ${line}: bruger «${r.get(cb).trim()}» har også e-mail ${this.keys.text(cur)} et andet sted. Den første er brugt.`);
        }
      }

      const cp = col.prokura;
      if (cp !== -1 || alleProkura) {
        let p: Prokura = JA;
        let blank = true;
        if (cp !== -1) {
          if (cp < r.count && en[cp]! > st[cp]!) {
            const id = fc.prokura.id(b, st[cp]!, en[cp]!, hs[cp]!, text);
            const t = fc.prokura.texts[id]!;
            p = fc.prokuraOf[id] ??= parseProkura(t);
            blank = t.trim() === '';
          } else p = NEJ;
        }
        // In a file where everyone has prokura, an empty cell still means prokura.
        if (alleProkura && p.kind === 'nej' && blank) p = JA;
        if (p.kind === 'ukendt')
          this.issue(navn, line, 'advarsel', `Linje ${line}: prokura «${p.tekst}» kan ikke læses som ja, nej eller et beløb. Den er regnet som prokura.`);
        this.setProkura(acc, p);
      }

      const cf = col.fuldmagt;
      if (cf !== -1 && cf < r.count && en[cf]! > st[cf]!) {
        const id = fc.fuldmagt.id(b, st[cf]!, en[cf]!, hs[cf]!, text);
        const cache = fc.fuldmagtOf[sys]!;
        let bits = cache.get(id);
        const t = fc.fuldmagt.texts[id]!;
        if (bits === TODO) cache.set(id, (bits = this.fuldmagt(sys, t)));
        if (bits) {
          if (bits === FM_UKENDT) {
            if (this.ix.rs.systemer[sys]!.fuldmagter.length === 0)
              this.issue(navn, line, 'advarsel', `Linje ${line}: ${this.ix.rs.systemer[sys]!.navn} bruger ikke fuldmagter; «${t.trim()}» er ikke brugt.`);
            else {
              this.issue(navn, line, 'advarsel', `Linje ${line}: fuldmagten «${t.trim()}» er ukendt (kendte: Alene, A, B, C). Den er regnet som en fuldmagt, der kan oprette og godkende betalinger.`);
              this.accFuldmagt.a[acc] = this.accFuldmagt.get(acc) | bits;
              if (!this.fmTekst.has(acc)) this.fmTekst.set(acc, own(t.trim()));
            }
          } else this.accFuldmagt.a[acc] = this.accFuldmagt.get(acc) | bits;
        }
      }

      let ref = -acc - 1;
      const cr = col.rolle;
      if (cr !== -1 && cr < r.count && !r.blank(cr)) {
        const id = fc.role.id(b, st[cr]!, en[cr]!, hs[cr]!, text);
        const cache = fc.roleOf[sys]!;
        let role = cache.get(id);
        if (role === TODO) cache.set(id, (role = this.role(sys, fc.role.texts[id]!)));
        ref = this.assign(acc, role);
      }
      if (line !== nextLine) {
        this.lineRow.push(this.rowRef.n);
        this.lineAt.push(line);
      }
      nextLine = line + 1;
      this.rowRef.push(ref);
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
  records.forEach((r, i) => onRow(byteRowOf([r.system, r.bruger, r.navn ?? '', r.email ?? '', r.rolle ?? '', r.prokura ?? '', r.fuldmagt ?? '']), i + 2));
  info.bytes = 0;
  store.finishUnknownSystems();
  return store;
}
