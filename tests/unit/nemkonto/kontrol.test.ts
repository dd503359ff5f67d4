import { describe, it, expect } from 'vitest';
import { CsvError } from '../../../src/lib/csv/ingest';
import { KolonnerMangler, resultCells, resultHeader, runKontrol, sample, type KontrolOptions } from '../../../src/lib/nemkonto/kontrol';
import type { Kind } from '../../../src/lib/nemkonto/kolonner';
import type { Raekke } from '../../../src/lib/nemkonto/modtagere';

const enc = new TextEncoder();
const cp1252 = (s: string) =>
  Uint8Array.from([...s].map((c) => ({ æ: 0xe6, ø: 0xf8, å: 0xe5, Æ: 0xc6, Ø: 0xd8, Å: 0xc5 } as Record<string, number>)[c] ?? c.charCodeAt(0)));
const utf16le = (s: string) => {
  const out = new Uint8Array(2 + s.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let i = 0; i < s.length; i++) (out[2 + 2 * i] = s.charCodeAt(i) & 0xff), (out[3 + 2 * i] = s.charCodeAt(i) >> 8);
  return out;
};
const run = (bytes: Uint8Array, kind: Kind = 'modtagere', opts: KontrolOptions = {}, name = 'modtagere.csv') =>
  runKontrol(kind, () => bytes, name, { today: 20251123, ...opts });
const rowsOf = async (bytes: Uint8Array, opts: KontrolOptions = {}) => {
  const rows: (string | number)[][] = [];
  const res = await run(bytes, 'modtagere', { ...opts, onRow: (r: Raekke) => rows.push(resultCells(r)) });
  return { rows, res };
};

describe('hostile files', () => {
  it('Windows-1252 with æøå (Danish Excel "CSV (semikolonsepareret)")', async () => {
    const text = 'Navn;Identifikation;Type\r\nSøren Ærø;010190-0002;CPR\r\nÅse Østergård;13748136;CVR\r\nBjørn;13748137;CVR\r\n';
    const { rows, res } = await rowsOf(cp1252(text));
    expect(res.opsummering.encoding).toBe('windows-1252');
    expect(res.opsummering.kolonneBeskrivelse).toBe('Identifikation: «Identifikation» · Type: «Type»');
    expect(rows).toEqual([
      [2, '010190-XXXX', 'CPR', 'ok', ''],
      [3, '13748136', 'CVR', 'ok', ''],
      [4, '13748137', 'CVR', 'fejl', expect.stringContaining('modulus 11')],
    ]);
  });
  it('UTF-16 with tabs (Excel "Unicode-tekst")', async () => {
    const { rows, res } = await rowsOf(utf16le('CPR-nr.\tNavn\r\n0101900002\tÅse\r\n'));
    expect(res.opsummering.encoding).toBe('utf-16le');
    expect(res.opsummering.delimiter).toBe('\t');
    expect(rows).toEqual([[2, '010190-XXXX', 'CPR', 'ok', '']]);
  });
  it('comma-separated', async () => {
    const { rows, res } = await rowsOf(enc.encode('id,type\n0101900002,cpr\n13748136,cvr\n'));
    expect(res.opsummering.delimiter).toBe(',');
    expect(rows.map((r) => r[3])).toEqual(['ok', 'ok']);
  });
  it('semicolon file with decimal commas is not read as comma-separated', async () => {
    const { res } = await rowsOf(enc.encode('cvr;beløb\n13748136;1.234,50\n10150817;99,95\n'));
    expect(res.opsummering.delimiter).toBe(';');
    expect(res.opsummering.status).toEqual({ ok: 2, advarsel: 0, fejl: 0 });
  });
  it('ragged rows become file notes with line numbers, and the row is still checked', async () => {
    const { rows, res } = await rowsOf(enc.encode('cpr;navn\n0101900002;A;ekstra\n13748136\n'), {});
    expect(res.opsummering.filBemaerkninger.map((i) => i.line)).toEqual([2, 3]);
    expect(rows.map((r) => r[0])).toEqual([2, 3]);
  });
  it('header only', async () => {
    await expect(run(enc.encode('id;type\r\n'))).rejects.toMatchObject({ code: 'kun-overskrift' });
    await expect(run(enc.encode('id;type\r\n'))).rejects.toThrow('«modtagere.csv» indeholder kun en overskriftslinje');
  });
  it('empty', async () => {
    await expect(run(new Uint8Array())).rejects.toMatchObject({ code: 'tom' });
    await expect(run(enc.encode('\r\n\r\n'))).rejects.toBeInstanceOf(CsvError);
  });
  it('xlsx names the file and says how to save as CSV', async () => {
    const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...enc.encode('[Content_Types].xml xl/workbook.xml')]);
    const err = await run(xlsx, 'modtagere', {}, 'modtagere.xlsx').catch((e) => e);
    expect(err).toBeInstanceOf(CsvError);
    expect(err.code).toBe('excel');
    expect(err.message).toContain('«modtagere.xlsx»');
    expect(err.message).toContain('Gem som');
  });
});

