import { describe, it, expect } from 'vitest';
import { z } from 'astro/zod';
import { statuskodeSchema } from '../../../src/schemas/serviceportalen';
import { laesYaml } from '../kundeportalen/laes';

const koder = z.array(statuskodeSchema).parse(laesYaml('content/data/serviceportalen/statuskoder.yaml'));
const kode = (navn: string) => {
  const k = koder.find((x) => x.navn === navn);
  if (!k) throw new Error(`Statuskoden ${navn} mangler`);
  return k;
};

describe('Serviceportalen: status codes', () => {
  it('has exactly the seven codes of the source, in its order', () => {
    expect([...koder].sort((a, b) => a.orden - b.orden).map((k) => k.navn)).toEqual([
      'Registreret',
      'Påbegyndt',
      'Tildelt',
      'Afventer internt',
      'Afventer rekvirent',
      'Udført',
      'Lukket',
    ]);
    expect(new Set(koder.map((k) => k.id)).size).toBe(7);
  });

  it('a case can be reopened while Udført, never once Lukket', () => {
    expect(kode('Udført').handlinger).toContain('genaabn');
    expect(kode('Lukket').handlinger).not.toContain('genaabn');
    expect(kode('Lukket').betydning).toMatch(/7 dage/);
    expect(kode('Lukket').betydning).toMatch(/kan ikke genåbnes/);
  });

  it('Afventer rekvirent asks the creator to answer', () => {
    expect(kode('Afventer rekvirent').handlinger).toContain('svar');
    expect(kode('Afventer rekvirent').betydning).toMatch(/opret/i);
  });

  it('only cases in progress can be updated, shared or closed by the user', () => {
    for (const k of koder) {
      const aendrer = k.handlinger.some((h) => h === 'opdater' || h === 'svar' || h === 'del' || h === 'luk');
      expect(aendrer, k.navn).toBe(k.igangvaerende);
    }
    expect(koder.filter((k) => k.igangvaerende)).toHaveLength(5);
  });

  it('explains our reading where the source leaves it open (how to reopen)', () => {
    expect(kode('Udført').note).toMatch(/siger ikke/);
  });

  it('the schema rejects an unknown action', () => {
    expect(statuskodeSchema.safeParse({ ...koder[0], handlinger: ['slet'] }).success).toBe(false);
  });
});
