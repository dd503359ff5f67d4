/**
 * The analysis: identities across systems, effective functions (role + prokura/fuldmagt) and the
 * rules from the data. Works on the compact Store; cheap to re-run when the controller confirms an
 * identity link, maps a local role or changes a setting.
 */
import type { Krav, Regel, System } from './schema';
import { alvorRank, type Alvor } from './alvor';
import type { Store } from './store';
import { looseToken, matchNames, nameTokens, type NameMatch } from './names';

export interface AnalyzeOptions {
  /** Setting id → on/off (see regelsaet.indstillinger). Missing = the setting's default. */
  indstillinger?: Record<string, boolean>;
  /** "systemId:roleKey" → standard role id, or '' for "no significance for SoD". */
  rolleKortlaegning?: Record<string, string>;
  /** Confirmed identity links: pairs of account refs ("system:bruger"). */
  links?: [string, string][];
  /** Rejected identity suggestions (pair keys as in Suggestion.key). */
  afviste?: string[];
  /** Upper bound for identity suggestions. */
  maxForslag?: number;
}

/** What a person holds that a rule matched: a role (with a function), a fuldmagt or an account. */
export interface Unit {
  acc: number;
  /** Role name index in the store, -1 when the unit is a fuldmagt or the account itself. */
  role: number;
  fuldmagt: string | null;
  funktion: string | null;
  /** The unit relies on the account's prokura. */
  prokura: boolean;
  /** The rule required this fuldmagt on the same account (e.g. Aftaleadministrator with Alene). */
  medFuldmagt?: string;
}

export interface Finding {
  /** Stable across runs: rule, variant and the accounts involved (by "system:bruger"). */
  key: string;
  regel: string;
  alvor: Alvor;
  person: number;
  /** One part per requirement of the rule, with its label and what matched it. */
  dele: { etiket: string; units: Unit[] }[];
  konti: number[];
}

export interface Person {
  key: string;
  navn: string;
  emails: string[];
  konti: number[];
}

export interface Suggestion {
  key: string;
  a: string;
  b: string;
  navnA: string;
  navnB: string;
  personA: number;
  personB: number;
  grad: NonNullable<NameMatch>['grad'];
  forklaring: string;
}

export interface UnknownRole {
  system: string;
  navn: string;
  /** "systemId:roleKey", the key of rolleKortlaegning. */
  key: string;
  brugere: number;
}

/** The persons of an analysis, kept compact (typed arrays); objects are made on request. */
export class Persons {
  constructor(
    private store: Store,
    /** Accounts per person (CSR): accounts of p are accs[start[p] .. start[p+1]). */
    readonly start: Int32Array,
    readonly accs: Int32Array,
  ) {}
  private keys: string[] | null = null;

  get length() {
    return this.start.length - 1;
  }

  konti(p: number): number[] {
    return Array.from(this.accs.subarray(this.start[p]!, this.start[p + 1]!));
  }

  /** Normalized e-mail where known, else "system:bruger" of the first account. */
  key(p: number): string {
    if (this.keys) return this.keys[p]!;
    const e = this.firstEmail(p);
    return e || this.store.accountRef(this.accs[this.start[p]!]!);
  }

  /** All keys (computed once, for sorting). */
  allKeys(): string[] {
    if (!this.keys) {
      const k = new Array<string>(this.length);
      for (let p = 0; p < this.length; p++) k[p] = this.key(p);
      this.keys = k;
    }
    return this.keys;
  }

  navn(p: number): string {
    for (let i = this.start[p]!; i < this.start[p + 1]!; i++) {
      const n = this.store.navn(this.accs[i]!);
      if (n) return n;
    }
    return '';
  }

  emails(p: number): string[] {
    const out: string[] = [];
    for (let i = this.start[p]!; i < this.start[p + 1]!; i++) {
      const e = this.store.email(this.accs[i]!);
      if (e && !out.includes(e)) out.push(e);
    }
    return out;
  }

