/**
 * The byte tokenizer behind `ingestByteRows`: the same rows and fields as `RowScanner` (scan.ts,
 * whose semantics it follows to the letter), read straight from the file's bytes instead of
 * decoded text. While it looks for delimiters it also hashes every field, so a checker can look a
 * cell up in a table without reading its characters a second time, and a string is decoded only
 * for a text not seen before.
 *
 * Works for any encoding in which the delimiter, quote, CR and LF are single ASCII bytes that never
 * occur inside another character: UTF-8 and Windows-1252. (UTF-16 files are transcoded to UTF-8
 * before they get here.) Which of the two a file is, is settled the first time a field that is
 * not plain ASCII is decoded (`ByteText`).
 */
import { LongLineError, type ScanHandler } from './scan';

const P = 0x01000193;
/** Start value of the field hash (FNV-1a offset basis). */
export const FNV0 = 0x811c9dc5 | 0;

/**
 * The scanner's field hash: FNV-1a over the bytes with bit 0x20 set, so ASCII letters count the
 * same in either case (a table of case-insensitive keys can use it as is). Texts that differ only
 * in case, or in a few punctuation pairs, share a hash; tables always compare the bytes as well.
 */
export function hashBytes(b: Uint8Array, s: number, e: number): number {
  let h = FNV0;
  for (let k = s; k < e; k++) h = Math.imul(h ^ (b[k]! | 0x20), P);
  return h;
}

const EMPTY = new Uint8Array(0);
const utf8 = new TextEncoder();

/**
 * Decodes field bytes to strings for one file. Starts as UTF-8; the first field that is not valid
 * UTF-8 switches the file to Windows-1252 (unless a BOM promised UTF-8: then invalid bytes become
 * replacement characters), as the text decoder in `ingest.ts` does for whole chunks.
 */
export class ByteText {
  /** Whether a field with non-ASCII UTF-8 was decoded before a switch. */
  sawMultibyte = false;
  /** Called once, when the file turns out not to be UTF-8. */
  onSwitch: (() => void) | null = null;
  private strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  private cp1252: TextDecoder | null = null;
  constructor(
    public encoding: 'utf-8' | 'windows-1252' = 'utf-8',
    /** False when the encoding is certain (BOM, transcoded UTF-16). */
    private readonly canSwitch = true,
  ) {}

  decode(b: Uint8Array, s: number, e: number): string {
    let ascii = true;
    for (let k = s; k < e; k++)
      if (b[k]! >= 0x80) {
        ascii = false;
        break;
      }
    if (ascii) return e - s <= 512 ? String.fromCharCode.apply(null, b.subarray(s, e) as unknown as number[]) : this.strict.decode(b.subarray(s, e));
    if (this.encoding === 'windows-1252') return (this.cp1252 ??= new TextDecoder('windows-1252')).decode(b.subarray(s, e));
    try {
      const t = this.strict.decode(b.subarray(s, e));
      this.sawMultibyte = true;
      return t;
    } catch {
      if (!this.canSwitch) return new TextDecoder('utf-8', { ignoreBOM: true }).decode(b.subarray(s, e));
      this.encoding = 'windows-1252';
      this.onSwitch?.();
      return this.decode(b, s, e);
    }
  }
}

const isBlankByte = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/**
 * One data row as the byte scanner hands it over: field `i` is `bytes[start[i], end[i])` with
 * hash `hash[i]` (see `hashBytes`). The object is reused for the next row.
 */
export class ByteRow {
  bytes: Uint8Array = EMPTY;
  start = new Int32Array(32);
  end = new Int32Array(32);
  hash = new Int32Array(32);
  count = 0;
  constructor(public text: ByteText = new ByteText()) {}

