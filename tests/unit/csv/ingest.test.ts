import { describe, it, expect } from 'vitest';
import { ingestCsv, ingestByteRows, detectDelimiter, incompleteUtf8Tail, CsvError, type IngestOptions } from '../../../src/lib/csv/ingest';

const enc = new TextEncoder();
const cp1252 = (s: string) =>
  Uint8Array.from([...s].map((c) => ({ æ: 0xe6, ø: 0xf8, å: 0xe5, Æ: 0xc6, Ø: 0xd8, Å: 0xc5, é: 0xe9 } as Record<string, number>)[c] ?? c.charCodeAt(0)));
const utf16le = (s: string, bom = true) => {
  const out = new Uint8Array((bom ? 2 : 0) + s.length * 2);
  let o = 0;
  if (bom) (out[0] = 0xff), (out[1] = 0xfe), (o = 2);
  for (let i = 0; i < s.length; i++) (out[o + 2 * i] = s.charCodeAt(i) & 0xff), (out[o + 2 * i + 1] = s.charCodeAt(i) >> 8);
  return out;
};
/** Splits bytes into chunks of `size` to exercise chunk borders. */
async function* chunked(b: Uint8Array, size: number) {
  for (let i = 0; i < b.length; i += size) yield b.slice(i, i + size);
}
async function read(bytes: Uint8Array | AsyncIterable<Uint8Array>, opts: IngestOptions = {}, name = 'test.csv') {
  const rows: { f: string[]; line: number }[] = [];
  const res = await ingestCsv(bytes, name, (f, line) => rows.push({ f: [...f], line }), opts);
  return { rows, res };
}

describe('encodings', () => {
  const text = 'navn;by\nSøren Ærø;Århus\nÅse;Højbjerg\n';
  it('reads UTF-8 without BOM', async () => {
    const { rows, res } = await read(enc.encode(text));
    expect(res.meta.encoding).toBe('utf-8');
    expect(res.meta.bom).toBe(false);
    expect(rows.map((r) => r.f)).toEqual([['Søren Ærø', 'Århus'], ['Åse', 'Højbjerg']]);
  });
  it('reads UTF-8 with BOM and strips it from the first header', async () => {
    const { res } = await read(new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode(text)]));
    expect(res.meta.bom).toBe(true);
    expect(res.meta.header).toEqual(['navn', 'by']);
  });
  it('falls back to Windows-1252 when bytes are not UTF-8', async () => {
    const { rows, res } = await read(cp1252(text));
    expect(res.meta.encoding).toBe('windows-1252');
    expect(rows[0]!.f).toEqual(['Søren Ærø', 'Århus']);
  });
  it('detects Windows-1252 late in a long ASCII file without a warning', async () => {
    const body = 'navn;by\n' + 'Jens;Vejle\n'.repeat(20000) + 'Bjørn;Ærøskøbing\n';
    const { rows, res } = await read(chunked(cp1252(body), 4096));
    expect(res.meta.encoding).toBe('windows-1252');
    expect(rows.at(-1)!.f).toEqual(['Bjørn', 'Ærøskøbing']);
    expect(rows.at(-1)!.line).toBe(20002);
    expect(res.issues).toEqual([]);
  });
  it('reads UTF-16LE with BOM (Excel "Unicode text") with tabs', async () => {
    const { rows, res } = await read(chunked(utf16le('navn\tby\r\nSøren\tÅrhus\r\n'), 3));
    expect(res.meta.encoding).toBe('utf-16le');
    expect(res.meta.delimiter).toBe('\t');
    expect(rows[0]!.f).toEqual(['Søren', 'Århus']);
  });
  it('reads UTF-16LE without BOM', async () => {
    const { rows } = await read(utf16le('navn;by\nØ;Å\n', false));
    expect(rows[0]!.f).toEqual(['Ø', 'Å']);
  });
  it('keeps multi-byte characters split across chunk borders intact', async () => {
    const { rows } = await read(chunked(enc.encode('a;b\næøå;ÆØÅ\n'), 1));
    expect(rows[0]!.f).toEqual(['æøå', 'ÆØÅ']);
  });
  it('incompleteUtf8Tail finds a cut sequence', () => {
    const b = enc.encode('aø'); // ø = C3 B8
    expect(incompleteUtf8Tail(b.subarray(0, 2))).toBe(1);
    expect(incompleteUtf8Tail(b)).toBe(0);
    expect(incompleteUtf8Tail(enc.encode('a€').subarray(0, 3))).toBe(2);
  });
});

