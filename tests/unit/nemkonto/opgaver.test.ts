import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { opgaveSchema, opgaverSchema, tjeklistepunkter, grupper, type Opgave } from '../../../src/lib/nemkonto/schema';
import { opgaverIGruppe, punktEtiket, punktTekst, punktTilOpgaver, sorterOpgaver } from '../../../src/lib/nemkonto/opgaver';

const root = new URL('../../../', import.meta.url);
const raw = parse(readFileSync(new URL('content/data/nemkonto/opgaver.yaml', root), 'utf8'));
const parsed = opgaverSchema.safeParse(raw);
const opgaver: Opgave[] = parsed.success ? parsed.data : [];
const byId = new Map(opgaver.map((o) => [o.id, o]));

describe('content/data/nemkonto/opgaver.yaml (src/lib/nemkonto/schema.ts)', () => {
  it('is valid', () => {
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it('has the 11 tasks of the Tilslutningsguide at the agreed paths, in order', () => {
    expect(sorterOpgaver(opgaver).map((o) => o.side)).toEqual([
      '/nemkonto/allerede-tilsluttede-systemer/',
      '/nemkonto/nye-udbetalingssystemer/',
      '/nemkonto/aftale-med-pengeinstitut/',
      '/nemkonto/brugere-og-rettigheder/',
      '/nemkonto/datakvalitet/',
      '/nemkonto/afsendelse-af-betalinger/',
      '/nemkonto/indberetning-af-nemkonti/',
      '/nemkonto/specifikke-konti/',
      '/nemkonto/fejl-og-standsning/',
      '/nemkonto/blanketter-og-brevtekster/',
      '/nemkonto/informationsindsats/',
    ]);
  });

  it('has a page per task with "Opgaven" rendered from the data and "Mere om opgaven"', () => {
    for (const o of opgaver) {
      const file = new URL(`content${o.side.replace(/\/$/, '')}.mdx`, root);
      expect(existsSync(file), o.side).toBe(true);
      const mdx = readFileSync(file, 'utf8');
      expect(mdx, o.id).toMatch(/^## Opgaven$/m);
      expect(mdx, o.id).toMatch(/^## Mere om opgaven$/m);
      expect(mdx, o.id).toContain(`<Opgaven id="${o.id}" />`);
      expect(mdx, o.id).toMatch(/^system: nemkonto$/m);
    }
  });

  it('relates every task to at least one tjekliste item, and every item 1.1–1.11 to a task', () => {
    for (const o of opgaver) expect(o.tjeklistepunkter.length, o.id).toBeGreaterThan(0);
    const covered = new Set(opgaver.flatMap((o) => o.tjeklistepunkter));
    expect([...covered].sort()).toEqual([...tjeklistepunkter].sort());
  });

  it('relates the tasks to the items the source asks about', () => {
    const punkter = (id: string) => byId.get(id)?.tjeklistepunkter;
    expect(punkter('allerede-tilsluttede-systemer')).toEqual(['1.1']); // tilslutningsaftalen med KMD
    expect(punkter('aftale-med-pengeinstitut')).toEqual(['1.2']); // pengeinstitutaftalenummer
    expect(punkter('brugere-og-rettigheder')).toEqual(['1.3']);
    expect(punkter('datakvalitet')).toEqual(['1.4']); // korrekt identifikation
    expect(punkter('afsendelse-af-betalinger')).toEqual(['1.5']); // nye frister
    expect(punkter('indberetning-af-nemkonti')).toEqual(['1.6']);
    expect(punkter('specifikke-konti')).toEqual(['1.6']);
    expect(punkter('fejl-og-standsning')).toEqual(['1.7', '1.8', '1.9']); // retursvar, returnerede, manglende
    expect(punkter('blanketter-og-brevtekster')).toEqual(['1.10']);
    expect(punkter('informationsindsats')).toEqual(['1.11']);
  });

  it('carries the source\'s facts in the short texts', () => {
    expect(byId.get('datakvalitet')?.opgaven).toMatch(/CPR-, CVR-, P- eller SE-nummer/);
    expect(byId.get('indberetning-af-nemkonti')?.opgaven).toMatch(/pligt/);
    expect(byId.get('allerede-tilsluttede-systemer')?.opgaven).toMatch(/NemKonto Support ved/);
  });

  it('groups the tasks as the guide does', () => {
    expect(opgaverIGruppe(opgaver, 'tilslutning').map((o) => o.nr)).toEqual([1, 2, 3, 4, 5]);
    expect(opgaverIGruppe(opgaver, 'arbejdsgange').map((o) => o.nr)).toEqual([6, 7, 8, 9]);
    expect(opgaverIGruppe(opgaver, 'information').map((o) => o.nr)).toEqual([10, 11]);
    expect(Object.keys(grupper)).toEqual(['tilslutning', 'arbejdsgange', 'information']);
  });

  it('rejects bad data', () => {
    const o = opgaver[0]!;
    expect(opgaveSchema.safeParse({ ...o, tjeklistepunkter: ['1.12'] }).success).toBe(false);
    expect(opgaveSchema.safeParse({ ...o, tjeklistepunkter: [] }).success).toBe(false);
    expect(opgaveSchema.safeParse({ ...o, side: '/nemkonto/Opgave' }).success).toBe(false);
    expect(opgaverSchema.safeParse([o, o]).success).toBe(false);
    expect(opgaverSchema.safeParse([{ ...o, side: '/nemkonto/andet/' }]).success).toBe(false);
  });
});

describe('src/lib/nemkonto/opgaver.ts', () => {
  it('maps each tjekliste item to its tasks, in item order, showing gaps', () => {
    const m = punktTilOpgaver(opgaver);
    expect(m.map((x) => x.punkt)).toEqual([...tjeklistepunkter]);
    expect(m.find((x) => x.punkt === '1.6')!.opgaver.map((o) => o.id)).toEqual(['indberetning-af-nemkonti', 'specifikke-konti']);
    const uden = punktTilOpgaver(opgaver.filter((o) => o.id !== 'datakvalitet'));
    expect(uden.find((x) => x.punkt === '1.4')!.opgaver).toEqual([]);
  });

  it('writes item numbers the Danish way, in tjekliste order', () => {
    expect(punktTekst(['1.4'])).toBe('1.4');
    expect(punktTekst(['1.8', '1.7'])).toBe('1.7 og 1.8');
    expect(punktTekst(['1.10', '1.9', '1.2', '1.9'])).toBe('1.2, 1.9 og 1.10');
    expect(punktEtiket(['1.4'])).toBe('tjeklistepunkt 1.4');
    expect(punktEtiket(['1.7', '1.8', '1.9'])).toBe('tjeklistepunkterne 1.7, 1.8 og 1.9');
  });
});
