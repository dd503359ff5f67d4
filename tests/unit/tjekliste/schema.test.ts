import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { kildemappe } from '../../kilder';
import { tjeklisteSchema, type Tjekliste } from '../../../src/lib/tjekliste/schema';
import { allItems } from '../../../src/lib/tjekliste/progress';
import { definition } from './fixtures';

const dir = new URL('../../../checklists/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
const defs = new Map<string, Tjekliste>(files.map((f) => [f.replace(/\.yaml$/, ''), tjeklisteSchema.parse(parse(readFileSync(new URL(f, dir), 'utf8')))]));
const kilder = (parse(readFileSync(new URL('../../../content/data/kilder.yaml', import.meta.url), 'utf8')) as { id: string }[]).map((k) => k.id);

describe('tjekliste schema', () => {
  it('rejects duplicate item ids and numbers, naming them', () => {
    const r = tjeklisteSchema.safeParse({
      ...definition(),
      grupper: [
        { id: 'a', titel: 'Gruppe A', punkter: [{ id: 'x', nummer: '1.1', tekst: 'Første punkt', vejledning: '/a/' }] },
        { id: 'b', titel: 'Gruppe B', punkter: [{ id: 'x', nummer: '1.1', tekst: 'Andet punkt', vejledning: '/b/' }] },
      ],
    });
    expect(r.success).toBe(false);
    const msgs = r.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(msgs).toContain('grupper.1.punkter.0.id: punkt-id "x" bruges også af punkt 1.1');
    expect(msgs).toContain('grupper.1.punkter.0.nummer: nummer "1.1" findes to gange');
  });

  it('rejects guide links that are not site paths', () => {
    for (const bad of ['https://example.com/', 'nemkonto/', '/nemkonto', '/Nemkonto/']) {
      expect(tjeklisteSchema.safeParse({ ...definition(), grupper: [{ id: 'a', titel: 'Gruppe', punkter: [{ id: 'x', nummer: '1', tekst: 'Et punkt', vejledning: bad }] }] }).success, bad).toBe(false);
    }
    expect(allItems(definition()).map((p) => p.id)).toEqual(['aftale', 'bank', 'datakvalitet', 'certifikat']);
  });
});

describe('the checklists in checklists/', () => {
  it('has the four checklists, each named by its id, each from a known source', () => {
    expect([...defs.keys()].sort()).toEqual(['digital-post', 'kundeportalen', 'nemkonto', 'periodisk-kontrol']);
    for (const [file, def] of defs) {
      expect(def.id).toBe(file);
      expect(kilder).toContain(def.kilde.dokument);
    }
  });

  it('NemKonto: items 1.1–1.11 of the guide, each linked to its task page, with the two data checks', () => {
    const items = allItems(defs.get('nemkonto')!);
    expect(items.map((p) => p.nummer)).toEqual(['1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7', '1.8', '1.9', '1.10', '1.11']);
    expect(Object.fromEntries(items.map((p) => [p.nummer, p.vejledning]))).toEqual({
      '1.1': '/nemkonto/allerede-tilsluttede-systemer/',
      '1.2': '/nemkonto/aftale-med-pengeinstitut/',
      '1.3': '/nemkonto/brugere-og-rettigheder/',
      '1.4': '/nemkonto/datakvalitet/',
      '1.5': '/nemkonto/afsendelse-af-betalinger/',
      '1.6': '/nemkonto/indberetning-af-nemkonti/',
      '1.7': '/nemkonto/fejl-og-standsning/',
      '1.8': '/nemkonto/fejl-og-standsning/',
      '1.9': '/nemkonto/fejl-og-standsning/',
      '1.10': '/nemkonto/blanketter-og-brevtekster/',
      '1.11': '/nemkonto/informationsindsats/',
    });
    expect(items.find((p) => p.nummer === '1.1')!.ogsaa.map((o) => o.side)).toEqual(['/nemkonto/nye-udbetalingssystemer/']);
    expect(items.find((p) => p.nummer === '1.6')!.ogsaa.map((o) => o.side)).toEqual(['/nemkonto/specifikke-konti/']);
    expect(items.filter((p) => p.kontrol).map((p) => [p.nummer, p.kontrol!.side])).toEqual([
      ['1.4', '/kontroller/nemkonto/#modtagere'],
      ['1.5', '/kontroller/nemkonto/#betalinger'],
    ]);
  });

  // The item texts are the guide's own questions (checked where the source extraction is at hand).
  const mappe = kildemappe();
  const seed = mappe ? join(mappe, 'nemkonto-tilslutningsguide.txt') : '';
  it.skipIf(!seed || !existsSync(seed))('NemKonto: item texts are the guide\'s own questions', () => {
    const guide = readFileSync(seed, 'utf8').replace(/\s+/g, ' ');
    for (const p of allItems(defs.get('nemkonto')!)) expect(guide).toContain(`${p.nummer}: ${p.tekst}`);
  });

  it('Digital Post: the four processes step by step, then test, materiale-ID\'er and the certificate date', () => {
    const def = defs.get('digital-post')!;
    const count = (id: string) => def.grupper.find((g) => g.id === id)!.punkter.length;
    expect([count('afsendersystem'), count('materiale'), count('tilmeldingsgruppe'), count('tilknytning')]).toEqual([7, 6, 5, 3]);
    const items = allItems(def);
    expect(items.filter((p) => p.dato).map((p) => p.id)).toEqual(['certifikat-udloeb']);
    expect(items.map((p) => p.id)).toEqual(expect.arrayContaining(['test-testbruger', 'meddel-materiale-id']));
    const allowed = ['afsendersystem', 'materiale', 'tilmeldingsgruppe', 'tilknytning', 'test'].map((s) => `/digital-post/${s}/`);
    for (const p of items) expect(allowed).toContain(p.vejledning);
  });

  it('no checklist carries the PDF damage of its source', () => {
    const text = files.map((f) => readFileSync(new URL(f, dir), 'utf8')).join('\n');
    expect(text).not.toMatch(/[Þ¬ßõð¶]|ó[^g]/);
  });

  it('guide links stay inside each checklist\'s own area (plus the site\'s checks)', () => {
    const area: Record<string, string> = {
      nemkonto: '/nemkonto/',
      'digital-post': '/digital-post/',
      kundeportalen: '/kundeportalen/',
      'periodisk-kontrol': '/funktionsadskillelse/',
    };
    for (const [id, def] of defs) {
      for (const p of allItems(def)) {
        for (const side of [p.vejledning, ...p.ogsaa.map((o) => o.side)]) expect(side.startsWith(area[id]!), `${id} ${p.nummer} ${side}`).toBe(true);
        if (p.kontrol) expect(p.kontrol.side.startsWith('/kontroller/')).toBe(true);
      }
    }
  });

  it('periodic control: a quarterly and a half-yearly item for each system', () => {
    const def = defs.get('periodisk-kontrol')!;
    for (const sys of ['rejsud', 'indfak', 'navision-stat', 'district']) {
      const texts = def.grupper.find((g) => g.id === sys)!.punkter.map((p) => p.tekst);
      expect(texts.some((t) => t.startsWith('Kvartalsvis:')), sys).toBe(true);
      expect(texts.some((t) => t.startsWith('Halvårligt:')), sys).toBe(true);
    }
    expect(def.grupper.map((g) => g.id)).toContain('nemkonto');
  });
});
