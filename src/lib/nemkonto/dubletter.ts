/**
 * Kompakt dubletdetektor til op mod millioner af identifikationer.
 *
 * En hashtabel med åben adressering, hvor hver plads er 8 bytes (to uint32): nøglens lave 32 bit
 * og – i det andet ord – nøglens høje bit sammen med et løbenummer. Linjen for den første
 * forekomst står i et separat array efter løbenummer, som kun skrives fortløbende og kun læses ved
 * en dublet. Et opslag rører derfor én plads i hukommelsen. 1 mio. forskellige nøgler fylder ca.
 * 20 MB (2^21 pladser à 8 bytes + 4 bytes pr. linje), mod 45–80 MB for et `Map<number, number>`,
 * og uden én JavaScript-allokering pr. nøgle.
 *
 * Nøgler: positive heltal < 2^(32+HI_BITS) (typekode · 10^10 + nummer < 2^36). Højst 2^LOEB_BITS
 * forskellige nøgler.
 */
const HI_BITS = 5; // nøgler op til 2^37
const LOEB_BITS = 32 - HI_BITS; // 2^27 ≈ 134 mio. forskellige nøgler
const MAX_KEY = 2 ** (32 + HI_BITS);

export class DuplicateDetector {
  /** [lo, (hi << LOEB_BITS | løbenummer + 1), …]; andet ord 0 = tom plads. */
  private slots: Uint32Array;
  /** Linje pr. løbenummer. */
  private lines: Uint32Array;
  private mask: number;
  size = 0;

  constructor(initialCapacity = 1 << 12) {
    let cap = 16;
    while (cap < initialCapacity) cap <<= 1;
    this.slots = new Uint32Array(cap * 2);
    this.lines = new Uint32Array(cap >> 1);
    this.mask = cap - 1;
  }

  /** Bytes brugt af tabellen. */
  get bytes(): number {
    return this.slots.byteLength + this.lines.byteLength;
  }

  /**
   * Tilføjer nøglen med dens linje. Returnerer 0, hvis nøglen er ny, ellers linjen for den første
   * forekomst (som så bevares).
   */
  add(key: number, line: number): number {
    if (!(key > 0 && key < MAX_KEY)) throw new RangeError('Nøglen skal være et positivt heltal under 2^37');
    const lo = key >>> 0;
    const hi = (key / 4294967296) >>> 0;
    const s = this.slots;
    let i = hash(lo, hi) & this.mask;
    for (;;) {
      const w = s[2 * i + 1]!;
      if (w === 0) break;
      if (s[2 * i] === lo && w >>> LOEB_BITS === hi) return this.lines[(w & LOEB_MASK) - 1]!;
      i = (i + 1) & this.mask;
    }
    const n = this.size++;
    if (n >= LOEB_MASK) throw new RangeError('For mange forskellige nøgler');
    if (n >= this.lines.length) {
      const bigger = new Uint32Array(this.lines.length * 2);
      bigger.set(this.lines);
      this.lines = bigger;
    }
    this.lines[n] = line;
    s[2 * i] = lo;
    s[2 * i + 1] = ((hi << LOEB_BITS) | (n + 1)) >>> 0;
    if (this.size * 2 > this.mask + 1) this.grow();
    return 0;
  }

  private grow() {
    const old = this.slots;
    const cap = (this.mask + 1) * 2;
    const s = (this.slots = new Uint32Array(cap * 2));
    this.mask = cap - 1;
    for (let j = 0; j < old.length; j += 2) {
      const w = old[j + 1]!;
      if (w === 0) continue;
      const lo = old[j]!;
      let i = hash(lo, w >>> LOEB_BITS) & this.mask;
      while (s[2 * i + 1] !== 0) i = (i + 1) & this.mask;
      s[2 * i] = lo;
      s[2 * i + 1] = w;
    }
  }
}

const LOEB_MASK = 2 ** LOEB_BITS - 1;

