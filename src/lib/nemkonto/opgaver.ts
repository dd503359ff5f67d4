import { grupper, tjeklistepunkter, type Gruppe, type Opgave } from './schema';

/** The tasks in the order of the guide. */
export function sorterOpgaver<T extends Pick<Opgave, 'nr'>>(opgaver: readonly T[]): T[] {
  return [...opgaver].sort((a, b) => a.nr - b.nr);
}

/** The tasks of one part of the guide, in order. */
export function opgaverIGruppe<T extends Pick<Opgave, 'nr' | 'gruppe'>>(opgaver: readonly T[], gruppe: Gruppe): T[] {
  return sorterOpgaver(opgaver.filter((o) => o.gruppe === gruppe));
}

export function gruppeTitel(gruppe: Gruppe): string {
  return grupper[gruppe];
}

/**
 * For each tjekliste item 1.1–1.11 (in order), the tasks that lead to it. An item no task covers
 * gets an empty list, so a gap is visible instead of hidden.
 */
export function punktTilOpgaver<T extends Pick<Opgave, 'nr' | 'tjeklistepunkter'>>(
  opgaver: readonly T[],
): { punkt: (typeof tjeklistepunkter)[number]; opgaver: T[] }[] {
  const sorted = sorterOpgaver(opgaver);
  return tjeklistepunkter.map((punkt) => ({ punkt, opgaver: sorted.filter((o) => o.tjeklistepunkter.includes(punkt)) }));
}

/** "1.7", "1.7 og 1.8", "1.7, 1.8 og 1.9" — items in tjekliste order, joined the Danish way. */
export function punktTekst(punkter: readonly string[]): string {
  const order = (p: string) => tjeklistepunkter.indexOf(p as (typeof tjeklistepunkter)[number]);
  const l = [...new Set(punkter)].sort((a, b) => order(a) - order(b));
  if (l.length <= 1) return l.join('');
  return `${l.slice(0, -1).join(', ')} og ${l[l.length - 1]}`;
}

/** "tjeklistepunkt 1.4" or "tjeklistepunkterne 1.7, 1.8 og 1.9". */
export function punktEtiket(punkter: readonly string[]): string {
  const n = new Set(punkter).size;
  return `${n > 1 ? 'tjeklistepunkterne' : 'tjeklistepunkt'} ${punktTekst(punkter)}`;
}
