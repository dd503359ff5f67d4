/**
 * Assembling and indexing the rules data (content/data/sod/*.yaml) for the checker.
 */
import { rulesetSchema, type Ruleset, type Rolle, type System } from './schema';
import { normHeader } from '../csv/headers';

/** The YAML files and the part of the ruleset each one holds (same names as the collections). */
export const RULESET_FILES = {
  regelsaet: 'regelsaet.yaml',
  funktioner: 'funktioner.yaml',
  systemer: 'systemer.yaml',
  regler: 'regler.yaml',
  kombinationer: 'kombinationer.yaml',
  kontroller: 'kontroller.yaml',
  privilegerede: 'privilegerede.yaml',
} as const;

export interface RulesetParts {
  regelsaet: unknown[];
  funktioner: unknown[];
  systemer: unknown[];
  regler: unknown[];
  kombinationer: unknown[];
  kontroller: unknown[];
  privilegerede: unknown[];
}

/** Validates the parts and their cross-references; throws a Danish message listing every problem. */
export function buildRuleset(parts: RulesetParts): Ruleset {
  const candidate = { ...parts, regelsaet: parts.regelsaet[0] };
  const res = rulesetSchema.safeParse(candidate);
  if (!res.success) {
    const lines = res.error.issues.map((i) => `- ${i.path.length ? i.path.join('.') + ': ' : ''}${i.message}`);
    throw new Error(`Regelsættet for funktionsadskillelse er ugyldigt:\n${lines.join('\n')}`);
  }
  return res.data;
}

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
