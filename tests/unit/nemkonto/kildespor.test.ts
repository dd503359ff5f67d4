import { describe, it, expect, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { kildetekst, normaliser } from '../kildetekst';
import { opgaverSchema } from '../../../src/lib/nemkonto/schema';

vi.mock('astro:content', () => ({ defineCollection: <T>(c: T) => c }));
const { kildesporSchema } = await import('../../../src/schemas/kildespor');

const root = new URL('../../../', import.meta.url);
const laes = (f: string) => parse(readFileSync(new URL(f, root), 'utf8'));
const spor = kildesporSchema.parse(laes('content/data/kildespor/nemkonto.yaml'));
const opgaver = opgaverSchema.parse(laes('content/data/nemkonto/opgaver.yaml'));
const tekst = kildetekst('nemkonto-tilslutningsguide.txt');

describe('content/data/kildespor/nemkonto.yaml', () => {
  it('traces the Tilslutningsguide to its own pages, each heading once', () => {
    expect(spor.kilde).toBe('nemkonto');
    for (const a of spor.afsnit) expect(a.side, a.overskrift).toMatch(/^\/nemkonto\//);
    expect(new Set(spor.afsnit.map((a) => a.overskrift)).size).toBe(spor.afsnit.length);
  });

  it('traces each task with its "Opgaven" and "Mere om opgaven" to the task page', () => {
    for (const o of opgaver) {
      const mine = spor.afsnit.filter((a) => a.overskrift.startsWith(o.kildeafsnit));
      expect(mine.map((a) => [a.side, a.anker]), o.id).toEqual([
        [o.side, ''],
        [o.side, 'opgaven'],
        [o.side, 'mere-om-opgaven'],
      ]);
    }
  });

  it('traces the deadlines, the returns, support and the tjekliste', () => {
    const find = (h: string) => spor.afsnit.find((a) => a.overskrift === h);
    expect(find('Tidsfrister for afsendelse af betalinger')?.side).toBe('/nemkonto/afsendelse-af-betalinger/');
    expect(find('Returnering af fejlagtige betalinger')?.anker).toBe('retursvar-og-returnerede-betalinger');
    expect(find('NemKonto Support')?.side).toBe('/nemkonto/support/');
    expect(find('Tjekliste')).toMatchObject({ side: '/nemkonto/', anker: 'tjeklisten' });
  });

  it.skipIf(!tekst)('has only headings that occur in the source text', () => {
    for (const a of spor.afsnit) {
      for (const del of a.overskrift.split(' – ')) expect(tekst!.includes(normaliser(del)), a.overskrift).toBe(true);
    }
  });

  it.skipIf(!tekst)('names source sections of the tasks that occur in the source text', () => {
    for (const o of opgaver) expect(tekst!.includes(normaliser(o.kildeafsnit)), o.kildeafsnit).toBe(true);
  });
});
