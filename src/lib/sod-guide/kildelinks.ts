import { compareAfsnit } from '../kildespor/ids';

/**
 * Links from the rules data to the guide: a `kilde` like "Tabel 1, 3.1.1, 3.1.1.1" names sections
 * of the source; the trace (content/data/kildespor/funktionsadskillelse.yaml) says which page and
 * anchor explains each one.
 */

export interface SporRow {
  nummer?: string;
  side: string;
  anker?: string;
}

export interface AfsnitLink {
  /** As in the source: "2.2.1", "Tabel 1", "Appendiks 3". */
  afsnit: string;
  href: string;
}

const PART = /^(\d+(\.\d+)*|(Tabel|Figur|Appendiks) \d+)$/;

/**
 * The sections a `kilde` string names, in order, without duplicates. Sub-references of an
 * appendix ("Appendiks 2, afsnit 1.1") are not sections of this document and are dropped.
 */
export function kildeAfsnit(kilde: string): string[] {
  const out: string[] = [];
  for (const raw of kilde.split(/[,;]/)) {
    const part = raw.trim();
    if (PART.test(part) && !out.includes(part)) out.push(part);
  }
  return out;
}

/** Each named section with the page and anchor that explains it; unknown sections are left out. */
export function afsnitLinks(kilde: string, spor: readonly SporRow[]): AfsnitLink[] {
  return kildeAfsnit(kilde).flatMap((afsnit) => {
    const row = spor.find((r) => String(r.nummer ?? '') === afsnit);
    return row ? [{ afsnit, href: row.anker ? `${row.side}#${row.anker}` : row.side }] : [];
  });
}

/** The first numbered section of a `kilde` that the trace knows (tables and figures as fallback). */
export function primaryLink(kilde: string, spor: readonly SporRow[]): AfsnitLink | undefined {
  const links = afsnitLinks(kilde, spor);
  return links.find((l) => /^\d/.test(l.afsnit)) ?? links[0];
}

const INTERVAL: Record<string, string> = {
  kvartalsvis: 'Hvert kvartal',
  halvaarligt: 'Hvert halve år',
  risikobaseret: 'Efter risikovurdering',
};

/** Readable Danish label of a control frequency. */
export function intervalLabel(interval: string): string {
  return INTERVAL[interval] ?? interval;
}

const KRAEVER: Record<string, string> = { ingen: '–', prokura: 'Prokura', fuldmagt: 'Fuldmagt' };

/** What a role needs besides itself to act, as shown in the tables. */
export function kraeverLabel(kraever: string): string {
  return KRAEVER[kraever] ?? kraever;
}

/**
 * Sorts items in the order the source treats them, by the first numbered section of their `kilde`
 * (RejsUd 2.2.1 before IndFak 2.2.2 before Navision Stat 2.3 …). Stable for equal sections.
 */
export function bySourceOrder<T extends { kilde: string }>(items: readonly T[]): T[] {
  const first = (k: string) => kildeAfsnit(k).find((a) => /^\d/.test(a)) ?? '999';
  return [...items].sort((a, b) => compareAfsnit(first(a.kilde), first(b.kilde)));
}
