import { describe, it, expect } from 'vitest';
import { toCsv, csvCell, neutralize } from '../../../src/lib/csv/export';
import { ingestCsv } from '../../../src/lib/csv/ingest';

describe('CSV export for Excel', () => {
  it('neutralizes formula-looking text', () => {
    for (const v of ['=SUM(A1)', '+45', '-2+3', '@cmd', '\tx', '\rx']) expect(neutralize(v)).toBe(`'${v}`);
    expect(neutralize('Søren')).toBe('Søren');
    expect(csvCell(-5)).toBe('-5');
  });
  it('quotes separators, quotes and newlines', () => {
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('sagde "hej"')).toBe('"sagde ""hej"""');
    expect(csvCell('to\nlinjer')).toBe('"to\nlinjer"');
    expect(csvCell(null)).toBe('');
  });
  it('writes BOM, semicolons and CRLF, and reads back identically', async () => {
    const doc = toCsv(['navn', 'note'], [['Ærø', '=1+1'], ['Å', 'a;b\nc']]);
    expect(doc.startsWith('\uFEFFnavn;note\r\n')).toBe(true);
    const rows: string[][] = [];
    await ingestCsv(new TextEncoder().encode(doc), 'x.csv', (f) => rows.push([...f]));
    expect(rows).toEqual([['Ærø', "'=1+1"], ['Å', 'a;b\nc']]);
  });
});
