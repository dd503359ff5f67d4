/**
 * The analysis: identities across systems, effective functions (role + prokura/fuldmagt) and the
 * rules from the data. Works on the compact Store; cheap to re-run when the controller confirms an
 * identity link, maps a local role or changes a setting.
 */
import type { Krav, Regel, System } from './schema';
import { alvorRank, type Alvor } from './alvor';
import type { Store } from './store';
import { harProkura } from './values';
import { lastNameKey, looseToken, matchNames, nameTokens, type NameMatch } from './names';

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

export interface Analysis {
  store: Store;
  indstillinger: Record<string, boolean>;
  /** Standard role id per role name after the controller's mapping (null: unknown or ignored). */
  roleStd: (string | null)[];
  accPerson: Int32Array;
  persons: Person[];
  findings: Finding[];
  /** Finding indexes per person. */
  personFindings: number[][];
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

  // 1. Role names → standard roles (the controller's mapping wins over the name).
  const roleStd: (string | null)[] = new Array(store.roles);
  const unknown = new Map<number, Set<number>>();
  for (let r = 0; r < store.roles; r++) {
    const k = `${store.systemIds[store.roleSystem.get(r)]}:${store.roleKey[r]}`;
    if (k in mapping) roleStd[r] = mapping[k] || null;
    else roleStd[r] = store.roleStd[r] ?? null;
    if (!(k in mapping) && !store.roleStd[r]) unknown.set(r, new Set());
  }

  // Assignments per account (CSR).
  const nAcc = store.accounts;
  const start = new Int32Array(nAcc + 1);
  for (let i = 0; i < store.assignments; i++) start[store.asgAcc.get(i) + 1]!++;
  for (let i = 0; i < nAcc; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, nAcc);
  const accRoles = new Int32Array(store.assignments);
  for (let i = 0; i < store.assignments; i++) {
    const a = store.asgAcc.get(i);
    const r = store.asgRole.get(i);
    accRoles[fill[a]!++] = r;
    unknown.get(r)?.add(a);
  }
  const rolesOf = (acc: number) => accRoles.subarray(start[acc]!, start[acc + 1]!);

