/**
 * Which accounts belong to one person: the same e-mail, or the same user id where no e-mail
 * exists, plus the links the controller has confirmed. Names never merge accounts (they only give
 * suggestions, see analyze.ts).
 */
import type { Store } from './store';

export interface Identities {
  /** Person index per account. */
  accPerson: Int32Array;
  /** Accounts per person (CSR): accounts of p are pAccs[pStart[p] .. pStart[p+1]), by system, then user id. */
  pStart: Int32Array;
  pAccs: Int32Array;
  /** Per account: 1 when it has an e-mail. */
  accEmail: Uint8Array;
  /** Links that name an account not in the data. */
  linksUkendte: [string, string][];
}

/** Union-find over accounts. */
class Dsu {
  p: Int32Array;
  constructor(n: number) {
    this.p = new Int32Array(n);
    for (let i = 0; i < n; i++) this.p[i] = i;
  }
  find(x: number): number {
    while (this.p[x] !== x) {
      this.p[x] = this.p[this.p[x]!]!;
      x = this.p[x]!;
    }
    return x;
  }
  union(a: number, b: number) {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.p[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/** Persons are numbered in the order of their first account. */
export function identities(store: Store, links: readonly [string, string][] = []): Identities {
  const nAcc = store.accounts;
  const accSystem = store.accSystem.a;
  const dsu = new Dsu(nAcc);
  // User ids and e-mails share the store's key ids; an e-mail and a user id without e-mail are
  // kept apart (key id · 2 + 1 for e-mails), as two separate name spaces.
  const emailOf = store.accEmail.a;
  const keyOf = store.accKeyId.a;
  const first = new Int32Array(2 * store.keys.size).fill(-1);
  const accEmail = new Uint8Array(nAcc);
  for (let a = 0; a < nAcc; a++) {
    const e = emailOf[a]!;
    if (e >= 0) accEmail[a] = 1;
    const k = e >= 0 ? 2 * e + 1 : 2 * keyOf[a]!;
    const f = first[k]!;
    if (f === -1) first[k] = a;
    else dsu.union(f, a);
  }
  const linksUkendte: [string, string][] = [];
  const resolveRef = (ref: string) => {
    const i = ref.indexOf(':');
    return i === -1 ? undefined : store.findAccount(ref.slice(0, i), ref.slice(i + 1));
  };
  for (const [x, y] of links) {
    const a = resolveRef(x);
    const b = resolveRef(y);
    if (a === undefined || b === undefined) linksUkendte.push([x, y]);
    else dsu.union(a, b);
  }
  const accPerson = new Int32Array(nAcc);
  const rootPerson = new Int32Array(nAcc).fill(-1);
  let nP = 0;
  for (let a = 0; a < nAcc; a++) {
    const root = dsu.find(a);
    if (rootPerson[root] === -1) rootPerson[root] = nP++;
    accPerson[a] = rootPerson[root]!;
  }
  const pStart = new Int32Array(nP + 1);
  for (let a = 0; a < nAcc; a++) pStart[accPerson[a]! + 1]!++;
  for (let p = 0; p < nP; p++) pStart[p + 1]! += pStart[p]!;
  const pAccs = new Int32Array(nAcc);
  const fillPos = pStart.slice(0, nP);
  for (let a = 0; a < nAcc; a++) pAccs[fillPos[accPerson[a]!]!++] = a;
  // Accounts of a person by system, then user id (insertion sort; persons have few accounts).
  for (let p = 0; p < nP; p++) {
    for (let i = pStart[p]! + 1; i < pStart[p + 1]!; i++) {
      const x = pAccs[i]!;
      let j = i - 1;
      while (j >= pStart[p]! && (accSystem[pAccs[j]!]! > accSystem[x]! || (accSystem[pAccs[j]!] === accSystem[x] && store.key(pAccs[j]!) > store.key(x)))) {
        pAccs[j + 1] = pAccs[j]!;
        j--;
      }
      pAccs[j + 1] = x;
    }
  }
  return { accPerson, pStart, pAccs, accEmail, linksUkendte };
}
