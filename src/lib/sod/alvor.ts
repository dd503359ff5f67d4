/** Severity levels of findings, most serious first (no dependencies, usable everywhere). */
export type Alvor = 'kritisk' | 'høj' | 'middel' | 'lav';
export const ALVOR_ORDEN: readonly Alvor[] = ['kritisk', 'høj', 'middel', 'lav'];
export const ALVOR_NAVN: Record<Alvor, string> = { kritisk: 'Kritisk', høj: 'Høj', middel: 'Middel', lav: 'Lav' };
export const alvorRank = (a: Alvor) => ALVOR_ORDEN.indexOf(a);
