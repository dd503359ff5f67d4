import { describe, it, expect } from 'vitest';
import { DubletSamler, DuplicateDetector } from '../../../src/lib/nemkonto/dubletter';

describe('DuplicateDetector', () => {
  it('returns 0 for new keys and the first line for repeats', () => {
    const d = new DuplicateDetector();
    expect(d.add(10101900002, 2)).toBe(0);
    expect(d.add(20013748136, 3)).toBe(0);
    expect(d.add(10101900002, 7)).toBe(2);
    expect(d.add(10101900002, 9)).toBe(2);
    expect(d.size).toBe(2);
  });
  it('agrees with a Map over a million keys while growing, including keys near the limit 2^37', () => {
    const d = new DuplicateDetector(16);
    const ref = new Map<number, number>();
    let seed = 12345;
    const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const mismatches: number[] = [];
    for (let i = 1; i <= 1_000_000; i++) {
      const key = i % 3 === 0 ? 5e10 + Math.floor(rnd() * 400_000) : i % 3 === 1 ? 2 ** 37 - 1 - Math.floor(rnd() * 1000) : 1e10 + i;
      const want = ref.get(key) ?? 0;
      if (!want) ref.set(key, i);
      if (d.add(key, i) !== want) mismatches.push(i);
    }
    expect(mismatches).toEqual([]);
    expect(d.size).toBe(ref.size);
    // 8 bytes per slot, at most half full, plus 4 bytes per key for the first line.
    expect(d.bytes).toBeLessThanOrEqual(ref.size * (4 * 8 + 2 * 4));
  });
  it('rejects keys outside 1 … 2^37 − 1', () => {
    expect(() => new DuplicateDetector().add(0, 1)).toThrow(RangeError);
    expect(() => new DuplicateDetector().add(2 ** 37, 1)).toThrow(RangeError);
    expect(new DuplicateDetector().add(2 ** 37 - 1, 1)).toBe(0);
  });
  it('keys that share the low 32 bits are different keys', () => {
    const d = new DuplicateDetector();
    expect(d.add(5, 1)).toBe(0);
    expect(d.add(5 + 2 ** 32, 2)).toBe(0);
    expect(d.add(5 + 2 ** 33, 3)).toBe(0);
    expect(d.add(5 + 2 ** 32, 4)).toBe(2);
  });
});

describe('DubletSamler', () => {
  it('finds each later occurrence with the first line, in line order, keeping the status', () => {
    const s = new DubletSamler();
    const rows: [number, number, number][] = [[30, 2, 0], [10, 3, 1], [30, 4, 2], [20, 5, 0], [10, 6, 0], [30, 7, 1]];
    for (const [k, l, st] of rows) s.add(k, l, st);
    expect(s.dubletter()).toEqual([
      { linje: 4, foerste: 2, noegle: 30, status: 2 },
      { linje: 6, foerste: 3, noegle: 10, status: 0 },
      { linje: 7, foerste: 2, noegle: 30, status: 1 },
    ]);
  });
  it('agrees with the row-by-row detector while growing past its first size', () => {
    const s = new DubletSamler();
    const d = new DuplicateDetector();
    const want: { linje: number; foerste: number }[] = [];
    for (let i = 1; i <= 50_000; i++) {
      const key = 1e10 + ((i * 7919) % 30_011);
      const first = d.add(key, i);
      if (first) want.push({ linje: i, foerste: first });
      s.add(key, i, 0);
    }
    expect(s.dubletter().map(({ linje, foerste }) => ({ linje, foerste }))).toEqual(want);
    expect(s.size).toBe(50_000);
    expect(s.bytes).toBeGreaterThanOrEqual(50_000 * 13);
  });
  it('no duplicates, no rows', () => {
    expect(new DubletSamler().dubletter()).toEqual([]);
    const s = new DubletSamler();
    s.add(1, 2, 0);
    s.add(2, 3, 0);
    expect(s.dubletter()).toEqual([]);
  });
});
