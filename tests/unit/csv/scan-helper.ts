/** The text tokenizer over a text cut into pieces: what both tokenizers' tests compare against. */
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