describe('delimiters', () => {
  it('is not fooled by decimal commas in a semicolon file', async () => {
    const csv = 'bruger;beløb;rolle\nA;50.000,00;X\nB;1.250,50;Y\nC;7,5;Z\n';
    expect(detectDelimiter(csv)).toBe(';');
    const { rows } = await read(enc.encode(csv));
    expect(rows[0]!.f).toEqual(['A', '50.000,00', 'X']);
  });
  it('detects comma and tab', () => {
    expect(detectDelimiter('a,b,c\n1,2,3\n')).toBe(',');
    expect(detectDelimiter('a\tb\n1\t2\n')).toBe('\t');
  });
  it('ignores delimiters inside quotes', () => {
    expect(detectDelimiter('"a;b";c,d;e\n"x;y";1,2;3\n')).toBe(';');
    expect(detectDelimiter('navn,note\n"Hansen; Jens","a;b;c"\n')).toBe(',');
  });
  it('honours a forced delimiter', async () => {
    const { rows } = await read(enc.encode('a;b,c\n1;2,3\n'), { delimiter: ',' });
    expect(rows[0]!.f).toEqual(['1;2', '3']);
  });
});

describe('rows and line numbers', () => {
  it('handles quotes, doubled quotes and newlines inside fields across chunk borders', async () => {
    const csv = 'id;note;x\n1;"første\nanden ""linje""";a\n2;"b;c";d\r\n3;e;f\n';
    for (const size of [1, 2, 5, 1 << 20]) {
      const { rows } = await read(chunked(enc.encode(csv), size));
      expect(rows.map((r) => r.line)).toEqual([2, 4, 5]);
      expect(rows[0]!.f[1]).toBe('første\nanden "linje"');
      expect(rows[1]!.f[1]).toBe('b;c');
    }
  });
  it('skips empty lines and Excel ";;;" lines but keeps line numbers true', async () => {
    const { rows, res } = await read(enc.encode('a;b;c\n\n1;2;3\n;;\n  \n4;5;6\n;;\n'));
    expect(rows.map((r) => [r.line, r.f[0]])).toEqual([[3, '1'], [6, '4']]);
    expect(res.rows).toBe(2);
  });
  it('reports ragged rows with their line and still hands them over', async () => {
    const { rows, res } = await read(enc.encode('a;b;c\n1;2\n3;4;5;6\n'));
    expect(rows).toHaveLength(2);
    expect(res.issues.map((i) => [i.line, i.level])).toEqual([[2, 'advarsel'], [3, 'advarsel']]);
    expect(res.issues[0]!.message).toContain('Linje 2 har 2 felter, men overskriften har 3');
  });
  it('reports an unclosed quote as an error with its line', async () => {
    const { res } = await read(enc.encode('a;b\n1;2\n3;"åben\n4;5\n'));
    expect(res.issues.some((i) => i.level === 'fejl' && i.line === 3 && i.message.includes('anførselstegn'))).toBe(true);
  });
  it('streams large input in small chunks with correct counts and progress', async () => {
    const n = 50_000;
    let body = 'id;navn;beløb\n';
    for (let i = 0; i < n; i++) body += `${i};Navn ${i} æ;${i},50\n`;
    const bytes = enc.encode(body);
    let progress = 0;
    let sum = 0;
    const res = await ingestCsv(chunked(bytes, 65536), 'stor.csv', (f, line) => (sum += line - Number(f[0])), {
      onProgress: (b) => (progress = b),
    });
    expect(res.rows).toBe(n);
    expect(sum).toBe(2 * n); // line = id + 2 for every row
    expect(progress).toBe(bytes.length);
  });
  it('reads a file without a header when told so', async () => {
    const { rows, res } = await read(enc.encode('1;2\n3;4\n'), { hasHeader: false });
    expect(rows.map((r) => r.line)).toEqual([1, 2]);
    expect(res.meta.header).toEqual([]);
  });
  it('accepts a ReadableStream (as File.stream() gives in the browser)', async () => {
    const stream = new Blob([enc.encode('a;b\n1;2\n')]).stream();
    const { rows } = await read(stream);
    expect(rows[0]!.f).toEqual(['1', '2']);
  });
});

