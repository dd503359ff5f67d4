/**
 * Indexing the rules data (content/data/sod/*.yaml) for the checker: names and aliases of systems,
 * roles and fuldmagter. No zod here, so the browser worker stays small (validation: build.ts).
 */
import type { Ruleset, Rolle, System } from './schema';
import { normHeader } from '../csv/headers';

/** Name key used to match system, role and fuldmagt names from exports (case, spaces, æøå). */
export const nameKey = (s: string) => normHeader(s);

export interface RulesetIndex {
  rs: Ruleset;
  systemById: Map<string, System>;
  /** name/alias key → system id */
  systemByName: Map<string, string>;
  roleById: Map<string, Rolle & { system: string }>;
  /** system id → (name/alias key → role id) */
  roleByName: Map<string, Map<string, string>>;
  /** system id → (name/alias key → fuldmagt id) */
  fuldmagtByName: Map<string, Map<string, string>>;
}

export function indexRuleset(rs: Ruleset): RulesetIndex {
  const systemById = new Map<string, System>();
  const systemByName = new Map<string, string>();
  const roleById = new Map<string, Rolle & { system: string }>();
  const roleByName = new Map<string, Map<string, string>>();
  const fuldmagtByName = new Map<string, Map<string, string>>();
  for (const s of rs.systemer) {
    systemById.set(s.id, s);
    for (const n of [s.id, s.navn, s.kortnavn, ...s.aliaser]) systemByName.set(nameKey(n), s.id);
    const roles = new Map<string, string>();
    for (const r of s.roller) {
      roleById.set(r.id, { ...r, system: s.id });
      for (const n of [r.id, r.navn, ...r.aliaser]) roles.set(nameKey(n), r.id);
    }
    roleByName.set(s.id, roles);
    const fm = new Map<string, string>();
    for (const f of s.fuldmagter) for (const n of [f.id, f.navn, ...f.aliaser]) fm.set(nameKey(n), f.id);
    fuldmagtByName.set(s.id, fm);
  }
  return { rs, systemById, systemByName, roleById, roleByName, fuldmagtByName };
}
