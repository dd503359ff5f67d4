import { describe, it, expect } from 'vitest';
import { normHeader, findColumn } from '../../../src/lib/csv/headers';

describe('header matching', () => {
  it('ignores case, spacing, punctuation, BOM and Danish letter spellings', () => {
    for (const h of ['Bruger-ID', 'bruger id', ' BRUGERID ', 'bruger_id', '\uFEFFBruger.Id']) expect(normHeader(h)).toBe('brugerid');
    expect(normHeader('Beløb')).toBe(normHeader('beloeb'));
    expect(normHeader('Områdé')).toBe('omraade');
  });
  it('finds the first alias present', () => {
    expect(findColumn(['Navn', 'E-mail', 'Rolle'], ['email', 'e-mail', 'mail'])).toBe(1);
    expect(findColumn(['Navn'], ['email'])).toBe(-1);
    expect(findColumn(['CPR', 'Identifikation'], ['identifikation', 'cpr'])).toBe(1);
  });
});

describe('foldDanish', () => {
  it('spells æ, ø and å as ae, oe and aa and drops accents', async () => {
    const { foldDanish } = await import('../../../src/lib/csv/headers');
    expect(foldDanish('Søren Ærø Åse Hélène')).toBe('soeren aeroe aase helene');
  });
});
