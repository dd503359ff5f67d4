/**
 * Interning of cells read as bytes (`ByteRow`): gives each distinct text a small integer id,
 * looking it up by the hash the tokenizer computed while it split the row, so a cell is read
 * once and a string is made only the first time a text is seen. At a million rows with half a
 * million distinct user ids this is what keeps the checks near the speed of a bare parse: a
 * `Map<string, …>` would need a new string per row and per field, and the garbage that comes
 * with it.
 *
 * Open addressing over an Int32Array (id and hash side by side); the bytes of every text sit in
 * one pool, and a hit is confirmed by comparing bytes.
 */
import { ByteText, hashBytes } from './bytes';

/** The pool and table shared by both interners. */
class BytePool {
  protected n = 0;
  protected pool = new Uint8Array(1 << 12);
  protected used = 0;
  /** Start of each id's bytes in the pool; the next entry is its end. */
  protected off = new Int32Array(1024);
  /** Two ints per slot: id + 1 (0 = empty) and the text's hash. */
  protected table: Int32Array;
  protected mask: number;

  constructor(initialCapacity: number) {
    let cap = 16;
    while (cap < initialCapacity * 2) cap <<= 1;
    this.table = new Int32Array(cap * 2);
    this.mask = cap - 1;
  }

  get size() {
    return this.n;
  }

  /**
   * Makes room for `more` texts (their bytes estimated from those so far), so the table, the
   * offsets and the pool are made once instead of doubling, copying and rehashing their way up.
   */
  reserve(more: number) {
    const n = this.n + more;
    let cap = this.mask + 1;
    while (n * 2 > cap) cap <<= 1;
    if (cap > this.mask + 1) this.rehash(cap);
    if (n + 2 > this.off.length) {
      const o = new Int32Array(n + 2);
      o.set(this.off);
      this.off = o;
    }
    const bytes = Math.ceil(this.used + more * (this.n ? this.used / this.n : 16) * 1.1);
    if (bytes > this.pool.length) {
      const p = new Uint8Array(bytes);
      p.set(this.pool.subarray(0, this.used));
      this.pool = p;
    }
  }

  /** Adds the bytes `b[s, e)` (lower-cased A–Z with `lower`) at table slot `slot`; returns the new id. */
  protected add(slot: number, h: number, b: Uint8Array, s: number, e: number, lower: boolean): number {
    const n = this.n++;
    const len = e - s;
    if (this.used + len > this.pool.length) {
      let size = this.pool.length * 2;
      while (size < this.used + len) size *= 2;
      const p = new Uint8Array(size);
      p.set(this.pool.subarray(0, this.used));
      this.pool = p;
    }
    const pool = this.pool;
    if (lower)
      for (let k = 0; k < len; k++) {
        const c = b[s + k]!;
        pool[this.used + k] = c >= 65 && c <= 90 ? c + 32 : c;
      }
    else pool.set(b.subarray(s, e), this.used);
    if (n + 2 > this.off.length) {
      const o = new Int32Array(this.off.length * 2);
      o.set(this.off);
      this.off = o;
    }
    this.off[n] = this.used;
    this.used += len;
    this.off[n + 1] = this.used;
    this.table[2 * slot] = n + 1;
    this.table[2 * slot + 1] = h;
    if (n * 2 >= this.mask) this.grow();
    return n;
  }

  /** Whether id's bytes equal `b[s, s + len)`. */
  protected equal(id: number, b: Uint8Array, s: number, len: number): boolean {
    const p = this.off[id]!;
    if (this.off[id + 1]! - p !== len) return false;
    const pool = this.pool;
    for (let k = 0; k < len; k++) if (pool[p + k] !== b[s + k]) return false;
    return true;
  }

