import { describe, it, expect } from 'vitest';
import { bedstePraksisSchema } from '../../../src/lib/sod-guide/schema';
import { readYaml, seeds, seedText, sodHeadings } from './seed';

const raw = readYaml<unknown[]>('content/data/sod-guide/bedste-praksis.yaml');
const items = raw.map((r) => bedstePraksisSchema.parse(r));
const seedSections = seeds
  ? sodHeadings(seedText('funktionsadskillelse-og-privilegerede-rettigheder.txt')).filter((h) => /^4\.1\.\d$/.test(h.nummer))
  : [];

describe('bedste praksis (4.1.1–4.1.7)', () => {
  it('is valid against the schema', () => {
    for (const r of raw) expect(bedstePraksisSchema.safeParse(r).success).toBe(true);
  });

  it('has exactly the seven recommendations bp-4-1-1 … bp-4-1-7, in order', () => {
    expect(items.map((i) => i.id)).toEqual(['bp-4-1-1', 'bp-4-1-2', 'bp-4-1-3', 'bp-4-1-4', 'bp-4-1-5', 'bp-4-1-6', 'bp-4-1-7']);
  });

  it.skipIf(!seeds)('has one item for each 4.1.x section of the source, and no other', () => {
    expect(seedSections).toHaveLength(7);
    expect(items.map((i) => i.kilde.afsnit)).toEqual(seedSections.map((h) => h.nummer));
  });

  it('gives every item a title, a short summary, text and its source', () => {
    for (const i of items) {
      expect(i.titel.length).toBeGreaterThan(4);
      expect(i.kort.length).toBeGreaterThan(9);
      expect(i.tekst.join(' ').length).toBeGreaterThan(40);
      expect(i.kilde.dokument).toBe('funktionsadskillelse');
    }
  });

  it('rejects an item whose id does not match its section', () => {
    const broken = { ...(raw[0] as object), id: 'bp-4-1-2' };
    const res = bedstePraksisSchema.safeParse(broken);
    expect(res.success).toBe(false);
  });

  it('rejects an item without a source', () => {
    const { kilde: _k, ...rest } = raw[0] as Record<string, unknown>;
    expect(bedstePraksisSchema.safeParse(rest).success).toBe(false);
  });
});
