import { describe, it, expect } from 'vitest';
import { loadRuleset } from '../../../src/lib/sod/load-node';
import { indexRuleset } from '../../../src/lib/sod/ruleset';
import { storeFromRecords, type Store } from '../../../src/lib/sod/store';
import { requirements, type Requirements } from '../../../src/lib/sod/requirements';
import type { Krav, Ruleset } from '../../../src/lib/sod/schema';

const rs = loadRuleset();
const ix = indexRuleset(rs);
const nameStd = (store: Store) => Array.from({ length: store.roles }, (_, r) => store.roleStd[r] ?? null);
const defaults = Object.fromEntries(rs.regelsaet.indstillinger.map((s) => [s.id, s.standard]));

/** The requirement's definition in the rules data, evaluated directly for one account. */
function meets(store: Store, roleStd: (string | null)[], k: Krav, acc: number): boolean {
  const sys = rs.systemer[store.accSystem.get(acc)]!;
  const fm = store.fuldmagtIds(acc);
  const pk = store.hasProkura(acc);
  const roles = store.rolesOf(acc).flatMap((r) => (roleStd[r] ? [ix.roleById.get(roleStd[r]!)!] : []));
  if (!roles.length && !fm.length) return false; // nothing of known meaning
  if (k.systemer && !k.systemer.includes(sys.id)) return false;
  if (k.systemtyper && !k.systemtyper.includes(sys.type)) return false;
  if (k.prokura && !pk) return false;
  if (k.fuldmagter && !k.fuldmagter.some((f) => fm.includes(f))) return false;
  if (k.funktioner) {
    // Effective functions: a role's function with the prokura/fuldmagt it needs, and the
    // functions of the fuldmagter (an unreadable one counts as every fuldmagt of the system).
    const funcs = new Set(
      roles.flatMap((r) =>
        r.funktioner.filter((g) => g.kraever === 'ingen' || (g.kraever === 'prokura' && pk) || (g.kraever === 'fuldmagt' && fm.length > 0)).map((g) => g.funktion),
      ),
    );
    for (const id of fm) for (const f of sys.fuldmagter) if (id === 'ukendt' || f.id === id) f.funktioner.forEach((x) => funcs.add(x));
    return k.funktioner.some((f) => funcs.has(f));
  }
  if (k.roller || k.privilegeret) return roles.some((r) => (!k.roller || k.roller.includes(r.id)) && (!k.privilegeret || r.privilegeret));
  return true;
}

function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Accounts with random roles (every name and alias, plus local ones), prokura and fuldmagter. */
function randomStore(seed: number) {
  const rnd = random(seed);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const records = [];
  for (let i = 0; i < 400; i++) {
    const sys = pick(rs.systemer);
    records.push({
      system: sys.navn,
      bruger: `u${Math.floor(rnd() * 120)}`,
      rolle: pick([...sys.roller.flatMap((r) => [r.navn, ...r.aliaser]), 'Lokal rolle', '']),
      prokura: pick(['', 'ja', 'nej', '25.000,00', 'efter aftale']),
      fuldmagt: sys.fuldmagter.length && rnd() < 0.4 ? pick([...sys.fuldmagter.map((f) => f.navn), 'Særlig']) : '',
    });
  }
  return storeFromRecords(ix, records);
}

const kravOf = (req: Requirements, regel: string, i = 0) => req.regler.find((c) => c.regel.id === regel)!.krav[i]!;
const accOf = (store: Store, system: string, bruger: string) => store.findAccount(system, bruger)!;

