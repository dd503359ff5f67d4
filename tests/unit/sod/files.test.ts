import { describe, it, expect } from 'vitest';
import { CsvError } from '../../../src/lib/csv/ingest';
import { loadRuleset } from '../../../src/lib/sod/load-node';
import { indexRuleset } from '../../../src/lib/sod/ruleset';
import { Store } from '../../../src/lib/sod/store';
import { suggestMapping, mappingProblems, guessSystemFromFileName } from '../../../src/lib/sod/mapping';
import { ingestFile } from '../../../src/lib/sod/run';
import { analyze } from '../../../src/lib/sod/analyze';
import { findingRows } from '../../../src/lib/sod/describe';
import { Sha256 } from '../../../src/lib/sod/sha256';

const ix = indexRuleset(loadRuleset());
const enc = new TextEncoder();
const HEADER = 'system;bruger;navn;email;rolle;prokura;fuldmagt';

async function run(text: string | Uint8Array, name = 'fil.csv') {
  const store = new Store(ix);
  await ingestFile(store, typeof text === 'string' ? enc.encode(text) : text, name, 'auto');
  store.finishUnknownSystems();
  return store;
}

async function csvError(text: string | Uint8Array, name = 'fil.csv'): Promise<CsvError> {
  try {
    await run(text, name);
  } catch (e) {
    if (e instanceof CsvError) return e;
    throw e;
  }
  throw new Error('expected a CsvError');
}