describe('unusable input gets a Danish message naming the file', () => {
  const fails = async (bytes: Uint8Array, name: string, code: string, text: RegExp) => {
    const err = await read(bytes, {}, name).then(
      () => null,
      (e) => e,
    );
    expect(err).toBeInstanceOf(CsvError);
    expect(err.code).toBe(code);
    expect(err.message).toContain(name);
    expect(err.message).toMatch(text);
  };
  it('empty file', () => fails(new Uint8Array(), 'tom.csv', 'tom', /er tom/));
  it('only a BOM and blank lines', () => fails(new Uint8Array([0xef, 0xbb, 0xbf, 0x0a, 0x0a]), 'blank.csv', 'tom', /er tom/));
  it('header only', () => fails(enc.encode('system;bruger;rolle\r\n'), 'kun.csv', 'kun-overskrift', /kun en overskriftslinje/));
  it('an Excel workbook chosen by mistake', () =>
    fails(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]), 'brugere.xlsx', 'excel', /Excel-projektmappe.*Gem som.*CSV/s));
  it('an old .xls workbook', () => fails(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'gammel.xls', 'excel', /Excel/));
  it('a PDF', () => fails(enc.encode('%PDF-1.7\n...'), 'rapport.pdf', 'ikke-tekst', /PDF/));
  it('binary data', () => fails(new Uint8Array([1, 0, 2, 0, 0, 0, 3, 4, 0, 0, 0, 0, 9, 9]), 'data.bin', 'ikke-tekst', /tekstfil/));
  it('abort', async () => {
    const ac = new AbortController();
    ac.abort();
    const err = await read(enc.encode('a;b\n1;2\n'), { signal: ac.signal }).catch((e) => e);
    expect(err.code).toBe('afbrudt');
  });
});

describe('a line without end', () => {
  it('is refused with file and line, in both tokenizers, instead of being joined to every new piece', async () => {
    const text = 'a;b\n1;2\n' + 'x'.repeat(3 << 20);
    const bytes = new TextEncoder().encode(text);
    for (const run of [
      () => ingestCsv(bytes, 'lang.csv', () => {}, { maxLine: 1 << 20 }),
      () => ingestByteRows(bytes, 'lang.csv', () => {}, { maxLine: 1 << 20 }),
    ]) {
      const e = await run().then(
        () => null,
        (x: unknown) => x,
      );
      expect(e).toBeInstanceOf(CsvError);
      expect((e as CsvError).line).toBe(3);
      expect((e as CsvError).message).toBe('Filen «lang.csv» ser ikke ud til at være en CSV-fil med én række pr. linje: linje 3 er over 1 MB lang uden linjeskift.');
    }
  });
  it('is read when it ends within the limit', async () => {
    const long = 'y'.repeat(900 << 10);
    const rows: string[][] = [];
    await ingestCsv(new TextEncoder().encode(`a;b\n${long};2\n`), 'x.csv', (f) => rows.push(f), { maxLine: 1 << 20 });
    expect(rows).toEqual([[long, '2']]);
  });
});

