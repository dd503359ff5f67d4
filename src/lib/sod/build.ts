/**
 * Assembling the rules data from its parts (the YAML files / collections) with full validation,
 * including cross-references. Used at build time (rules file for the browser), by the CLI and tests.
 */
import { rulesetSchema, type Ruleset } from './schema';

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

