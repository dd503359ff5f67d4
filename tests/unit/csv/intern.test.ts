import { describe, it, expect } from 'vitest';
import { IntMap, isSpace, own, sameText, TextInterner } from '../../../src/lib/csv/intern';

describe('TextInterner', () => {
  it('gives each distinct text one id, reading ranges of a larger text', () => {
    const I = new TextInterner(4);
    const text = 'abc;def;abc;;def;ghi';
    const ids: number[] = [];
    for (const m of text.matchAll(/[^;]*/g)) if (m.index !== undefined && (m.index === 0 || text[m.index - 1] === ';')) ids.push(I.id(text, m.index, m.index + m[0].length));
    expect(ids).toEqual([0, 1, 0, 2, 1, 3]);
    expect(I.texts).toEqual(['abc', 'def', '', 'ghi']);
    expect(I.find('def')).toBe(1);
    expect(I.find('xyz')).toBe(-1);
    expect(I.size).toBe(4);
  });
  it('agrees with a Map over 100 000 texts while growing, also when the front cache is fooled', () => {
    const I = new TextInterner(2);
    const m = new Map<string, number>();
    // Texts of equal length with the same first, middle and last character share a front slot.
    const texts = Array.from({ length: 100_000 }, (_, i) => `a${String(i % 70_000).padStart(6, '0')}z`);
    const big = texts.join('|');
    let at = 0;
    for (const t of texts) {
      const id = I.id(big, at, at + t.length);
      if (!m.has(t)) m.set(t, m.size);
      expect(id).toBe(m.get(t));
      at += t.length + 1;
    }
    expect(I.size).toBe(70_000);
    for (const [t, id] of m) expect(I.texts[id]).toBe(t);
  });
  it('idLower trims and lower-cases plain ASCII without making a string, and agrees with of()', () => {
    const I = new TextInterner();
    const a = I.of('ns_bruger@inst.dk');
    expect(I.idLower('  NS_Bruger@Inst.DK\t', 0, 20)).toBe(a);
    const b = I.idLower('x;ABC123;y', 2, 8);
    expect(I.texts[b]).toBe('abc123');
    expect(I.of('abc123')).toBe(b);
    // Not plain: left to the caller's exact (slow) normalization.
    for (const s of ['Søren', 'a b', 'a\u0001b', '', '   ', 'naïve']) expect(I.idLower(s, 0, s.length)).toBe(-1);
  });
  it('keeps copies that do not pin the text they were read from', () => {
    const big = 'x'.repeat(100) + 'a long user id@example.dk';
    const I = new TextInterner();
    const id = I.id(big, 100, big.length);
    expect(I.texts[id]).toBe('a long user id@example.dk');
    expect(own('kort')).toBe('kort');
    expect(own(big.slice(3, 40))).toBe(big.slice(3, 40));
  });
});

describe('helpers', () => {
  it('sameText compares ranges of different strings', () => {
    expect(sameText('xabcx', 1, 4, 'abc', 0, 3)).toBe(true);
    expect(sameText('xabcx', 1, 4, 'abd', 0, 3)).toBe(false);
    expect(sameText('ab', 0, 2, 'abc', 0, 3)).toBe(false);
    expect(sameText('', 0, 0, 'x', 0, -1)).toBe(false);
  });
  it('isSpace matches what trim removes in ASCII', () => {
    for (let c = 0; c < 128; c++) expect(isSpace(c)).toBe(String.fromCharCode(c).trim() === '');
  });
  it('IntMap grows and answers the empty value for unset slots', () => {
    const m = new IntMap(-3, 2);
    expect(m.get(10)).toBe(-3);
    m.set(1000, 7);
    expect(m.get(1000)).toBe(7);
    expect(m.get(999)).toBe(-3);
    expect(m.get(5000)).toBe(-3);
  });
});
