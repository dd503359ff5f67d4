/**
 * The SoD rules data for Astro components at build time, in the order of the YAML files
 * (getCollection does not keep file order). Validated with cross-references, like the checker's.
 */
import { resolve } from 'node:path';
import { loadRuleset } from '../../lib/sod/load-node';

export const sodRuleset = loadRuleset(resolve(process.cwd(), 'content/data/sod'));