  /** Whether the id's bytes equal `b[s, e)` with A–Z in `b` read as a–z. */
  protected sameLower(id: number, b: Uint8Array, s: number, e: number): boolean {
    const p = this.off[id]!;
    if (this.off[id + 1]! - p !== e - s) return false;
    for (let k = 0; k < e - s; k++) {
      let c = b[s + k]!;
      if (c >= 65 && c <= 90) c += 32;
      if (c !== this.pool[p + k]) return false;
    }
    return true;
  }

  /** Whether the id's bytes equal `b[s, e)` exactly. */
  sameBytes(id: number, b: Uint8Array, s: number, e: number): boolean {
    return this.equal(id, b, s, e - s);
  }

  /** Whether `b[s, e)` is the id's bytes with a–z in capitals (Navision Stat's "NS123" for "ns123"). */
  sameUpper(id: number, b: Uint8Array, s: number, e: number): boolean {
    const p = this.off[id]!;
    if (this.off[id + 1]! - p !== e - s) return false;
    for (let k = 0; k < e - s; k++) {
      let c = this.pool[p + k]!;
      if (c >= 97 && c <= 122) c -= 32;
      if (c !== b[s + k]) return false;
    }
    return true;
  }

  private grow() {
    this.rehash((this.mask + 1) * 2);
  }

  private rehash(cap: number) {
    const old = this.table;
    const table = new Int32Array(cap * 2);
    const mask = cap - 1;
    for (let k = 0; k < old.length; k += 2) {
      if (old[k] === 0) continue;
      let s = old[k + 1]! & mask;
      while (table[2 * s] !== 0) s = (s + 1) & mask;
      table[2 * s] = old[k]!;
      table[2 * s + 1] = old[k + 1]!;
    }
    this.table = table;
    this.mask = mask;
  }
}

/** Cells as written, compared byte for byte (one interner per file: the bytes' meaning depends on its encoding). */
export class CellInterner extends BytePool {
  /** The text of each id (a copy that does not pin the parser's chunk). */
  readonly texts: string[] = [];

  constructor(initialCapacity = 1024) {
    super(initialCapacity);
  }

  /** Id of the cell `b[s, e)` with the tokenizer's hash `h`; a new text is decoded with `text`. */
  id(b: Uint8Array, s: number, e: number, h: number, text: ByteText): number {
    const len = e - s;
    const hh = mix(h ^ len);
    const table = this.table;
    for (let i = hh & this.mask; ; i = (i + 1) & this.mask) {
      const id = table[2 * i]! - 1;
      if (id === -1) {
        this.texts.push(own(text.decode(b, s, e)));
        return this.add(i, hh, b, s, e, false);
      }
      if (table[2 * i + 1] === hh && this.equal(id, b, s, len)) return id;
    }
  }
}

const utf8 = new TextEncoder();

/**
 * Normalized keys (user ids and e-mail addresses), kept as UTF-8. A cell that is plain printable
 * ASCII is looked up as it stands, with A–Z read as a–z (`idLower`); anything else is normalized as
 * a string first and looked up with `of`. The key's string is made only when it is asked for
 * (`text`): most of the user ids in a large file are never shown.
 */
export class KeyInterner extends BytePool {
  private buf = new Uint8Array(256);
  private strings: string[] = [];
  /** The pool holds UTF-8 only. */
  private utf8 = new ByteText('utf-8', false);

  /** The key as a string. */
  text(id: number): string {
    return (this.strings[id] ??= this.utf8.decode(this.pool, this.off[id]!, this.off[id + 1]!));
  }

  /** Whether the key has the shape of an e-mail address: one @ with text before it, a dot after it, no space. */
  emailShaped(id: number): boolean {
    const p = this.off[id]!;
    const e = this.off[id + 1]!;
    const pool = this.pool;
    let at = -1;
    for (let k = p; k < e; k++) {
      const c = pool[k]!;
      if (c === 32) return false;
      if (c === 64) {
        if (at !== -1) return false;
        at = k;
      }
    }
    if (at <= p || pool[e - 1] === 46) return false;
    for (let k = at + 2; k < e; k++) if (pool[k] === 46) return true;
    return false;
  }

