import { describe, it, expect, vi } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'astro/zod';
import { kildesporSchema } from '../../../src/schemas/kildespor';
import { laesYaml } from './laes';

// src/schemas/kildespor.ts registers its collection through Astro's virtual module; only its
// schema is needed here.
vi.mock('astro:content', () => ({ defineCollection: <T>(c: T) => c }));

import { kildemappe as findKildemappe } from '../../kilder';

/** Where the plain-text sources live (beside the repository, not in it). */
const kildemappe = findKildemappe() ?? '/kilderne-findes-ikke';

/** Removes page breaks, hyphenation breaks, dash and quote variants and spacing differences. */
const normaliser = (s: string) =>
  s
    .replace(/(\p{L})-\s*\n\s*(\p{L})/gu, '$1$2')
    .replace(/[–—-]/g, '-')
    .replace(/[”“"«»]/g, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();

const omraader = [
  { kilde: 'kundeportalen', data: ['rettigheder', 'menupunkter', 'noter', 'kontaktroller'].map((f) => `content/data/kundeportalen/${f}.yaml`) },
  { kilde: 'serviceportalen', data: ['content/data/serviceportalen/statuskoder.yaml'] },
];

for (const { kilde, data } of omraader) {
  describe(`source trace of ${kilde}`, () => {
    const spor = kildesporSchema.parse(laesYaml(`content/data/kildespor/${kilde}.yaml`));
    const overskrifter = new Set(spor.afsnit.map((a) => a.overskrift));

    it('names a source listed in kilder.yaml and traces each heading once', () => {
      const kilder = z.array(z.object({ id: z.string() }).passthrough()).parse(laesYaml('content/data/kilder.yaml'));
      expect(kilder.map((k) => k.id)).toContain(spor.kilde);
      expect(spor.kilde).toBe(kilde);
      expect(overskrifter.size).toBe(spor.afsnit.length);
    });

    it('points every section at a page of its own area', () => {
      for (const a of spor.afsnit) expect(a.side.startsWith(`/${kilde}/`), a.overskrift).toBe(true);
    });

    it('every `kilde` in the data names a traced heading', () => {
      for (const fil of data) {
        const poster = z.array(z.object({ id: z.string(), kilde: z.array(z.string()) }).passthrough()).parse(laesYaml(fil));
        for (const p of poster) for (const k of p.kilde) expect(overskrifter.has(k), `${fil}: ${p.id} → «${k}»`).toBe(true);
      }
    });

    const fil = `${kildemappe}/${kilde}.txt`;
    it.skipIf(!existsSync(fil))('every traced heading occurs in the source text', () => {
      const tekst = normaliser(readFileSync(fil, 'utf8'));
      for (const a of spor.afsnit) expect(tekst.includes(normaliser(a.overskrift)), a.overskrift).toBe(true);
    });
  });
}