describe('columns', () => {
  it('unknown headers ask for a mapping with masked samples', async () => {
    const err = await run(enc.encode('Navn;Nummer\nJens;0101900002\nSøs;13748136\n')).catch((e) => e);
    expect(err).toBeInstanceOf(KolonnerMangler);
    expect(err.hasHeader).toBe(true);
    expect(err.navne).toEqual(['Navn', 'Nummer']);
    expect(err.eksempler).toEqual([['Navn', 'Nummer'], ['Jens', '010190XXXX'], ['Søs', '13748136']]);
    expect(err.message).toContain('«modtagere.csv»');
  });
  it('a mapping chosen by the user is used', async () => {
    const { rows, res } = await rowsOf(enc.encode('Navn;Nummer\nJens;0101900002\n'), {
      kolonner: { kind: 'modtagere', hasHeader: true, id: [{ index: 1, type: null }], type: -1 },
    });
    expect(rows).toEqual([[2, '010190-XXXX', 'CPR', 'ok', '']]);
    expect(res.opsummering.kolonneBeskrivelse).toBe('Identifikation: «Nummer» · Type: ingen');
  });
  it('a file without header (only identifiers) is recognized; line numbers start at 1', async () => {
    const { rows, res } = await rowsOf(enc.encode('0101900002\n13748136\n'));
    expect(rows.map((r) => [r[0], r[3]])).toEqual([[1, 'ok'], [2, 'ok']]);
    expect(res.opsummering.kolonneBeskrivelse).toContain('ingen overskriftslinje');
  });
  it('separate CPR and CVR columns', async () => {
    const { rows } = await rowsOf(enc.encode('Navn;CPR;CVR\nA;0101900002;\nB;;13748136\nC;;\nD;0101900002;13748136\n'));
    expect(rows.map((r) => [r[0], r[2], r[3]])).toEqual([[2, 'CPR', 'ok'], [3, 'CVR', 'ok'], [4, '', 'fejl'], [5, 'CPR', 'advarsel']]);
    expect(rows[3]![4]).toContain('2 identifikationer');
  });
  it('type column values: unknown values warn and fall back to inference', async () => {
    const { rows } = await rowsOf(enc.encode('id;type\n0101900002;person\n13748136;firma\n'));
    expect(rows.map((r) => [r[2], r[3]])).toEqual([['CPR', 'ok'], ['CVR/SE', 'advarsel']]);
    expect(rows[1]![4]).toContain('«firma» kendes ikke');
  });
});

describe('duplicates', () => {
  it('each later occurrence names the first line; hyphen or not does not matter', async () => {
    const { rows, res } = await rowsOf(enc.encode('cpr\n0101900002\n13748136\n010190-0002\n0101900002\n'));
    expect(rows.map((r) => r[3])).toEqual(['ok', 'fejl', 'advarsel', 'advarsel']);
    expect(rows[2]![4]).toBe('Dublet: samme CPR-nummer som linje 2.');
    expect(rows[3]![4]).toBe('Dublet: samme CPR-nummer som linje 2.');
    expect(res.opsummering.dubletter).toBe(2);
  });
});

describe('summary and problem list', () => {
  const many = 'cpr\n' + Array.from({ length: 30 }, (_, i) => (i % 3 === 0 ? '0101900000' : i % 3 === 1 ? '2902000006' : '0101900002')).join('\n');
  it('counts per status, type and cause', async () => {
    // 10 × 0101900000 (1 January without modulus 11: a note), 10 × an invalid date, 10 × a valid
    // number; each value after its first occurrence is a duplicate.
    const { opsummering: s } = await run(enc.encode(many));
    expect(s.rows).toBe(30);
    expect(s.status).toEqual({ ok: 2, advarsel: 18, fejl: 10 });
    expect(s.bemaerkninger).toBe(1);
    expect(s.typer).toEqual([{ type: 'CPR', ok: 2, advarsel: 18, fejl: 10 }]);
    expect(s.aarsager.map((a) => [a.kode, a.niveau, a.antal])).toEqual([
      ['dato', 'fejl', 10],
      ['dublet', 'advarsel', 27],
      ['mod11-cpr-1jan', 'ok', 10],
    ]);
    expect(s.problemer).toBe(28);
  });
  it('keeps at most maxProblems rows and counts the rest', async () => {
    const res = await run(enc.encode(many), 'modtagere', { maxProblems: 5 });
    expect(res.problemer.length).toBe(5);
    expect(res.opsummering.problemer).toBe(28);
    expect(res.opsummering.problemerGemt).toBe(5);
    expect(res.problemer[0]).toEqual({ linje: 3, status: 'fejl', felter: ['290200-XXXX', 'CPR'], besked: expect.stringContaining('1900 er ikke et skudår') });
    expect(res.problemer[1]).toEqual({ linje: 5, status: 'advarsel', felter: ['010190-XXXX', 'CPR'], besked: expect.stringContaining('Dublet: samme CPR-nummer som linje 2.') });
  });
  it('never returns an unmasked CPR number', async () => {
    const text = 'id;type\n0101900000;CPR\n2902000006;\n0101900000;CPR\n101900002;CPR\n6701900002;CPR\n0101900000;cvr\n0101900000;xx0101900000\n';
    const all: unknown[] = [];
    const res = await run(enc.encode(text), 'modtagere', { onRow: (r) => all.push(resultCells(r)) });
    const json = JSON.stringify([res, all]);
    for (const cpr of ['0101900000', '2902000006', '101900002', '6701900002']) expect(json).not.toContain(cpr);
    expect(json).toContain('010190-XXXX');
  });
  it('result header', () => {
    expect(resultHeader(['id', 'type'])).toEqual(['linje', 'id', 'type', 'status', 'besked']);
    expect(resultHeader(['id'], true)).toEqual(['fil', 'linje', 'id', 'status', 'besked']);
  });
  it('reports progress and can be aborted', async () => {
    const big = enc.encode('cpr\n' + '0101900002\n'.repeat(300_000));
    const ctl = new AbortController();
    let calls = 0;
    const err = await run(big, 'modtagere', { signal: ctl.signal, onProgress: () => (++calls === 2 ? ctl.abort() : 0) }).catch((e) => e);
    expect(err).toBeInstanceOf(CsvError);
    expect(err.code).toBe('afbrudt');
  });
});

