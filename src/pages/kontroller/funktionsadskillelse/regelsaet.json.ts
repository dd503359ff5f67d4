/**
 * The rules file the checker in the browser loads: content/data/sod/*.yaml in file order (the
 * order rules, systems and roles are shown in), validated together with cross-references at build
 * time. The same YAML files are also the `sod*` content collections.
 */
import { resolve } from 'node:path';
import { loadRuleset } from '../../../lib/sod/load-node';

export async function GET() {
  const ruleset = loadRuleset(resolve(process.cwd(), 'content/data/sod'));
  return new Response(JSON.stringify(ruleset), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
