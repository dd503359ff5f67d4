import { describe, it, expect } from 'vitest';
import { loadRuleset } from '../../../src/lib/sod/load-node';
import { indexRuleset } from '../../../src/lib/sod/ruleset';
import { storeFromRecords } from '../../../src/lib/sod/store';
import { analyze } from '../../../src/lib/sod/analyze';
import { fundCsv, mitigationActive, oversigtCsv, resultDocument } from '../../../src/lib/sod/export';
import { describeFinding, findingSentence } from '../../../src/lib/sod/describe';

const ix = indexRuleset(loadRuleset());
const an = analyze(
  storeFromRecords(ix, [
    { system: 'IndFak', bruger: 'anna@inst.dk', navn: '=HYPERLINK("x")', rolle: 'Disponent Faktura', prokura: '50.000,00' },
    { system: 'NS', bruger: 'AHO', email: 'anna@inst.dk', rolle: 'NS_BETALING', prokura: 'ja' },
    { system: 'RejsUd', bruger: 'bo@inst.dk', navn: 'Bo Ek', rolle: 'Rejsende' },
    { system: 'NS', bruger: 'ZZ', rolle: 'NS_LOKAL' },
  ]),
);

describe('exports', () => {
  it('oversigt.csv: one row per person, severity, a column per system, UTF-8 BOM, ; and CRLF', () => {
    const csv = oversigtCsv(an);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(1 + an.persons.length);
    const header = lines[0]!.split(';');
    expect(header.slice(0, 5)).toEqual(['person', 'navn', 'e-mail', 'antal_fund', 'hoejeste_alvor']);
    expect(header).toContain('Navision Stat');
    // Persons with findings first; no finding → empty severity.
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"")"`);
    const bo = lines.find((l) => l.startsWith('bo@inst.dk'))!.split(';');
    expect(bo[3]).toBe('0');
    expect(bo[4]).toBe('');
    // Unknown roles are marked as such.
    expect(csv).toContain('NS_LOKAL (ukendt rolle)');
  });

  it('fund.csv: one row per finding with rule, severity, systems, roles, explanation and source, plus mitigation', () => {
    const f = an.findings[0]!;
    const csv = fundCsv(an, { [f.key]: { status: 'kompenserende-kontrol', begrundelse: 'Månedlig stikprøve', ansvarlig: 'Økonomichef', gyldigTil: '2027-06-30' } });
    const lines = csv.slice(1).split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(1 + an.findings.length);
    expect(lines[0]).toBe('person;navn;regel;titel;alvor;systemer;roller;forklaring;kilde;noegle;afhjaelpning;begrundelse;ansvarlig;gyldig_til');
    expect(lines[1]).toContain(';afledt-og-navision;');
    expect(lines[1]).toContain(';kritisk;IndFak, Navision Stat;IndFak: Disponent Faktura, NS: NS_BETALING;');
    expect(lines[1]).toContain(';Kompenserende kontrol;Månedlig stikprøve;Økonomichef;2027-06-30');
  });

  it('explains a finding in plain Danish with the concrete roles', () => {
    const v = describeFinding(an, an.findings[0]!);
    expect(findingSentence(v)).toContain('Disponent Faktura med prokura 50.000 i IndFak, bruger anna@inst.dk');
    expect(v.kilde).toBe('5, 2.2, 2.3');
  });

  it('the JSON document carries ruleset version, files, counts, findings and persons', () => {
    const doc = resultDocument(an, { meta: { dato: '2026-11-23', udfoertAf: 'Controller' } });
    expect(doc.regelsaet.version).toBe(ix.rs.regelsaet.version);
    expect(doc.filer[0]!.raekker).toBe(4);
    expect(doc.optaelling.fund).toBe(an.findings.length);
    expect(doc.personer).toHaveLength(an.persons.length);
    expect(doc.ukendteRoller.map((u) => u.navn)).toEqual(['NS_LOKAL']);
    expect(JSON.parse(JSON.stringify(doc)).kontrol.udfoertAf).toBe('Controller');
  });

  it('a mitigation applies until and including its valid-until date', () => {
    const m = { status: 'accepteret-risiko' as const, begrundelse: 'x', ansvarlig: 'y', gyldigTil: '2026-12-31' };
    expect(mitigationActive(m, '2026-12-31')).toBe(true);
    expect(mitigationActive(m, '2027-01-01')).toBe(false);
    expect(mitigationActive(undefined, '2026-01-01')).toBe(false);
  });
});
