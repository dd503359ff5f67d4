/**
 * Matching people's names across systems, for identity SUGGESTIONS only (never silent merges).
 * Handles æ/ø/å written as ae/oe/aa (or a/o/a), accents, "Efternavn, Fornavn", middle names and
 * initials ("J. Hansen", "JH").
 */
import { foldDanish } from '../csv/headers';

/** Lower case; æ→ae, ø→oe, å→aa; accents removed; letters and spaces only. */
export function foldName(name: string): string {
  return foldDanish(name)
    .replace(/[^a-z\s,.-]/g, ' ')
    .replace(/[.-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Further folding so "Soeren", "Søren" and "Soren" meet: ae/oe/aa → a/o/a. */
export function looseToken(t: string): string {
  return t.replace(/aa/g, 'a').replace(/ae/g, 'a').replace(/oe/g, 'o');
}

/** Name tokens in "first … last" order ("Hansen, Jens" → [jens, hansen]). */
export function nameTokens(name: string): string[] {
  const f = foldName(name);
  if (!f) return [];
  const comma = f.indexOf(',');
  const ordered = comma > -1 ? `${f.slice(comma + 1)} ${f.slice(0, comma)}` : f;
  return ordered.replace(/,/g, ' ').split(' ').filter(Boolean);
}

export type NameMatch = { grad: 'samme-navn' | 'stavemaade' | 'forbogstaver'; forklaring: string } | null;

/** A name worked out once for matching: as written (case and spacing folded) and as loose tokens. */
export interface NameForm {
  plain: string;
  /** `nameTokens` folded with `looseToken`, first … last. */
  loose: string[];
}

/** The form of a name for `matchForms`, or null when it has fewer than two words (nothing to match on). */
export function nameForm(name: string): NameForm | null {
  const t = nameTokens(name);
  if (t.length < 2) return null;
  return { plain: name.trim().toLowerCase().replace(/\s+/g, ' '), loose: t.map(looseToken) };
}

/**
 * How two names match, or null. `samme-navn`: identical apart from case and spacing;
 * `stavemaade`: the same with æ/ø/å or accents spelled differently; `forbogstaver`: same last name
 * and the first names agree where one is only an initial (middle names may be missing).
 */
export function matchNames(a: string, b: string): NameMatch {
  return matchForms(nameForm(a), nameForm(b));
}

/** `matchNames` on names already worked out (`nameForm`), for comparing one name with many. */
export function matchForms(a: NameForm | null, b: NameForm | null): NameMatch {
  if (!a || !b) return null;
  if (a.plain === b.plain) return { grad: 'samme-navn', forklaring: 'samme navn' };
  const la = a.loose;
  const lb = b.loose;
  if (la.length === lb.length && la.every((t, i) => t === lb[i]))
    return { grad: 'stavemaade', forklaring: 'samme navn med æ/ø/å eller accenter stavet forskelligt' };
  // Same last name, compatible first names.
  if (la[la.length - 1] !== lb[lb.length - 1]) return null;
  const fa = la.slice(0, -1);
  const fb = lb.slice(0, -1);
  const compatible = (x: string, y: string) => x === y || (x.length === 1 && y.startsWith(x)) || (y.length === 1 && x.startsWith(y));
  if (!compatible(fa[0]!, fb[0]!)) return null;
  // Every remaining given name of the shorter list must fit one of the other's, in order.
  const [short, long] = fa.length <= fb.length ? [fa, fb] : [fb, fa];
  let j = 1;
  for (let i = 1; i < short.length; i++) {
    while (j < long.length && !compatible(short[i]!, long[j]!)) j++;
    if (j >= long.length) return null;
    j++;
  }
  return { grad: 'forbogstaver', forklaring: 'samme efternavn, og fornavnene passer med forbogstaverne' };
}

/** Key that groups candidates for comparison: the loose last name. */
export function lastNameKey(name: string): string {
  const t = nameTokens(name);
  return t.length >= 2 ? looseToken(t[t.length - 1]!) : '';
}
