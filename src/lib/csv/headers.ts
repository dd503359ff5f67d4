/**
 * Header matching for CSV columns: case, spaces, punctuation and æ/ø/å spellings do not matter,
 * so "Bruger-ID", "bruger id", "BRUGERID" and "bruger_id" are the same column.
 */
export function normHeader(name: string): string {
  return foldDanish(name.replace(/^\uFEFF/, '').trim()).replace(/[^a-z0-9]+/g, '');
}

/** Lower case with æ→ae, ø→oe, å→aa and accents removed ("Søren Ærø" → "soeren aeroe"). */
export function foldDanish(s: string): string {
  return s
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

/**
 * Index of the first column whose normalized name is one of `aliases` (normalized too), or -1.
 * Aliases are tried in order, so put the most specific first.
 */
export function findColumn(header: readonly string[], aliases: readonly string[]): number {
  const norm = header.map(normHeader);
  for (const a of aliases) {
    const i = norm.indexOf(normHeader(a));
    if (i !== -1) return i;
  }
  return -1;
}
