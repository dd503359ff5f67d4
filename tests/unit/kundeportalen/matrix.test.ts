import { describe, it, expect } from 'vitest';
import {
  adgangskrav,
  filterStatus,
  href,
  nummererNoter,
  opremsning,
  rettighederMedAdgang,
  synligeMenupunkter,
  type MatrixMenupunkt,
} from '../../../src/lib/kundeportalen/matrix';

const rettigheder = [
  { id: 'a', navn: 'Alfa' },
  { id: 'b', navn: 'Beta' },
  { id: 'c', navn: 'Gamma' },
];
const punkt = (id: string, orden: number, niveauer: string, noter: Record<string, string[]> = {}, egne: string[] = []): MatrixMenupunkt => ({
  id,
  navn: id.toUpperCase(),
  orden,
  adgang: Object.fromEntries(
    rettigheder.map((r, i) => [r.id, { niveau: (['ingen', 'se', 'vedligehold'] as const)[Number(niveauer[i])]!, noter: noter[r.id] ?? [] }]),
  ),
  noter: egne,
});

describe('rights matrix helpers', () => {
  it('links to a page or to a heading on it', () => {
    expect(href('/x/')).toBe('/x/');
    expect(href('/x/', 'møder')).toBe('/x/#møder');
  });

  it('lists names the Danish way', () => {
    expect(opremsning([])).toBe('');
    expect(opremsning(['A'])).toBe('A');
    expect(opremsning(['A', 'B'])).toBe('A og B');
    expect(opremsning(['A', 'B', 'C'], 'eller')).toBe('A, B eller C');
  });

  it('says who may use a menu point', () => {
    expect(adgangskrav(punkt('p', 1, '111'), rettigheder)).toBe('Alle brugere');
    expect(adgangskrav(punkt('p', 1, '010'), rettigheder)).toBe('Kræver rettigheden Beta');
    expect(adgangskrav(punkt('p', 1, '012'), rettigheder)).toBe('Kræver rettigheden Beta eller Gamma');
    expect(adgangskrav(punkt('p', 1, '000'), rettigheder)).toBe('Ingen af rettighederne');
    expect(rettighederMedAdgang(punkt('p', 1, '201'), rettigheder).map((r) => r.id)).toEqual(['a', 'c']);
  });

  it('fails loudly when a menu point lacks a cell for a right', () => {
    const mangler = { ...punkt('p', 1, '111'), adgang: { a: { niveau: 'se' as const } } };
    expect(() => rettighederMedAdgang(mangler, rettigheder)).toThrow(/mangler en celle for rettigheden b/);
  });

  it('numbers notes in reading order: by menu point order, own notes first, then cells left to right', () => {
    const punkter = [
      punkt('senere', 2, '111', { a: ['n3'] }),
      punkt('foerst', 1, '111', { c: ['n2'], a: ['n2'] }, ['n1']),
    ];
    const numre = nummererNoter(punkter, rettigheder, ['n3', 'n2', 'n1']);
    expect([...numre.entries()]).toEqual([
      ['n1', 1],
      ['n2', 2],
      ['n3', 3],
    ]);
  });

  it('rejects unknown and unused notes', () => {
    expect(() => nummererNoter([punkt('p', 1, '111', { b: ['x'] })], rettigheder, [])).toThrow(/Ukendt note "x" i p\/b/);
    expect(() => nummererNoter([punkt('p', 1, '111')], rettigheder, ['glemt'])).toThrow(/glemt/);
  });

  it('keeps the menu points a right gives any access to', () => {
    const punkter = [punkt('p1', 1, '120'), punkt('p2', 2, '001'), punkt('p3', 3, '010')];
    expect(synligeMenupunkter(punkter, 'a')).toEqual(['p1']);
    expect(synligeMenupunkter(punkter, 'b')).toEqual(['p1', 'p3']);
    expect(synligeMenupunkter(punkter, 'ukendt')).toEqual([]);
  });

  it('words the filter result for screen readers', () => {
    expect(filterStatus(9, 9)).toBe('Viser alle 9 menupunkter og alle rettigheder.');
    expect(filterStatus(7, 9, 'Rediger')).toBe('Viser 7 af 9 menupunkter: det, rettigheden Rediger giver adgang til.');
    expect(filterStatus(0, 9, 'X')).toBe('Rettigheden X giver ikke adgang til nogen af de 9 menupunkter.');
  });
});
