/**
 * The CSV tokenizer behind `ingestRows`: splits decoded text into rows and fields without making
 * a string per field. Rows without a quote (nearly all rows in real exports) are split with
 * `indexOf` on the text; a row with a quote goes through a small state machine that handles
 * quoted fields, doubled quotes and line breaks inside quotes, also across chunk borders.
 *
 * Semantics (RFC 4180 as Excel writes it):
 * - A field is quoted only when it starts with `"`; a quote inside an unquoted field is a
 *   character like any other.
 * - After a closing quote only spaces may come before the delimiter or the line end; other text
 *   is kept as written and reported (`strayQuote`).
 * - A quote that is never closed (by the end of the file, or within `maxQuoted` characters) is
 *   reported (`unclosedQuote`), and that line is read as it stands, quotes included; the lines
 *   after it are read normally, so one stray quote cannot swallow the rest of the file.
 * - Lines end at `\n` (a `\r` before it is dropped) or, in files that use only `\r`, at `\r`.
 */

import { sameText } from './intern';

/**
 * One data row as the scanner hands it over: field `i` is `text.slice(start[i], end[i])`. The
 * object is reused for the next row; `get` makes a string only for the fields that are read.
 */
export class CsvRow {
  text = '';
  start = new Int32Array(32);
  end = new Int32Array(32);
  count = 0;

  /** Field `i` (empty when the row is shorter). */
  get(i: number): string {
    return i < this.count ? this.text.slice(this.start[i]!, this.end[i]!) : '';
  }
  /** Whether field `i` is empty or only white space (without making a string). */
  blank(i: number): boolean {
    if (i >= this.count) return true;
    const t = this.text;
    for (let k = this.start[i]!, e = this.end[i]!; k < e; k++) {
      const c = t.charCodeAt(k);
      if (c !== 32 && c !== 9 && c !== 13 && c !== 10 && c !== 0xa0 && c !== 0xfeff) return false;
    }
    return true;
  }
  /** Whether field `i` is exactly `s` (without making a string). */
  is(i: number, s: string): boolean {
    return i < this.count && sameText(this.text, this.start[i]!, this.end[i]!, s, 0, s.length);
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
    const s = new Int32Array(size);
    s.set(this.start);
    const e = new Int32Array(size);
    e.set(this.end);
    this.start = s;
    this.end = e;
  }
  /** Sets the row from separate values (quoted rows, records in memory, tests). */
  setFields(values: readonly string[]): this {
    this.grow(values.length);
    this.text = values.join('');
    let at = 0;
    for (let i = 0; i < values.length; i++) {
      this.start[i] = at;
      at += values[i]!.length;
      this.end[i] = at;
    }
    this.count = values.length;
    return this;
  }
}

/** A row made from values (records in memory, tests). */
export const rowOf = (values: readonly string[]) => new CsvRow().setFields(values);

export interface ScanHandler<R = CsvRow> {
  /** A row (empty lines included) and the physical line it starts on. */
  row(row: R, line: number): void;
  /** A quote that is never closed; the line was read as it stands. */
  unclosedQuote(line: number): void;
  /** Text between a closing quote and the delimiter; the field was read as it stands. */
  strayQuote(line: number): void;
}

const QUOTE = 34;
const CR = 13;
const SPACE = 32;

/**
 * A line that goes on past the limit without a line break: not a CSV file with one row per line.
 * Thrown rather than waited out, since every new piece would be joined to the ever longer line.
 */
export class LongLineError extends Error {
  constructor(
    readonly line: number,
    readonly limit: number,
  ) {
    super(`Linje ${line} er over ${Math.round(limit / (1 << 20))} MB lang uden linjeskift.`);
    this.name = 'LongLineError';
  }
}

export class RowScanner {
  /** The physical line number of the next row. */
  line = 1;
  private readonly row = new CsvRow();
  private readonly vals: string[] = [];
  private carry = '';
  private readonly d: number;
  private readonly nl: number;

  constructor(
    private readonly delimiter: string,
    private readonly newline: '\n' | '\r',
    private readonly on: ScanHandler,
    /** A quoted field longer than this is taken to be an unclosed quote. */
    private readonly maxQuoted = 16 << 20,
    /** A line longer than this without a line break ends the reading (`LongLineError`). */
    private readonly maxLine = Math.max(maxQuoted, 16 << 20),
  ) {
    this.d = delimiter.charCodeAt(0);
    this.nl = newline.charCodeAt(0);
  }

  /** Scans the next piece of text; with `last`, the end of the text also ends the last row. */
  push(chunk: string, last: boolean) {
    // join makes a flat string; `carry + chunk` would make a cons string, slower to read.
    const s = this.carry.length ? [this.carry, chunk].join('') : chunk;
    const pos = this.rows(s, last);
    this.carry = pos < s.length ? s.substring(pos) : '';
    if (this.carry.length > this.maxLine) throw new LongLineError(this.line, this.maxLine);
  }

