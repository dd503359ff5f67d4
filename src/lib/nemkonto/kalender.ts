/**
 * Bankdage i Danmark: weekender og banklukkedage.
 *
 * Banklukkedagene følger Danmarks Nationalbankens liste «Banklukkedage» (nationalbanken.dk), hvor
 * «Nationalbanken og banker i almindelighed holder lukket»: nytårsdag, skærtorsdag, langfredag,
 * 2. påskedag, Kristi himmelfartsdag, fredagen efter, 2. pinsedag, 5. juni, juleaftensdag, juledag,
 * 2. juledag og 31. december – plus påskedag og pinsedag, der altid er søndage.
 *
 * Store bededag blev afskaffet som helligdag fra 2024, og reglerne for årene før er ikke
 * kontrolleret her. Kalenderen gælder derfor kun fra 2024 (`KALENDER_FRA`); for tidligere datoer
 * svarer `closedReason` `undefined` (ukendt).
 */

export const KALENDER_FRA = 2024;

/** Dagnummer (dage siden 1970-01-01) for en dato. */
export const dayNumber = (y: number, m: number, d: number) => Math.floor(Date.UTC(y, m - 1, d) / 86_400_000);

/** [år, måned, dag] for et dagnummer. */
export function fromDayNumber(n: number): [number, number, number] {
  const dt = new Date(n * 86_400_000);
  return [dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate()];
}

/** Ugedag for et dagnummer: 0 = mandag … 6 = søndag. */
export const weekday = (n: number) => (((n + 3) % 7) + 7) % 7;

export const UGEDAG = ['mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag'] as const;

/** Påskedag (gregoriansk, den anonyme algoritme «Meeus/Jones/Butcher») som [måned, dag]. */
export function easterSunday(y: number): [number, number] {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return [month, day];
}

const cache = new Map<number, Map<number, string>>();

/** Banklukkedage (uden weekender) i et år: dagnummer → navn. */
export function bankHolidays(y: number): Map<number, string> {
  let map = cache.get(y);
  if (map) return map;
  const [em, ed] = easterSunday(y);
  const e = dayNumber(y, em, ed);
  map = new Map<number, string>([
    [dayNumber(y, 1, 1), 'nytårsdag'],
    [e - 3, 'skærtorsdag'],
    [e - 2, 'langfredag'],
    [e, 'påskedag'],
    [e + 1, '2. påskedag'],
    [e + 39, 'Kristi himmelfartsdag'],
    [e + 40, 'banklukkedag (fredag efter Kristi himmelfartsdag)'],
    [e + 49, 'pinsedag'],
    [e + 50, '2. pinsedag'],
    [dayNumber(y, 6, 5), 'banklukkedag (grundlovsdag)'],
    [dayNumber(y, 12, 24), 'juleaftensdag'],
    [dayNumber(y, 12, 25), 'juledag'],
    [dayNumber(y, 12, 26), '2. juledag'],
    [dayNumber(y, 12, 31), 'banklukkedag (nytårsaftensdag)'],
  ]);
  cache.set(y, map);
  return map;
}

/**
 * Hvorfor bankerne holder lukket på dagen («lørdag», «2. påskedag» …), null på en bankdag, og
 * undefined før `KALENDER_FRA`.
 */
export function closedReason(n: number): string | null | undefined {
  const [y] = fromDayNumber(n);
  if (y < KALENDER_FRA) return undefined;
  const holiday = bankHolidays(y).get(n);
  if (holiday) return holiday;
  const wd = weekday(n);
  return wd >= 5 ? UGEDAG[wd]! : null;
}
