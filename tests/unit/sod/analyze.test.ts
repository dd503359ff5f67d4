import { describe, it, expect } from 'vitest';
import { loadRuleset } from '../../../src/lib/sod/load-node';
import { indexRuleset, nameKey } from '../../../src/lib/sod/ruleset';
import { storeFromRecords } from '../../../src/lib/sod/store';
import { analyze, type AnalyzeOptions } from '../../../src/lib/sod/analyze';

const ix = indexRuleset(loadRuleset());
type Row = Parameters<typeof storeFromRecords>[1][number];

const run = (rows: Row[], opts?: AnalyzeOptions) => {
  const store = storeFromRecords(ix, rows);
  return { store, an: analyze(store, opts) };
};
const rules = (rows: Row[], opts?: AnalyzeOptions) => run(rows, opts).an.findings.map((f) => f.regel);

/** Rare combinations a person may have; each checked against what the rules data says. */
describe('analysis of rare combinations', () => {
  it('flags an Alene fuldmagt and hides the same-process finding it covers', () => {
    const { an, store } = run([{ system: 'District', bruger: '100001', rolle: 'Bruger', fuldmagt: 'Alene' }]);
    expect(an.findings.map((f) => f.regel)).toEqual(['alene-fuldmagt']);
    // The 2-i-forening separation does not hold with Alene: same-process is found, then covered.
    expect(an.undertrykte).toBe(1);
    const [del] = an.findings[0]!.dele;
    expect(del!.units).toEqual([{ acc: store.findAccount('district', '100001'), role: -1, fuldmagt: 'alene', funktion: null, prokura: false }]);
  });

  it('does not flag fuldmagt A on its own: the bank keeps creating and approving apart', () => {
    expect(rules([{ system: 'District', bruger: '100002', rolle: 'Bruger', fuldmagt: 'A' }])).toEqual([]);
  });

  it('names the Alene fuldmagt held by an Aftaleadministrator', () => {
    const { an } = run([{ system: 'District', bruger: '100003', rolle: 'Aftaleadministrator', fuldmagt: 'Alene' }]);
    expect(an.findings.map((f) => f.regel)).toEqual(['aftaleadministrator-med-alene']);
    expect(an.findings[0]!.dele[0]!.units.map((u) => u.medFuldmagt)).toEqual(['alene']);
  });

  it('lets an unreadable fuldmagt approve payments (but not act alone)', () => {
    const rows: Row[] = [
      { system: 'District', bruger: '100004', rolle: 'Bruger', fuldmagt: 'Særlig' },
      { system: 'IndFak', bruger: 'eva@inst.dk', rolle: 'Disponent Faktura', prokura: 'ja' },
    ];
    expect(rules(rows)).toEqual([]);
    const { an } = run(rows, { links: [['district:100004', 'indfak:eva@inst.dk']] });
    expect(an.findings.map((f) => f.regel)).toEqual(['afledt-og-bank']);
    const bank = an.findings[0]!.dele[1]!.units;
    expect(bank.map((u) => [u.fuldmagt, u.funktion])).toEqual([['ukendt', 'godkende-betaling']]);
  });

  it('drops a finding when the controller maps a role to no significance, and adds one for a mapped local role', () => {
    const rows: Row[] = [
      { system: 'IndFak', bruger: 'ole@inst.dk', rolle: 'Disponent Faktura', prokura: 'ja' },
      { system: 'Navision Stat', bruger: 'OLE', email: 'ole@inst.dk', rolle: 'NS_BETALING', prokura: 'ja' },
    ];
    expect(rules(rows)).toEqual(['afledt-og-navision']);
    expect(rules(rows, { rolleKortlaegning: { [`navision-stat:${nameKey('NS_BETALING')}`]: '' } })).toEqual([]);
    const local = [rows[0]!, { ...rows[1]!, rolle: 'Lokal betaling' }];
    const { an } = run(local);
    expect(an.findings).toEqual([]);
    expect(an.unknownRoles.map((u) => u.key)).toEqual([`navision-stat:${nameKey('Lokal betaling')}`]);
    expect(rules(local, { rolleKortlaegning: { [an.unknownRoles[0]!.key]: 'ns-betaling' } })).toEqual(['afledt-og-navision']);
  });

  it('needs the prokura a role function requires', () => {
    const rows = (prokura: string): Row[] => [
      { system: 'IndFak', bruger: 'kim@inst.dk', rolle: 'Disponent Faktura', prokura },
      { system: 'Navision Stat', bruger: 'KIM', email: 'kim@inst.dk', rolle: 'Bogføring' },
    ];
    expect(rules(rows('nej'))).toEqual([]);
    expect(rules(rows('10.000,00'))).toEqual(['afledt-og-navision']);
  });

  it('finds the same process on one account only when the setting switches the separation off', () => {
    const rows: Row[] = [
      { system: 'IndFak', bruger: 'lis@inst.dk', rolle: 'Rekvirent' },
      { system: 'IndFak', bruger: 'lis@inst.dk', rolle: 'Disponent Faktura', prokura: 'ja' },
    ];
    expect(rules(rows)).toEqual([]);
    const { an } = run(rows, { indstillinger: { 'indfak-2-oejne-profil': true } });
    expect(an.findings.map((f) => f.key)).toEqual(['samme-proces-flere-konti/indfak-rekvirent-disponent|indfak:lis@inst.dk']);
  });

  it('finds the same process across two accounts of one person even where each account is separated', () => {
    const { an } = run([
      { system: 'IndFak', bruger: 'lis.a', email: 'lis@inst.dk', rolle: 'Indkøber' },
      { system: 'IndFak', bruger: 'lis.b', email: 'lis@inst.dk', rolle: 'Disponent Ordre', prokura: 'ja' },
    ]);
    expect(an.findings.map((f) => f.key)).toEqual(['samme-proces-flere-konti/indfak-indkoeber-disponent|indfak:lis.a+indfak:lis.b']);
    // The finding of two accounts in one system is covered by the sharper one.
    expect(an.undertrykte).toBe(1);
  });

  it('reports findings only for the persons that have them', () => {
    const { an } = run([
      { system: 'RejsUd', bruger: 'a@inst.dk', rolle: 'Rejsende' },
      { system: 'NS', bruger: 'SUP', email: 's@inst.dk', rolle: 'SUPER' },
      { system: 'IndFak', bruger: 'b@inst.dk', rolle: 'Indkøber' },
    ]);
    expect(an.persons).toHaveLength(3);
    expect([...an.personFindings.keys()].map((p) => an.persons.key(p))).toEqual(['s@inst.dk']);
    expect(an.findings.every((f) => an.persons.key(f.person) === 's@inst.dk')).toBe(true);
  });
});
