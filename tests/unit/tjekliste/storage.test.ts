import { describe, expect, it } from 'vitest';
import { activeRun, emptyState, setChecked, updateAnswer, VERSION } from '../../../src/lib/tjekliste/state';
import {
  backupKey,
  backupRaw,
  loadState,
  migrate,
  migrateV1,
  saveState,
  storageKey,
  type TilstandV1,
} from '../../../src/lib/tjekliste/storage';
import { reconcile } from '../../../src/lib/tjekliste/progress';
import { definition, LATER, MemoryStorage, NOW } from './fixtures';

const p = { id: 'aftale', nummer: '1.1', tekst: 'Har I underskrevet aftalen?' };

describe('save and load', () => {
  it('round-trips a state through storage under the checklist\'s own key', () => {
    const store = new MemoryStorage();
    let s = setChecked(emptyState('proeve', NOW), 'g1', p, true, NOW);
    s = updateAnswer(s, 'g1', p, { ansvarlig: 'Anna', note: 'Underskrevet 12/11' }, LATER);
    expect(saveState(store, s)).toEqual({ ok: true });
    expect([...store.map.keys()]).toEqual(['vejviser.tjekliste.proeve']);
    const back = loadState(store, 'proeve', LATER);
    expect(back.problem).toBeUndefined();
    expect(back.state).toEqual(s);
    expect(JSON.parse(store.map.get(storageKey('proeve'))!).version).toBe(VERSION);
  });

  it('starts empty when nothing is stored, and writes nothing while loading', () => {
    const store = new MemoryStorage();
    const r = loadState(store, 'proeve', NOW);
    expect(r.problem).toBeUndefined();
    expect(activeRun(r.state).svar).toEqual({});
    expect(store.writes).toEqual([]);
  });

  it('reports a storage that is missing or refuses writes, in Danish', () => {
    expect(loadState(null, 'proeve', NOW).problem?.type).toBe('lager');
    const store = new MemoryStorage();
    store.failWith = Object.assign(new Error('QuotaExceededError: quota exceeded'), { name: 'QuotaExceededError' });
    const r = saveState(store, emptyState('proeve', NOW));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.besked).toMatch(/lager er fyldt/);
  });
});

describe('migration', () => {
  const v1: TilstandV1 = {
    version: 1,
    tjekliste: 'proeve',
    gemt: '2025-03-01T08:00:00.000Z',
    punkter: {
      aftale: { faerdig: true, ansvarlig: 'Anna', note: 'ok' },
      bank: { faerdig: false, frist: '2025-04-01' },
      fjernet: { faerdig: true, note: 'punkt der ikke findes mere' },
    },
  };

  it('migrates version 1 to the current version: one run, done → færdig, fields kept', () => {
    const s = migrateV1(v1, NOW);
    expect(s.version).toBe(VERSION);
    expect(s.gennemgange).toHaveLength(1);
    const run = s.gennemgange[0]!;
    expect(run.navn).toBe('Gennemgang 1');
    expect(run.svar.aftale).toMatchObject({ status: 'faerdig', ansvarlig: 'Anna', note: 'ok', aendret: v1.gemt });
    expect(run.svar.bank).toMatchObject({ status: 'ikke-startet', frist: '2025-04-01' });
    expect(Object.keys(run.svar)).toEqual(['aftale', 'bank', 'fjernet']);
  });

  it('loads version 1 from storage without a problem, and keeps answers to removed items as orphans', () => {
    const store = new MemoryStorage();
    store.setItem(storageKey('proeve'), JSON.stringify(v1));
    const r = loadState(store, 'proeve', NOW);
    expect(r.problem).toBeUndefined();
    const rec = reconcile(definition(), activeRun(r.state));
    expect(rec.punkter.find((x) => x.punkt.id === 'aftale')!.svar!.status).toBe('faerdig');
    expect(rec.foraeldede.map((o) => o.id)).toEqual(['fjernet']);
  });

  it('leaves a current document as it is', () => {
    const s = emptyState('proeve', NOW);
    expect(migrate(s, NOW)).toBe(s);
  });
});

