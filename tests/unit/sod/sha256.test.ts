import { describe, it, expect } from 'vitest';
import { createHash } from 'node:crypto';
import { Sha256, sha256Hex } from '../../../src/lib/sod/sha256';

const enc = new TextEncoder();

describe('incremental SHA-256', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
    [
      'abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu',
      'cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1',
    ],
  ])('NIST vector %#', (msg, hex) => {
    expect(sha256Hex(enc.encode(msg))).toBe(hex);
  });

  it('hashes one million "a" (NIST long vector)', () => {
    expect(sha256Hex(new Uint8Array(1_000_000).fill(0x61))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  it('gives the same digest however the bytes are split into chunks (block and padding borders)', () => {
    const data = new Uint8Array(1000);
    for (let i = 0; i < data.length; i++) data[i] = (i * 7 + 3) & 255;
    for (const len of [55, 56, 63, 64, 65, 119, 120, 128, 1000]) {
      const want = createHash('sha256').update(data.subarray(0, len)).digest('hex');
      for (const step of [1, 3, 63, 64, 65, 200]) {
        const h = new Sha256();
        for (let i = 0; i < len; i += step) h.update(data.subarray(i, Math.min(len, i + step)));
        expect(h.hex(), `len ${len} step ${step}`).toBe(want);
      }
    }
  });

  it('refuses more data after the digest', () => {
    const h = new Sha256().update(enc.encode('x'));
    h.hex();
    expect(() => h.update(enc.encode('y'))).toThrow();
  });
});
