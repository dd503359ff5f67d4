import { existsSync, readFileSync } from 'node:fs';
import { kildemappe } from '../kilder';

/**
 * Text of a source document, normalised so that cleaned quotations and headings can be found in
 * it: the PDF damage of the Digital Post guide repaired, hyphenation and page breaks joined,
 * quotes, dashes, spaces around hyphens and punctuation evened out, lower case. Null when the
 * sources are not beside the repository (the tests that need it are then skipped).
 */
export function kildetekst(fil: string): string | null {
  const mappe = kildemappe();
  const sti = mappe && `${mappe}/${fil}`;
  return sti && existsSync(sti) ? normaliser(readFileSync(sti, 'utf8'), true) : null;
}

/** Two typos of the Digital Post guide that our quotations correct. */
const kildeTyper: [RegExp, string][] = [
  [/sniflade/g, 'snitflade'],
  [/enkelforsendelse/g, 'enkeltforsendelse'],
];

export function normaliser(s: string, erKilde = false): string {
  let t = s
    .replace(/Þ/g, 'æ')
    .replace(/¬/g, 'å')
    .replace(/ß/g, 'ø')
    .replace(/[õ’‘`]/g, "'")
    .replace(/ð/g, '–')
    .replace(/¶/g, ' ')
    .replace(/(\p{L})-[ \t]*\n\s*(\p{Ll})/gu, '$1$2')
    .replace(/[ó”“"«»]/g, '')
    .replace(/[–—]/g, '-')
    .replace(/\s*-\s*/g, '-')
    .replace(/[,.:;!?]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
  if (erKilde) for (const [re, ny] of kildeTyper) t = t.replace(re, ny);
  return t;
}