  // 2. Identity: same e-mail, or same user id where no e-mail exists; plus confirmed links.
  const dsu = new Dsu(nAcc);
  const byKey = new Map<string, number>();
  for (let a = 0; a < nAcc; a++) {
    const k = store.accEmail[a] ? `e:${store.accEmail[a]}` : `u:${store.accKey[a]}`;
    const first = byKey.get(k);
    if (first === undefined) byKey.set(k, a);
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
  const persons: Person[] = [];
  const rootPerson = new Map<number, number>();
  for (let a = 0; a < nAcc; a++) {
    const root = dsu.find(a);
    let p = rootPerson.get(root);
    if (p === undefined) {
      p = persons.length;
      rootPerson.set(root, p);
      persons.push({ key: '', navn: '', emails: [], konti: [] });
    }
    accPerson[a] = p;
    const person = persons[p]!;
    person.konti.push(a);
    if (!person.navn && store.accNavn[a]) person.navn = store.accNavn[a]!;
    const e = store.accEmail[a];
    if (e && !person.emails.includes(e)) person.emails.push(e);
  }
  for (const person of persons) {
    person.konti.sort((x, y) => store.accSystem.get(x) - store.accSystem.get(y) || (store.accKey[x]! < store.accKey[y]! ? -1 : 1));
    person.key = person.emails[0] ?? store.accountRef(person.konti[0]!);
  }

  // 3. Rules, person by person.
  const sysOf = (acc: number) => rs.systemer[store.accSystem.get(acc)]!;
  const prokuraOf = (acc: number) => {
    const p = store.accProkura[acc];
    return !!p && harProkura(p);
  };
  const hitsCache = new Map<number, Unit[]>();
  const hitsOf = (acc: number): Unit[] => {
    let h = hitsCache.get(acc);
    if (h) return h;
    h = [];
    const fm = store.fuldmagtIds(acc);
    const pk = prokuraOf(acc);
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

  const holds = (sys: System, sepId: string, acc: number) => {
    const sep = sys.adskillelser.find((s) => s.id === sepId)!;
    if (sep.gaelderIkkeVedIndstilling && indstillinger[sep.gaelderIkkeVedIndstilling]) return false;
    if (sep.gaelderIkkeFuldmagt.length) {
      const fm = store.fuldmagtIds(acc);
      if (sep.gaelderIkkeFuldmagt.some((f) => fm.includes(f))) return false;
    }
    return true;
  };
  /** Whether the system itself keeps two functions of one account apart. */
  const enforcedPair = (sys: System, acc: number, f1: string, f2: string) =>
    sys.adskillelser.some(
      (s) =>
        ((s.mellem[0].includes(f1) && s.mellem[1].includes(f2)) || (s.mellem[0].includes(f2) && s.mellem[1].includes(f1))) &&
        holds(sys, s.id, acc),
    );

  const kravUnits = (k: Krav, konti: number[]): Unit[] => {
    const out: Unit[] = [];
    for (const acc of konti) {
      const sys = sysOf(acc);
      if (k.systemer && !k.systemer.includes(sys.id)) continue;
      if (k.systemtyper && !k.systemtyper.includes(sys.type)) continue;
      if (k.prokura && !prokuraOf(acc)) continue;
      const fm = store.fuldmagtIds(acc);
      if (k.fuldmagter && !k.fuldmagter.some((f) => fm.includes(f))) continue;
      const roleOk = (r: number) => {
        const std = roleStd[r];
        if (!std) return false;
        if (k.roller && !k.roller.includes(std)) return false;
        if (k.privilegeret && !store.ix.roleById.get(std)!.privilegeret) return false;
        return true;
      };
      if (k.funktioner) {
        for (const h of hitsOf(acc)) {
          if (!k.funktioner.includes(h.funktion!)) continue;
          if ((k.roller || k.privilegeret) && (h.role < 0 || !roleOk(h.role))) continue;
          out.push(h);
        }
      } else if (k.roller || k.privilegeret) {
        const medFuldmagt = k.fuldmagter ? fm.find((f) => k.fuldmagter!.includes(f)) : undefined;
        for (const r of rolesOf(acc)) if (roleOk(r)) out.push({ acc, role: r, fuldmagt: null, funktion: null, prokura: !!k.prokura, ...(medFuldmagt ? { medFuldmagt } : {}) });
      } else if (k.fuldmagter) {
        for (const f of fm) if (k.fuldmagter.includes(f)) out.push({ acc, role: -1, fuldmagt: f, funktion: null, prokura: false });
      } else if (k.prokura) out.push({ acc, role: -1, fuldmagt: null, funktion: null, prokura: true });
    }
    return out;
  };

  const tildeling = (u: Unit) => (u.role >= 0 ? `${u.acc}:r${u.role}` : `${u.acc}:f${u.fuldmagt}`);

  const findings: Finding[] = [];
  const personFindings: number[][] = persons.map(() => []);
  let undertrykte = 0;
  const regelById = new Map(rs.regler.map((r) => [r.id, r]));

  const makeFinding = (regel: Regel, variant: string, p: number, dele: Finding['dele']): Finding => {
    const konti = [...new Set(dele.flatMap((d) => d.units.map((u) => u.acc)))].sort((a, b) => a - b);
    const refs = konti.map((a) => store.accountRef(a)).sort();
    return { key: `${regel.id}${variant ? `/${variant}` : ''}|${refs.join('+')}`, regel: regel.id, alvor: regel.alvor, person: p, dele, konti };
  };

  for (let p = 0; p < persons.length; p++) {
    const konti = persons[p]!.konti;
    const own: Finding[] = [];
    for (const regel of rs.regler) {
      const b = regel.betingelse;
      if (b.type === 'kombination') {
        const lists = b.krav.map((k) => kravUnits(k, konti));
        if (lists.some((l) => l.length === 0)) continue;
        const used = lists.map(() => new Set<Unit>());
        const pick: Unit[] = [];
        let budget = 20000;
        const valid = (): boolean => {
          for (let i = 0; i < pick.length; i++)
            for (let j = i + 1; j < pick.length; j++) {
              const si = store.accSystem.get(pick[i]!.acc);
              const sj = store.accSystem.get(pick[j]!.acc);
              if (b.system === 'samme' && si !== sj) return false;
              if (b.system === 'forskellige' && si === sj) return false;
              if (b.forskelligeTildelinger && tildeling(pick[i]!) === tildeling(pick[j]!)) return false;
            }
          // Not a finding when the system itself separates every pair (same account only).
          if (pick.length > 1 && pick.every((u) => u.acc === pick[0]!.acc) && pick.every((u) => u.funktion)) {
            const sys = sysOf(pick[0]!.acc);
            let allEnforced = true;
            for (let i = 0; i < pick.length && allEnforced; i++)
              for (let j = i + 1; j < pick.length; j++)
                if (!enforcedPair(sys, pick[0]!.acc, pick[i]!.funktion!, pick[j]!.funktion!)) {
                  allEnforced = false;
                  break;
                }
            if (allEnforced) return false;
          }
          return true;
        };
        const search = (i: number) => {
          if (budget-- <= 0) return;
          if (i === lists.length) {
            if (valid()) pick.forEach((u, k) => used[k]!.add(u));
            return;
          }
          for (const u of lists[i]!) {
            pick.push(u);
            search(i + 1);
            pick.pop();
          }
        };
        search(0);
        if (used.some((s) => s.size === 0)) continue;
        own.push(makeFinding(regel, '', p, b.krav.map((k, i) => ({ etiket: k.etiket, units: [...used[i]!] }))));
      } else if (b.type === 'samme-proces') {
        const systems = new Set(konti.map((a) => store.accSystem.get(a)));
        for (const s of systems) {
          const sys = rs.systemer[s]!;
          const mine = konti.filter((a) => store.accSystem.get(a) === s);
          const hits = mine.flatMap(hitsOf);
          for (const sep of sys.adskillelser) {
            const A = hits.filter((h) => sep.mellem[0].includes(h.funktion!));
            const B = hits.filter((h) => sep.mellem[1].includes(h.funktion!));
            const ua = new Set<Unit>();
            const ub = new Set<Unit>();
            for (const u of A)
              for (const v of B)
                if (u.acc !== v.acc || !holds(sys, sep.id, u.acc)) {
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
        const bySys = new Map<number, number[]>();
        for (const a of konti) {
          const s = store.accSystem.get(a);
          bySys.set(s, [...(bySys.get(s) ?? []), a]);
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
      personFindings[p]!.push(findings.length);
      findings.push(f);
    }
  }

  function funktionNavn(id: string) {
    return rs.funktioner.find((f) => f.id === id)?.navn.toLowerCase() ?? id;
  }

  // 4. Identity suggestions from names (never merged without confirmation).
  const suggestions = suggestIdentities(store, persons, new Set(opts.afviste ?? []), opts.maxForslag ?? 2000);

  const unknownRoles: UnknownRole[] = [...unknown.entries()]
    .map(([r, accs]) => ({
      system: store.systemIds[store.roleSystem.get(r)]!,
      navn: store.roleRaw[r]!,
      key: `${store.systemIds[store.roleSystem.get(r)]}:${store.roleKey[r]}`,
      brugere: accs.size,
    }))
    .sort((a, b) => b.brugere - a.brugere || a.navn.localeCompare(b.navn, 'da'));

  return { store, indstillinger, roleStd, accPerson, persons, findings, personFindings, suggestions, unknownRoles, linksUkendte, undertrykte };
}

function suggestIdentities(store: Store, persons: Person[], afviste: Set<string>, max: number): Suggestion[] {
  const out: Suggestion[] = [];
  // Bucket by loose last name + first initial; compare within buckets.
  const buckets = new Map<string, number[]>();
  for (let p = 0; p < persons.length; p++) {
    const n = persons[p]!.navn;
    if (!n) continue;
    const t = nameTokens(n);
    if (t.length < 2) continue;
    const k = `${lastNameKey(n)} ${looseToken(t[0]!)[0]}`;
    const list = buckets.get(k);
    if (list) list.push(p);
    else buckets.set(k, [p]);
  }
  const rank = { 'samme-navn': 0, stavemaade: 1, forbogstaver: 2 } as const;
  for (const list of buckets.values()) {
    if (list.length < 2) continue;
    const big = list.length > 200;
    for (let i = 0; i < list.length && out.length < max * 2; i++) {
      const pa = persons[list[i]!]!;
      for (let j = i + 1; j < list.length; j++) {
        const pb = persons[list[j]!]!;
        // Only where an e-mail could not already tell: at least one side has none.
        if (pa.emails.length && pb.emails.length) continue;
        const m = matchNames(pa.navn, pb.navn);
        if (!m || (big && m.grad === 'forbogstaver')) continue;
        const a = store.accountRef(pa.konti[0]!);
        const b = store.accountRef(pb.konti[0]!);
        const key = pairKey(a, b);
        if (afviste.has(key)) continue;
        out.push({ key, a, b, navnA: pa.navn, navnB: pb.navn, personA: list[i]!, personB: list[j]!, grad: m.grad, forklaring: m.forklaring });
      }
    }
  }
  out.sort((x, y) => rank[x.grad] - rank[y.grad] || x.navnA.localeCompare(y.navnA, 'da'));
  return out.slice(0, max);
}

/** Highest severity among a person's findings, or null. */
export function highestSeverity(an: Analysis, p: number): Alvor | null {
  let best: Alvor | null = null;
  for (const i of an.personFindings[p]!) {
    const a = an.findings[i]!.alvor;
    if (!best || alvorRank(a) < alvorRank(best)) best = a;
  }
  return best;
}