describe('corrupt data', () => {
  it('backs up data that is not JSON, starts empty, says so in Danish, and touches nothing else', () => {
    const store = new MemoryStorage();
    store.map.set(storageKey('proeve'), '{"format":"vejviser-tjekliste", "gennem');
    store.map.set(storageKey('andre'), '{"noget":"andet"}');
    store.map.set('fremmed-nøgle', 'x');
    const r = loadState(store, 'proeve', NOW);
    expect(r.problem?.type).toBe('beskadiget');
    expect(r.problem?.besked).toMatch(/beskadigede og kunne ikke læses/);
    expect(r.problem?.backup).toBe(backupKey('proeve'));
    expect(store.map.get(backupKey('proeve'))).toBe('{"format":"vejviser-tjekliste", "gennem');
    // The original stays until the user changes something; other keys are untouched.
    expect(store.map.get(storageKey('proeve'))).toBe('{"format":"vejviser-tjekliste", "gennem');
    expect(store.map.get(storageKey('andre'))).toBe('{"noget":"andet"}');
    expect(store.map.get('fremmed-nøgle')).toBe('x');
    expect(store.writes).toEqual([backupKey('proeve')]);
    expect(activeRun(r.state).svar).toEqual({});
  });

  it('does not pile up backups of the same data, and never overwrites a different backup', () => {
    const store = new MemoryStorage();
    expect(backupRaw(store, 'proeve', 'A')).toBe(backupKey('proeve'));
    expect(backupRaw(store, 'proeve', 'A')).toBe(backupKey('proeve'));
    expect(backupRaw(store, 'proeve', 'B')).toBe(`${backupKey('proeve')}-2`);
    expect(store.map.get(backupKey('proeve'))).toBe('A');
  });

  it('recovers every readable answer and lists exactly what was skipped', () => {
    const store = new MemoryStorage();
    const doc = {
      format: 'vejviser-tjekliste',
      version: VERSION,
      tjekliste: 'proeve',
      aktiv: 'g2',
      gennemgange: [
        {
          id: 'g1',
          navn: 'CVR 1',
          svar: {
            aftale: { status: 'faerdig', ansvarlig: 'Anna', frist: '2026-02-30', note: 'ok', nummer: '1.1', tekst: 'T' },
            bank: { status: 'done', ansvarlig: 42, note: 'behold mig' },
            datakvalitet: 'ikke et objekt',
          },
        },
        'ikke en gennemgang',
        { id: 'g2', navn: 'CVR 2', svar: { bank: { status: 'i-gang' } } },
      ],
    };
    store.map.set(storageKey('proeve'), JSON.stringify(doc));
    const r = loadState(store, 'proeve', NOW);
    expect(r.problem?.type).toBe('delvis');
    expect(r.problem?.detaljer).toEqual([
      'Gennemgangen "CVR 1", punkt "aftale": fristen "2026-02-30" kunne ikke læses.',
      'Gennemgangen "CVR 1", punkt "bank": status "done" kunne ikke læses.',
      'Gennemgangen "CVR 1", punkt "bank": ansvarlig 42 kunne ikke læses.',
      'Gennemgangen "CVR 1": svaret på punkt "datakvalitet" kunne ikke læses.',
      'Gennemgang nr. 2 kunne ikke læses.',
    ]);
    const [g1, g2] = r.state.gennemgange;
    expect(g1!.svar.aftale).toMatchObject({ status: 'faerdig', ansvarlig: 'Anna', frist: '', note: 'ok' });
    expect(g1!.svar.bank).toMatchObject({ status: 'ikke-startet', ansvarlig: '', note: 'behold mig' });
    expect(g1!.svar.datakvalitet).toBeUndefined();
    expect(g2!.svar.bank!.status).toBe('i-gang');
    expect(r.state.aktiv).toBe('g2');
    expect(JSON.parse(store.map.get(backupKey('proeve'))!)).toEqual(doc);
  });

  it('repairs missing names and duplicate run ids instead of dropping runs', () => {
    const store = new MemoryStorage();
    store.map.set(
      storageKey('proeve'),
      JSON.stringify({ format: 'vejviser-tjekliste', version: VERSION, tjekliste: 'proeve', aktiv: 'x', gennemgange: [{ id: 'g1', navn: '' }, { id: 'g1', navn: 'B', svar: {} }] }),
    );
    const r = loadState(store, 'proeve', NOW);
    expect(r.state.gennemgange.map((g) => [g.id, g.navn])).toEqual([
      ['g1', 'Gennemgang 1'],
      ['g2', 'B'],
    ]);
    expect(r.state.aktiv).toBe('g1');
    expect(r.problem?.type).toBe('delvis');
  });

  it('treats data from a newer version carefully: backup, read what it can, explain', () => {
    const store = new MemoryStorage();
    const doc = { format: 'vejviser-tjekliste', version: VERSION + 1, tjekliste: 'proeve', aktiv: 'g1', gennemgange: [{ id: 'g1', navn: 'A', svar: { aftale: { status: 'faerdig' } } }] };
    store.map.set(storageKey('proeve'), JSON.stringify(doc));
    const r = loadState(store, 'proeve', NOW);
    expect(r.problem?.type).toBe('nyere');
    expect(r.problem?.besked).toMatch(/nyere udgave/);
    expect(activeRun(r.state).svar.aftale!.status).toBe('faerdig');
    expect(store.map.get(backupKey('proeve'))).toBe(JSON.stringify(doc));
  });

  it('answers for another checklist under this key are recovered but reported', () => {
    const store = new MemoryStorage();
    store.map.set(storageKey('proeve'), JSON.stringify({ ...emptyState('anden', NOW) }));
    const r = loadState(store, 'proeve', NOW);
    expect(r.problem?.detaljer[0]).toMatch(/"anden" og ikke "proeve"/);
    expect(r.state.tjekliste).toBe('proeve');
  });
});
