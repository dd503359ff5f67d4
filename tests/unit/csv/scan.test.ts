import { describe, it, expect } from 'vitest';
import { RowScanner, rowOf, CsvRow } from '../../../src/lib/csv/scan';
import { rng, scan, wellFormed, WELL_FORMED_DIALECTS } from './scan-helper';

describe('RowScanner agrees with papaparse on well-formed CSV', () => {
  const alphabet = ['a', 'b', 'æ', 'ø', ' ', ';', ',', '"', '\n', '\r\n', '\t', '1', '.', 'Å'];
  for (const [delim, eol] of WELL_FORMED_DIALECTS) {
    it(`delimiter ${JSON.stringify(delim)}, line end ${JSON.stringify(eol)}: same rows for 300 random files in random chunks`, () => {
      const r = rng(delim.charCodeAt(0) * 31 + eol.length);
      for (let t = 0; t < 300; t++) {
        const { text, data, want } = wellFormed(r, alphabet, delim, eol);
        const size = 1 + Math.floor(r() * 20);
        const got = scan(text, size, delim);
        expect(got.rows.map((x) => x.f), `text ${JSON.stringify(text)} in pieces of ${size}`).toEqual(want);
        expect(got.rows.map((x) => x.f)).toEqual(data);
        expect(got.unclosed).toEqual([]);
        expect(got.stray).toEqual([]);
      }
    });
  }
});

describe('RowScanner', () => {
  it('numbers rows by the physical line they start on, also with newlines inside quotes', () => {
    const got = scan('a;b\n1;"x\ny\nz"\n2;3\n\n4;5', 3);
    expect(got.rows.map((x) => [x.line, x.f])).toEqual([
      [1, ['a', 'b']],
      [2, ['1', 'x\ny\nz']],
      [5, ['2', '3']],
      [6, ['']],
      [7, ['4', '5']],
    ]);
  });
  it('drops the \\r of CRLF also in rows that mix line ends', () => {
    expect(scan('a;b\r\n1;2\n3;4\r\n', 2).rows.map((x) => x.f)).toEqual([['a', 'b'], ['1', '2'], ['3', '4']]);
  });
  it('reads files that end lines with \\r only', () => {
    expect(scan('a;b\r1;2\r', 1, ';', '\r').rows.map((x) => [x.line, x.f])).toEqual([[1, ['a', 'b']], [2, ['1', '2']]]);
  });
  it('treats a quote inside an unquoted field as a character', () => {
    const got = scan('mål;navn\n5";Jens "JJ" Hansen\n', 4);
    expect(got.rows[1]!.f).toEqual(['5"', 'Jens "JJ" Hansen']);
    expect(got.stray).toEqual([]);
  });
  it('allows spaces after a closing quote and reports other text there', () => {
    const got = scan('"a" ;"b"x;c\n', 100);
    expect(got.rows[0]!.f).toEqual(['a', 'bx', 'c']);
    expect(got.stray).toEqual([1]);
  });
  it('reads the line of an unclosed quote as it stands and goes on with the next lines', () => {
    const got = scan('a;b\n1;"åben\n2;3\n4;5\n', 5);
    expect(got.unclosed).toEqual([2]);
    expect(got.rows.map((x) => [x.line, x.f])).toEqual([
      [1, ['a', 'b']],
      [2, ['1', '"åben']],
      [3, ['2', '3']],
      [4, ['4', '5']],
    ]);
  });
  it('gives up on a quoted field longer than the limit instead of holding the rest of the file', () => {
    const body = 'x;y\n' + '1;2\n'.repeat(100);
    const got = scan('a;"b\n' + body, 16, ';', '\n', 64);
    expect(got.unclosed).toEqual([1]);
    expect(got.rows).toHaveLength(102);
    expect(got.rows.at(-1)).toEqual({ f: ['1', '2'], line: 102 });
  });
  it('keeps a doubled quote split across pieces', () => {
    for (let size = 1; size < 12; size++) expect(scan('"a""b";"""";c', size).rows[0]!.f).toEqual(['a"b', '"', 'c']);
  });
  it('reads a file without delimiters (one column)', () => {
    const text = 'id\n' + '12345678\n'.repeat(200_000);
    let n = 0;
    const s = new RowScanner(';', '\n', { row: () => void n++, unclosedQuote() {}, strayQuote() {} });
    s.push(text, true);
    expect(n).toBe(200_001);
  });
});

describe('CsvRow', () => {
  it('answers questions about fields without making strings', () => {
    const r = rowOf(['  ', 'abc', '']);
    expect(r.blank(0)).toBe(true);
    expect(r.blank(1)).toBe(false);
    expect(r.blank(2)).toBe(true);
    expect(r.blank(7)).toBe(true);
    expect(r.is(1, 'abc')).toBe(true);
    expect(r.is(1, 'ab')).toBe(false);
    expect(r.get(5)).toBe('');
    expect(r.fields()).toEqual(['  ', 'abc', '']);
  });
  it('grows past its initial capacity', () => {
    const vals = Array.from({ length: 100 }, (_, i) => String(i));
    const r = new CsvRow().setFields(vals);
    expect(r.count).toBe(100);
    expect(r.get(99)).toBe('99');
    const got = scan(vals.join(';') + '\n', 7);
    expect(got.rows[0]!.f).toEqual(vals);
  });
});
