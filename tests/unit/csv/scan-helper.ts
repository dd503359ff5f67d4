/** The text tokenizer over a text cut into pieces: what both tokenizers' tests compare against. */
import Papa from 'papaparse';
import { RowScanner } from '../../../src/lib/csv/scan';

export interface Got {
  rows: { f: string[]; line: number }[];
  unclosed: number[];
  stray: number[];
}
/** Scans `text` cut into pieces of `size` characters. */
export function scan(text: string, size: number, delimiter = ';', newline: '\n' | '\r' = '\n', maxQuoted?: number): Got {
  const got: Got = { rows: [], unclosed: [], stray: [] };
  const s = new RowScanner(delimiter, newline, {
    row: (r, line) => got.rows.push({ f: r.fields(), line }),
    unclosedQuote: (l) => got.unclosed.push(l),
    strayQuote: (l) => got.stray.push(l),
  }, maxQuoted);
  if (!text.length) s.push('', true);
  for (let i = 0; i < text.length; i += size) s.push(text.slice(i, i + size), i + size >= text.length);
  return got;
}


/** A seeded generator, so a failure can be reproduced. */
export function rng(seed: number) {
  return () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
}

export const WELL_FORMED_DIALECTS = [[';', '\n'], [';', '\r\n'], [',', '\r\n'], ['\t', '\n']] as const;

/**
 * A random well-formed CSV file of fields drawn from `alphabet`, quoted where needed, with the
 * rows it holds (`data`) and papaparse's reading of it (`want`).
 */
export function wellFormed(r: () => number, alphabet: readonly string[], delim: string, eol: string) {
  const field = () => {
    let v = '';
    for (let i = 0, len = Math.floor(r() * 8); i < len; i++) v += alphabet[Math.floor(r() * alphabet.length)]!;
    return v;
  };
  const quote = (v: string) => (/[";\n\r,\t]/.test(v) || v.includes(delim) ? `"${v.replaceAll('"', '""')}"` : v);
  const cols = 1 + Math.floor(r() * 5);
  const data: string[][] = [];
  for (let i = 0, n = 1 + Math.floor(r() * 12); i < n; i++) {
    const row: string[] = [];
    for (let c = 0; c < cols; c++) row.push(field());
    // papaparse drops a last row that is a single empty field; keep the comparison fair.
    if (cols === 1 && row[0] === '') row[0] = 'x';
    data.push(row);
  }
  const text = data.map((row) => row.map(quote).join(delim)).join(eol) + (r() < 0.5 ? eol : '');
  const papa = Papa.parse<string[]>(text, { delimiter: delim, newline: eol as '\n', quoteChar: '"' });
  const want = papa.data.filter((row, i) => !(i === papa.data.length - 1 && row.length === 1 && row[0] === ''));
  return { text, data, want };
}
