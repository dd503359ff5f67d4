import { describe, expect, it } from 'vitest';
import {
  isOverdue,
  matchesFilter,
  owners,
  progress,
  progressNote,
  progressText,
  reconcile,
  sameName,
} from '../../../src/lib/tjekliste/progress';
import { activeRun, emptyState, setChecked, updateAnswer } from '../../../src/lib/tjekliste/state';
import { definition, NOW } from './fixtures';

const def = definition();
const ref = (id: string) => def.grupper.flatMap((g) => g.punkter).find((p) => p.id === id)!;

describe('progress', () => {
  it('counts færdige over the relevant items and says why the denominator is smaller', () => {
    let s = emptyState('proeve', NOW);
    s = setChecked(s, 'g1', ref('aftale'), true, NOW);
    s = setChecked(s, 'g1', ref('bank'), true, NOW);
    let f = progress(def, activeRun(s), '2026-11-23');
    expect(progressText(f)).toBe('2 af 4 færdige');
    expect(progressNote(f)).toBe('');
    s = updateAnswer(s, 'g1', ref('certifikat'), { status: 'ikke-relevant' }, NOW);
    f = progress(def, activeRun(s), '2026-11-23');
    expect(progressText(f)).toBe('2 af 3 færdige');
    expect(progressNote(f)).toBe('1 punkt er markeret som ikke relevant og tæller ikke med.');
    s = updateAnswer(s, 'g1', ref('datakvalitet'), { status: 'ikke-relevant' }, NOW);
    expect(progressNote(progress(def, activeRun(s), '2026-11-23'))).toMatch(/^2 punkter er markeret som ikke relevante/);
  });

  it('does not count orphaned answers', () => {
    let s = setChecked(emptyState('proeve', NOW), 'g1', { id: 'fjernet', nummer: '9.9', tekst: 'Væk' }, true, NOW);
    s = setChecked(s, 'g1', ref('aftale'), true, NOW);
    expect(progress(def, activeRun(s), '2026-11-23')).toMatchObject({ faerdige: 1, relevante: 4, iAlt: 4 });
  });
});

describe('overdue', () => {
  const today = '2026-11-23';
  it('is overdue when the due date is before today and the item is open', () => {
    expect(isOverdue({ frist: '2026-11-22', status: 'ikke-startet' }, today)).toBe(true);
    expect(isOverdue({ frist: '2026-11-22', status: 'i-gang' }, today)).toBe(true);
  });
  it('is not overdue on the day itself, later, without a date, or when done or not relevant', () => {
    expect(isOverdue({ frist: '2026-11-23', status: 'i-gang' }, today)).toBe(false);
    expect(isOverdue({ frist: '2027-01-01', status: 'i-gang' }, today)).toBe(false);
    expect(isOverdue({ frist: '', status: 'i-gang' }, today)).toBe(false);
    expect(isOverdue({ frist: '2020-01-01', status: 'faerdig' }, today)).toBe(false);
    expect(isOverdue({ frist: '2020-01-01', status: 'ikke-relevant' }, today)).toBe(false);
    expect(isOverdue(undefined, today)).toBe(false);
  });
  it('depends on the injected today', () => {
    const s = updateAnswer(emptyState('proeve', NOW), 'g1', ref('bank'), { frist: '2026-12-01' }, NOW);
    expect(progress(def, activeRun(s), '2026-12-01').overskredne).toBe(0);
    expect(progress(def, activeRun(s), '2026-12-02').overskredne).toBe(1);
  });
});

