/**
 * CSV for Excel: UTF-8 with BOM, `;` as separator, CRLF line ends, and cells that Excel would
 * read as a formula (starting with = + - @, tab or CR) neutralized with a leading apostrophe.
 */
export const BOM = '\uFEFF';

export type Cell = string | number | boolean | null | undefined;

/** Neutralizes a value Excel would execute as a formula (CSV/formula injection). */
export function neutralize(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One cell: formula-safe, quoted when it contains `;`, `"`, CR or LF. */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  // Numbers and booleans are data, never formulas; only text is neutralized.
  const s = typeof value === 'string' ? neutralize(value) : String(value);
  return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(cells: readonly Cell[]): string {
  return cells.map(csvCell).join(';');
}

/** A whole document: BOM, header line and rows, CRLF-separated, ending in CRLF. */
export function toCsv(header: readonly string[], rows: Iterable<readonly Cell[]>): string {
  const lines = [csvLine(header)];
  for (const r of rows) lines.push(csvLine(r));
  return BOM + lines.join('\r\n') + '\r\n';
}
