/**
 * The requirements (krav) of the combination rules compiled to bit masks, and which requirements
 * each account can meet. The per-account work is a few bit operations per role assignment: every
 * table that depends on roles, systems or fuldmagter is built once per analysis (roles and
 * fuldmagt combinations are few; accounts are many).
 */
import type { Adskillelse, Krav, Regel } from './schema';
import { FM_UKENDT, type Store } from './store';

/** A requirement of a combination rule, compiled. */
export interface CKrav {
  k: Krav;
  /** The requirement's own bit in the masks. */
  bit: number;
  /** Function bits that satisfy it; 0 when it names no functions. */
  funcMask: number;
  roller: Set<string> | null;
  /** 1 for the systems (by index) the requirement applies to. */
  sys: Uint8Array;
}

export interface CRegel {
  regel: Regel;
  krav: CKrav[];
  /** Bits of all its requirements (0 for rules that are not combinations). */
  mask: number;
}

export interface Requirements {
  /** Function id → bit. */
  funcBit: Map<string, number>;
  /** The rules in the ruleset's order, with their requirements compiled. */
  regler: CRegel[];
  /**
   * Per account: bits of the requirements it may meet. Exact for system, prokura and fuldmagt; a
   * requirement of functions limited to certain roles is set when the function is there (the
   * detailed check decides). Never misses a requirement the account meets.
   */
  accKrav: Int32Array;
  /** Per account: 1 when it has a role of known meaning or a fuldmagt. */
  accActive: Uint8Array;
  /** Per account: 1 when a separation its system enforces does not hold for it. */
  accSepOpen: Uint8Array;
  /** Whether a requirement that names roles or privilege accepts this role name. */
  roleOk(c: CKrav, r: number): boolean;
  /** Whether a separation of the account's system keeps its two halves apart for this account. */
  holds(sep: Adskillelse, acc: number): boolean;
}

/** What an account's fuldmagter contribute, per system and fuldmagt bit pattern. */
interface FmInfo {
  /** Requirements met by the fuldmagter's functions. */
  funcKrav: number;
  /** Requirements whose fuldmagt condition is met (all requirements without one included). */
  fmOk: number;
  /** Some separation of the system does not hold. */
  sepOpen: boolean;
}

const MAX_KRAV = 31;