  private firstEmail(p: number): string {
    for (let i = this.start[p]!; i < this.start[p + 1]!; i++) {
      const e = this.store.email(this.accs[i]!);
      if (e) return e;
    }
    return '';
  }

  get(p: number): Person {
    return { key: this.key(p), navn: this.navn(p), emails: this.emails(p), konti: this.konti(p) };
  }
}

export interface Analysis {
  store: Store;
  indstillinger: Record<string, boolean>;
  /** Standard role id per role name after the controller's mapping (null: unknown or ignored). */
  roleStd: (string | null)[];
  accPerson: Int32Array;
  persons: Persons;
  findings: Finding[];
  /** Finding indexes per person (persons without findings are absent). */
  personFindings: Map<number, number[]>;
  suggestions: Suggestion[];
  unknownRoles: UnknownRole[];
  /** Links that name an account not in the data. */
  linksUkendte: [string, string][];
  /** Findings left out because a sharper rule covers the same accounts. */
  undertrykte: number;
}

export { alvorRank };

export function pairKey(a: string, b: string) {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
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

export function analyze(store: Store, opts: AnalyzeOptions = {}): Analysis {
  const rs = store.ix.rs;
  const indstillinger: Record<string, boolean> = {};
  for (const s of rs.regelsaet.indstillinger) indstillinger[s.id] = opts.indstillinger?.[s.id] ?? s.standard;
  const mapping = opts.rolleKortlaegning ?? {};
  const nAcc = store.accounts;
  const asgNext = store.asgNext.a;
  const asgRole = store.asgRole.a;
  const accHead = store.accHead.a;
  const accSystem = store.accSystem.a;
  const rolesOf = (acc: number) => store.rolesOf(acc);

  // 1. Role names → standard roles (the controller's mapping wins over the name).
  const roleStd: (string | null)[] = new Array(store.roles);
  const unknown = new Map<number, number>();
  for (let r = 0; r < store.roles; r++) {
    const k = `${store.systemIds[store.roleSystem.get(r)]}:${store.roleKey[r]}`;
    if (k in mapping) roleStd[r] = mapping[k] || null;
    else roleStd[r] = store.roleStd[r] ?? null;
    if (!(k in mapping) && !store.roleStd[r]) unknown.set(r, 0);
  }
  if (unknown.size)
    for (let a = 0; a < nAcc; a++)
      for (let i = accHead[a]!; i !== -1; i = asgNext[i]!) {
        const c = unknown.get(asgRole[i]!);
        if (c !== undefined) unknown.set(asgRole[i]!, c + 1);
      }

  // 2. Identity: same e-mail, or same user id where no e-mail exists; plus confirmed links.
  const dsu = new Dsu(nAcc);
  const byEmail = new Map<string, number>();
  const byUser = new Map<string, number>();
  for (let a = 0; a < nAcc; a++) {
    const e = store.email(a);
    const map = e ? byEmail : byUser;
    const k = e || store.accKey[a]!;
    const first = map.get(k);
    if (first === undefined) map.set(k, a);
    else dsu.union(first, a);
  }
  const linksUkendte: [string, string][] = [];
  const resolveRef = (ref: string) => {
    const i = ref.indexOf(':');
    return i === -1 ? undefined : store.findAccount(ref.slice(0, i), ref.slice(i + 1));
  };
  for (const [x, y] of opts.links ?? []) {
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
      while (j >= pStart[p]! && (accSystem[pAccs[j]!]! > accSystem[x]! || (accSystem[pAccs[j]!] === accSystem[x] && store.accKey[pAccs[j]!]! > store.accKey[x]!))) {
        pAccs[j + 1] = pAccs[j]!;
        j--;
      }
      pAccs[j + 1] = x;
    }
  }
  const persons = new Persons(store, pStart, pAccs);

  // 3. Rules, person by person. Per-account facts and the rules' requirements are prepared once,
  //    and a bit-mask pre-check skips persons who cannot meet a rule (most of them).
  const funcBit = new Map(rs.funktioner.map((f, i) => [f.id, 1 << i]));
  const bits = (ids: readonly string[]) => ids.reduce((m, id) => m | (funcBit.get(id) ?? 0), 0);
  // Per role name: function bits without condition / with prokura / with fuldmagt; privileged.
  const nR = store.roles;
  const rFree = new Int32Array(nR);
  const rPk = new Int32Array(nR);
  const rFm = new Int32Array(nR);
  const rolePriv = new Uint8Array(nR);
  for (let r = 0; r < nR; r++) {
    const std = roleStd[r];
    if (!std) continue;
    const role = store.ix.roleById.get(std)!;
    rolePriv[r] = role.privilegeret ? 1 : 0;
    for (const g of role.funktioner) {
      const bit = funcBit.get(g.funktion) ?? 0;
      if (g.kraever === 'prokura') rPk[r]! |= bit;
      else if (g.kraever === 'fuldmagt') rFm[r]! |= bit;
      else rFree[r]! |= bit;
    }
  }
  // Fuldmagt function bits per system (index in the system's list; last = unknown fuldmagt).
  const fmBits = rs.systemer.map((sys) => [...sys.fuldmagter.map((f) => bits(f.funktioner)), bits([...new Set(sys.fuldmagter.flatMap((f) => f.funktioner))])]);

  const accFm: string[][] = new Array(nAcc);
  const accPk = new Uint8Array(nAcc);
  const accFunc = new Int32Array(nAcc);
  const accActive = new Uint8Array(nAcc); // has a known role or a fuldmagt
  const accSepOpen = new Uint8Array(nAcc); // a separation of its system does not hold for it
  for (let a = 0; a < nAcc; a++) {
    const fm = store.fuldmagtIds(a);
    accFm[a] = fm;
    const hasPk = store.hasProkura(a);
    accPk[a] = hasPk ? 1 : 0;
    let f = 0;
    let active = fm.length > 0;
    for (let i = accHead[a]!; i !== -1; i = asgNext[i]!) {
      const r = asgRole[i]!;
      if (!roleStd[r]) continue;
      active = true;
      f |= rFree[r]!;
      if (hasPk) f |= rPk[r]!;
      if (fm.length) f |= rFm[r]!;
    }
    const sysIdx = accSystem[a]!;
    const sys = rs.systemer[sysIdx]!;
    for (const id of fm) f |= fmBits[sysIdx]![id === 'ukendt' ? sys.fuldmagter.length : sys.fuldmagter.findIndex((x) => x.id === id)]!;
    accFunc[a] = f;
    accActive[a] = active ? 1 : 0;
    if (active) for (const sep of sys.adskillelser) if (!holds(sys, sep, a)) accSepOpen[a] = 1;
  }
  function holds(sys: System, sep: System['adskillelser'][number], acc: number) {
    if (sep.gaelderIkkeVedIndstilling && indstillinger[sep.gaelderIkkeVedIndstilling]) return false;
    if (sep.gaelderIkkeFuldmagt.length && sep.gaelderIkkeFuldmagt.some((f) => accFm[acc]!.includes(f))) return false;
    return true;
  }
  const sysOf = (acc: number) => rs.systemer[accSystem[acc]!]!;

  interface CKrav {
    k: Krav;
    bit: number;
    funcMask: number;
    roller: Set<string> | null;
    sys: Uint8Array;
  }
  let kravCount = 0;
  const compile = (k: Krav): CKrav => {
    const sys = new Uint8Array(rs.systemer.length);
    rs.systemer.forEach((x, i) => (sys[i] = (!k.systemer || k.systemer.includes(x.id)) && (!k.systemtyper || k.systemtyper.includes(x.type)) ? 1 : 0));
    return { k, bit: 1 << kravCount++ % 31, funcMask: k.funktioner ? bits(k.funktioner) : 0, roller: k.roller ? new Set(k.roller) : null, sys };
  };
  const compiled = rs.regler.map((regel) => {
    const krav = regel.betingelse.type === 'kombination' ? regel.betingelse.krav.map(compile) : [];
    return { regel, krav, mask: krav.reduce((m, c) => m | c.bit, 0) };
  });
  const allKrav = compiled.flatMap((c) => c.krav);
  const roleOk = (c: CKrav, r: number) => {
    const std = roleStd[r];
    if (!std) return false;
    if (c.roller && !c.roller.has(std)) return false;
    if (c.k.privilegeret && !rolePriv[r]) return false;
    return true;
  };
  /** Conservative: may say yes where the detailed check says no, never the other way round. */
  const accMeets = (c: CKrav, a: number): boolean => {
    const k = c.k;
    if (!accActive[a] || !c.sys[accSystem[a]!]) return false;
    if (k.prokura && !accPk[a]) return false;
    if (k.fuldmagter && !k.fuldmagter.some((f) => accFm[a]!.includes(f))) return false;
    if (c.funcMask) return (accFunc[a]! & c.funcMask) !== 0;
    if (k.roller || k.privilegeret) {
      for (let i = accHead[a]!; i !== -1; i = asgNext[i]!) if (roleOk(c, asgRole[i]!)) return true;
      return false;
    }
    return true;
  };
  // Accounts with the same system, prokura, fuldmagter and roles meet the same requirements.
  const accKrav = new Int32Array(nAcc);
  const bySignature = new Map<string, number>();
  for (let a = 0; a < nAcc; a++) {
    if (!accActive[a]) continue;
    let sig = `${accSystem[a]}|${accPk[a]}|${store.accFuldmagt.a[a]}`;
    for (let i = accHead[a]!; i !== -1; i = asgNext[i]!) sig += `|${asgRole[i]}`;
    let m = bySignature.get(sig);
    if (m === undefined) {
      m = 0;
      for (const c of allKrav) if (accMeets(c, a)) m |= c.bit;
      bySignature.set(sig, m);
    }
    accKrav[a] = m;
  }

  const hitsCache = new Map<number, Unit[]>();
  const hitsOf = (acc: number): Unit[] => {
    let h = hitsCache.get(acc);
    if (h) return h;
    h = [];
    const fm = accFm[acc]!;
    const pk = accPk[acc] === 1;
    for (const r of rolesOf(acc)) {
      const std = roleStd[r];
      if (!std) continue;
      for (const g of store.ix.roleById.get(std)!.funktioner) {
        if (g.kraever === 'prokura' && !pk) continue;
        if (g.kraever === 'fuldmagt' && !fm.length) continue;
        h.push({ acc, role: r, fuldmagt: null, funktion: g.funktion, prokura: g.kraever === 'prokura' });
      }
    }
    const sys = sysOf(acc);
    for (const f of fm) {
      const funktioner = f === 'ukendt' ? [...new Set(sys.fuldmagter.flatMap((x) => x.funktioner))] : sys.fuldmagter.find((x) => x.id === f)!.funktioner;
      for (const fn of funktioner) h.push({ acc, role: -1, fuldmagt: f, funktion: fn, prokura: false });
    }
    hitsCache.set(acc, h);
    return h;
  };

  /** Whether the system itself keeps two functions of one account apart. */
  const enforcedPair = (sys: System, acc: number, f1: string, f2: string) =>
    sys.adskillelser.some(
      (s) => ((s.mellem[0].includes(f1) && s.mellem[1].includes(f2)) || (s.mellem[0].includes(f2) && s.mellem[1].includes(f1))) && holds(sys, s, acc),
    );

  const kravUnits = (c: CKrav, konti: number[]): Unit[] => {
    const out: Unit[] = [];
    const k = c.k;
    for (const acc of konti) {
      if (!(accKrav[acc]! & c.bit)) continue;
      const fm = accFm[acc]!;
      if (c.funcMask) {
        for (const h of hitsOf(acc)) {
          if (!(c.funcMask & (funcBit.get(h.funktion!) ?? 0))) continue;
          if ((k.roller || k.privilegeret) && (h.role < 0 || !roleOk(c, h.role))) continue;
          out.push(h);
        }
      } else if (k.roller || k.privilegeret) {
        const medFuldmagt = k.fuldmagter ? fm.find((f) => k.fuldmagter!.includes(f)) : undefined;
        for (const r of rolesOf(acc))
          if (roleOk(c, r)) out.push({ acc, role: r, fuldmagt: null, funktion: null, prokura: !!k.prokura, ...(medFuldmagt ? { medFuldmagt } : {}) });
      } else if (k.fuldmagter) {
        for (const f of fm) if (k.fuldmagter.includes(f)) out.push({ acc, role: -1, fuldmagt: f, funktion: null, prokura: false });
      } else if (k.prokura) out.push({ acc, role: -1, fuldmagt: null, funktion: null, prokura: true });
    }
    return out;
  };

  const sameTildeling = (u: Unit, v: Unit) => u.acc === v.acc && u.role === v.role && (u.role >= 0 || u.fuldmagt === v.fuldmagt);

  // Search state for combinations (reused across persons).
  let lists: Unit[][] = [];
  let used: Set<Unit>[] = [];
  let cond: Extract<Regel['betingelse'], { type: 'kombination' }> | null = null;
  const pick: Unit[] = [];
  let budget = 0;
  const valid = (): boolean => {
    const b = cond!;
    for (let i = 0; i < pick.length; i++)
      for (let j = i + 1; j < pick.length; j++) {
        const si = accSystem[pick[i]!.acc];
        const sj = accSystem[pick[j]!.acc];
        if (b.system === 'samme' && si !== sj) return false;
        if (b.system === 'forskellige' && si === sj) return false;
        if (b.forskelligeTildelinger && sameTildeling(pick[i]!, pick[j]!)) return false;
      }
    // Not a finding when the system itself separates every pair (same account only).
    if (pick.length > 1 && pick.every((u) => u.acc === pick[0]!.acc && u.funktion)) {
      const sys = sysOf(pick[0]!.acc);
      for (let i = 0; i < pick.length; i++)
        for (let j = i + 1; j < pick.length; j++) if (!enforcedPair(sys, pick[0]!.acc, pick[i]!.funktion!, pick[j]!.funktion!)) return true;
      return false;
    }
    return true;
  };
  const search = (i: number) => {
    if (budget-- <= 0) return;
    if (i === lists.length) {
      if (valid()) for (let k = 0; k < pick.length; k++) used[k]!.add(pick[k]!);
      return;
    }
    for (const u of lists[i]!) {
      pick.push(u);
      search(i + 1);
      pick.pop();
    }
  };

  const findings: Finding[] = [];
  const personFindings = new Map<number, number[]>();
  let undertrykte = 0;
  const regelById = new Map(rs.regler.map((r) => [r.id, r]));
  const funktionNavn = (id: string) => rs.funktioner.find((f) => f.id === id)?.navn.toLowerCase() ?? id;

  const makeFinding = (regel: Regel, variant: string, p: number, dele: Finding['dele']): Finding => {
    const konti = [...new Set(dele.flatMap((d) => d.units.map((u) => u.acc)))].sort((a, b) => a - b);
    const refs = konti.map((a) => store.accountRef(a)).sort();
    return { key: `${regel.id}${variant ? `/${variant}` : ''}|${refs.join('+')}`, regel: regel.id, alvor: regel.alvor, person: p, dele, konti };
  };

  const own: Finding[] = [];
  for (let p = 0; p < nP; p++) {
    const from = pStart[p]!;
    const to = pStart[p + 1]!;
    // Pre-check on bits: which requirements the person meets at all, and whether the same-process
    // and several-accounts rules can apply (two accounts in one system, or an open separation).
    let kravMask = 0;
    let sameSys = false;
    let open = false;
    for (let i = from; i < to; i++) {
      const a = pAccs[i]!;
      kravMask |= accKrav[a]!;
      if (accSepOpen[a]) open = true;
      if (i > from && accSystem[pAccs[i - 1]!] === accSystem[a]) sameSys = true;
    }
    if (!kravMask && !sameSys && !open) continue;
    const konti = Array.from(pAccs.subarray(from, to));
    own.length = 0;
    for (const { regel, krav, mask } of compiled) {
      const b = regel.betingelse;
      if (b.type === 'kombination') {
        if ((kravMask & mask) !== mask) continue;
        lists = [];
        for (const c of krav) {
          const l = kravUnits(c, konti);
          if (!l.length) break;
          lists.push(l);
        }
        if (lists.length < krav.length) continue;
        used = lists.map(() => new Set<Unit>());
        cond = b;
        budget = 20000;
        search(0);
        if (used.some((x) => x.size === 0)) continue;
        own.push(makeFinding(regel, '', p, b.krav.map((k, i) => ({ etiket: k.etiket, units: [...used[i]!] }))));
      } else if (b.type === 'samme-proces') {
        if (!sameSys && !open) continue;
        const systems = new Set(konti.filter((a) => accActive[a]).map((a) => accSystem[a]!));
        for (const s of systems) {
          const sys = rs.systemer[s]!;
          if (!sys.adskillelser.length) continue;
          const hits = konti.filter((a) => accSystem[a] === s).flatMap(hitsOf);
          for (const sep of sys.adskillelser) {
            const A = hits.filter((h) => sep.mellem[0].includes(h.funktion!));
            if (!A.length) continue;
            const B = hits.filter((h) => sep.mellem[1].includes(h.funktion!));
            const ua = new Set<Unit>();
            const ub = new Set<Unit>();
            for (const u of A)
              for (const v of B)
                if (u.acc !== v.acc || !holds(sys, sep, u.acc)) {
                  ua.add(u);
                  ub.add(v);
                }
            if (ua.size)
              own.push(
                makeFinding(regel, sep.id, p, [
                  { etiket: `${sep.navn}: ${sep.mellem[0].map(funktionNavn).join(' eller ')}`, units: [...ua] },
                  { etiket: `${sep.navn}: ${sep.mellem[1].map(funktionNavn).join(' eller ')}`, units: [...ub] },
                ]),
              );
          }
        }
      } else if (b.type === 'flere-konti') {
        if (!sameSys) continue;
        const bySys = new Map<number, number[]>();
        for (const a of konti) {
          const s = accSystem[a]!;
          const l = bySys.get(s);
          if (l) l.push(a);
          else bySys.set(s, [a]);
        }
        for (const [s, accs] of bySys)
          if (accs.length > 1)
            own.push(
              makeFinding(regel, rs.systemer[s]!.id, p, [
                { etiket: `konti i ${rs.systemer[s]!.navn}`, units: accs.map((acc) => ({ acc, role: -1, fuldmagt: null, funktion: null, prokura: false })) },
              ]),
            );
      }
    }
    // Suppression: a sharper rule covering the same accounts hides the broader finding.
    for (const f of own) {
      const by = regelById.get(f.regel)!.undertrykkesAf;
      const covered = by.length && own.some((g) => g !== f && by.includes(g.regel) && f.konti.every((a) => g.konti.includes(a)));
      if (covered) {
        undertrykte++;
        continue;
      }
      const list = personFindings.get(p);
      if (list) list.push(findings.length);
      else personFindings.set(p, [findings.length]);
      findings.push(f);
    }
  }

  // 4. Identity suggestions from names (never merged without confirmation).
  const suggestions = suggestIdentities(store, persons, new Set(opts.afviste ?? []), opts.maxForslag ?? 2000);

  const unknownRoles: UnknownRole[] = [...unknown.entries()]
    .map(([r, brugere]) => ({
      system: store.systemIds[store.roleSystem.get(r)]!,
      navn: store.roleRaw[r]!,
      key: `${store.systemIds[store.roleSystem.get(r)]}:${store.roleKey[r]}`,
      brugere,
    }))
    .sort((a, b) => b.brugere - a.brugere || a.navn.localeCompare(b.navn, 'da'));

  return { store, indstillinger, roleStd, accPerson, persons, findings, personFindings, suggestions, unknownRoles, linksUkendte, undertrykte };
}