describe('payments file', () => {
  it('finds the columns and checks the deadline', async () => {
    const text = 'Betalings-id;Afsendt;Udbetalingsdato\nB1;2025-03-17 05:59;2025-03-18\nB2;2025-03-17 06:30;2025-03-18\n';
    const res = await run(enc.encode(text), 'betalinger', {}, 'betalinger.csv');
    expect(res.opsummering.kolonner).toEqual(['afsendt', 'udbetalingsdato', 'frist']);
    expect(res.opsummering.status).toEqual({ ok: 1, advarsel: 0, fejl: 1 });
    expect(res.problemer[0]!.linje).toBe(3);
    expect(res.opsummering.typer).toEqual([]);
  });
  it('asks for columns when they cannot be found', async () => {
    await expect(run(enc.encode('a;b\n1;2\n'), 'betalinger')).rejects.toBeInstanceOf(KolonnerMangler);
  });
});

describe('sample', () => {
  it('reads only the first rows', async () => {
    const s = await sample(() => enc.encode('a;b\n' + '1;2\n'.repeat(100_000)), 'x.csv');
    expect(s.rows.length).toBe(6);
    expect(s.delimiter).toBe(';');
  });
});

describe('duplicates found at the end give the same result as row by row', () => {
  // Without onRow the check finds duplicates after the pass (sorting); with onRow it must know
  // them row by row. Both must give the same summary and problem list.
  const same = async (text: string, maxProblems: number) => {
    const bytes = enc.encode(text);
    const atEnd = await run(bytes, 'modtagere', { maxProblems });
    const rowByRow = await run(bytes, 'modtagere', { maxProblems, onRow: () => undefined });
    const strip = (r: typeof atEnd) => ({ ...r.opsummering, ms: 0 });
    expect(strip(atEnd)).toEqual(strip(rowByRow));
    expect(atEnd.problemer).toEqual(rowByRow.problemer);
    return atEnd;
  };
  it('on a small file with every kind of row', async () => {
    const r = await same(
      'id;type\n0101900002;CPR\n0101601000;CPR\n13748136;\n0101900002;\n2902000006;CPR\n0101601000;\n2902000006;CPR\n13748136;CVR\n13748136;x\n1505402000;\n1505402000;\n;CPR\n',
      1000,
    );
    expect(r.opsummering.dubletter).toBe(5);
    expect(r.problemer.find((p) => p.linje === 7)!.besked).toBe(
      'Opfylder ikke modulus 11. Det er i orden: CPR udsteder personnumre uden modulus 11-kontrol, normalt med fødselsdato 1. januar. Dublet: samme CPR-nummer som linje 3.',
    );
  });
  it('on random files, with and without a cap on the problem list', async () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n);
    const pool = ['0101900002', '010190-0002', '0101601000', '1505402000', '2902000006', '13748136', '13748137', '1003388394', '101900002', '', 'x1'];
    const types = ['CPR', '', 'CVR', 'P-nummer', 'SE', 'ukendt'];
    for (let f = 0; f < 20; f++) {
      const rows = ['id;type'];
      for (let i = 0; i < 200; i++) rows.push(`${pool[rnd(pool.length)]};${types[rnd(types.length)]}`);
      await same(rows.join('\n'), f % 2 ? 1000 : 1 + rnd(40));
    }
  });
});
