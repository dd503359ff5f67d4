/**
 * Interning of text ranges: gives each distinct piece of text a small integer id, reading the
 * characters straight from the parser's chunk, so a string is made only the first time a text is
 * seen. At a million rows with half a million distinct user ids this is what keeps the checks
 * near the speed of a bare parse: a `Map<string, …>` would need a new string per row and per
 * field, and the garbage that comes with it.
 *
 * Open addressing over an Int32Array of ids; per id the text and its hash. Texts are compared
 * character by character only when the hashes agree.
 */
export class TextInterner {
  /** The text of each id (a copy that does not pin the parser's chunk). */
  readonly texts: string[] = [];
  /** Two ints per slot: id + 1 (0 = empty) and the text's hash, side by side in memory. */
  private table: Int32Array;
  private mask: number;

  constructor(initialCapacity = 1024) {
    let cap = 16;
    while (cap < initialCapacity * 2) cap <<= 1;
    this.table = new Int32Array(cap * 2);
    this.mask = cap - 1;
  }

  get size() {
    return this.texts.length;
  }

  /**
   * Front cache: a slot per cheap fingerprint (length and three characters) with the id last seen
   * there. Columns with few distinct values (systems, roles, names) are answered from here with
   * one comparison and no hashing.
   */
  private front = new Int32Array(256).fill(-1);

  /** Id of `text.slice(start, end)`; a text not seen before gets the next id (`size` grows). */
  id(text: string, start: number, end: number): number {
    const len = end - start;
    const f = len ? (len * 31 + text.charCodeAt(start) * 7 + text.charCodeAt(start + (len >> 1)) * 3 + text.charCodeAt(end - 1)) & 255 : 0;
    const c = this.front[f]!;
    if (c !== -1) {
      const t = this.texts[c]!;
      if (t.length === len && same(t, text, start)) return c;
    }
    const id = this.lookup(text, start, end);
    this.front[f] = id;
    return id;
  }

  private lookup(text: string, start: number, end: number): number {
    return this.probe(text, start, end, hashOf(text, start, end), false);
  }

  /**
   * Id of the text trimmed and in lower case, for the usual plain ASCII text (user ids, e-mail
   * addresses), without making a string unless the text is new. Returns -1 when the text is empty
   * or not plain (non-ASCII, control characters or white space inside); the caller then makes the
   * string and normalizes it the slow way. Agrees with `of(text.trim().toLowerCase())`.
   */
  idLower(text: string, start: number, end: number): number {
    while (start < end && isSpace(text.charCodeAt(start))) start++;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    if (start === end) return -1;
    let h = 0x811c9dc5 ^ (end - start);
    let upper = false;
    for (let k = start; k < end; k++) {
      let c = text.charCodeAt(k);
      if (c <= 32 || c >= 127) return -1;
      if (c >= 65 && c <= 90) {
        c += 32;
        upper = true;
      }
      h = Math.imul(h ^ c, 0x01000193);
    }
    return this.probe(text, start, end, mix(h), upper);
  }

  /** Finds or adds the text with hash `h` (`lower`: the text has capitals, read as a–z). */
  private probe(text: string, start: number, end: number, h: number, lower: boolean): number {
    const len = end - start;
    const table = this.table;
    const mask = this.mask;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const id = table[2 * s]! - 1;
      if (id === -1) {
        const n = this.texts.length;
        table[2 * s] = n + 1;
        table[2 * s + 1] = h;
        const t = text.slice(start, end);
        this.texts.push(own(lower ? t.toLowerCase() : t));
        if (n * 2 >= mask) this.grow();
        return n;
      }
      if (table[2 * s + 1] === h) {
        const t = this.texts[id]!;
        if (t.length === len && (lower ? sameLower(t, text, start) : same(t, text, start))) return id;
      }
    }
  }

  /** Id of a whole string (added when new). */
  of(s: string): number {
    return this.id(s, 0, s.length);
  }

  /** Id of a whole string, or -1 when it has not been seen (nothing is added). */
  find(s: string): number {
    const h = hashOf(s, 0, s.length);
    for (let i = h & this.mask; ; i = (i + 1) & this.mask) {
      const id = this.table[2 * i]! - 1;
      if (id === -1) return -1;
      if (this.table[2 * i + 1] === h && this.texts[id] === s) return id;
    }
  }

  private grow() {
    const old = this.table;
    const cap = (this.mask + 1) * 2;
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

/** Whether `text` holds `t` at `start` (a loop beats `startsWith`'s call overhead on short texts). */
function same(t: string, text: string, start: number): boolean {
  for (let k = 0; k < t.length; k++) if (t.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}

/** ASCII white space as `String.prototype.trim` removes it (tab, line breaks, space). */
export const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);

/** Like `same`, with A–Z in `text` read as a–z. */
function sameLower(t: string, text: string, start: number): boolean {
  for (let k = 0; k < t.length; k++) {
    let c = text.charCodeAt(start + k);
    if (c >= 65 && c <= 90) c += 32;
    if (c !== t.charCodeAt(k)) return false;
  }
  return true;
}

/** FNV-1a over the characters, with a final mix so that the low bits spread well. */
function hashOf(text: string, start: number, end: number): number {
  let h = 0x811c9dc5 ^ (end - start);
  for (let k = start; k < end; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
  return mix(h);
}

function mix(h: number): number {
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return h ^ (h >>> 12);
}

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

/** Growable Int32Array with a fill value for new slots (dense maps from id to number). */
export class IntMap {
  a: Int32Array;
  constructor(
    private readonly empty = -1,
    size = 1024,
  ) {
    this.a = new Int32Array(size).fill(empty);
  }
  get(i: number): number {
    return i < this.a.length ? this.a[i]! : this.empty;
  }
  set(i: number, v: number) {
    if (i >= this.a.length) {
      let n = this.a.length * 2;
      while (n <= i) n *= 2;
      const b = new Int32Array(n).fill(this.empty);
      b.set(this.a);
      this.a = b;
    }
    this.a[i] = v;
  }
}