function suggestIdentities(store: Store, persons: Persons, afviste: Set<string>, max: number): Suggestion[] {
  const out: Suggestion[] = [];
  const n = persons.length;
  // Persons without e-mail (typically District users) are the ones to suggest links for.
  const lonely: number[] = [];
  for (let p = 0; p < n; p++) if (!persons.emails(p).length && persons.navn(p)) lonely.push(p);
  if (!lonely.length) return out;
  // Cheap bucket key of a full name: loose last name + folded first letter (memoized by name).
  const memo = new Map<string, string>();
  const bucketKey = (navn: string) => {
    let k = memo.get(navn);
    if (k === undefined) {
      const t = nameTokens(navn).map(looseToken);
      k = t.length < 2 ? '' : `${t[t.length - 1]} ${t[0]![0]}`;
      if (memo.size < 200_000) memo.set(navn, k);
    }
    return k;
  };
  const wanted = new Set(lonely.map((p) => bucketKey(persons.navn(p))));
  wanted.delete('');
  const buckets = new Map<string, number[]>();
  for (let p = 0; p < n; p++) {
    const navn = persons.navn(p);
    if (!navn) continue;
    const k = bucketKey(navn);
    if (!wanted.has(k)) continue;
    const list = buckets.get(k);
    if (list) list.push(p);
    else buckets.set(k, [p]);
  }
  const rank = { 'samme-navn': 0, stavemaade: 1, forbogstaver: 2 } as const;
  const lonelySet = new Set(lonely);
  outer: for (const list of buckets.values()) {
    if (list.length < 2) continue;
    for (const pa of list) {
      if (!lonelySet.has(pa)) continue;
      let count = 0;
      let tries = 0;
      for (const pb of list) {
        if (pb === pa || (lonelySet.has(pb) && pb < pa)) continue; // each pair of two lonely persons once
        if (++tries > 500) break; // bounded work per person in very common names
        const na = persons.navn(pa);
        const nb = persons.navn(pb);
        const m = matchNames(na, nb);
        if (!m) continue;
        const a = store.accountRef(persons.accs[persons.start[pa]!]!);
        const b = store.accountRef(persons.accs[persons.start[pb]!]!);
        const key = pairKey(a, b);
        if (afviste.has(key)) continue;
        out.push({ key, a, b, navnA: na, navnB: nb, personA: pa, personB: pb, grad: m.grad, forklaring: m.forklaring });
        if (out.length >= max) break outer;
        if (++count >= 5) break;
      }
    }
  }
  out.sort((x, y) => rank[x.grad] - rank[y.grad] || x.navnA.localeCompare(y.navnA, 'da'));
  return out;
}

/** Persons with at least one finding. */
export function personsWithFindings(an: Analysis): number {
  return an.personFindings.size;
}

/** Highest severity among a person's findings, or null. */
export function highestSeverity(an: Analysis, p: number): Alvor | null {
  let best: Alvor | null = null;
  for (const i of an.personFindings.get(p) ?? []) {
    const a = an.findings[i]!.alvor;
    if (!best || alvorRank(a) < alvorRank(best)) best = a;
  }
  return best;
}
