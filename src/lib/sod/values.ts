/**
 * Reading the cell values of an assignment row: prokura, fuldmagt, e-mail and user id.
 */

/** Prokura as read: `nej` (none), `ja` (yes, no amount), an amount > 0, or `ukendt` (unreadable). */
export type Prokura = { kind: 'nej' } | { kind: 'ja' } | { kind: 'beloeb'; beloeb: number } | { kind: 'ukendt'; tekst: string };

const YES = new Set(['ja', 'j', 'yes', 'y', 'true', 'sand', 'x', '✓', 'prokura', 'medlem']);
const NO = new Set(['', 'nej', 'n', 'no', 'false', 'falsk', '-', '–', 'ingen', 'none']);

/**
 * Parses a Danish or English amount: `50.000,00`, `50000`, `50,000.00`, `kr. 5.000`, `DKK 10 000`.
 * Returns NaN when the text is not an amount.
 */
export function parseAmount(text: string): number {
  let s = text.trim().toLowerCase().replace(/^(dkk|kr\.?|eur|€)\s*/, '').replace(/\s*(dkk|kr\.?|eur|€)$/, '');
  s = s.replace(/[\s\u00a0']/g, '');
  if (!/^[+-]?[\d.,]+$/.test(s) || !/\d/.test(s)) return NaN;
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  if (lastComma > -1 && lastDot > -1) {
    // Both: the last one is the decimal separator.
    s = lastComma > lastDot ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  } else if (lastComma > -1) {
    // Only commas: decimal comma unless it groups thousands ("50,000" with 3 digits after each).
    s = /^[+-]?\d{1,3}(,\d{3})+$/.test(s) && (s.match(/,/g)!.length > 1) ? s.replace(/,/g, '') : s.replace(/,(?=[^,]*$)/, '.').replace(/,/g, '');
  } else if (lastDot > -1) {
    // Only dots: thousands separators when every group has 3 digits ("50.000", "1.000.000").
    if (/^[+-]?\d{1,3}(\.\d{3})+$/.test(s)) s = s.replace(/\./g, '');
  }
  const n = Number(s);
  return Number.isFinite(n) ? n : NaN;
}

export function parseProkura(text: string): Prokura {
  const t = text.trim().toLowerCase();
  if (NO.has(t)) return { kind: 'nej' };
  if (YES.has(t)) return { kind: 'ja' };
  const n = parseAmount(t);
  if (Number.isNaN(n)) return { kind: 'ukendt', tekst: text.trim() };
  return n > 0 ? { kind: 'beloeb', beloeb: n } : { kind: 'nej' };
}

/** Whether the prokura lets the user act. Unreadable prokura counts (the careful reading). */
export const harProkura = (p: Prokura) => p.kind !== 'nej';

/** Trimmed, lower-case e-mail, or '' when the text is not an e-mail address. */
export function normEmail(text: string): string {
  const s = text.trim().toLowerCase().replace(/^mailto:/, '');
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s) ? s : '';
}

/** User id as a key: trimmed, lower-case, inner whitespace collapsed. */
export function normBruger(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** Canonical fuldmagt text: "Alene-fuldmagt" → "alene", "Fuldmagt A" → "a". '' when empty. */
export function fuldmagtKey(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/fuldmagt(stype)?/g, '')
    .replace(/[^a-z0-9æøå]+/g, '');
}

/** Formats a number Danish style: 50.000,00 → "50.000" / 1234.5 → "1.234,5". */
export function formatBeloeb(n: number): string {
  return n.toLocaleString('da-DK', { maximumFractionDigits: 2 });
}

export function formatProkura(p: Prokura): string {
  switch (p.kind) {
    case 'nej':
      return '';
    case 'ja':
      return 'prokura';
    case 'beloeb':
      return `prokura ${formatBeloeb(p.beloeb)}`;
    case 'ukendt':
      return `prokura «${p.tekst}» (uklar – regnet som prokura)`;
  }
}
