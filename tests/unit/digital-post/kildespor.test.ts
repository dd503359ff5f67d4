import { describe, it, expect, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { kildetekst, normaliser } from '../kildetekst';
import { processer, regler } from './data';

vi.mock('astro:content', () => ({ defineCollection: <T>(c: T) => c }));
const { kildesporSchema } = await import('../../../src/schemas/kildespor');

const root = new URL('../../../', import.meta.url);
const spor = kildesporSchema.parse(parse(readFileSync(new URL('content/data/kildespor/digital-post.yaml', root), 'utf8')));
const tekst = kildetekst('digital-post-afsendersystem.txt');

describe('content/data/kildespor/digital-post.yaml', () => {
  it('traces the Digital Post guide to its own pages, each heading once', () => {
    expect(spor.kilde).toBe('digital-post');
    for (const a of spor.afsnit) expect(a.side, a.overskrift).toMatch(/^\/digital-post\//);
    // 4.1 and 6.1 have the same heading in the source; number and heading together are unique.
    expect(new Set(spor.afsnit.map((a) => `${a.nummer} ${a.overskrift}`)).size).toBe(spor.afsnit.length);
  });

  it('traces every chapter and every numbered section of chapters 1 and 3–6', () => {
    const numre = new Set(spor.afsnit.map((a) => a.nummer));
    for (const n of ['1', '1.1', '1.2', '1.3', '1.4', '1.5', '2', '3', '4', '5', '6']) expect(numre.has(n), n).toBe(true);
    for (const p of processer()) for (const t of p.trin) expect(numre.has(t.afsnit), t.afsnit).toBe(true);
  });

  it('sends each step section to the same anchor as the step list', () => {
    for (const p of processer()) {
      for (const t of p.trin) {
        const a = spor.afsnit.find((x) => x.nummer === t.afsnit)!;
        expect([a.side, a.anker]).toEqual([p.side, t.anker]);
      }
    }
  });

  it('covers every section a rule cites', () => {
    const numre = new Set(spor.afsnit.map((a) => a.nummer));
    for (const r of regler()) expect(numre.has(r.afsnit), `${r.id}: ${r.afsnit}`).toBe(true);
  });

  it.skipIf(!tekst)('has only headings that occur in the source text', () => {
    for (const a of spor.afsnit) expect(tekst!.includes(normaliser(a.overskrift)), a.overskrift).toBe(true);
  });

  it.skipIf(!tekst)('quotes every rule as it stands in the source text', () => {
    for (const r of regler()) expect(tekst!.includes(normaliser(r.kildetekst)), `${r.id}: ${r.kildetekst}`).toBe(true);
  });
});