describe('filters', () => {
  const none = { kunIkkeFaerdige: false, kunMine: false, mitNavn: '' };
  it('"ikke færdige" hides færdig and ikke relevant', () => {
    const f = { ...none, kunIkkeFaerdige: true };
    expect(matchesFilter(undefined, f)).toBe(true);
    expect(matchesFilter({ status: 'i-gang', ansvarlig: '' }, f)).toBe(true);
    expect(matchesFilter({ status: 'faerdig', ansvarlig: '' }, f)).toBe(false);
    expect(matchesFilter({ status: 'ikke-relevant', ansvarlig: '' }, f)).toBe(false);
  });
  it('"mine" matches the owner to the user\'s name, ignoring case and spaces', () => {
    const f = { ...none, kunMine: true, mitNavn: ' anna  Jensen ' };
    expect(matchesFilter({ status: 'i-gang', ansvarlig: 'Anna Jensen' }, f)).toBe(true);
    expect(matchesFilter({ status: 'i-gang', ansvarlig: 'Bo' }, f)).toBe(false);
    expect(matchesFilter(undefined, f)).toBe(false);
    expect(matchesFilter({ status: 'i-gang', ansvarlig: '' }, { ...f, mitNavn: '' })).toBe(false);
    expect(sameName('', '')).toBe(false);
  });
  it('combines both', () => {
    const f = { kunIkkeFaerdige: true, kunMine: true, mitNavn: 'Anna' };
    expect(matchesFilter({ status: 'faerdig', ansvarlig: 'Anna' }, f)).toBe(false);
    expect(matchesFilter({ status: 'i-gang', ansvarlig: 'anna' }, f)).toBe(true);
  });
  it('lists owners once each, sorted the Danish way', () => {
    let s = updateAnswer(emptyState('proeve', NOW), 'g1', ref('aftale'), { ansvarlig: 'Åse' }, NOW);
    s = updateAnswer(s, 'g1', ref('bank'), { ansvarlig: 'Bo' }, NOW);
    s = updateAnswer(s, 'g1', ref('datakvalitet'), { ansvarlig: 'bo' }, NOW);
    s = updateAnswer(s, 'g1', ref('certifikat'), { ansvarlig: 'Ærø' }, NOW);
    expect(owners(activeRun(s))).toEqual(['Bo', 'Ærø', 'Åse']);
  });
});

describe('definition changes', () => {
  function answered() {
    let s = emptyState('proeve', NOW);
    for (const id of ['aftale', 'bank', 'datakvalitet']) s = updateAnswer(s, 'g1', ref(id), { ansvarlig: `ejer-${id}` }, NOW);
    return activeRun(s);
  }

  it('keeps answers on unchanged ids when an item is added', () => {
    const changed = definition((d) => {
      d.grupper[0]!.punkter.splice(1, 0, { id: 'ny', nummer: '1.1a', tekst: 'Et nyt punkt', vejledning: '/n/' });
    });
    const r = reconcile(changed, answered());
    expect(r.punkter.map((p) => [p.punkt.id, p.svar?.ansvarlig ?? null])).toEqual([
      ['aftale', 'ejer-aftale'],
      ['ny', null],
      ['bank', 'ejer-bank'],
      ['datakvalitet', 'ejer-datakvalitet'],
      ['certifikat', null],
    ]);
    expect(r.foraeldede).toEqual([]);
  });

  it('shows answers of a removed item as orphans with their text snapshot', () => {
    const changed = definition((d) => {
      d.grupper[0]!.punkter = d.grupper[0]!.punkter.filter((p) => p.id !== 'bank');
    });
    const r = reconcile(changed, answered());
    expect(r.punkter.map((p) => p.punkt.id)).not.toContain('bank');
    expect(r.foraeldede).toHaveLength(1);
    expect(r.foraeldede[0]).toMatchObject({ id: 'bank', svar: { ansvarlig: 'ejer-bank', nummer: '1.2', tekst: 'Er banken orienteret?' } });
  });

  it('keeps the answer of a reworded item and flags the change (whitespace alone is no change)', () => {
    const changed = definition((d) => {
      d.grupper[0]!.punkter[0]!.tekst = 'Har I underskrevet tilslutningsaftalen med KMD?';
      d.grupper[0]!.punkter[1]!.tekst = 'Er  banken   orienteret?';
    });
    const r = reconcile(changed, answered());
    expect(r.punkter[0]).toMatchObject({ omformuleret: true, svar: { ansvarlig: 'ejer-aftale', tekst: 'Har I underskrevet aftalen?' } });
    expect(r.punkter[1]!.omformuleret).toBe(false);
    expect(r.foraeldede).toEqual([]);
  });

  it('updates the snapshot when the user edits a reworded item', () => {
    const changed = definition((d) => {
      d.grupper[0]!.punkter[0]!.tekst = 'Ny formulering af punktet';
    });
    const state = { ...emptyState('proeve', NOW), gennemgange: [answered()] };
    const edited = updateAnswer(state, 'g1', changed.grupper[0]!.punkter[0]!, { note: 'set' }, NOW);
    expect(reconcile(changed, activeRun(edited)).punkter[0]!.omformuleret).toBe(false);
  });
});