  /** Field `i` as a string (empty when the row is shorter). */
  get(i: number): string {
    return i < this.count ? this.text.decode(this.bytes, this.start[i]!, this.end[i]!) : '';
  }
  /** Whether field `i` is empty or only white space (as `CsvRow.blank`: also no-break space and BOM). */
  blank(i: number): boolean {
    if (i >= this.count) return true;
    const b = this.bytes;
    for (let k = this.start[i]!, e = this.end[i]!; k < e; k++) {
      const c = b[k]!;
      if (c < 0x80) {
        if (!isBlankByte(c)) return false;
      } else return this.get(i).replace(/[ \t\r\n\u00a0\ufeff]/g, '') === '';
    }
    return true;
  }
  /** Whether fields `i` and `j` hold the same bytes. */
  same(i: number, j: number): boolean {
    if (i >= this.count || j >= this.count) return false;
    const b = this.bytes;
    const a = this.start[i]!;
    const c = this.start[j]!;
    const n = this.end[i]! - a;
    if (n !== this.end[j]! - c || this.hash[i] !== this.hash[j]) return false;
    for (let k = 0; k < n; k++) if (b[a + k] !== b[c + k]) return false;
    return true;
  }
  /** All fields as strings (headers, samples, tests). */
  fields(): string[] {
    const out = new Array<string>(this.count);
    for (let i = 0; i < this.count; i++) out[i] = this.get(i);
    return out;
  }
  /** Makes room for at least `n` fields. */
  grow(n: number) {
    if (n <= this.start.length) return;
    let size = this.start.length;
    while (size < n) size *= 2;
    const copy = (a: Int32Array) => {
      const b = new Int32Array(size);
      b.set(a);
      return b;
    };
    this.start = copy(this.start);
    this.end = copy(this.end);
    this.hash = copy(this.hash);
  }
  /** Sets the row from separate values, encoded as UTF-8 (records in memory, tests). */
  setFields(values: readonly string[]): this {
    const parts = values.map((v) => utf8.encode(v));
    let size = 0;
    for (const p of parts) size += p.length;
    const b = new Uint8Array(size);
    this.grow(values.length);
    let at = 0;
    for (let i = 0; i < parts.length; i++) {
      b.set(parts[i]!, at);
      this.start[i] = at;
      at += parts[i]!.length;
      this.end[i] = at;
      this.hash[i] = hashBytes(b, this.start[i]!, at);
    }
    this.bytes = b;
    this.count = values.length;
    return this;
  }
}

/** A byte row made from values (records in memory, tests). */
export const byteRowOf = (values: readonly string[], text?: ByteText) => new ByteRow(text).setFields(values);

const QUOTE = 34;
const CR = 13;
const LF = 10;
const SPACE = 32;

/** Growable byte buffer for the values of quoted rows. */
class Scratch {
  b = new Uint8Array(1024);
  n = 0;
  add(src: Uint8Array, s: number, e: number) {
    const need = this.n + (e - s);
    if (need > this.b.length) {
      let size = this.b.length * 2;
      while (size < need) size *= 2;
      const b = new Uint8Array(size);
      b.set(this.b.subarray(0, this.n));
      this.b = b;
    }
    this.b.set(src.subarray(s, e), this.n);
    this.n = need;
  }
}

export class ByteScanner {
  /** The physical line number of the next row. */
  line = 1;
  readonly row: ByteRow;
  private carry: Uint8Array | null = null;
  private readonly d: number;
  private readonly nl: number;
  /** Per byte value: 1 for the bytes the row loop must stop at (delimiter, quote, CR, LF). */
  private readonly special = new Uint8Array(256);
  private readonly scratch = new Scratch();
  private readonly vs: number[] = [];

  constructor(
    delimiter: string,
    newline: '\n' | '\r',
    private readonly on: ScanHandler<ByteRow>,
    text: ByteText,
    /** A quoted field longer than this many bytes is taken to be an unclosed quote. */
    private readonly maxQuoted = 16 << 20,
    /** A line longer than this many bytes without a line break ends the reading (`LongLineError`). */
    private readonly maxLine = Math.max(maxQuoted, 16 << 20),
  ) {
    this.d = delimiter.charCodeAt(0);
    this.nl = newline.charCodeAt(0);
    this.row = new ByteRow(text);
    for (const c of [this.d, QUOTE, CR, LF]) this.special[c] = 1;
  }

