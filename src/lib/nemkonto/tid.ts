/**
 * Datoer og tidspunkter fra udtræk: ISO (2025-03-14 05:30, 2025-03-14T05:30:00+01:00) og dansk
 * (14-03-2025 05:30, 14.03.2025 kl. 05.30, 14/3/2025). Tider med tidszone (Z eller ±hh:mm) regnes
 * om til dansk tid (CET/CEST efter EU's sommertidsregel); tider uden tidszone er dansk tid.
 */
import { dayNumber, fromDayNumber } from './kalender';
import { daysInMonth } from './identifikation';

export interface Tidspunkt {
  /** Dagnummer (dage siden 1970-01-01) i dansk tid. */
  dag: number;
  /** Sekunder efter midnat i dansk tid, eller null når værdien kun er en dato. */
  sekund: number | null;
}

export type TidFejl = 'tom' | 'ulaeselig' | 'excel-tal' | 'aar-2-cifre' | 'ugyldig';

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\s*(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const DK = /^(\d{1,2})([-./])(\d{1,2})\2(\d{4}|\d{2})(?:[ T]+(?:kl\.?\s*)?(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:[.,]\d+)?)?)?$/i;

/** Læser et tidspunkt eller en dato. Returnerer en fejlkode, hvis det ikke kan læses. */
export function parseTidspunkt(raw: string): Tidspunkt | TidFejl {
  const s = raw.trim();
  if (s === '') return 'tom';
  let y: number, mo: number, d: number, h: string | undefined, mi: string | undefined, se: string | undefined, zone: string | undefined;
  let m = ISO.exec(s);
  if (m) {
    y = +m[1]!;
    mo = +m[2]!;
    d = +m[3]!;
    [h, mi, se, zone] = [m[4], m[5], m[6], m[7]];
  } else if ((m = DK.exec(s))) {
    if (m[4]!.length === 2) return 'aar-2-cifre';
    d = +m[1]!;
    mo = +m[3]!;
    y = +m[4]!;
    [h, mi, se] = [m[5], m[6], m[7]];
  } else {
    return /^\d{4,6}(?:[.,]\d+)?$/.test(s) ? 'excel-tal' : 'ulaeselig';
  }
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return 'ugyldig';
  const dag = dayNumber(y, mo, d);
  if (h === undefined) return { dag, sekund: null };
  const sek = +h * 3600 + +mi! * 60 + (se ? +se : 0);
  if (+h > 23 || +mi! > 59 || (se !== undefined && +se > 59)) return 'ugyldig';
  if (!zone) return { dag, sekund: sek };
  // Regn om fra den angivne zone til dansk tid.
  const offsetMin = zone.toUpperCase() === 'Z' ? 0 : zoneMinutes(zone);
  const utcMs = Date.UTC(y, mo - 1, d) + sek * 1000 - offsetMin * 60_000;
  const localMs = utcMs + danishOffsetMinutes(utcMs) * 60_000;
  const localDay = Math.floor(localMs / 86_400_000);
  return { dag: localDay, sekund: Math.round((localMs - localDay * 86_400_000) / 1000) };
}

function zoneMinutes(z: string): number {
  const sign = z[0] === '-' ? -1 : 1;
  const digits = z.slice(1).replace(':', '');
  return sign * (+digits.slice(0, 2) * 60 + (digits.length > 2 ? +digits.slice(2, 4) : 0));
}

/** Danmarks UTC-forskydning i minutter på et tidspunkt: +120 i sommertid, ellers +60. */
export function danishOffsetMinutes(utcMs: number): number {
  const y = new Date(utcMs).getUTCFullYear();
  const start = Date.UTC(y, 2, lastSunday(y, 3), 1); // sidste søndag i marts kl. 01.00 UTC
  const end = Date.UTC(y, 9, lastSunday(y, 10), 1); // sidste søndag i oktober kl. 01.00 UTC
  return utcMs >= start && utcMs < end ? 120 : 60;
}

function lastSunday(y: number, month: number): number {
  const last = daysInMonth(y, month);
  const wd = new Date(Date.UTC(y, month - 1, last)).getUTCDay(); // 0 = søndag
  return last - wd;
}

const p2 = (n: number) => String(n).padStart(2, '0');

/** «14.03.2025» */
export function fmtDag(dag: number): string {
  const [y, m, d] = fromDayNumber(dag);
  return `${p2(d)}.${p2(m)}.${y}`;
}

/** «14.03.2025 kl. 05.30» (sekunder kun når de ikke er 0). */
export function fmtTidspunkt(t: Tidspunkt): string {
  if (t.sekund === null) return fmtDag(t.dag);
  const h = Math.floor(t.sekund / 3600);
  const m = Math.floor((t.sekund % 3600) / 60);
  const s = t.sekund % 60;
  return `${fmtDag(t.dag)} kl. ${p2(h)}.${p2(m)}${s ? `.${p2(s)}` : ''}`;
}

/** «1 t 15 min», «2 dage 3 t», «45 sek.» */
export function fmtVarighed(sek: number): string {
  const dage = Math.floor(sek / 86400);
  const t = Math.floor((sek % 86400) / 3600);
  const min = Math.floor((sek % 3600) / 60);
  if (dage) return `${dage} ${dage === 1 ? 'dag' : 'dage'}${t ? ` ${t} t` : ''}`;
  if (t) return `${t} t${min ? ` ${min} min` : ''}`;
  if (min) return `${min} min`;
  return `${sek} sek.`;
}
