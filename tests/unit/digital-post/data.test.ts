import { describe, it, expect } from 'vitest';
import { existsSync } from 'node:fs';
import { z } from 'astro/zod';
import { procesSchema, regelSchema, feltSchema, tjekReferencer, type Regel } from '../../../src/lib/digital-post/schema';
import { felter, processer, regler } from './data';

const root = new URL('../../../', import.meta.url);

describe('processer.yaml (src/lib/digital-post/schema.ts)', () => {
  const p = processer();

  it('has the four processes of chapters 3–6 in order, each with its page', () => {
    expect(p.map((x) => [x.id, x.kapitel, x.side])).toEqual([
      ['afsendersystem', '3', '/digital-post/afsendersystem/'],
      ['materiale', '4', '/digital-post/materiale/'],
      ['tilmeldingsgruppe', '5', '/digital-post/tilmeldingsgruppe/'],
      ['tilknytning', '6', '/digital-post/tilknytning/'],
    ]);
    for (const x of p) expect(existsSync(new URL(`content${x.side.replace(/\/$/, '')}.mdx`, root)), x.side).toBe(true);
  });

  it('has the steps of the overview table in chapter 2 (7, 6, 5 and 3)', () => {
    expect(p.map((x) => x.trin.length)).toEqual([7, 6, 5, 3]);
    expect(p[0]!.trin.map((t) => t.handling)).toContain('Vælg certifikat');
    expect(p[0]!.trin[5]!.handling).toBe('Vælg ja eller nej til kvittering');
    expect(p[2]!.trin[3]!.resultat).toMatch(/først sende meddelelser efter aktiveringsdatoen/);
  });

  it('has stable, unique step ids', () => {
    const ids = p.flatMap((x) => x.trin.map((t) => t.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('afsendersystem-4');
    expect(ids).toContain('tilknytning-3');
  });

  it('names the role each chapter requires', () => {
    const roller = Object.fromEntries(p.map((x) => [x.id, x.rolle.roller]));
    expect(roller).toEqual({
      afsendersystem: ['Superadministrator'],
      materiale: ['Superadministrator'],
      tilmeldingsgruppe: ['Systemadministrator', 'Superadministrator'],
      tilknytning: ['Systemadministrator', 'Superadministrator'],
    });
  });

  it('rejects a step described in the wrong section or numbered out of order', () => {
    const ok = p[1]!;
    const wrongSection = { ...ok, trin: ok.trin.map((t, i) => (i === 2 ? { ...t, afsnit: '5.3' } : t)) };
    expect(procesSchema.safeParse(wrongSection).success).toBe(false);
    const swapped = { ...ok, trin: [ok.trin[1], ok.trin[0], ...ok.trin.slice(2)] };
    expect(procesSchema.safeParse(swapped).success).toBe(false);
    expect(procesSchema.safeParse(ok).success).toBe(true);
  });
});

describe('felter.yaml and regler.yaml', () => {
  const f = felter();
  const r = regler();
  const byId = new Map(r.map((x) => [x.id, x]));
  const find = (pred: (x: Regel) => boolean) => r.filter(pred);

  it('are numbered 1, 2, 3 … in file order (the collection sorts by nr)', () => {
    expect(f.map((x) => x.nr)).toEqual(f.map((_, i) => i + 1));
    expect(r.map((x) => x.nr)).toEqual(r.map((_, i) => i + 1));
  });

  it('refer only to existing fields and values', () => {
    expect(tjekReferencer(f, r)).toEqual([]);
  });

  it('report a rule that names an unknown field or value', () => {
    const bad = [...r, { ...r[0]!, id: 'ny', saa: { snitflade: 'fax' } }, { ...r[0]!, id: 'ny2', naar: { farve: 'blå' } }];
    const fejl = tjekReferencer(f, bad as Regel[]);
    expect(fejl.some((e) => e.includes('"fax"'))).toBe(true);
    expect(fejl.some((e) => e.includes('"farve"'))).toBe(true);
    expect(tjekReferencer(f, [...r, r[0]!])).toContain(`to regler har id "${r[0]!.id}"`);
    expect(tjekReferencer(f, [...r, { ...r[0]!, id: 'ny3' }])).toContain(`to regler har nr ${r[0]!.nr}`);
  });

  it('offer the three interfaces of section 3.4', () => {
    const snitflade = f.find((x) => x.id === 'snitflade')!;
    expect(snitflade.valg.map((v) => v.tekst)).toEqual(['S/MIME', 'System-til-system (REST)', 'Filbaseret']);
    expect(snitflade.indstilling?.afsnit).toBe('3.4');
  });

  it('state: filbaseret ⇒ masseforsendelser (skal, 3.4)', () => {
    const m = find((x) => x.naar.snitflade === 'filbaseret' && x.saa?.forsendelse === 'masse');
    expect(m).toHaveLength(1);
    expect(m[0]).toMatchObject({ styrke: 'skal', afsnit: '3.4' });
  });

  it('state: standardsystem ⇒ S/MIME, enkeltforsendelser and online opslag (skal, 3.4)', () => {
    const std = find((x) => x.naar.standardsystem === 'ja' && Object.keys(x.naar).length === 1 && x.styrke === 'skal');
    const krav = Object.assign({}, ...std.map((x) => x.saa));
    expect(krav).toEqual({ snitflade: 'smime', forsendelse: 'enkelt', opslag: 'online' });
    expect(std.every((x) => x.afsnit === '3.4' && /standardsystem/.test(x.kildetekst))).toBe(true);
  });

  it('state: only one standardsystem per myndighed (forbudt, 3.4)', () => {
    const x = byId.get('kun-et-standardsystem')!;
    expect(x).toMatchObject({ forbudt: true, styrke: 'skal', afsnit: '3.4' });
    expect(x.naar).toEqual({ standardsystem: 'ja', eksisterendeStandard: 'ja' });
    expect(x.kildetekst).toMatch(/kun oprette ét afsendersystem/);
  });

  it('state: medarbejdercertifikater only with S/MIME (skal, 3.5)', () => {
    expect(byId.get('medarbejdercertifikat-kun-smime')).toMatchObject({
      naar: { certifikat: 'medarbejder' },
      saa: { snitflade: 'smime' },
      styrke: 'skal',
      afsnit: '3.5',
    });
  });

  it('state: both borgere and virksomheder ⇒ two tilmeldingsgrupper (skal, 5.3)', () => {
    expect(byId.get('begge-to-grupper')).toMatchObject({ saa: { tilmeldingsgrupper: 'begge' }, styrke: 'skal', afsnit: '5.3' });
  });

  it('keep the "Vælg …, hvis …" and "normalt" advice as recommendations, not requirements', () => {
    for (const id of ['email-smime', 'enkelt-rest', 'masse-filbaseret', 'adhoc-enkelt', 'koersler-masse', 'enkelt-online', 'masse-komplet']) {
      expect(byId.get(id)?.styrke, id).toBe('anbefalet');
    }
  });

  it('cite sections that exist in the source (chapters 1–6)', () => {
    for (const x of r) expect(x.afsnit, x.id).toMatch(/^[1-6]\.[1-7]$/);
  });

  it('validate each rule kind', () => {
    const base = { id: 'x', nr: 1, naar: { standardsystem: 'ja' }, forklaring: 'En forklaring.', kildetekst: 'Et citat fra kilden.', afsnit: '3.4' };
    expect(regelSchema.safeParse({ ...base, styrke: 'skal', saa: { snitflade: 'smime' } }).success).toBe(true);
    expect(regelSchema.safeParse({ ...base, styrke: 'skal' }).success).toBe(false);
    expect(regelSchema.safeParse({ ...base, styrke: 'anbefalet', forbudt: true, naar: { a: 'b', c: 'd' } }).success).toBe(false);
    expect(regelSchema.safeParse({ ...base, styrke: 'husk', saa: { snitflade: 'smime' } }).success).toBe(false);
    expect(regelSchema.safeParse({ ...base, styrke: 'husk' }).success).toBe(true);
    expect(z.array(feltSchema).safeParse([{ id: 'x', nr: 1, titel: 'Felt', valg: [{ id: 'a', tekst: 'A' }] }]).success).toBe(false);
  });
});