  /**
   * The row loop, kept apart from `push` so that the optimizing compiler, which enters this loop
   * while it runs, never meets code after the loop that it has no type information for (that
   * made it throw the optimized code away once per chunk).
   */
  private rows(s: string, last: boolean): number {
    const n = s.length;
    const { row, on, delimiter, newline } = this;
    const crlf = this.nl === 10;
    let pos = 0;
    let q = -2; // next quote at or after pos (-1: none in the text)
    let dl = -2; // next delimiter at or after the current field
    while (pos < n) {
      let nl = s.indexOf(newline, pos);
      if (nl === -1) {
        if (!last) break;
        nl = n;
      }
      if (q !== -1 && q < pos) q = s.indexOf('"', pos);
      if (q !== -1 && q < nl) {
        const next = this.quotedRow(s, pos, last);
        if (next === -1) break;
        pos = next;
        continue;
      }
      let end = nl;
      if (crlf && end > pos && s.charCodeAt(end - 1) === CR) end--;
      let f = 0;
      let a = pos;
      for (;;) {
        if (dl !== -1 && dl < a) dl = s.indexOf(delimiter, a);
        if (f === row.start.length) row.grow(f + 1);
        row.start[f] = a;
        if (dl === -1 || dl >= end) {
          row.end[f++] = end;
          break;
        }
        row.end[f++] = dl;
        a = dl + 1;
      }
      row.count = f;
      row.text = s;
      on.row(row, this.line++);
      pos = nl + 1;
    }
    return pos;
  }

  /** Index after the line end at `i`, or -1 when `i` is not at a line end. */
  private lineEnd(s: string, i: number, last: boolean): number {
    const c = s.charCodeAt(i);
    if (c === this.nl) return i + 1;
    if (c === CR && this.nl === 10) {
      if (i + 1 < s.length) return s.charCodeAt(i + 1) === 10 ? i + 2 : -1;
      return last ? i + 1 : -1;
    }
    return -1;
  }

  /** End of an unquoted field starting at `i`: the delimiter or line end, or -1 for more text. */
  private fieldEnd(s: string, i: number, last: boolean): number {
    const n = s.length;
    let d = s.indexOf(this.delimiter, i);
    let e = s.indexOf(this.newline, i);
    if (e === -1) {
      if (!last) return -1;
      e = n;
    }
    // A CR before the line end (or at the very end of the file) is not part of the field.
    if (this.nl === 10 && e > i && s.charCodeAt(e - 1) === CR) e--;
    if (d !== -1 && d < e) return d;
    return e;
  }

  /** Reads a row that contains a quote. Returns the index after it, or -1 for more text. */
  private quotedRow(s: string, pos: number, last: boolean): number {
    const n = s.length;
    const vals = this.vals;
    vals.length = 0;
    let stray = false;
    let i = pos;
    let next = n;
    for (;;) {
      let val: string;
      if (i < n && s.charCodeAt(i) === QUOTE) {
        let seg = i + 1;
        val = '';
        for (;;) {
          const k = s.indexOf('"', seg);
          if (k === -1 || (k + 1 === n && !last)) {
            if (!last && n - pos < this.maxQuoted) return -1;
            return this.unclosed(s, pos, last);
          }
          if (s.charCodeAt(k + 1) === QUOTE) {
            val += s.slice(seg, k + 1);
            seg = k + 2;
            continue;
          }
          val += s.slice(seg, k);
          i = k + 1;
          break;
        }
        let k = i;
        while (k < n && s.charCodeAt(k) === SPACE) k++;
        if (k === n && !last) return -1;
        if (k < n && s.charCodeAt(k) !== this.d && this.lineEnd(s, k, last) === -1) {
          stray = true;
          const e = this.fieldEnd(s, i, last);
          if (e === -1) return -1;
          val += s.slice(i, e);
          i = e;
        } else i = k;
      } else {
        const e = this.fieldEnd(s, i, last);
        if (e === -1) return -1;
        val = s.slice(i, e);
        i = e;
      }
      vals.push(val);
      if (i < n && s.charCodeAt(i) === this.d) {
        i++;
        continue;
      }
      if (i < n) {
        next = this.lineEnd(s, i, last);
        if (next === -1) return -1;
      } else next = n;
      break;
    }
    const line = this.line;
    this.line += countOf(s, this.newline, pos, i) + 1;
    this.on.row(this.row.setFields(vals), line);
    if (stray) this.on.strayQuote(line);
    return next;
  }

  /** An unclosed quote: report it and read the line as it stands. */
  private unclosed(s: string, pos: number, last: boolean): number {
    const n = s.length;
    let nl = s.indexOf(this.newline, pos);
    if (nl === -1) nl = n;
    let end = nl;
    if (this.nl === 10 && end > pos && s.charCodeAt(end - 1) === CR) end--;
    const line = this.line++;
    this.on.unclosedQuote(line);
    this.on.row(this.row.setFields(s.slice(pos, end).split(this.delimiter)), line);
    void last;
    return nl + 1;
  }
}

function countOf(s: string, c: string, from: number, to: number): number {
  let k = 0;
  for (let i = s.indexOf(c, from); i !== -1 && i < to; i = s.indexOf(c, i + 1)) k++;
  return k;
}
