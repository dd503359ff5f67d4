/** Danish alphabetical order and letter groups for the glossary. */

const collator = new Intl.Collator('da-DK', { sensitivity: 'base', numeric: true });

export interface TermGroup<T> {
  /** "A" … "Å", or "0–9" for terms starting with a digit. */
  letter: string;
  /** Anchor of the group heading, e.g. "bogstav-a", "bogstav-0-9". */
  anchor: string;
  terms: T[];
}

/** Sorts terms in Danish order (æ, ø, å after z; digits first) and groups them by first letter. */
export function groupTerms<T extends { term: string }>(terms: readonly T[]): TermGroup<T>[] {
  const sorted = [...terms].sort((a, b) => collator.compare(a.term, b.term));
  const groups: TermGroup<T>[] = [];
  for (const t of sorted) {
    const first = t.term.trim().charAt(0).toLocaleUpperCase('da-DK');
    const letter = /\d/.test(first) ? '0–9' : first;
    let g = groups.at(-1);
    if (!g || g.letter !== letter) {
      g = { letter, anchor: `bogstav-${letter === '0–9' ? '0-9' : letter.toLocaleLowerCase('da-DK')}`, terms: [] };
      groups.push(g);
    }
    g.terms.push(t);
  }
  return groups;
}
