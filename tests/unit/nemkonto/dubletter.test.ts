import { describe, it, expect } from 'vitest';
import { DuplicateDetector } from '../../../src/lib/nemkonto/dubletter';

describe('DuplicateDetector', () => {
  it('returns 0 for new keys and the first line for repeats', () => {
    const d = new DuplicateDetector();
    expect(d.add(10101900002, 2)).toBe(0);
    expect(d.add(20013748136, 3)).toBe(0);
    expect(d.add(10101900002, 7)).toBe(2);
    expect(d.add(10101900002, 9)).toBe(2);
    expect(d.size).toBe(2);
  });
  it('agrees with a Map over a million keys while growing, including keys near 2^53', () => {
    const d = new DuplicateDetector(16);
    const ref = new Map<number, number>();
    let seed = 12345;
    const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const mismatches: number[] = [];
    for (let i = 1; i <= 1_000_000; i++) {
      const key = i % 3 === 0 ? 5e10 + Math.floor(rnd() * 400_000) : i % 3 === 1 ? 2 ** 52 + Math.floor(rnd() * 1000) : 1e10 + i;
      const want = ref.get(key) ?? 0;
      if (!want) ref.set(key, i);
      if (d.add(key, i) !== want) mismatches.push(i);
    }
    expect(mismatches).toEqual([]);
    expect(d.size).toBe(ref.size);
    // 12 bytes per slot and at most half the slots in use: under 4 × 12 bytes per key.
    expect(d.bytes).toBeLessThanOrEqual(4 * ref.size * 12);
  });
  it('rejects keys that are not positive', () => {
    expect(() => new DuplicateDetector().add(0, 1)).toThrow(RangeError);
  });
});
