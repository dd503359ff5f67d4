/** Helpers that read the source document of the SoD guide (the extraction in /work/shared/seeds). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { kildemappe } from '../../kilder';

const root = new URL('../../../', import.meta.url).pathname;

/**
 * The folder with the plain-text sources (beside the repository, not in it; VEJVISER_KILDER
 * overrides), or null. Tests that read the sources are skipped when it is missing.
 */
export const seeds = kildemappe();

export function seedText(file: string): string {
  if (!seeds) throw new Error('Kildedokumenterne blev ikke fundet. Sæt VEJVISER_KILDER til mappen med de fem .txt-filer.');
  return readFileSync(join(seeds, file), 'utf8');
}

export function readYaml<T = unknown>(relPath: string): T {
  return parse(readFileSync(`${root}${relPath}`, 'utf8')) as T;
}

export interface SeedHeading {
  nummer: string;
  tekst: string;
}

/**
 * Numbered headings of the SoD source: "2.2.1 Systemunderstøttet …" (any depth with a dot) and
 * the chapters, which the extraction writes as an indented "2. Systemunderstøttet …". Numbered
 * list items are not indented and chapters never contain a colon, which tells them apart.
 */
export function sodHeadings(text: string): SeedHeading[] {
  const out: SeedHeading[] = [];
  for (const line of text.split(/\r?\n/)) {
    const sub = /^\s*(\d+(?:\.\d+)+)\s+(\S.*?)\s*$/.exec(line);
    if (sub) {
      out.push({ nummer: sub[1]!, tekst: sub[2]! });
      continue;
    }
    const chapter = /^\s+(\d)\.\s+([^:]+?)\s*$/.exec(line);
    if (chapter) out.push({ nummer: chapter[1]!, tekst: chapter[2]! });
  }
  return out;
}

/** Figure and table captions of the SoD source: "Figur 10 - Tilladte …", "Tabel 2 - …". */
export function sodCaptions(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/^\s*(Figur|Tabel) (\d+) [-–]/gm)) found.add(`${m[1]} ${m[2]}`);
  return [...found];
}

/** Whitespace-normalised text with hyphenation breaks ("ud-\nbetaling") joined. */
export function flat(text: string): string {
  return text.replace(/-\s*\n\s*/g, '').replace(/\s+/g, ' ');
}
