import { describe, expect, it } from 'vitest';
import { CSV_HEADER, exportCsv, exportJson, exportName, mergeImport, parseImport } from '../../../src/lib/tjekliste/io';
import { activeRun, createRun, emptyState, resetRun, setChecked, updateAnswer, VERSION, type TjeklisteTilstand } from '../../../src/lib/tjekliste/state';
import { definition, LATER, NOW } from './fixtures';

const def = definition();
const ref = (id: string) => def.grupper.flatMap((g) => g.punkter).find((p) => p.id === id)!;

function filled(): TjeklisteTilstand {
  let s = setChecked(emptyState('proeve', NOW), 'g1', ref('aftale'), true, NOW);
  s = updateAnswer(s, 'g1', ref('bank'), { ansvarlig: 'Anna', frist: '2026-11-01', note: 'Ring til banken; "hurtigt"' }, NOW);
  s = updateAnswer(s, 'g1', ref('certifikat'), { dato: '2027-03-12' }, NOW);
  s = createRun(s, 'CVR 12345678', NOW);
  s = updateAnswer(s, 'g2', ref('datakvalitet'), { status: 'ikke-relevant', note: '=HYPERLINK("http://x")' }, NOW);
  return s;
}

const errorsOf = (text: string) => {
  const r = parseImport(text, def, LATER);
  if (r.ok) throw new Error('expected a rejection');
  return r.errors;
};

describe('JSON export and import', () => {
  it('round-trips: export → reset → import gives the same answers back', () => {
    const s = filled();
    const file = exportJson(s, LATER);
    const json = JSON.parse(file);
    expect(json).toMatchObject({ format: 'vejviser-tjekliste', version: VERSION, tjekliste: 'proeve', eksporteret: LATER });
    const wiped = resetRun(resetRun(s, 'g1', LATER), 'g2', LATER);
    const r = parseImport(file, def, LATER);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const merged = mergeImport(wiped, r.state);
    expect(merged.state.gennemgange).toEqual(s.gennemgange);
    expect(merged.state.aktiv).toBe(s.aktiv);
    expect(merged.erstattes).toEqual(['Gennemgang 1', 'CVR 12345678']);
    expect(merged.tilfoejes).toEqual([]);
  });

  it('accepts a file with a byte order mark', () => {
    expect(parseImport(`\uFEFF${exportJson(filled(), NOW)}`, def, LATER).ok).toBe(true);
  });

  it('imports a version 1 file by migrating it', () => {
    const v1 = JSON.stringify({ version: 1, tjekliste: 'proeve', punkter: { aftale: { faerdig: true, ansvarlig: 'Bo' } } });
    const r = parseImport(v1, def, LATER);
    expect(r.ok && activeRun(r.state).svar.aftale).toMatchObject({ status: 'faerdig', ansvarlig: 'Bo' });
  });

  it('adds runs that are not here, keeps runs that are not in the file, and never reuses a name', () => {
    const current = createRun(emptyState('proeve', NOW), 'CVR 12345678', NOW); // g1, g2
    const other = { ...emptyState('proeve', NOW), aktiv: 'g9', gennemgange: [{ id: 'g9', navn: 'CVR 12345678', oprettet: NOW, aendret: NOW, svar: {} }] };
    const m = mergeImport(current, other);
    expect(m.state.gennemgange.map((g) => g.navn)).toEqual(['Gennemgang 1', 'CVR 12345678', 'CVR 12345678 (importeret)']);
    expect(m.tilfoejes).toEqual(['CVR 12345678 (importeret)']);
    expect(m.state.aktiv).toBe('g9');
    expect(current.gennemgange).toHaveLength(2);
  });

  it('rejects what is not JSON, empty files and other files', () => {
    expect(errorsOf('')).toEqual(['Filen er tom.']);
    expect(errorsOf('Nummer;Punkt\n1.1;x')[0]).toMatch(/ikke en JSON-fil/);
    expect(errorsOf('[1,2]')[0]).toMatch(/ikke en eksport fra en tjekliste/);
    expect(errorsOf('{"hej":1}')[0]).toMatch(/formatet skal være "vejviser-tjekliste"/);
  });

  it('rejects a wrong version with the versions it can read', () => {
    const doc = JSON.parse(exportJson(filled(), NOW));
    expect(errorsOf(JSON.stringify({ ...doc, version: 99 }))).toEqual([
      `Filen har version 99, men denne udgave af Vejviser kan kun læse version 1 til ${VERSION}. Genindlæs siden, og prøv igen.`,
    ]);
    expect(errorsOf(JSON.stringify({ ...doc, version: 'to' }))[0]).toMatch(/mangler et versionsnummer/);
  });

  it('rejects a file for another checklist, naming both', () => {
    const doc = JSON.parse(exportJson(filled(), NOW));
    expect(errorsOf(JSON.stringify({ ...doc, tjekliste: 'digital-post' }))[0]).toBe(
      'Filen hører til tjeklisten "digital-post", ikke til "Prøveliste" (proeve). Importér den på den rigtige tjekliste.',
    );
  });

  it('names run, item number and field for a bad status and a bad date', () => {
    const doc = JSON.parse(exportJson(filled(), NOW));
    doc.gennemgange[0].svar.aftale.status = 'done';
    doc.gennemgange[1].svar.datakvalitet.frist = '2026-13-01';
    expect(errorsOf(JSON.stringify(doc))).toEqual([
      'Gennemgang nr. 1 ("Gennemgang 1"), punkt 1.1 (aftale): status "done" er ikke en gyldig status (brug ikke-startet, i-gang, faerdig, ikke-relevant).',
      'Gennemgang nr. 2 ("CVR 12345678"), punkt 2.1 (datakvalitet): fristen "2026-13-01" er ikke en gyldig dato (skriv ÅÅÅÅ-MM-DD, fx 2026-12-01).',
    ]);
  });

  it('names unknown items by id, and reports wrong types and missing fields', () => {
    const doc = JSON.parse(exportJson(filled(), NOW));
    doc.gennemgange[0].svar.ukendt = { status: 'faerdig', note: 7 };
    doc.gennemgange[1].svar.bank = 'ja';
    delete doc.gennemgange[1].navn;
    const errors = errorsOf(JSON.stringify(doc));
    expect(errors).toContain('Gennemgang nr. 1 ("Gennemgang 1"), punkt "ukendt": noten skal være tekst.');
    expect(errors).toContain('Gennemgang nr. 2, punkt 1.2 (bank): svaret skal være et objekt med status, ansvarlig, frist og note.');
    expect(errors).toContain('Gennemgang nr. 2, feltet "navn": navnet mangler.');
  });

  it('rejects duplicate runs in the file', () => {
    const doc = JSON.parse(exportJson(filled(), NOW));
    doc.gennemgange[1].id = 'g1';
    expect(errorsOf(JSON.stringify(doc))[0]).toMatch(/id "g1" findes to gange/);
  });

  it('accepts answers to items that no longer exist (they become orphans)', () => {
    const doc = JSON.parse(exportJson(filled(), NOW));
    doc.gennemgange[0].svar.fjernet = { status: 'faerdig', tekst: 'Et gammelt punkt', nummer: '9.1' };
    const r = parseImport(JSON.stringify(doc), def, LATER);
    expect(r.ok && r.state.gennemgange[0]!.svar.fjernet!.tekst).toBe('Et gammelt punkt');
  });
});