  constructor(initialCapacity = 1024) {
    super(initialCapacity);
  }

  /**
   * Id of the key that `b[s, e)` lower-cases to (hash `h` from the tokenizer), added when new; -1
   * when the cell is not plain (white space, control characters or non-ASCII): then only the
   * string path can say what its key is.
   */
  idLower(b: Uint8Array, s: number, e: number, h: number): number {
    if (!plain(b, s, e)) return -1;
    const len = e - s;
    const hh = mix(h ^ len);
    const table = this.table;
    for (let i = hh & this.mask; ; i = (i + 1) & this.mask) {
      const id = table[2 * i]! - 1;
      if (id === -1) return this.add(i, hh, b, s, e, true);
      if (table[2 * i + 1] === hh && this.sameLower(id, b, s, e)) return id;
    }
  }

  /** Id of a key given as a string (added when new). */
  of(key: string): number {
    return this.look(key, true);
  }

  /** Id of a key given as a string, or -1 when it has not been seen (nothing is added). */
  find(key: string): number {
    return this.look(key, false);
  }

  private look(key: string, add: boolean): number {
    if (this.buf.length < key.length * 3) this.buf = new Uint8Array(key.length * 3);
    const len = utf8.encodeInto(key, this.buf).written;
    const b = this.buf;
    const hh = mix(hashBytes(b, 0, len) ^ len);
    const table = this.table;
    for (let i = hh & this.mask; ; i = (i + 1) & this.mask) {
      const id = table[2 * i]! - 1;
      if (id === -1) {
        if (!add) return -1;
        const n = this.add(i, hh, b, 0, len, false);
        this.strings[n] = key;
        return n;
      }
      if (table[2 * i + 1] === hh && this.equal(id, b, 0, len)) return id;
    }
  }
}

/** Whether every byte is printable ASCII (no white space, control characters or non-ASCII). */
function plain(b: Uint8Array, s: number, e: number): boolean {
  for (let k = s; k < e; k++) {
    const c = b[k]!;
    if (c <= 32 || c >= 127) return false;
  }
  return s < e;
}

/** ASCII white space as `String.prototype.trim` removes it (tab, line breaks, space). */
export const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);

/** Whether two ranges hold the same text (the strings may differ). */
export function sameText(a: string, as: number, ae: number, b: string, bs: number, be: number): boolean {
  if (ae - as !== be - bs) return false;
  for (let k = 0; k < ae - as; k++) if (a.charCodeAt(as + k) !== b.charCodeAt(bs + k)) return false;
  return true;
}

/**
 * A copy of a string that does not keep a large parent string alive. Substrings of a large string
 * can be slices that reference it; every kept value would then retain its whole chunk.
 */
export function own(s: string): string {
  // V8 copies substrings shorter than 13 characters; only longer ones can be slices.
  return s.length < 13 ? s : (s + ' ').slice(0, -1);
}

/**
 * Growable Int32Array with a fill value for new slots (dense maps from id to number). With the
 * fill value 0 new memory is not written at all: the system hands it out zeroed, page by page as
 * it is first used.
 */
export class IntMap {
  a: Int32Array;
  constructor(
    private readonly empty = -1,
    size = 1024,
  ) {
    this.a = this.make(size);
  }
  get(i: number): number {
    return i < this.a.length ? this.a[i]! : this.empty;
  }
  set(i: number, v: number) {
    if (i >= this.a.length) {
      let n = this.a.length * 2;
      while (n <= i) n *= 2;
      this.reserve(n);
    }
    this.a[i] = v;
  }
  /** Makes room for ids below `n`. */
  reserve(n: number) {
    if (n <= this.a.length) return;
    const b = this.make(n);
    b.set(this.a);
    this.a = b;
  }
  private make(n: number): Int32Array {
    const a = new Int32Array(n);
    return this.empty === 0 ? a : a.fill(this.empty);
  }
}

function mix(h: number): number {
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return h ^ (h >>> 12);
}
