import { describe, it, expect } from 'vitest';
import { afsnitLabels, compareAfsnit, rowId, slug } from '../../../src/lib/kildespor/ids';
import { docsPath, targetLabel } from '../../../src/lib/kildespor/targets';
import { groupTerms } from '../../../src/lib/begreber/sort';

describe('kildespor ids', () => {
  it('builds row ids from source id and section number or heading', () => {
    expect(rowId('funktionsadskillelse', '2.2.1')).toBe('funktionsadskillelse-2-2-1');
    expect(rowId('funktionsadskillelse', 'Appendiks 1')).toBe('funktionsadskillelse-appendiks-1');
    expect(rowId('nemkonto', 'Generelt om NemKonto')).toBe('nemkonto-generelt-om-nemkonto');
    expect(rowId('digital-post', '')).toBe('digital-post');
  });

  it('keeps Danish letters and drops punctuation in slugs', () => {
    expect(slug('Fejl, forespørgsler og standsning af udbetalinger')).toBe('fejl-forespørgsler-og-standsning-af-udbetalinger');
    expect(slug('  Kontrol af privilegerede rettigheder i IndFak/RejsUd ')).toBe('kontrol-af-privilegerede-rettigheder-i-indfak-rejsud');
    expect(slug('Ærø Å')).toBe('ærø-å');
  });

  it('orders section numbers numerically, named parts after numbers', () => {
    const list = ['2.10', 'Appendiks 1', '2.2', '10', '2', '2.2.1', '1.9', 'Figur 2', 'Figur 10'];
    expect([...list].sort(compareAfsnit)).toEqual(['1.9', '2', '2.2', '2.2.1', '2.10', '10', 'Appendiks 1', 'Figur 2', 'Figur 10']);
  });

  it('writes "afsnit" once, "kapitel" for chapters and keeps named parts', () => {
    expect(afsnitLabels(['2.2.1'])).toEqual(['afsnit 2.2.1']);
    expect(afsnitLabels(['1.2', '1.2.1', '1.2.2'])).toEqual(['afsnit 1.2', '1.2.1', '1.2.2']);
    expect(afsnitLabels(['4', '4.1'])).toEqual(['kapitel 4', 'afsnit 4.1']);
    expect(afsnitLabels(['Appendiks 1', '1.4'])).toEqual(['Appendiks 1', 'afsnit 1.4']);
  });
});

describe('kildespor targets', () => {
  it('turns docs ids into page paths', () => {
    expect(docsPath('funktionsadskillelse/kontroller')).toBe('/funktionsadskillelse/kontroller/');
    expect(docsPath('funktionsadskillelse/index')).toBe('/funktionsadskillelse/');
    expect(docsPath('funktionsadskillelse')).toBe('/funktionsadskillelse/');
    expect(docsPath('index')).toBe('/');
  });

  it('labels a link with the heading when the anchor is one', () => {
    const headings = [{ slug: 'rejsud', text: 'RejsUd', depth: 2 }];
    expect(targetLabel('RejsUd og IndFak', headings, 'rejsud')).toBe('RejsUd og IndFak › RejsUd');
    expect(targetLabel('RejsUd og IndFak', headings, '')).toBe('RejsUd og IndFak');
    expect(targetLabel('Opsætning af brugere', headings, 'bp-4-1-1')).toBe('Opsætning af brugere');
  });
});

describe('glossary order', () => {
  it('sorts in Danish order with digits first and Æ, Ø, Å last, grouped by letter', () => {
    const terms = ['Åbning', 'Økonomisystem', 'Aftale', '2-i-forening', 'Zebra', 'Ændring', 'afsender', '4-øjne'].map((term) => ({ term }));
    const groups = groupTerms(terms);
    expect(groups.map((g) => g.letter)).toEqual(['0–9', 'A', 'Z', 'Æ', 'Ø', 'Å']);
    expect(groups[0]!.terms.map((t) => t.term)).toEqual(['2-i-forening', '4-øjne']);
    expect(groups[1]!.terms.map((t) => t.term)).toEqual(['afsender', 'Aftale']);
    expect(groups.map((g) => g.anchor)).toEqual(['bogstav-0-9', 'bogstav-a', 'bogstav-z', 'bogstav-æ', 'bogstav-ø', 'bogstav-å']);
  });
});
