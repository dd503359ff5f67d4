import { describe, it, expect } from 'vitest';
import { formatProkura, fuldmagtKey, harProkura, normBruger, normEmail, parseAmount, parseProkura } from '../../../src/lib/sod/values';

describe('values of an assignment row', () => {
  it.each([
    ['50.000,00', 50000],
    ['50000', 50000],
    ['1.000.000', 1000000],
    ['50,000.00', 50000],
    ['12,5', 12.5],
    ['kr. 5.000', 5000],
    ['DKK 10 000', 10000],
    ['0,00', 0],
    ['abc', NaN],
    ['', NaN],
  ])('reads the amount %s as %s', (text, n) => {
    if (Number.isNaN(n)) expect(parseAmount(text)).toBeNaN();
    else expect(parseAmount(text)).toBe(n);
  });

  it('reads prokura: ja/nej, amounts > 0 as yes, 0 as no, unreadable as unknown (counted as prokura)', () => {
    expect(parseProkura('Ja')).toEqual({ kind: 'ja' });
    expect(parseProkura(' nej ')).toEqual({ kind: 'nej' });
    expect(parseProkura('')).toEqual({ kind: 'nej' });
    expect(parseProkura('50.000,00')).toEqual({ kind: 'beloeb', beloeb: 50000 });
    expect(parseProkura('0,00')).toEqual({ kind: 'nej' });
    const u = parseProkura('se bilag');
    expect(u).toEqual({ kind: 'ukendt', tekst: 'se bilag' });
    expect(harProkura(u)).toBe(true);
    expect(harProkura(parseProkura('nej'))).toBe(false);
    expect(formatProkura({ kind: 'beloeb', beloeb: 50000 })).toBe('prokura 50.000');
  });

  it('normalizes e-mail (trim, lower case) and rejects what is not an e-mail', () => {
    expect(normEmail('  Anna.Holm@Inst.DK ')).toBe('anna.holm@inst.dk');
    expect(normEmail('mailto:bo@inst.dk')).toBe('bo@inst.dk');
    expect(normEmail('AHO')).toBe('');
    expect(normEmail('anna@inst')).toBe('');
  });

  it('normalizes user ids and fuldmagt spellings', () => {
    expect(normBruger('  AHO  ')).toBe('aho');
    expect(fuldmagtKey('Alene-fuldmagt')).toBe('alene');
    expect(fuldmagtKey('Fuldmagt A')).toBe('a');
    expect(fuldmagtKey('  ')).toBe('');
  });
});
