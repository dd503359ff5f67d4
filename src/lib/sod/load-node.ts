/**
 * Loads the rules data from content/data/sod/*.yaml in Node (CLI, benchmarks, tests).
 * The browser gets the same data from the built rules file (regelsaet.json).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { buildRuleset, RULESET_FILES, type RulesetParts } from './build';
import type { Ruleset } from './schema';

export const DEFAULT_RULES_DIR = fileURLToPath(new URL('../../../content/data/sod/', import.meta.url));

export function loadRulesetParts(dir = DEFAULT_RULES_DIR): RulesetParts {
  const parts = {} as Record<keyof RulesetParts, unknown[]>;
  for (const [key, name] of Object.entries(RULESET_FILES) as [keyof RulesetParts, string][]) {
    const data = parse(readFileSync(join(dir, name), 'utf8'));
    if (!Array.isArray(data)) throw new Error(`${name}: forventede en liste`);
    parts[key] = data;
  }
  return parts;
}

export function loadRuleset(dir = DEFAULT_RULES_DIR): Ruleset {
  return buildRuleset(loadRulesetParts(dir));
}
