/**
 * Anchors of the trace table on /kilder/: one row per source section, id `<kilde>-<afsnit>`.
 * "2.2.1" → "funktionsadskillelse-2-2-1"; a heading without number is slugged
 * ("Generelt om NemKonto" → "nemkonto-generelt-om-nemkonto").
 */
export function slug(text: string): string {
  return text
    .toLocaleLowerCase('da-DK')
    .normalize('NFC')
    .replace(/[^a-z0-9æøå]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function rowId(kilde: string, afsnit: string): string {
  const part = slug(afsnit);
  return part ? `${kilde}-${part}` : kilde;
}

/** Numeric-aware order of section numbers: "2.10" after "2.9", "Appendiks 1" after all numbers. */
export function compareAfsnit(a: string, b: string): number {
  const num = (s: string) => (/^\d+(\.\d+)*$/.test(s) ? s.split('.').map(Number) : null);
  const na = num(a);
  const nb = num(b);
  if (na && nb) {
    for (let i = 0; i < Math.max(na.length, nb.length); i++) {
      const d = (na[i] ?? -1) - (nb[i] ?? -1);
      if (d !== 0) return d;
    }
    return 0;
  }
  if (na) return -1;
  if (nb) return 1;
  return a.localeCompare(b, 'da-DK', { numeric: true });
}

/**
 * Link texts for a list of sections in a source line: the first numbered section gets
 * "afsnit " (a bare chapter number gets "kapitel "), the rest just their number; named parts
 * ("Appendiks 1") keep their name. ["1.2", "1.2.1"] → ["afsnit 1.2", "1.2.1"].
 */
export function afsnitLabels(list: readonly string[]): string[] {
  let prefixed = false;
  return list.map((a) => {
    if (!/^\d+(\.\d+)*$/.test(a)) return a;
    if (/^\d+$/.test(a)) return `kapitel ${a}`;
    if (prefixed) return a;
    prefixed = true;
    return `afsnit ${a}`;
  });
}
