import { describe, it, expect } from 'vitest';
import { CellInterner, IntMap, isSpace, KeyInterner, own, sameText } from '../../../src/lib/csv/intern';
import { ByteText, hashBytes } from '../../../src/lib/csv/bytes';

const enc = new TextEncoder();
/** The fields of a `;`-separated text as byte ranges with the tokenizer's hash. */
function cells(text: string) {
  const b = enc.encode(text);
  const out: [number, number, number][] = [];
  let s = 0;
  for (let k = 0; k <= b.length; k++)
    if (k === b.length || b[k] === 59) {
      out.push([s, k, hashBytes(b, s, k)]);
      s = k + 1;
    }
  return { b, out };
}

describe('CellInterner', () => {
  it('gives each distinct cell one id, byte for byte, and decodes new texts once', () => {
    const I = new CellInterner(4);
    const { b, out } = cells('abc;def;abc;;def;ghi;ABC;Søren;Søren');
    const t = new ByteText();
    expect(out.map(([s, e, h]) => I.id(b, s, e, h, t))).toEqual([0, 1, 0, 2, 1, 3, 4, 5, 5]);
    expect(I.texts).toEqual(['abc', 'def', '', 'ghi', 'ABC', 'Søren']);
    expect(I.size).toBe(6);
  });
  it('agrees with a Map over 100 000 cells while growing', () => {
    const I = new CellInterner(2);
    const m = new Map<string, number>();
    const texts = Array.from({ length: 100_000 }, (_, i) => `a${String(i % 70_000).padStart(6, '0')}${i % 3 ? 'z' : 'Z'}`);
    const { b, out } = cells(texts.join(';'));
    const t = new ByteText();
    out.forEach(([s, e, h], i) => {
      const id = I.id(b, s, e, h, t);
      if (!m.has(texts[i]!)) m.set(texts[i]!, m.size);
      expect(id).toBe(m.get(texts[i]!));
    });
    for (const [text, id] of m) expect(I.texts[id]).toBe(text);
  });
});

describe('KeyInterner', () => {
  it('looks plain ASCII cells up lower-cased, and agrees with of() and find()', () => {
    const K = new KeyInterner(2);
    const a = K.of('ns_bruger@inst.dk');
    const { b, out } = cells('NS_Bruger@Inst.DK;ABC123;Søren;a b;a\u0001b');
    const [s0, e0, h0] = out[0]!;
    expect(K.idLower(b, s0, e0, h0)).toBe(a);
    expect(K.size).toBe(1);
    const [s1, e1, h1] = out[1]!;
    const c = K.idLower(b, s1, e1, h1);
    expect(K.size).toBe(2);
    expect(K.text(c)).toBe('abc123');
    expect(K.of('abc123')).toBe(c);
    expect(K.find('abc123')).toBe(c);
    expect(K.find('xyz')).toBe(-1);
    expect(K.sameUpper(c, b, s1, e1)).toBe(true);
    expect(K.sameBytes(c, b, s1, e1)).toBe(false);
    // Not plain: left to the caller's exact (slow) normalization.
    for (const [s, e, h] of out.slice(2)) expect(K.idLower(b, s, e, h)).toBe(-1);
    expect(K.size).toBe(2);
    // Keys with other characters live side by side with the plain ones.
    const d = K.of('søren');
    expect(K.of('søren')).toBe(d);
    expect(K.text(d)).toBe('søren');
  });
  it('emailShaped agrees with the string check it replaces, also for other letters', () => {
    const looksLikeEmail = (s: string) => {
      const at = s.indexOf('@');
      return at > 0 && s.indexOf('.', at + 2) > at + 1 && s.indexOf(' ') === -1 && s.indexOf('@', at + 1) === -1 && s[s.length - 1] !== '.';
    };
    const K = new KeyInterner();
    const parts = ['a', '@', '.', ' ', 'ø', 'dk', 'æ@', '@.', '..'];
    let seed = 7;
    const r = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    for (let t = 0; t < 5000; t++) {
      let s = '';
      for (let i = 0, n = 1 + Math.floor(r() * 7); i < n; i++) s += parts[Math.floor(r() * parts.length)]!;
      expect(K.emailShaped(K.of(s)), JSON.stringify(s)).toBe(looksLikeEmail(s));
    }
  });
  it('makes the string of a key only when asked, the same as the key', () => {
    const K = new KeyInterner();
    const { b, out } = cells('BRUGER@INST.DK;x');
    const [s, e, h] = out[0]!;
    const id = K.idLower(b, s, e, h);
    expect(K.text(id)).toBe('bruger@inst.dk');
    expect(K.text(K.of('søren'))).toBe('søren');
    expect(K.text(K.of('x'.repeat(600)))).toBe('x'.repeat(600));
  });
  it('agrees with a Map of lower-cased texts over 50 000 keys while growing', () => {
    const K = new KeyInterner(2);
    const m = new Map<string, number>();
    const texts = Array.from({ length: 50_000 }, (_, i) => (i % 2 ? `NS${i % 30_000}` : `ns${i % 30_000}`));
    const { b, out } = cells(texts.join(';'));
    out.forEach(([s, e, h], i) => {
      const id = K.idLower(b, s, e, h);
      const key = texts[i]!.toLowerCase();
      if (!m.has(key)) m.set(key, m.size);
      expect(id).toBe(m.get(key));
    });
    for (const [key, id] of m) expect(K.text(id)).toBe(key);
  });
  it('keeps its ids and texts when room is made in one go part way, and then does not grow', () => {
    const K = new KeyInterner(2);
    const texts = Array.from({ length: 20_000 }, (_, i) => `bruger${i}@inst.dk`);
    const { b, out } = cells(texts.join(';'));
    out.slice(0, 1000).forEach(([s, e, h], i) => expect(K.idLower(b, s, e, h)).toBe(i));
    K.reserve(19_000);
    const table = (K as unknown as { table: Int32Array }).table;
    const pool = (K as unknown as { pool: Uint8Array }).pool;
    out.forEach(([s, e, h], i) => expect(K.idLower(b, s, e, h)).toBe(i));
    // Room was made for all of them at once: neither the table nor the pool was replaced since.
    expect((K as unknown as { table: Int32Array }).table).toBe(table);
    expect((K as unknown as { pool: Uint8Array }).pool).toBe(pool);
    expect(K.text(0)).toBe(texts[0]);
    expect(K.text(19_999)).toBe(texts[19_999]);
    expect(K.find('bruger12345@inst.dk')).toBe(12_345);
  });
  it('keeps copies that do not pin the text they were read from', () => {
    expect(own('kort')).toBe('kort');
    const big = 'x'.repeat(100) + 'a long user id@example.dk';
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
  it('IntMap with the empty value 0 reserves without writing and keeps what was set', () => {
    const m = new IntMap(0, 4);
    m.set(3, 9);
    m.reserve(100_000);
    expect(m.a.length).toBe(100_000);
    expect(m.get(3)).toBe(9);
    expect(m.get(99_999)).toBe(0);
    m.set(99_999, 1);
    expect(m.a.length).toBe(100_000);
  });
});