export function requirements(store: Store, roleStd: readonly (string | null)[], indstillinger: Record<string, boolean>): Requirements {
  const rs = store.ix.rs;
  const nS = rs.systemer.length;
  const funcBit = new Map(rs.funktioner.map((f, i) => [f.id, 1 << i]));
  const bits = (ids: readonly string[]) => ids.reduce((m, id) => m | (funcBit.get(id) ?? 0), 0);

  // Requirements, one bit each.
  let nK = 0;
  const compile = (k: Krav): CKrav => {
    const sys = new Uint8Array(nS);
    rs.systemer.forEach((x, i) => (sys[i] = (!k.systemer || k.systemer.includes(x.id)) && (!k.systemtyper || k.systemtyper.includes(x.type)) ? 1 : 0));
    return { k, bit: 1 << nK++, funcMask: k.funktioner ? bits(k.funktioner) : 0, roller: k.roller ? new Set(k.roller) : null, sys };
  };
  const regler: CRegel[] = rs.regler.map((regel) => {
    const krav = regel.betingelse.type === 'kombination' ? regel.betingelse.krav.map(compile) : [];
    return { regel, krav, mask: krav.reduce((m, c) => m | c.bit, 0) };
  });
  if (nK > MAX_KRAV) throw new Error(`Regelsættet har ${nK} krav i kombinationsregler; kontrollen kan højst håndtere ${MAX_KRAV}.`);
  const allKrav = regler.flatMap((c) => c.krav);
  const maskOf = (pred: (c: CKrav) => boolean) => allKrav.reduce((m, c) => (pred(c) ? m | c.bit : m), 0);
  /** Requirements met by holding any of these functions. */
  const kravOfFuncs = (f: number) => maskOf((c) => (c.funcMask & f) !== 0);
  const byRoles = (c: CKrav) => !c.funcMask && !!(c.k.roller || c.k.privilegeret);
  const kPlain = maskOf((c) => !c.funcMask && !(c.k.roller || c.k.privilegeret));
  const kNeedPk = maskOf((c) => !!c.k.prokura);
  const kSys = Int32Array.from(rs.systemer, (_, s) => maskOf((c) => c.sys[s] === 1));

  // Per role name: the requirements it meets without condition, with prokura, with a fuldmagt.
  const nR = store.roles;
  const known = new Uint8Array(nR);
  const rolePriv = new Uint8Array(nR);
  const kFree = new Int32Array(nR);
  const kPk = new Int32Array(nR);
  const kFm = new Int32Array(nR);
  const roleOk = (c: CKrav, r: number) => {
    const std = roleStd[r];
    if (!std) return false;
    if (c.roller && !c.roller.has(std)) return false;
    if (c.k.privilegeret && !rolePriv[r]) return false;
    return true;
  };
  for (let r = 0; r < nR; r++) {
    const std = roleStd[r];
    if (!std) continue;
    const role = store.ix.roleById.get(std)!;
    known[r] = 1;
    rolePriv[r] = role.privilegeret ? 1 : 0;
    let free = 0;
    let pk = 0;
    let fm = 0;
    for (const g of role.funktioner) {
      const bit = funcBit.get(g.funktion) ?? 0;
      if (g.kraever === 'prokura') pk |= bit;
      else if (g.kraever === 'fuldmagt') fm |= bit;
      else free |= bit;
    }
    kFree[r] = kravOfFuncs(free) | maskOf((c) => byRoles(c) && roleOk(c, r));
    kPk[r] = kravOfFuncs(pk);
    kFm[r] = kravOfFuncs(fm);
  }

  // Per system and fuldmagt bit pattern (few patterns occur): what the fuldmagter add.
  const fmValid = Int32Array.from(rs.systemer, (sys) => sys.fuldmagter.reduce((m, _, i) => m | (1 << i), FM_UKENDT));
  const settingOn = (sep: Adskillelse) => !!sep.gaelderIkkeVedIndstilling && !!indstillinger[sep.gaelderIkkeVedIndstilling];
  const holdsFor = (sep: Adskillelse, fmIds: readonly string[]) =>
    !settingOn(sep) && !(sep.gaelderIkkeFuldmagt.length && sep.gaelderIkkeFuldmagt.some((f) => fmIds.includes(f)));
  const fmInfo = (s: number, fm: number): FmInfo => {
    const sys = rs.systemer[s]!;
    const ids = fuldmagtIds(sys.fuldmagter, fm);
    let funcs = 0;
    for (const id of ids)
      funcs |= bits(id === 'ukendt' ? [...new Set(sys.fuldmagter.flatMap((f) => f.funktioner))] : sys.fuldmagter.find((x) => x.id === id)!.funktioner);
    return {
      funcKrav: kravOfFuncs(funcs),
      fmOk: maskOf((c) => !c.k.fuldmagter || c.k.fuldmagter.some((f) => ids.includes(f))),
      sepOpen: sys.adskillelser.some((sep) => !holdsFor(sep, ids)),
    };
  };
  const noFm = rs.systemer.map((_, s) => fmInfo(s, 0));
  const fmCache = rs.systemer.map(() => new Map<number, FmInfo>());

  const nAcc = store.accounts;
  const accSystem = store.accSystem.a;
  const accFuldmagt = store.accFuldmagt.a;
  const accHead = store.accHead.a;
  const asgNext = store.asgNext.a;
  const asgRole = store.asgRole.a;
  const accKrav = new Int32Array(nAcc);
  const accActive = new Uint8Array(nAcc);
  const accSepOpen = new Uint8Array(nAcc);
  for (let a = 0; a < nAcc; a++) {
    const s = accSystem[a]!;
    const fm = accFuldmagt[a]! & fmValid[s]!;
    const pk = store.hasProkura(a);
    let active = fm !== 0;
    let k = 0;
    for (let i = accHead[a]!; i !== -1; i = asgNext[i]!) {
      const r = asgRole[i]!;
      if (!known[r]) continue;
      active = true;
      k |= kFree[r]!;
      if (pk) k |= kPk[r]!;
      if (fm) k |= kFm[r]!;
    }
    if (!active) continue;
    let info = noFm[s]!;
    if (fm) {
      const cache = fmCache[s]!;
      const hit = cache.get(fm);
      if (hit) info = hit;
      else cache.set(fm, (info = fmInfo(s, fm)));
    }
    accActive[a] = 1;
    accKrav[a] = (k | info.funcKrav | kPlain) & kSys[s]! & info.fmOk & (pk ? -1 : ~kNeedPk);
    if (info.sepOpen) accSepOpen[a] = 1;
  }

  return {
    funcBit,
    regler,
    accKrav,
    accActive,
    accSepOpen,
    roleOk,
    holds: (sep, acc) => holdsFor(sep, store.fuldmagtIds(acc)),
  };
}

/** Fuldmagt ids of a bit pattern, in the system's order; 'ukendt' last (as Store.fuldmagtIds). */
function fuldmagtIds(list: readonly { id: string }[], bits: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < list.length; i++) if (bits & (1 << i)) out.push(list[i]!.id);
  if (bits & FM_UKENDT) out.push('ukendt');
  return out;
}
