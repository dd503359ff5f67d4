import { describe, expect, it } from 'vitest';
import {
  activeRun,
  createRun,
  deleteAnswers,
  deleteRun,
  emptyState,
  isChecked,
  renameRun,
  resetRun,
  runNameError,
  setChecked,
  suggestRunName,
  switchRun,
  updateAnswer,
} from '../../../src/lib/tjekliste/state';
import { LATER, NOW } from './fixtures';

const p11 = { id: 'aftale', nummer: '1.1', tekst: 'Har I underskrevet aftalen?' };

describe('answers', () => {
  it('stores an answer under the item id with a snapshot of number and text', () => {
    const s = updateAnswer(emptyState('proeve', NOW), 'g1', p11, { ansvarlig: 'Anna', frist: '2026-12-01' }, LATER);
    expect(activeRun(s).svar.aftale).toEqual({
      status: 'ikke-startet',
      ansvarlig: 'Anna',
      frist: '2026-12-01',
      note: '',
      dato: '',
      nummer: '1.1',
      tekst: 'Har I underskrevet aftalen?',
      aendret: LATER,
    });
    expect(activeRun(s).aendret).toBe(LATER);
  });

  it('does not change the state it was given', () => {
    const before = emptyState('proeve', NOW);
    const copy = structuredClone(before);
    updateAnswer(before, 'g1', p11, { note: 'x' }, LATER);
    expect(before).toEqual(copy);
  });

  it('drops an answer that is back to the defaults', () => {
    let s = updateAnswer(emptyState('proeve', NOW), 'g1', p11, { note: 'x' }, LATER);
    s = updateAnswer(s, 'g1', p11, { note: '' }, LATER);
    expect(activeRun(s).svar).toEqual({});
  });

  it('keeps checkbox and status consistent: ticking is færdig, unticking goes back', () => {
    let s = setChecked(emptyState('proeve', NOW), 'g1', p11, true, LATER);
    expect(activeRun(s).svar.aftale!.status).toBe('faerdig');
    expect(isChecked(activeRun(s).svar.aftale)).toBe(true);
    s = setChecked(s, 'g1', p11, false, LATER);
    expect(activeRun(s).svar.aftale).toBeUndefined();
    s = updateAnswer(s, 'g1', p11, { ansvarlig: 'Bo' }, LATER);
    s = setChecked(s, 'g1', p11, true, LATER);
    s = setChecked(s, 'g1', p11, false, LATER);
    expect(activeRun(s).svar.aftale!.status).toBe('i-gang');
    s = updateAnswer(s, 'g1', p11, { status: 'ikke-relevant' }, LATER);
    expect(isChecked(activeRun(s).svar.aftale)).toBe(false);
  });

  it('refuses a status or a date that could not be read back', () => {
    const s = emptyState('proeve', NOW);
    expect(() => updateAnswer(s, 'g1', p11, { frist: '01-12-2026' }, LATER)).toThrow(/Ugyldig dato/);
    expect(() => updateAnswer(s, 'g1', p11, { dato: '2026-02-30' }, LATER)).toThrow(/Ugyldig dato/);
    expect(() => updateAnswer(s, 'g1', p11, { status: 'done' as never }, LATER)).toThrow(/Ukendt status/);
    expect(() => updateAnswer(s, 'g1', p11, { frist: '' }, LATER)).not.toThrow();
  });

  it('cuts over-long text to the limits', () => {
    const s = updateAnswer(emptyState('proeve', NOW), 'g1', p11, { note: 'x'.repeat(10_000) }, LATER);
    expect(activeRun(s).svar.aftale!.note).toHaveLength(4000);
  });
});

describe('runs', () => {
  it('creates, switches, renames and keeps the answers of each run apart', () => {
    let s = setChecked(emptyState('proeve', NOW), 'g1', p11, true, NOW);
    s = createRun(s, '  CVR   12345678 ', LATER);
    expect(s.gennemgange.map((g) => g.navn)).toEqual(['Gennemgang 1', 'CVR 12345678']);
    expect(s.aktiv).toBe('g2');
    expect(activeRun(s).svar).toEqual({});
    s = renameRun(s, 'g2', 'Bogføringskreds 042', LATER);
    expect(activeRun(s).navn).toBe('Bogføringskreds 042');
    s = switchRun(s, 'g1');
    expect(activeRun(s).svar.aftale!.status).toBe('faerdig');
  });

  it('rejects empty, too long and duplicate names (case-insensitive)', () => {
    const s = emptyState('proeve', NOW);
    expect(runNameError(s, '   ')).toMatch(/Skriv et navn/);
    expect(runNameError(s, 'x'.repeat(81))).toMatch(/højst være 80 tegn/);
    expect(runNameError(s, 'gennemgang 1')).toMatch(/findes allerede/);
    expect(runNameError(s, 'Gennemgang 1', 'g1')).toBeNull();
    expect(() => createRun(s, 'GENNEMGANG 1', NOW)).toThrow(/findes allerede/);
    expect(suggestRunName(s)).toBe('Gennemgang 2');
  });

  it('gives new runs ids that are not in use, also after deletions', () => {
    let s = createRun(emptyState('proeve', NOW), 'B', NOW);
    s = createRun(s, 'C', NOW);
    s = deleteRun(s, 'g2', NOW);
    s = createRun(s, 'D', NOW);
    const ids = s.gennemgange.map((g) => g.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('deletes a run; the active one moves; deleting the last leaves a fresh empty run', () => {
    let s = createRun(emptyState('proeve', NOW), 'B', NOW);
    s = deleteRun(s, 'g2', LATER);
    expect(s.aktiv).toBe('g1');
    s = setChecked(s, 'g1', p11, true, NOW);
    s = deleteRun(s, 'g1', LATER);
    expect(s.gennemgange).toHaveLength(1);
    expect(activeRun(s).svar).toEqual({});
    expect(activeRun(s).id).not.toBe('g1');
    expect(() => deleteRun(s, 'nope', NOW)).toThrow();
  });

  it('resets one run only, keeping its name', () => {
    let s = setChecked(emptyState('proeve', NOW), 'g1', p11, true, NOW);
    s = createRun(s, 'B', NOW);
    s = setChecked(s, 'g2', p11, true, NOW);
    s = resetRun(s, 'g2', LATER);
    expect(s.gennemgange[1]!.svar).toEqual({});
    expect(s.gennemgange[1]!.navn).toBe('B');
    expect(s.gennemgange[0]!.svar.aftale!.status).toBe('faerdig');
  });

  it('deletes only the answers asked for', () => {
    let s = updateAnswer(emptyState('proeve', NOW), 'g1', p11, { note: 'a' }, NOW);
    s = updateAnswer(s, 'g1', { id: 'gammel', nummer: '9', tekst: 'Gammel' }, { note: 'b' }, NOW);
    s = deleteAnswers(s, 'g1', ['gammel'], LATER);
    expect(Object.keys(activeRun(s).svar)).toEqual(['aftale']);
  });
});
