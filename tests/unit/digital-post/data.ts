import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'astro/zod';
import { feltSchema, procesSchema, regelSchema } from '../../../src/lib/digital-post/schema';

const root = new URL('../../../', import.meta.url);

/** Reads a YAML file of the project and validates it; throws with the zod issues on bad data. */
export function loadYaml<T>(path: string, schema: z.ZodType<T>): T {
  const raw = parse(readFileSync(new URL(path, root), 'utf8'));
  const res = schema.safeParse(raw);
  if (!res.success) throw new Error(`${path}: ${JSON.stringify(res.error.issues, null, 2)}`);
  return res.data;
}

export const processer = () => loadYaml('content/data/digital-post/processer.yaml', z.array(procesSchema));
export const felter = () => loadYaml('content/data/digital-post/felter.yaml', z.array(feltSchema));
export const regler = () => loadYaml('content/data/digital-post/regler.yaml', z.array(regelSchema));
