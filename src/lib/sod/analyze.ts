/**
 * The analysis: identities across systems, effective functions (role + prokura/fuldmagt) and the
 * rules from the data. Works on the compact Store; cheap to re-run when the controller confirms an
 * identity link, maps a local role or changes a setting.
 */
import type { Regel, System } from './schema';
import { alvorRank, type Alvor } from './alvor';
import type { Store } from './store';
import { identities } from './identity';
import { requirements, type CKrav, type Requirements } from './requirements';
import { matchForms, nameForm, type NameForm, type NameMatch } from './names';

/** Danish sort order (the same as localeCompare(…, 'da'), without a collator per comparison). */
const collator = new Intl.Collator('da');

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
    /** Per account: 1 when it has an e-mail (saves looking the e-mail up where only that matters). */
    private accEmail?: Uint8Array,
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

  /** Whether any account of the person has an e-mail. */
  hasEmail(p: number): boolean {
    if (!this.accEmail) return this.firstEmail(p) !== '';
    for (let i = this.start[p]!; i < this.start[p + 1]!; i++) if (this.accEmail[this.accs[i]!]) return true;
    return false;
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

export function analyze(store: Store, opts: AnalyzeOptions = {}): Analysis {
  const rs = store.ix.rs;
  const indstillinger: Record<string, boolean> = {};
  for (const s of rs.regelsaet.indstillinger) indstillinger[s.id] = opts.indstillinger?.[s.id] ?? s.standard;

  // 1. Role names → standard roles (the controller's mapping wins over the name).
  const { roleStd, unknownRoles } = mapRoles(store, opts.rolleKortlaegning ?? {});

  // 2. Identity: same e-mail, or same user id where no e-mail exists; plus confirmed links.
  const { accPerson, pStart, pAccs, accEmail, linksUkendte } = identities(store, opts.links ?? []);
  const persons = new Persons(store, pStart, pAccs, accEmail);

  // 3. Rules, person by person. Which requirements each account can meet is known from bit masks,
  //    so persons who cannot meet a rule (most of them) cost a few bit operations.
  const req = requirements(store, roleStd, indstillinger);
  const { findings, personFindings, undertrykte } = applyRules(store, roleStd, req, pStart, pAccs);

  // 4. Identity suggestions from names (never merged without confirmation).
  const suggestions = suggestIdentities(store, persons, new Set(opts.afviste ?? []), opts.maxForslag ?? 2000);

  return { store, indstillinger, roleStd, accPerson, persons, findings, personFindings, suggestions, unknownRoles, linksUkendte, undertrykte };
}

/** Standard role per role name, and the role names of unknown meaning with their number of users. */
function mapRoles(store: Store, mapping: Record<string, string>) {
  const nR = store.roles;
  const roleStd: (string | null)[] = new Array(nR);
  const unknown = new Uint8Array(nR);
  let anyUnknown = false;
  const keyOf = (r: number) => `${store.systemIds[store.roleSystem.get(r)]}:${store.roleKey[r]}`;
  for (let r = 0; r < nR; r++) {
    const k = keyOf(r);
    if (k in mapping) roleStd[r] = mapping[k] || null;
    else roleStd[r] = store.roleStd[r] ?? null;
    if (!(k in mapping) && !store.roleStd[r]) {
      unknown[r] = 1;
      anyUnknown = true;
    }
  }
  const brugere = new Int32Array(nR);
  if (anyUnknown) {
    const accHead = store.accHead.a;
    const asgNext = store.asgNext.a;
    const asgRole = store.asgRole.a;
    for (let a = 0; a < store.accounts; a++) for (let i = accHead[a]!; i !== -1; i = asgNext[i]!) brugere[asgRole[i]!]!++;
  }
  const unknownRoles: UnknownRole[] = [];
  for (let r = 0; r < nR; r++)
    if (unknown[r]) unknownRoles.push({ system: store.systemIds[store.roleSystem.get(r)]!, navn: store.roleRaw[r]!, key: keyOf(r), brugere: brugere[r]! });
  unknownRoles.sort((a, b) => b.brugere - a.brugere || collator.compare(a.navn, b.navn));
  return { roleStd, unknownRoles };
}

/** The rules for every person who can meet one; findings in person order, then the ruleset's order. */
function applyRules(store: Store, roleStd: readonly (string | null)[], req: Requirements, pStart: Int32Array, pAccs: Int32Array) {
  const rs = store.ix.rs;
  const accSystem = store.accSystem.a;
  const { funcBit, accKrav, accActive, accSepOpen, roleOk, holds } = req;
  const rolesOf = (acc: number) => store.rolesOf(acc);
  const sysOf = (acc: number) => rs.systemer[accSystem[acc]!]!;

  const hitsCache = new Map<number, Unit[]>();
  const hitsOf = (acc: number): Unit[] => {
    let h = hitsCache.get(acc);
    if (h) return h;
    h = [];
    const fm = store.fuldmagtIds(acc);
    const pk = store.hasProkura(acc);
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
      (s) => ((s.mellem[0].includes(f1) && s.mellem[1].includes(f2)) || (s.mellem[0].includes(f2) && s.mellem[1].includes(f1))) && holds(s, acc),
    );

  const kravUnits = (c: CKrav, konti: number[]): Unit[] => {
    const out: Unit[] = [];
    const k = c.k;
    for (const acc of konti) {
      if (!(accKrav[acc]! & c.bit)) continue;
      if (c.funcMask) {
        for (const h of hitsOf(acc)) {
          if (!(c.funcMask & (funcBit.get(h.funktion!) ?? 0))) continue;
          if ((k.roller || k.privilegeret) && (h.role < 0 || !roleOk(c, h.role))) continue;
          out.push(h);
        }
      } else if (k.roller || k.privilegeret) {
        const medFuldmagt = k.fuldmagter ? store.fuldmagtIds(acc).find((f) => k.fuldmagter!.includes(f)) : undefined;
        for (const r of rolesOf(acc))
          if (roleOk(c, r)) out.push({ acc, role: r, fuldmagt: null, funktion: null, prokura: !!k.prokura, ...(medFuldmagt ? { medFuldmagt } : {}) });
      } else if (k.fuldmagter) {
        for (const f of store.fuldmagtIds(acc)) if (k.fuldmagter.includes(f)) out.push({ acc, role: -1, fuldmagt: f, funktion: null, prokura: false });
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

  // Whether some combination rule has all its requirements within a mask.
  const combinationMasks = Int32Array.from(req.regler.filter((c) => c.krav.length > 0), (c) => c.mask);
  const anyCombination = (kravMask: number) => {
    for (const m of combinationMasks) if ((kravMask & m) === m) return true;
    return false;
  };

  const own: Finding[] = [];
  const nP = pStart.length - 1;
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
    if (!sameSys && !open && (!kravMask || !anyCombination(kravMask))) continue;
    const konti = Array.from(pAccs.subarray(from, to));
    own.length = 0;
    for (const { regel, krav, mask } of req.regler) {
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
                if (u.acc !== v.acc || !holds(sep, u.acc)) {
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
  return { findings, personFindings, undertrykte };
}

function suggestIdentities(store: Store, persons: Persons, afviste: Set<string>, max: number): Suggestion[] {
  const out: Suggestion[] = [];
  const n = persons.length;
  // Candidates are grouped by a cheap bucket key of the full name: loose last name + folded first
  // letter. Keys are numbered. A name's form for matching and its bucket number are worked out
  // once per distinct name (persons share few names), up to a bound that keeps memory in check.
  const forms = new Map<string, NameForm | null>();
  const formOf = (navn: string) => {
    let f = forms.get(navn);
    if (f === undefined) {
      f = nameForm(navn);
      if (forms.size < 50_000) forms.set(navn, f);
    }
    return f;
  };
  const bucketIds = new Map<string, number>([['', -1]]);
  const memo = new Map<string, number>();
  const bucketOf = (navn: string) => {
    let b = memo.get(navn);
    if (b === undefined) {
      const t = formOf(navn)?.loose;
      const k = t ? `${t[t.length - 1]} ${t[0]![0]}` : '';
      b = bucketIds.get(k);
      if (b === undefined) bucketIds.set(k, (b = bucketIds.size - 1));
      if (memo.size < 200_000) memo.set(navn, b);
    }
    return b;
  };
  // Persons without e-mail (typically District users) are the ones to suggest links for; their
  // buckets are the wanted ones.
  const pBucket = new Int32Array(n).fill(-1);
  const lonely = new Uint8Array(n);
  const wanted: boolean[] = [];
  let anyWanted = false;
  for (let p = 0; p < n; p++) {
    const navn = persons.navn(p);
    if (!navn) continue;
    const b = bucketOf(navn);
    pBucket[p] = b;
    if (persons.hasEmail(p)) continue;
    lonely[p] = 1;
    if (b >= 0) wanted[b] = anyWanted = true;
  }
  if (!anyWanted) return out;
  // Members of the wanted buckets, buckets in the order of their first member.
  const buckets: number[][] = [];
  const members: number[][] = [];
  for (let p = 0; p < n; p++) {
    const b = pBucket[p]!;
    if (b < 0 || !wanted[b]) continue;
    const list = members[b];
    if (list) list.push(p);
    else buckets.push((members[b] = [p]));
  }
  const rank = { 'samme-navn': 0, stavemaade: 1, forbogstaver: 2 } as const;
  outer: for (const list of buckets) {
    if (list.length < 2) continue;
    for (const pa of list) {
      if (!lonely[pa]) continue;
      let count = 0;
      let tries = 0;
      for (const pb of list) {
        if (pb === pa || (lonely[pb] && pb < pa)) continue; // each pair of two lonely persons once
        if (++tries > 500) break; // bounded work per person in very common names
        const na = persons.navn(pa);
        const nb = persons.navn(pb);
        const m = matchForms(formOf(na), formOf(nb));
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
  out.sort((x, y) => rank[x.grad] - rank[y.grad] || collator.compare(x.navnA, y.navnA));
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