  /** Scans the next piece of bytes; with `last`, the end of the bytes also ends the last row. */
  push(chunk: Uint8Array, last: boolean) {
    // A Buffer (Node) is a subclass; plain Uint8Arrays keep the row loop's element access simple.
    let b = chunk.constructor === Uint8Array ? chunk : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let from = 0;
    const carry = this.carry;
    if (carry) {
      const lf = carry.indexOf(QUOTE) === -1 ? b.indexOf(this.nl) : -1;
      let done = false;
      if (lf !== -1 && b.subarray(0, lf).indexOf(QUOTE) === -1) {
        // The row cut off at the end of the last piece ends in this one: scan it on its own,
        // then the rest of the piece where it lies, without copying the piece.
        const head = new Uint8Array(carry.length + lf + 1);
        head.set(carry);
        head.set(b.subarray(0, lf + 1), carry.length);
        if (this.rows(head, 0, false) === head.length) {
          from = lf + 1;
          done = true;
        }
      }
      if (!done) {
        // A row with quotes (maybe a line break inside them), or longer than the piece.
        const joined = new Uint8Array(carry.length + b.length);
        joined.set(carry);
        joined.set(b, carry.length);
        b = joined;
      }
    }
    const pos = this.rows(b, from, last);
    this.carry = pos < b.length ? b.slice(pos) : null;
    if (this.carry && this.carry.length > this.maxLine) throw new LongLineError(this.line, this.maxLine);
  }

  /** The row loop (see `RowScanner.rows` for why it is a function of its own). */
  private rows(b: Uint8Array, pos: number, last: boolean): number {
    const n = b.length;
    const { row, on, special } = this;
    const d = this.d;
    const nl = this.nl;
    const crlf = nl === LF;
    let st = row.start;
    let en = row.end;
    let hs = row.hash;
    while (pos < n) {
      let f = 0;
      let a = pos;
      let h = FNV0;
      let k = pos;
      let end = -1; // end of the row's text
      let next = -1; // start of the next row
      for (;;) {
        let c = 0;
        while (k < n && special[(c = b[k]!)] === 0) {
          h = Math.imul(h ^ (c | 0x20), P);
          k++;
        }
        if (k >= n) break;
        if (c === d) {
          st[f] = a;
          en[f] = k;
          hs[f++] = h;
          // Always room for one more field, so the row's last field needs no check.
          if (f === st.length) {
            row.grow(f + 1);
            st = row.start;
            en = row.end;
            hs = row.hash;
          }
          a = ++k;
          h = FNV0;
          continue;
        }
        if (c === nl) {
          end = k;
          next = k + 1;
          break;
        }
        if (c === QUOTE) {
          if (k === a) break; // a quoted field: the row goes the slow way
        } else if (c === CR && crlf) {
          if (k + 1 < n) {
            if (b[k + 1] === LF) {
              end = k;
              next = k + 2;
              break;
            }
          } else if (!last) break; // more bytes may bring the LF
          else {
            end = k;
            next = n; // "\r" at the very end of the file ends the last line
            break;
          }
        }
        h = Math.imul(h ^ (c | 0x20), P);
        k++;
      }
      if (end === -1) {
        if (k < n && b[k] === QUOTE) {
          // Like the text tokenizer, read a quoted row only once a line end is in sight.
          if (!last && b.indexOf(nl, k) === -1) break;
          const after = this.quotedRow(b, pos, last);
          if (after === -1) break;
          st = row.start;
          en = row.end;
          hs = row.hash;
          pos = after;
          continue;
        }
        if (!last) break;
        end = n;
        next = n;
      }
      st[f] = a;
      en[f] = end;
      hs[f++] = h;
      row.count = f;
      row.bytes = b;
      on.row(row, this.line++);
      pos = next;
    }
    return pos;
  }

  /** Index after the line end at `i`, or -1 when `i` is not at a line end. */
  private lineEnd(b: Uint8Array, i: number, last: boolean): number {
    const c = b[i]!;
    if (c === this.nl) return i + 1;
    if (c === CR && this.nl === LF) {
      if (i + 1 < b.length) return b[i + 1] === LF ? i + 2 : -1;
      return last ? i + 1 : -1;
    }
    return -1;
  }

