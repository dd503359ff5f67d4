/**
 * Pure helpers for Kundeportalen's rights matrix (no DOM): who may use a menu point, which notes
 * the table refers to and in which order, what the filter shows, and what it announces.
 * Used by the Astro components at build time and by the filter in the browser.
 */

export type Niveau = 'ingen' | 'se' | 'vedligehold';

export interface MatrixRettighed {
  id: string;
  navn: string;
}

export interface MatrixMenupunkt {
  id: string;
  navn: string;
  orden: number;
  adgang: Record<string, { niveau: Niveau; noter?: string[] }>;
  noter?: string[];
}

/** Link to a page, or to a heading on it. */
export function href(side: string, anker = ''): string {
  return anker ? `${side}#${anker}` : side;
}

/** The rights that give any access to a menu point, in the given order of rights. */
export function rettighederMedAdgang<R extends MatrixRettighed>(punkt: MatrixMenupunkt, rettigheder: readonly R[]): R[] {
  return rettigheder.filter((r) => {
    const celle = punkt.adgang[r.id];
    if (!celle) throw new Error(`Menupunktet ${punkt.id} mangler en celle for rettigheden ${r.id}`);
    return celle.niveau !== 'ingen';
  });
}

/** Joins names the Danish way: "A", "A og B", "A, B og C" (or "eller"). */
export function opremsning(navne: readonly string[], bindeord: 'og' | 'eller' = 'og'): string {
  if (navne.length <= 1) return navne.join('');
  return `${navne.slice(0, -1).join(', ')} ${bindeord} ${navne.at(-1)}`;
}

/**
 * Who may use a menu point, in words: "Alle brugere" when every right gives access, otherwise
 * "Kræver rettigheden X" / "Kræver rettigheden X eller Y".
 */
export function adgangskrav(punkt: MatrixMenupunkt, rettigheder: readonly MatrixRettighed[]): string {
  const med = rettighederMedAdgang(punkt, rettigheder);
  if (med.length === rettigheder.length) return 'Alle brugere';
  if (med.length === 0) return 'Ingen af rettighederne';
  return `Kræver rettigheden ${opremsning(med.map((r) => r.navn), 'eller')}`;
}

/**
 * Numbers the notes in the order a reader meets them in the table: row by row, the menu point's
 * own notes first, then the cells from left to right. Throws on a reference to an unknown note
 * and on a note nobody refers to, so a broken reference fails the build.
 */
export function nummererNoter(
  menupunkter: readonly MatrixMenupunkt[],
  rettigheder: readonly MatrixRettighed[],
  kendteNoter: readonly string[],
): Map<string, number> {
  const numre = new Map<string, number>();
  const kendt = new Set(kendteNoter);
  const tag = (id: string, hvor: string) => {
    if (!kendt.has(id)) throw new Error(`Ukendt note "${id}" i ${hvor}`);
    if (!numre.has(id)) numre.set(id, numre.size + 1);
  };
  for (const p of [...menupunkter].sort((a, b) => a.orden - b.orden)) {
    for (const n of p.noter ?? []) tag(n, p.id);
    for (const r of rettigheder) for (const n of p.adgang[r.id]?.noter ?? []) tag(n, `${p.id}/${r.id}`);
  }
  const ubrugte = kendteNoter.filter((id) => !numre.has(id));
  if (ubrugte.length) throw new Error(`Noter, som matrixen ikke henviser til: ${ubrugte.join(', ')}`);
  return numre;
}

/** Ids of the menu points a right gives any access to (what the filter keeps). */
export function synligeMenupunkter(menupunkter: readonly MatrixMenupunkt[], rettighed: string): string[] {
  return menupunkter.filter((p) => (p.adgang[rettighed]?.niveau ?? 'ingen') !== 'ingen').map((p) => p.id);
}

/** The sentence the filter shows and announces ("1 af 9 menupunkter" is plural in Danish too). */
export function filterStatus(antal: number, total: number, rettighedNavn?: string): string {
  if (!rettighedNavn) return `Viser alle ${total} menupunkter og alle rettigheder.`;
  if (antal === 0) return `Rettigheden ${rettighedNavn} giver ikke adgang til nogen af de ${total} menupunkter.`;
  return `Viser ${antal} af ${total} menupunkter: det, rettigheden ${rettighedNavn} giver adgang til.`;
}
