import { describe, it, expect } from 'vitest';
import { begrebSchema, KILDE_IDS } from '../../../src/lib/begreber/schema';
import { flat, readYaml, seeds, seedText, sodHeadings } from './seed';

const raw = readYaml<unknown[]>('content/data/begreber.yaml');
const begreber = raw.map((r) => begrebSchema.parse(r));
const kilder = readYaml<{ id: string; fil: string }[]>('content/data/kilder.yaml');
const spor = readYaml<{ afsnit: { nummer?: string }[] }>('content/data/kildespor/funktionsadskillelse.yaml');

const lower = (s: string) => s.toLocaleLowerCase('da-DK');

describe('begreber (glossary)', () => {
  it('is valid against the schema', () => {
    const bad = raw.map((r, i) => [i, begrebSchema.safeParse(r)] as const).filter(([, r]) => !r.success);
    expect(bad.map(([i, r]) => `${i}: ${r.error?.message}`)).toEqual([]);
  });

  it('has unique ids and unique terms', () => {
    expect(new Set(begreber.map((b) => b.id)).size).toBe(begreber.length);
    expect(new Set(begreber.map((b) => lower(b.term))).size).toBe(begreber.length);
  });

  it('knows exactly the five sources of content/data/kilder.yaml', () => {
    expect([...KILDE_IDS].sort()).toEqual(kilder.map((k) => k.id).sort());
  });

  it('draws on all five source documents', () => {
    expect(new Set(begreber.map((b) => b.kilde.dokument))).toEqual(new Set(KILDE_IDS));
  });

  it('gives every term a kilde that exists in its document', () => {
    const problems: string[] = [];
    const sodNumbers = new Set(spor.afsnit.map((a) => String(a.nummer ?? '')));
    for (const b of begreber) {
      const { dokument, afsnit } = b.kilde;
      if (dokument === 'funktionsadskillelse') {
        if (!sodNumbers.has(afsnit)) problems.push(`${b.term}: afsnit ${afsnit} findes ikke i kildesporet`);
        continue;
      }
      if (!seeds) continue;
      const fil = kilder.find((k) => k.id === dokument)!.fil;
      const text = seedText(fil);
      const found = /^\d+(\.\d+)*$/.test(afsnit)
        ? new RegExp(`^\\s*${afsnit.replaceAll('.', '\\.')}\\.?\\s+\\S`, 'm').test(text)
        : flat(text).includes(afsnit);
      if (!found) problems.push(`${b.term}: »${afsnit}« findes ikke i ${fil}`);
    }
    expect(problems).toEqual([]);
  });

  it.skipIf(!seeds)('names every term of the key-concept fact boxes of the SoD source (1.9)', () => {
    const text = seedText('funktionsadskillelse-og-privilegerede-rettigheder.txt');
    const start = text.indexOf('Faktaboks – Væsentlige nøglebegreber 1/2');
    const end = text.indexOf('2. Systemunderstøttet funktionsadskillelse');
    const lines = text.slice(start, end).split('\n').map((l) => l.trim());
    const terms: string[] = [];
    for (let i = 0; i < lines.length; i++) {
      const next = lines.slice(i + 1).find((l) => l !== '');
      if (lines[i] && !lines[i]!.startsWith('•') && !lines[i]!.startsWith('Faktaboks') && next?.startsWith('•')) terms.push(lines[i]!);
    }
    expect(terms.length).toBe(15);
    const names = new Set(begreber.flatMap((b) => [b.term, ...b.ogsaa].map(lower)));
    expect(terms.filter((t) => !names.has(lower(t)))).toEqual([]);
  });

  it.skipIf(!seeds)('is sure the fact-box parser reads the source (1.9 exists)', () => {
    expect(sodHeadings(seedText('funktionsadskillelse-og-privilegerede-rettigheder.txt')).some((h) => h.nummer === '1.9')).toBe(true);
  });

  it('writes clean Danish: no extraction damage, no hyphenation breaks', () => {
    for (const b of begreber) {
      expect(b.definition, b.term).not.toMatch(/[Þ¬ßóõð¶]/);
      expect(b.definition, b.term).not.toMatch(/\w- (?!(og|eller|samt|til) )\w/u);
    }
  });

  it('rejects a term without kilde and a link that is not a site path', () => {
    const first = raw[0] as Record<string, unknown>;
    const { kilde: _k, ...noKilde } = first;
    expect(begrebSchema.safeParse(noKilde).success).toBe(false);
    expect(begrebSchema.safeParse({ ...first, links: [{ tekst: 'Ude', href: 'https://example.com/' }] }).success).toBe(false);
  });
});