  /** End of an unquoted field starting at `i`: the delimiter or line end, or -1 for more bytes. */
  private fieldEnd(b: Uint8Array, i: number, last: boolean): number {
    const n = b.length;
    let d = b.indexOf(this.d, i);
    let e = b.indexOf(this.nl, i);
    if (e === -1) {
      if (!last) return -1;
      e = n;
    }
    // A CR before the line end (or at the very end of the file) is not part of the field.
    if (this.nl === LF && e > i && b[e - 1] === CR) e--;
    if (d !== -1 && d < e) return d;
    return e;
  }

  /** Reads a row that has a quoted field. Returns the index after it, or -1 for more bytes. */
  private quotedRow(b: Uint8Array, pos: number, last: boolean): number {
    const n = b.length;
    const sc = this.scratch;
    const vs = this.vs; // start of each value in the scratch buffer
    sc.n = 0;
    vs.length = 0;
    let stray = false;
    let i = pos;
    let next = n;
    for (;;) {
      vs.push(sc.n);
      if (i < n && b[i] === QUOTE) {
        let seg = i + 1;
        for (;;) {
          const k = b.indexOf(QUOTE, seg);
          if (k === -1 || (k + 1 === n && !last)) {
            if (!last && n - pos < this.maxQuoted) return -1;
            return this.unclosed(b, pos);
          }
          if (b[k + 1] === QUOTE) {
            sc.add(b, seg, k + 1);
            seg = k + 2;
            continue;
          }
          sc.add(b, seg, k);
          i = k + 1;
          break;
        }
        let k = i;
        while (k < n && b[k] === SPACE) k++;
        if (k === n && !last) return -1;
        if (k < n && b[k] !== this.d && this.lineEnd(b, k, last) === -1) {
          stray = true;
          const e = this.fieldEnd(b, i, last);
          if (e === -1) return -1;
          sc.add(b, i, e);
          i = e;
        } else i = k;
      } else {
        const e = this.fieldEnd(b, i, last);
        if (e === -1) return -1;
        sc.add(b, i, e);
        i = e;
      }
      if (i < n && b[i] === this.d) {
        i++;
        continue;
      }
      if (i < n) {
        next = this.lineEnd(b, i, last);
        if (next === -1) return -1;
      } else next = n;
      break;
    }
    const line = this.line;
    this.line += countOf(b, this.nl, pos, i) + 1;
    const row = this.row;
    row.grow(vs.length);
    for (let f = 0; f < vs.length; f++) {
      row.start[f] = vs[f]!;
      row.end[f] = f + 1 < vs.length ? vs[f + 1]! : sc.n;
      row.hash[f] = hashBytes(sc.b, row.start[f]!, row.end[f]!);
    }
    row.count = vs.length;
    // A buffer of its own: a caller may keep a reference to the row's bytes until the next row.
    row.bytes = sc.b.slice(0, sc.n);
    this.on.row(row, line);
    if (stray) this.on.strayQuote(line);
    return next;
  }

  /** An unclosed quote: report it and read the line as it stands. */
  private unclosed(b: Uint8Array, pos: number): number {
    const n = b.length;
    let nl = b.indexOf(this.nl, pos);
    if (nl === -1) nl = n;
    let end = nl;
    if (this.nl === LF && end > pos && b[end - 1] === CR) end--;
    const line = this.line++;
    this.on.unclosedQuote(line);
    const row = this.row;
    let f = 0;
    let a = pos;
    for (;;) {
      let e = b.indexOf(this.d, a);
      if (e === -1 || e > end) e = end;
      row.grow(f + 1);
      row.start[f] = a;
      row.end[f] = e;
      row.hash[f++] = hashBytes(b, a, e);
      if (e === end) break;
      a = e + 1;
    }
    row.count = f;
    row.bytes = b;
    this.on.row(row, line);
    return nl + 1;
  }
}

function countOf(b: Uint8Array, c: number, from: number, to: number): number {
  let k = 0;
  for (let i = b.indexOf(c, from); i !== -1 && i < to; i = b.indexOf(c, i + 1)) k++;
  return k;
}