describe('input files', () => {
  it('reads the canonical format with any header case and English aliases', async () => {
    const store = await run('SYSTEM,User ID,Name,E-mail,Role,Amount limit,Power of attorney\r\nindfak,a@inst.dk,Anna,,Indkøber,,\r\n');
    expect(store.rows).toBe(1);
    expect(store.files[0]!.delimiter).toBe(',');
    expect(store.roleStd[0]).toBe('indfak-indkoeber');
  });

  it('keeps decimal-comma amounts in a ; file and quotes with ; and newlines inside fields', async () => {
    const store = await run(`${HEADER}\nIndFak;a@inst.dk;"Holm; Anna\nJensen";;Disponent Faktura;"50.000,00";\nNS;AHO;;a@inst.dk;NS_BETALING;ja;\n`);
    expect(store.rows).toBe(2);
    expect(store.navn(0)).toBe('Holm; Anna\nJensen');
    expect(store.prokuraOf(0)).toEqual({ kind: 'beloeb', beloeb: 50000 });
    // The second row starts on physical line 4 (the first data row spans lines 2–3).
    expect(store.rowLine(1)).toBe(4);
    const an = analyze(store);
    expect(an.findings.map((f) => f.regel)).toContain('afledt-og-navision');
  });

  it('knows the file, line, account and role of every row across files, blank lines, skipped rows and quoted line breaks', async () => {
    const store = new Store(ix);
    const one = [
      HEADER,
      'IndFak;a@inst.dk;Anna;;Indkøber;;', // line 2
      'IndFak;a@inst.dk;Anna;;Rekvirent;;', // 3
      '', // 4: blank
      'Ukendt;b@inst.dk;Bo;;Indkøber;;', // 5: unknown system, not stored
      'IndFak;b@inst.dk;"Bo', // 6–7: a name with a line break
      'Holm";;Indkøber;;',
      'IndFak;a@inst.dk;Anna;;Indkøber;;', // 8: the same assignment again
      'NS;AHO;;a@inst.dk;;ja;', // 9: no role
      'IndFak;;Cecilie;;Indkøber;;', // 10: no user id, not stored
      'IndFak;c@inst.dk;Cecilie;;Indkøber;;', // 11
    ].join('\n');
    await ingestFile(store, enc.encode(one), 'en.csv', 'auto');
    await ingestFile(store, enc.encode(`${HEADER}\nRejsUd;a@inst.dk;Anna;;Rejsende;;\nRejsUd;c@inst.dk;Cecilie;;Godkender;ja;\n`), 'to.csv', 'auto');
    const got = Array.from({ length: store.rows }, (_, i) => [
      store.files[store.rowFile(i)]!.navn,
      store.rowLine(i),
      store.accountRef(store.rowAcc(i)),
      store.rowRole(i) < 0 ? '' : store.roleRaw[store.rowRole(i)],
    ]);
    expect(got).toEqual([
      ['en.csv', 2, 'indfak:a@inst.dk', 'Indkøber'],
      ['en.csv', 3, 'indfak:a@inst.dk', 'Rekvirent'],
      ['en.csv', 6, 'indfak:b@inst.dk', 'Indkøber'],
      ['en.csv', 8, 'indfak:a@inst.dk', 'Indkøber'],
      ['en.csv', 9, 'navision-stat:aho', ''],
      ['en.csv', 11, 'indfak:c@inst.dk', 'Indkøber'],
      ['to.csv', 2, 'rejsud:a@inst.dk', 'Rejsende'],
      ['to.csv', 3, 'rejsud:c@inst.dk', 'Godkender'],
    ]);
    // One account per system and user id, found again by either.
    expect(store.findAccount('indfak', 'A@inst.dk ')).toBe(store.rowAcc(0));
    expect(store.findAccount('rejsud', 'a@inst.dk')).toBe(store.rowAcc(6));
    expect(store.findAccount('navision-stat', 'a@inst.dk')).toBeUndefined();
    expect(store.accounts).toBe(6);
  });

  it('reports ragged rows with their line and still reads them', async () => {
    const store = await run(`${HEADER}\nIndFak;a@inst.dk;Anna\nIndFak;b@inst.dk;Bo;;Indkøber;;;ekstra\n`);
    expect(store.rows).toBe(2);
    const lines = store.issues.map((i) => i.line);
    expect(lines).toEqual(expect.arrayContaining([2, 3]));
    expect(store.issues.find((i) => i.line === 3)!.message).toMatch(/overskydende/);
  });

  it('reads UTF-8 with BOM and Windows-1252 (æ, ø, å)', async () => {
    const bom = await run(`\uFEFF${HEADER}\nIndFak;a@inst.dk;Søren Ærø;;Indkøber;;\n`);
    expect(bom.files[0]!.encoding).toBe('utf-8');
    expect(bom.navn(0)).toBe('Søren Ærø');
    const text = `${HEADER}\nIndFak;a@inst.dk;Søren Ærø Åberg;;Indkøber;;\n`;
    const cp1252 = Uint8Array.from([...text].map((c) => ({ ø: 0xf8, Æ: 0xc6, Å: 0xc5 })[c] ?? c.charCodeAt(0)));
    const store = await run(cp1252);
    expect(store.files[0]!.encoding).toBe('windows-1252');
    expect(store.navn(0)).toBe('Søren Ærø Åberg');
  });

  it('reads UTF-16LE with BOM, as Excel saves «Unicode-tekst»', async () => {
    const text = `\uFEFF${HEADER}\r\nIndFak;Søren@Inst.dk;Søren Ærø;;Indkøber;;\r\nNS;SØREN;Søren Ærø;søren@inst.dk;NS_BASIS;;\r\n`;
    const b = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      b[2 * i] = text.charCodeAt(i) & 255;
      b[2 * i + 1] = text.charCodeAt(i) >> 8;
    }
    const store = await run(b);
    expect(store.files[0]!.encoding).toBe('utf-16le');
    expect(store.rows).toBe(2);
    expect(store.navn(0)).toBe('Søren Ærø');
    expect(store.key(0)).toBe('søren@inst.dk');
    expect(store.key(1)).toBe('søren');
    expect(store.bruger(1)).toBe('SØREN');
    expect(store.email(1)).toBe('søren@inst.dk');
  });

  it('reports Windows-1252 also when only a column it does not read has æ, ø or å', async () => {
    const text = 'system;bruger;navn;rolle;afdeling\nIndFak;a@inst.dk;Anna;Indkober;Okonomi og Ledelse\n'.replace('Okonomi', 'Økonomi');
    const store = await run(Uint8Array.from([...text].map((c) => (c === 'Ø' ? 0xd8 : c.charCodeAt(0)))));
    expect(store.files[0]!.encoding).toBe('windows-1252');
  });

  it('finds Windows-1252 that shows only far into the file, and reads its names right', async () => {
    // 2,000 plain rows (more than the first piece read for the delimiter), then æ, ø and å.
    const plain = Array.from({ length: 2000 }, (_, i) => `IndFak;u${i}@inst.dk;Bruger ${i};;Indkøber;;`.replace('ø', 'o')).join('\n');
    const text = `${HEADER}\n${plain}\nIndFak;soeren@inst.dk;Søren Ærø Åberg;;Indkober;;\n`;
    expect(text.length).toBeGreaterThan(64 * 1024);
    const cp1252 = Uint8Array.from([...text].map((c) => ({ ø: 0xf8, Æ: 0xc6, Å: 0xc5 })[c] ?? c.charCodeAt(0)));
    const store = await run(cp1252);
    expect(store.rows).toBe(2001);
    expect(store.files[0]!.encoding).toBe('windows-1252');
    expect(store.navn(store.findAccount('indfak', 'soeren@inst.dk')!)).toBe('Søren Ærø Åberg');
    // Nothing before it was read as UTF-8 with other letters, so there is nothing to warn about.
    expect(store.issues.filter((i) => /tegnsæt/.test(i.message))).toEqual([]);
  });

  it('warns when a file changes from UTF-8 to Windows-1252 on the way, naming the line', async () => {
    const plain = Array.from({ length: 2000 }, (_, i) => `IndFak;u${i}@inst.dk;Bruger ${i};;Indkøber;;`).join('\n');
    const head = enc.encode(`${HEADER}\n${plain}\n`);
    const tail = Uint8Array.from([...'IndFak;x@inst.dk;J\u00f8rgen;;Indkøber;;\n'].map((c) => (c === 'ø' ? 0xf8 : c.charCodeAt(0))));
    const b = new Uint8Array(head.length + tail.length);
    b.set(head);
    b.set(tail, head.length);
    const store = await run(b);
    expect(store.files[0]!.encoding).toBe('windows-1252');
    expect(store.navn(store.findAccount('indfak', 'x@inst.dk')!)).toBe('Jørgen');
    const warn = store.issues.find((i) => /tegnsæt/.test(i.message));
    expect(warn?.line).toBe(2002);
  });

  it('makes room for a large file in one go from its size, with the same result', async () => {
    const lines = Array.from({ length: 40_000 }, (_, i) => `${i % 3 ? 'IndFak' : 'NS'};U${Math.floor(i / 2)}@inst.dk;Navn ${i};;${i % 2 ? 'Indkøber' : 'NS_BASIS'};;`);
    const bytes = enc.encode(`${HEADER}\n${lines.join('\n')}\n`);
    const plain = new Store(ix);
    await ingestFile(plain, bytes, 'a.csv', 'auto');
    const sized = new Store(ix);
    await ingestFile(sized, bytes, 'a.csv', 'auto', { size: bytes.length });
    expect(sized.rows).toBe(40_000);
    for (const k of ['rowRef', 'accKeyId', 'accEmail'] as const)
      expect(Buffer.from(sized[k].a.buffer, 0, sized[k].n * 4).equals(Buffer.from(plain[k].a.buffer, 0, plain[k].n * 4)), k).toBe(true);
    for (let i = 0; i < 40_000; i += 997) expect([sized.rowAcc(i), sized.rowRole(i), sized.rowLine(i)]).toEqual([plain.rowAcc(i), plain.rowRole(i), plain.rowLine(i)]);
    // Room for the rows was made once, from the first part of the file: no doubling past them.
    expect(sized.rowRef.a.length).toBeLessThan(40_000 * 1.25);
    expect(plain.rowRef.a.length).toBe(65_536);
  });

  it('refuses empty and header-only files with a Danish message naming the file', async () => {
    const empty = await csvError('', 'tom.csv');
    expect(empty.code).toBe('tom');
    expect(empty.message).toContain('«tom.csv» er tom');
    const head = await csvError(`${HEADER}\n`, 'kun.csv');
    expect(head.code).toBe('kun-overskrift');
    expect(head.message).toContain('kun en overskriftslinje');
  });

  it('recognizes an Excel workbook chosen by mistake and says how to save it as CSV', async () => {
    const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...enc.encode('\u0000\u0000[Content_Types].xml xl/workbook.xml')]);
    const e = await csvError(xlsx, 'brugere.xlsx');
    expect(e.code).toBe('excel');
    expect(e.message).toMatch(/Excel/);
    expect(e.message).toMatch(/Gem som/);
    expect(e.message).toMatch(/CSV/);
  });

  it('says what is missing when a file is not in the canonical format', async () => {
    const e = await csvError('Brugernavn;Gruppe\nanna@inst.dk;Godkender\n', 'gruppemedlemskab.csv');
    expect(e.message).toMatch(/ikke i standardformatet/);
    expect(e.message).toMatch(/system/);
    expect(e.line).toBe(1);
  });

  it('reports unknown systems and rows without a user id with file and line, never dropping them silently', async () => {
    const store = await run(`${HEADER}\nSAP;x;;;Admin;;\nSAP;y;;;Admin;;\nIndFak;;;;Indkøber;;\n`);
    const msgs = store.issues.map((i) => `${i.line}: ${i.message}`);
    expect(msgs.some((m) => m.startsWith('2: Systemet «SAP» (linje 2 og 1 andre linjer) kendes ikke'))).toBe(true);
    expect(msgs.some((m) => m.startsWith('4: Linje 4: bruger-id mangler'))).toBe(true);
  });

  it('joins a role file and a prokura file from one system on the user id (raw exports, column mapping)', async () => {
    const store = new Store(ix);
    const roles = 'Brugernavn;Fulde navn;Gruppe\nanna@inst.dk;Anna Holm;Godkender\nbo@inst.dk;Bo Ek;Godkender\n';
    const prokura = 'Bruger;Beløbsgrænse\nANNA@inst.dk;25.000,00\nbo@inst.dk;0,00\n';
    expect(guessSystemFromFileName('RejsUd_Support_Gruppemedlemskab.csv', ix)).toBe('rejsud');
    const m1 = { system: 'rejsud', kolonner: { bruger: 'Brugernavn', navn: 'Fulde navn', rolle: 'Gruppe' } };
    expect(mappingProblems(m1)).toEqual([]);
    await ingestFile(store, enc.encode(roles), 'gruppemedlemskab.csv', m1);
    await ingestFile(store, enc.encode(prokura), 'beloebsgraense.csv', { system: 'rejsud', kolonner: { bruger: 'Bruger', prokura: 'Beløbsgrænse' } });
    const ns = 'Bruger-id;E-mail\nAHO;anna@inst.dk\n';
    await ingestFile(store, enc.encode(ns), 'prokuraopsaetning.csv', { system: 'navision-stat', alleHarProkura: true, kolonner: { bruger: 'Bruger-id', email: 'E-mail' } });
    await ingestFile(store, enc.encode('Bruger-id;Rettighedssæt\nAHO;NS_BETALING\n'), 'rettighedssaet.csv', { system: 'navision-stat', kolonner: { bruger: 'Bruger-id', rolle: 'Rettighedssæt' } });
    expect(store.accounts).toBe(3);
    const an = analyze(store);
    const f = an.findings.filter((x) => x.regel === 'afledt-og-navision');
    expect(f).toHaveLength(1);
    expect(an.persons.key(f[0]!.person)).toBe('anna@inst.dk');
    // Bo has the role but prokura 0: cannot approve, so nothing about him.
    expect(an.findings.every((x) => an.persons.key(x.person) !== 'bo@inst.dk')).toBe(true);
    // Drill-down: the rows behind the finding, with file and line.
    const rows = findingRows(an, f[0]!).rows.filter((r) => r.relevant);
    expect(rows.map((r) => `${r.fil}:${r.linje}`).sort()).toEqual(
      ['beloebsgraense.csv:2', 'gruppemedlemskab.csv:2', 'prokuraopsaetning.csv:2', 'rettighedssaet.csv:2'].sort(),
    );
  });

  it('names a mapped column that is not in the header', async () => {
    const store = new Store(ix);
    await expect(ingestFile(store, enc.encode('A;B\nx;y\n'), 'x.csv', { system: 'indfak', kolonner: { bruger: 'Bruger' } })).rejects.toThrow(/ingen kolonne med bruger-id/);
    expect(suggestMapping(['Bruger-ID', 'Rolle']).kolonner).toEqual({ bruger: 'Bruger-ID', rolle: 'Rolle' });
  });

  it('streams a 200 MB file (generated on the fly) with flat memory and the right row count', async () => {
    const line = (i: number) => `IndFak;user${i % 5000}@inst.dk;Bruger ${i % 5000};;${i % 2 ? 'Indkøber' : 'Rekvirent'};;\n`;
    const target = 200 * 1024 * 1024;
    let rows = 0;
    let bytes = 0;
    const hasher = new Sha256();
    async function* gen() {
      yield enc.encode(`${HEADER}\n`);
      while (bytes < target) {
        let s = '';
        while (s.length < 1 << 20) s += line(rows++);
        const b = enc.encode(s);
        bytes += b.length;
        yield b;
      }
    }
    const store = new Store(ix);
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    await ingestFile(store, gen(), 'stor.csv', 'auto', {
      hasher,
      onProgress: () => {
        peak = Math.max(peak, process.memoryUsage().heapUsed);
      },
    });
    expect(store.rows).toBe(rows);
    expect(store.accounts).toBe(5000);
    expect(store.files[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    // Row refs are 16 bytes per row; everything else is per account. Far below the file size.
    expect(peak - before).toBeLessThan(160 * 1024 * 1024);
  }, 120_000);
});