describe('requirements per account', () => {
  it('gives every requirement of a combination rule its own bit', () => {
    const req = requirements(storeFromRecords(ix, [{ system: 'IndFak', bruger: 'a@x.dk', rolle: 'Indkøber' }]), [null], defaults);
    const bits = req.regler.flatMap((c) => c.krav.map((k) => k.bit));
    expect(new Set(bits).size).toBe(bits.length);
    for (const c of req.regler) expect(c.mask).toBe(c.krav.reduce((m, k) => m | k.bit, 0));
  });

  it.each([1, 2, 3, 4, 5, 6])('sets exactly the requirements the account meets by the rules data (random store %i)', (seed) => {
    const store = randomStore(seed);
    const rnd = random(seed * 31);
    // Also with the controller's mapping: some roles switched off, some given another meaning.
    for (const roleStd of [nameStd(store), nameStd(store).map((s) => (rnd() < 0.3 ? null : rnd() < 0.3 ? rs.systemer[0]!.roller[0]!.id : s))]) {
      const req = requirements(store, roleStd, defaults);
      for (let acc = 0; acc < store.accounts; acc++)
        for (const c of req.regler.flatMap((x) => x.krav)) {
          const expected = meets(store, roleStd, c.k, acc);
          if (((req.accKrav[acc]! & c.bit) !== 0) !== expected)
            expect({ account: store.accountRef(acc), roles: store.rolesOf(acc).map((r) => roleStd[r]), krav: c.k.etiket, meets: !expected }).toEqual({ meets: expected });
        }
    }
  });

  it('needs the prokura a role function requires', () => {
    const store = storeFromRecords(ix, [
      { system: 'IndFak', bruger: 'med@x.dk', rolle: 'Disponent Faktura', prokura: '50.000,00' },
      { system: 'IndFak', bruger: 'uden@x.dk', rolle: 'Disponent Faktura', prokura: 'nej' },
    ]);
    const req = requirements(store, nameStd(store), defaults);
    const godkendelse = kravOf(req, 'afledt-og-navision');
    expect(req.accKrav[accOf(store, 'indfak', 'med@x.dk')]! & godkendelse.bit).toBeTruthy();
    expect(req.accKrav[accOf(store, 'indfak', 'uden@x.dk')]! & godkendelse.bit).toBe(0);
  });

  it('counts an unreadable fuldmagt as one that can approve payments, but not as Alene', () => {
    const store = storeFromRecords(ix, [
      { system: 'District', bruger: '100001', rolle: 'Bruger', fuldmagt: 'Særlig' },
      { system: 'District', bruger: '100002', rolle: 'Bruger', fuldmagt: 'Alene' },
      { system: 'District', bruger: '100003', rolle: 'Bruger' },
    ]);
    const req = requirements(store, nameStd(store), defaults);
    const betaling = kravOf(req, 'afledt-og-bank', 1);
    const alene = kravOf(req, 'alene-fuldmagt');
    const [ukendt, medAlene, uden] = ['100001', '100002', '100003'].map((b) => accOf(store, 'district', b));
    expect(req.accKrav[ukendt!]! & betaling.bit).toBeTruthy();
    expect(req.accKrav[ukendt!]! & alene.bit).toBe(0);
    expect(req.accKrav[medAlene!]! & (betaling.bit | alene.bit)).toBe(betaling.bit | alene.bit);
    // The role Bruger has no function of its own: without a fuldmagt it cannot pay.
    expect(req.accKrav[uden!]).toBe(0);
    expect(req.accActive[uden!]).toBe(1);
  });

  it('marks accounts for which a separation of their system does not hold', () => {
    const store = storeFromRecords(ix, [
      { system: 'District', bruger: '200001', rolle: 'Bruger', fuldmagt: 'Alene' },
      { system: 'District', bruger: '200002', rolle: 'Bruger', fuldmagt: 'A' },
      { system: 'District', bruger: '200003', rolle: 'Bruger', fuldmagt: 'Særlig' },
      { system: 'IndFak', bruger: 'r@x.dk', rolle: 'Rekvirent' },
      { system: 'IndFak', bruger: 'lokal@x.dk', rolle: 'Lokal rolle' },
    ]);
    const off = requirements(store, nameStd(store), { ...defaults, 'indfak-2-oejne-profil': false });
    const on = requirements(store, nameStd(store), { ...defaults, 'indfak-2-oejne-profil': true });
    const open = (req: Requirements, s: string, b: string) => req.accSepOpen[accOf(store, s, b)];
    expect([open(off, 'district', '200001'), open(off, 'district', '200002'), open(off, 'district', '200003')]).toEqual([1, 0, 0]);
    expect([open(off, 'indfak', 'r@x.dk'), open(on, 'indfak', 'r@x.dk')]).toEqual([0, 1]);
    // An account with only roles of unknown meaning takes no part.
    expect([open(on, 'indfak', 'lokal@x.dk'), on.accActive[accOf(store, 'indfak', 'lokal@x.dk')]]).toEqual([0, 0]);
    const sep = rs.systemer.find((s) => s.id === 'district')!.adskillelser[0]!;
    expect(off.holds(sep, accOf(store, 'district', '200001'))).toBe(false);
    expect(off.holds(sep, accOf(store, 'district', '200003'))).toBe(true);
  });

  it('counts a role function that needs a fuldmagt only on an account with a fuldmagt', () => {
    // No role in the data needs a fuldmagt today; give District's Bruger such a function.
    const systemer = rs.systemer.map((s) =>
      s.id !== 'district'
        ? s
        : { ...s, roller: s.roller.map((r) => (r.id === 'district-bruger' ? { ...r, funktioner: [{ funktion: 'opsaetning', kraever: 'fuldmagt' as const }] } : r)) },
    );
    const store = storeFromRecords(indexRuleset({ ...rs, systemer }), [
      { system: 'District', bruger: '300001', rolle: 'Bruger', fuldmagt: 'B' },
      { system: 'District', bruger: '300002', rolle: 'Bruger' },
    ]);
    const req = requirements(store, nameStd(store), defaults);
    const opsaetning = kravOf(req, 'opsaetning-og-transaktion');
    expect(req.accKrav[accOf(store, 'district', '300001')]! & opsaetning.bit).toBeTruthy();
    expect(req.accKrav[accOf(store, 'district', '300002')]! & opsaetning.bit).toBe(0);
  });

  it('refuses a ruleset with more requirements than the masks can hold', () => {
    const regel = rs.regler.find((r) => r.betingelse.type === 'kombination')!;
    const many: Ruleset = { ...rs, regler: Array.from({ length: 32 }, (_, i) => ({ ...regel, id: `regel-${i}` })) };
    const store = storeFromRecords(indexRuleset(many), [{ system: 'IndFak', bruger: 'a@x.dk', rolle: 'Indkøber' }]);
    expect(() => requirements(store, nameStd(store), defaults)).toThrow(/højst håndtere 31/);
  });
});