/** Blander nøglens to halvdele til et 32-bit hash. */
function hash(lo: number, hi: number): number {
  let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** En senere forekomst af en identifikation. */
export interface Dublet {
  linje: number;
  /** Linjen for den første forekomst. */
  foerste: number;
  noegle: number;
  /** Rækkens status uden dubletten: 0 = ok, 1 = advarsel, 2 = fejl. */
  status: number;
}

/**
 * Dubletkontrol til sidst, til når rækkerne ikke skal skrives ud undervejs (kontrollen i browseren
 * og benchmarken): nøglerne (som to uint32), linjer og status gemmes fortløbende (13 bytes pr.
 * række). Bagefter fordeles rækkerne efter nøglens hash i 256 spande, og hver spand (få tusinde
 * nøgler, som ligger i processorens cache) kontrolleres med en lille hashtabel. Det undgår et
 * tilfældigt opslag i en stor hashtabel pr. række, som ved en million rækker koster mere end selve
 * kontrollen.
 */
export class DubletSamler {
  private lo = new Uint32Array(1 << 14);
  private hi = new Uint32Array(1 << 14);
  private lines = new Uint32Array(1 << 14);
  private status = new Uint8Array(1 << 14);
  size = 0;

  get bytes(): number {
    return this.lo.byteLength + this.hi.byteLength + this.lines.byteLength + this.status.byteLength;
  }

  /** Tilføjer en række (linjerne skal komme i stigende orden). */
  add(key: number, line: number, status: number): void {
    if (!(key > 0 && key < MAX_KEY)) throw new RangeError('Nøglen skal være et positivt heltal under 2^37');
    if (this.size === this.lo.length) {
      const n = this.size * 2;
      const grow = <T extends Uint32Array | Uint8Array>(a: T, b: T) => (b.set(a), b);
      this.lo = grow(this.lo, new Uint32Array(n));
      this.hi = grow(this.hi, new Uint32Array(n));
      this.lines = grow(this.lines, new Uint32Array(n));
      this.status = grow(this.status, new Uint8Array(n));
    }
    this.lo[this.size] = key >>> 0;
    this.hi[this.size] = (key / 4294967296) >>> 0;
    this.lines[this.size] = line;
    this.status[this.size++] = status;
  }

  /** Hver senere forekomst med linjen for den første, i linjeorden. */
  dubletter(): Dublet[] {
    const n = this.size;
    const { lo, hi } = this;
    const B = 256;
    // 1. Fordel rækkerne efter hashens øverste 8 bit (stabilt: linjeordenen bevares i spanden).
    const h = new Uint32Array(n);
    const start = new Int32Array(B + 1);
    for (let i = 0; i < n; i++) {
      const x = hash(lo[i]!, hi[i]!);
      h[i] = x;
      start[(x >>> 24) + 1]!++;
    }
    for (let b = 0; b < B; b++) start[b + 1]! += start[b]!;
    const fill = start.slice(0, B);
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[fill[h[i]! >>> 24]!++] = i;
    // 2. Hver spand for sig: den første forekomst står i tabellen, senere er dubletter.
    let table = new Int32Array(16);
    const pairs: number[] = [];
    for (let b = 0; b < B; b++) {
      const from = start[b]!;
      const to = start[b + 1]!;
      let cap = 16;
      while (cap < (to - from) * 2) cap <<= 1;
      if (cap > table.length) table = new Int32Array(cap);
      const t = table.subarray(0, cap).fill(-1);
      const m = cap - 1;
      for (let j = from; j < to; j++) {
        const i = order[j]!;
        for (let s = h[i]! & m; ; s = (s + 1) & m) {
          const o = t[s]!;
          if (o === -1) {
            t[s] = i;
            break;
          }
          if (lo[o] === lo[i] && hi[o] === hi[i]) {
            pairs.push(i, o);
            break;
          }
        }
      }
    }
    // 3. I linjeorden.
    const out: Dublet[] = [];
    for (let k = 0; k < pairs.length; k += 2) {
      const i = pairs[k]!;
      out.push({ linje: this.lines[i]!, foerste: this.lines[pairs[k + 1]!]!, noegle: hi[i]! * 4294967296 + lo[i]!, status: this.status[i]! });
    }
    return out.sort((a, b) => a.linje - b.linje);
  }
}
