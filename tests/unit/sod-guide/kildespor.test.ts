import { describe, it, expect } from 'vitest';
import { readdirSync } from 'node:fs';
import { readYaml, seeds, seedText, sodCaptions, sodHeadings } from './seed';
import { compareAfsnit } from '../../../src/lib/kildespor/ids';

interface Spor {
  kilde: string;
  afsnit: { nummer?: string; overskrift: string; side: string; anker?: string }[];
}

const SOD = 'funktionsadskillelse-og-privilegerede-rettigheder.txt';
const spor = readYaml<Spor>('content/data/kildespor/funktionsadskillelse.yaml');
const numre = spor.afsnit.map((a) => String(a.nummer ?? ''));
const headings = seeds ? sodHeadings(seedText(SOD)) : [];

describe('seed heading parser', () => {
  it('finds sections at every depth and the chapters, but not numbered list items', () => {
    const text = [' 1. Indledning ', '1.1 Baggrund og formål ', '2.2.2.1 Implementering af x', '1. Fra Navision Stat via', ' 3. Vurdering: Vurdering af behovet'].join('\n');
    expect(sodHeadings(text)).toEqual([
      { nummer: '1', tekst: 'Indledning' },
      { nummer: '1.1', tekst: 'Baggrund og formål' },
      { nummer: '2.2.2.1', tekst: 'Implementering af x' },
    ]);
  });

  it.skipIf(!seeds)('finds the seven chapters and the sections of the SoD source', () => {
    expect(headings.filter((h) => !h.nummer.includes('.')).map((h) => h.nummer)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(headings.length).toBeGreaterThan(60);
  });
});

describe('kildespor for Funktionsadskillelse og privilegerede rettigheder', () => {
  it('belongs to the source funktionsadskillelse', () => {
    expect(spor.kilde).toBe('funktionsadskillelse');
  });

  it.skipIf(!seeds)('covers every numbered heading of the source', () => {
    const missing = headings.filter((h) => !numre.includes(h.nummer)).map((h) => `${h.nummer} ${h.tekst}`);
    expect(missing).toEqual([]);
  });

  it.skipIf(!seeds)('lists no numbered section the source does not have', () => {
    const known = new Set(headings.map((h) => h.nummer));
    const invented = numre.filter((n) => /^\d+(\.\d+)*$/.test(n) && !known.has(n));
    expect(invented).toEqual([]);
  });

  it.skipIf(!seeds)('covers Appendiks 1 and every figure and table of the source', () => {
    expect(numre).toContain('Appendiks 1');
    const captions = sodCaptions(seedText(SOD));
    expect(captions.length).toBeGreaterThanOrEqual(13);
    expect(captions.filter((c) => !numre.includes(c))).toEqual([]);
  });

  it('lists each numbered section once, in the order of the source', () => {
    const numbered = numre.filter((n) => /^\d+(\.\d+)*$/.test(n));
    expect(new Set(numbered).size).toBe(numbered.length);
    const sorted = [...numbered].sort(compareAfsnit);
    expect(numbered).toEqual(sorted);
  });

  it('points every row at a page path and a heading-style anchor', () => {
    for (const a of spor.afsnit) {
      expect(a.side, a.overskrift).toMatch(/^\/[a-z0-9\-/]*\/$/);
      expect(a.anker ?? '', a.overskrift).toMatch(/^[a-z0-9\-æøå]*$/);
    }
  });
});

describe('every kildespor file', () => {
  const dir = new URL('../../../content/data/kildespor/', import.meta.url).pathname;
  const kilder = readYaml<{ id: string }[]>('content/data/kilder.yaml').map((k) => k.id);
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
    it(`${file} names a known source and matches its file name`, () => {
      const s = readYaml<Spor>(`content/data/kildespor/${file}`);
      expect(kilder).toContain(s.kilde);
      expect(file).toBe(`${s.kilde}.yaml`);
    });
  }
});
