/**
 * Kompakt dubletdetektor til op mod millioner af identifikationer: en hashtabel med åben
 * adressering over typed arrays (nøgle som double, første linje som uint32). 1 mio. forskellige
 * nøgler fylder 24 MB (kapacitet 2^21), mod over 80 MB for et `Map<number, number>`.
 *
 * Nøgler skal være positive heltal < 2^53 (typekode · 10^10 + nummer).
 */
export class DuplicateDetector {
  private keys: Float64Array;
  private lines: Uint32Array;
  private mask: number;
  size = 0;

  constructor(initialCapacity = 1 << 12) {
    let cap = 16;
    while (cap < initialCapacity) cap <<= 1;
    this.keys = new Float64Array(cap);
    this.lines = new Uint32Array(cap);
    this.mask = cap - 1;
  }

  /** Bytes brugt af tabellen. */
  get bytes(): number {
    return this.keys.byteLength + this.lines.byteLength;
  }

  /**
   * Tilføjer nøglen med dens linje. Returnerer 0, hvis nøglen er ny, ellers linjen for den første
   * forekomst (som så bevares).
   */
  add(key: number, line: number): number {
    if (key <= 0) throw new RangeError('Nøglen skal være positiv');
    let i = hash(key) & this.mask;
    for (;;) {
      const k = this.keys[i]!;
      if (k === 0) break;
      if (k === key) return this.lines[i]!;
      i = (i + 1) & this.mask;
    }
    this.keys[i] = key;
    this.lines[i] = line;
    if (++this.size * 2 > this.mask + 1) this.grow();
    return 0;
  }

  private grow() {
    const oldKeys = this.keys;
    const oldLines = this.lines;
    const cap = (this.mask + 1) * 2;
    this.keys = new Float64Array(cap);
    this.lines = new Uint32Array(cap);
    this.mask = cap - 1;
    for (let j = 0; j < oldKeys.length; j++) {
      const k = oldKeys[j]!;
      if (k === 0) continue;
      let i = hash(k) & this.mask;
      while (this.keys[i] !== 0) i = (i + 1) & this.mask;
      this.keys[i] = k;
      this.lines[i] = oldLines[j]!;
    }
  }
}

/** Blander de høje og lave bits af en nøgle < 2^53 til et 32-bit hash. */
function hash(key: number): number {
  const lo = key >>> 0;
  const hi = (key / 4294967296) >>> 0;
  let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
