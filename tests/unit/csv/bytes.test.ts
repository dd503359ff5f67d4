import { describe, it, expect } from 'vitest';
import { rowOf } from '../../../src/lib/csv/scan';
import { rng, scan, wellFormed, WELL_FORMED_DIALECTS, type Got } from './scan-helper';
import { ByteScanner, ByteText, byteRowOf, hashBytes } from '../../../src/lib/csv/bytes';

const enc = new TextEncoder();

/** Scans `text` as UTF-8 bytes cut into pieces of `size` bytes, checking each field's hash. */
function scanBytes(text: string, size: number, delimiter = ';', newline: '\n' | '\r' = '\n', maxQuoted?: number): Got {
  const got: Got = { rows: [], unclosed: [], stray: [] };
  const s = new ByteScanner(
    delimiter,
    newline,
    {
      row: (r, line) => {
        for (let i = 0; i < r.count; i++) expect(r.hash[i]).toBe(hashBytes(r.bytes, r.start[i]!, r.end[i]!));
        got.rows.push({ f: r.fields(), line });
      },
      unclosedQuote: (l) => got.unclosed.push(l),
      strayQuote: (l) => got.stray.push(l),
    },
    new ByteText(),
    maxQuoted,
  );
  const b = enc.encode(text);
  if (!b.length) s.push(b, true);
  for (let i = 0; i < b.length; i += size) s.push(b.slice(i, i + size), i + size >= b.length);
  return got;
}

describe('ByteScanner agrees with papaparse on well-formed CSV', () => {
  const alphabet = ['a', 'B', 'æ', 'Ø', ' ', ';', ',', '"', '\n', '\r\n', '\t', '1', '.', 'Å', '€'];
  for (const [delim, eol] of WELL_FORMED_DIALECTS) {
    it(`delimiter ${JSON.stringify(delim)}, line end ${JSON.stringify(eol)}: same rows for 300 random files in random byte pieces`, () => {
      const r = rng(delim.charCodeAt(0) * 17 + eol.length);
      for (let t = 0; t < 300; t++) {
        const { text, data, want } = wellFormed(r, alphabet, delim, eol);
        const size = 1 + Math.floor(r() * 20);
        const got = scanBytes(text, size, delim);
        expect(got.rows.map((x) => x.f), `text ${JSON.stringify(text)} in pieces of ${size}`).toEqual(want);
        expect(got.rows.map((x) => x.f)).toEqual(data);
        expect(got.unclosed).toEqual([]);
        expect(got.stray).toEqual([]);
      }
    });
  }
});

describe('ByteScanner reads hostile text exactly as the text tokenizer does', () => {
  // Unbalanced and stray quotes, lone CRs, spaces after quotes, empty lines, non-ASCII.
  const alphabet = ['a', 'Z', 'ø', ' ', ';', '"', '""', '\n', '\r', '\r\n', '1', '€', '" ', 'x"'];
  for (const newline of ['\n', '\r'] as const) {
    it(`line end ${JSON.stringify(newline)}: 1,500 random texts in random pieces give the same rows, lines and reports`, () => {
      const r = rng(newline.charCodeAt(0) * 7919);
      for (let t = 0; t < 1500; t++) {
        let text = '';
        for (let i = 0, n = Math.floor(r() * 40); i < n; i++) text += alphabet[Math.floor(r() * alphabet.length)]!;
        const ascii = !/[^\x00-\x7f]/.test(text);
        // Pieces in characters and bytes coincide only for ASCII; the result must not depend on them.
        const size = ascii ? 1 + Math.floor(r() * 9) : 1000;
        const maxQuoted = r() < 0.2 ? 8 : undefined;
        const want = scan(text, size, ';', newline, maxQuoted);
        const got = scanBytes(text, size, ';', newline, maxQuoted);
        expect(got, `text ${JSON.stringify(text)} in pieces of ${size}`).toEqual(want);
      }
    });
  }
  it('numbers rows by the line they start on, with newlines inside quotes and CRLF', () => {
    const text = 'a;b\r\n1;"x\r\ny\nz"\r\n2;3\r\n\r\n4;5';
    for (let size = 1; size < 10; size++) expect(scanBytes(text, size)).toEqual(scan(text, 1000));
  });
  it('keeps a doubled quote split across pieces', () => {
    for (let size = 1; size < 12; size++) expect(scanBytes('"a""b";"""";c', size).rows[0]!.f).toEqual(['a"b', '"', 'c']);
  });
  it('gives up on a quoted field longer than the limit instead of holding the rest of the file', () => {
    const got = scanBytes('a;"b\n' + 'x;y\n' + '1;2\n'.repeat(100), 16, ';', '\n', 64);
    expect(got.unclosed).toEqual([1]);
    expect(got.rows).toHaveLength(102);
    expect(got.rows.at(-1)).toEqual({ f: ['1', '2'], line: 102 });
  });
});

describe('ByteRow', () => {
  it('answers like CsvRow for blank fields, also with no-break space and BOM', () => {
    const vals = ['  ', 'abc', '', '\u00a0 \t', '\ufeff', ' x ', '\u000b', 'ø'];
    const a = rowOf(vals);
    const b = byteRowOf(vals);
    for (let i = 0; i < vals.length + 2; i++) expect(b.blank(i), JSON.stringify(vals[i])).toBe(a.blank(i));
    expect(b.fields()).toEqual(vals);
    expect(b.same(1, 1)).toBe(true);
    expect(b.same(0, 1)).toBe(false);
  });
  it('hashes letters the same in either case, and compares bytes exactly', () => {
    const r = byteRowOf(['NS123', 'ns123', 'Ns124']);
    expect(r.hash[0]).toBe(r.hash[1]);
    expect(r.same(0, 1)).toBe(false);
    expect(r.hash[0]).not.toBe(r.hash[2]);
  });
});

describe('ByteText', () => {
  it('decodes UTF-8 and switches to Windows-1252 at the first text that is not UTF-8', () => {
    const t = new ByteText();
    let switched = 0;
    t.onSwitch = () => switched++;
    const u = enc.encode('Søren');
    expect(t.decode(u, 0, u.length)).toBe('Søren');
    expect(t.sawMultibyte).toBe(true);
    const w = new Uint8Array([0x4a, 0xf8, 0x72, 0x67, 0x65, 0x6e]); // "Jørgen" in Windows-1252
    expect(t.decode(w, 0, w.length)).toBe('Jørgen');
    expect(t.encoding).toBe('windows-1252');
    expect(switched).toBe(1);
    const e = new Uint8Array([0x80]);
    expect(t.decode(e, 0, 1)).toBe('€');
  });
  it('keeps UTF-8 when the encoding is certain (BOM): invalid bytes become replacement characters', () => {
    const t = new ByteText('utf-8', false);
    expect(t.decode(new Uint8Array([0x61, 0xf8]), 0, 2)).toBe('a\ufffd');
    expect(t.encoding).toBe('utf-8');
  });
  it('decodes long ASCII fields', () => {
    const s = 'x'.repeat(5000);
    expect(new ByteText().decode(enc.encode(s), 0, 5000)).toBe(s);
  });
});
