/**
 * The SoD rules data for the guide's components, in the order of the YAML files (the content
 * collections return entries sorted by id, which would renumber the source's controls). Validated
 * with the same schema and cross-reference check as the checker. Read once per build.
 */
import { join } from 'node:path';
import { loadRuleset } from '../../lib/sod/load-node';
import type { Ruleset } from '../../lib/sod/schema';

let cached: Ruleset | undefined;

export function ruleset(): Ruleset {
  cached ??= loadRuleset(join(process.cwd(), 'content/data/sod'));
  return cached;
}
