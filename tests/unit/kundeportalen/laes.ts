import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

export const rod = new URL('../../../', import.meta.url);

/** Parses a YAML file of the project (path relative to the project root). */
export function laesYaml(sti: string): unknown {
  return parse(readFileSync(new URL(sti, rod), 'utf8'));
}
