import { describe, it, expect } from 'vitest';
import { FILTER_NAMES, inlineFilter, label, pageFilters } from '../../../src/lib/pagefind/filters';

describe('Pagefind filters from frontmatter', () => {
  it('turns system, målgruppe and type into readable Danish values', () => {
    expect(
      pageFilters({ system: 'funktionsadskillelse', maalgruppe: ['kontroludførende', 'mellemledere'], type: 'vejledning' }),
    ).toEqual({ system: ['Funktionsadskillelse'], målgruppe: ['Kontroludførende', 'Mellemledere'], type: ['Vejledning'] });
    expect(pageFilters({ system: 'digital-post', type: 'om' })).toEqual({ system: ['Digital Post'], type: ['Om Vejviser'] });
    expect(pageFilters({ system: 'nemkonto' })).toEqual({ system: ['NemKonto'] });
  });

  it('leaves out missing or empty fields and duplicate groups', () => {
    expect(pageFilters({})).toEqual({});
    expect(pageFilters({ system: ' ', maalgruppe: [] })).toEqual({});
    expect(pageFilters({ maalgruppe: ['topledelse', 'topledelse', ''] })).toEqual({ målgruppe: ['Topledelse'] });
  });

  it('labels unknown values with an upper-case first letter', () => {
    expect(label('koordinatorer')).toBe('Koordinatorer');
    expect(label('økonomiansvarlige')).toBe('Økonomiansvarlige');
    expect(label('it-ansvarlige')).toBe('It-ansvarlige');
    expect(label('it_ansvarlige')).toBe('It ansvarlige');
  });

  it('writes the inline form name:value and refuses a colon in the name', () => {
    expect(inlineFilter(FILTER_NAMES.maalgruppe, 'Kontroludførende')).toBe('målgruppe:Kontroludførende');
    expect(inlineFilter('type', 'Om: siden')).toBe('type:Om: siden');
    expect(() => inlineFilter('a:b', 'x')).toThrow(/kolon/);
  });
});
