import { describe, it, expect } from 'vitest';
import { loadRuleset, loadRulesetParts } from '../../../src/lib/sod/load-node';
import { indexRuleset, nameKey } from '../../../src/lib/sod/ruleset';
import { buildRuleset } from '../../../src/lib/sod/build';
import { crossReferenceProblems, regelSchema } from '../../../src/lib/sod/schema';
import { ALVOR_ORDEN, ALVOR_NAVN, alvorRank } from '../../../src/lib/sod/alvor';

const rs = loadRuleset();
const ix = indexRuleset(rs);

describe('SoD rules data (content/data/sod)', () => {
  it('validates, has a semantic version and no broken cross-references', () => {
    expect(rs.regelsaet.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(crossReferenceProblems(rs)).toEqual([]);
  });

  it('covers the five systems of the source with their types', () => {
    expect(Object.fromEntries(rs.systemer.map((s) => [s.id, s.type]))).toEqual({
      rejsud: 'betalingsafledende',
      indfak: 'betalingsafledende',
      'navision-stat': 'udbetalingssystem',
      nemkonto: 'nemkonto',
      district: 'bank',
    });
  });

  it('gives every rule a severity, a source section, an explanation and flag / no-flag test cases', () => {
    expect(rs.regler.length).toBeGreaterThanOrEqual(10);
    for (const r of rs.regler) {
      expect(ALVOR_ORDEN).toContain(r.alvor);
      expect(r.kilde).toMatch(/\d/);
      expect(r.testtilfaelde.some((t) => t.forventet === 'flag'), r.id).toBe(true);
      expect(r.testtilfaelde.some((t) => t.forventet === 'ikke-flag'), r.id).toBe(true);
    }
  });

  it('names every system in the test cases so the checker recognizes it', () => {
    for (const r of rs.regler)
      for (const t of r.testtilfaelde)
        for (const row of t.tildelinger) expect(ix.systemByName.get(nameKey(row.system)), `${r.id}: ${row.system}`).toBeTruthy();
  });

  it('has the roles the source names, with prokura where the source says they need it', () => {
    const need = (id: string) => ix.roleById.get(id)!.funktioner.map((f) => `${f.funktion}:${f.kraever}`);
    expect(need('rejsud-godkender')).toEqual(['godkende:prokura']);
    expect(need('indfak-disponent-ordre')).toEqual(['disponere:prokura']);
    expect(need('indfak-disponent-faktura')).toEqual(['godkende:prokura']);
    expect(need('ns-betaling')).toContain('sidste-godkendelse:prokura');
    for (const id of ['ns-super', 'ns-super-data', 'indfak-lokal-systemadministrator', 'rejsud-lokal-systemadministrator', 'district-aftaleadministrator'])
      expect(ix.roleById.get(id)!.privilegeret, id).toBe(true);
    expect(ix.roleById.get('district-brugeradministrator')!.privilegeret).toBe(false);
  });

  it('records the separations the systems enforce themselves (engine does not flag them)', () => {
    const pairs = rs.systemer.flatMap((s) => s.adskillelser.map((a) => `${s.id}:${a.mellem[0].join('+')}|${a.mellem[1].join('+')}`));
    expect(pairs).toEqual(
      expect.arrayContaining([
        'rejsud:registrere-rejse|godkende',
        'indfak:bestille|disponere',
        'indfak:varemodtage|godkende',
        'navision-stat:bogfoere|sidste-godkendelse',
        'navision-stat:foerste-godkendelse|sidste-godkendelse',
        'district:oprette-betaling|godkende-betaling',
      ]),
    );
  });

  it('rebuilds Figur 10: every not-allowed combination points to the rule that finds it', () => {
    const ikke = rs.kombinationer.filter((k) => k.status !== 'tilladt');
    expect(ikke.length).toBeGreaterThanOrEqual(4);
    for (const k of ikke) expect(rs.regler.map((r) => r.id)).toContain(k.regel);
    for (const k of rs.kombinationer.filter((x) => x.status === 'tilladt')) expect(k.begrundelse.length).toBeGreaterThan(20);
  });

  it('gives privileged controls the frequency of 1.7.1 (assignment quarterly, use half-yearly)', () => {
    for (const k of rs.kontroller.filter((x) => x.omfang === 'privilegeret')) {
      expect(k.hyppighed.interval, k.id).toBe(k.art === 'tildeling' ? 'kvartalsvis' : 'halvaarligt');
      expect(k.hyppighed.kilde).toContain('1.7.1');
    }
  });

  it('rejects a broken reference with a Danish message naming it', () => {
    const parts = loadRulesetParts();
    const regler = structuredClone(parts.regler) as { undertrykkesAf?: string[] }[];
    regler[0]!.undertrykkesAf = ['findes-ikke'];
    expect(() => buildRuleset({ ...parts, regler })).toThrow(/ukendt regel «findes-ikke»/);
  });

  it('rejects a rule without a no-flag test case', () => {
    const r = structuredClone(rs.regler[0]!);
    r.testtilfaelde = r.testtilfaelde.filter((t) => t.forventet === 'flag');
    const res = regelSchema.safeParse(r);
    expect(res.success).toBe(false);
    expect(JSON.stringify(res.error!.issues)).toContain('ikke flager');
  });

  it('rejects a section number written as a YAML number with advice to quote it', () => {
    const r = structuredClone(rs.regler[0]!) as unknown as { kilde: unknown };
    r.kilde = 5.4;
    const res = regelSchema.safeParse(r);
    expect(res.success).toBe(false);
    expect(JSON.stringify(res.error!.issues)).toContain('anførselstegn');
  });
});

describe('severity levels (alvor.ts)', () => {
  it('orders kritisk > høj > middel > lav and names them in Danish', () => {
    expect(ALVOR_ORDEN.map(alvorRank)).toEqual([0, 1, 2, 3]);
    expect(ALVOR_NAVN.høj).toBe('Høj');
    expect(rs.regelsaet.alvorsgrader.map((a) => a.id)).toEqual([...ALVOR_ORDEN]);
  });
});