describe('CSV export', () => {
  const csv = exportCsv(def, filled(), '2026-11-23');
  const lines = csv.slice(1).split('\r\n');

  it('is UTF-8 with BOM, semicolons and CRLF, one row per item and run', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(lines[0]).toBe(CSV_HEADER.join(';'));
    expect(lines.at(-1)).toBe('');
    expect(lines.length - 2).toBe(8);
    expect(lines[1]).toMatch(/^Gennemgang 1;1\.1;Aftaler;Har I underskrevet aftalen\?;Færdig;/);
  });

  it('marks overdue items, quotes what needs quoting and neutralizes formulas', () => {
    expect(lines[2]).toBe('Gennemgang 1;1.2;Aftaler;Er banken orienteret?;Ikke startet;Anna;2026-11-01;Ja;"Ring til banken; ""hurtigt""";;/b/;' + NOW);
    expect(lines[4]).toContain('Certifikatet udløber: 2027-03-12');
    const row = lines.find((l) => l.startsWith('CVR 12345678;2.1'))!;
    expect(row).toContain(`;"'=HYPERLINK(""http://x"")";`);
    expect(row).toContain(';Ikke relevant;');
  });

  it('includes orphaned answers, marked', () => {
    const s = updateAnswer(emptyState('proeve', NOW), 'g1', { id: 'gammel', nummer: '0.9', tekst: 'Fjernet punkt' }, { note: 'n' }, NOW);
    expect(exportCsv(def, s, '2026-11-23')).toContain('Gennemgang 1;0.9;Forældet svar (punktet findes ikke længere);Fjernet punkt;Ikke startet');
  });

  it('names files by checklist and date', () => {
    expect(exportName('nemkonto', '2026-11-23')).toBe('tjekliste-nemkonto-2026-11-23');
  });
});
