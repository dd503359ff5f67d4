/**
 * Modtageridentifikationer til NemKonto: CPR-, CVR-, SE- og P-nummer.
 *
 * Tilslutningsguiden (afsnittet «Sikring af datakvalitet i egne registreringer») kræver, at hver
 * betaling bærer modtagerens CPR-, CVR-, P- eller SE-nummer, og at nummeret er rigtigt:
 * NemKonto-systemet slår nummeret op i CPR- og CVR-registrene og afviser betalinger med numre, der
 * ikke findes. Her kontrolleres det, der kan kontrolleres uden registrene:
 *
 * - CPR-nummer: 10 cifre (med eller uden bindestreg) og en gyldig fødselsdato. Århundredet følger af
 *   7. ciffer og årstallet (CPR-kontoret, «Opbygning af CPR-nummeret» og «Personnummeret i
 *   CPR-systemet», cpr.dk):
 *
 *   | 7. ciffer | år 00–36  | år 37–57  | år 58–99  |
 *   | 0–3       | 1900–1936 | 1937–1957 | 1958–1999 |
 *   | 4 og 9    | 2000–2036 | 1937–1957 | 1958–1999 |
 *   | 5–8       | 2000–2036 | 2037–2057 | 1858–1899 |
 *
 *   Modulus 11 er IKKE et krav: CPR-kontoret har udstedt personnumre uden modulus 11-kontrol siden
 *   1. oktober 2007, normalt med fødselsdato 1. januar. Et nummer, der ikke opfylder modulus 11,
 *   giver derfor kun en bemærkning (status ok) når fødselsdatoen er 1. januar, ellers en advarsel
 *   – aldrig en fejl.
 *   Erstatningspersonnumre (dagen forhøjet med 60, fx 67 for den 7.) er ikke rigtige personnumre
 *   (cpr.dk, «Spørgsmål og svar – personnummer») og findes ikke i CPR: fejl.
 * - CVR-nummer og SE-nummer: 8 cifre, modulus 11 med vægtene 2, 7, 6, 5, 4, 3, 2, 1
 *   (Erhvervsstyrelsen, «Modulus 11 kontrol»).
 * - P-nummer: 10 cifre. Erhvervsstyrelsen oplyser, at en del P-numre ved en fejl blev dannet med
 *   forkerte vægte, så den almindelige modulus 11-kontrol afviser rigtige P-numre; den fulde regel
 *   for undtagelserne er ikke offentliggjort. Derfor kontrolleres kun formatet.
 *
 * Et CPR-nummer vises og eksporteres ALDRIG i fuld længde: `maskCpr` giver DDMMÅÅ-XXXX.
 */

export type IdType = 'cpr' | 'cvr' | 'se' | 'p' | 'cvr-se';
export type Status = 'ok' | 'advarsel' | 'fejl';

export const TYPE_LABEL: Record<IdType, string> = {
  cpr: 'CPR',
  cvr: 'CVR',
  se: 'SE',
  p: 'P-nummer',
  'cvr-se': 'CVR/SE',
};
/** Ental-navn til beskeder: «et CPR-nummer». */
const TYPE_NOUN: Record<IdType, string> = {
  cpr: 'CPR-nummer',
  cvr: 'CVR-nummer',
  se: 'SE-nummer',
  p: 'P-nummer',
  'cvr-se': 'CVR- eller SE-nummer',
};
export const typeNoun = (t: IdType) => TYPE_NOUN[t];

/** Kode for hver slags fund; bruges til optælling pr. årsag. */
export type FundKode =
  | 'tom'
  | 'tegn'
  | 'videnskabelig'
  | 'antal-cifre'
  | 'mangler-nul'
  | 'dato'
  | 'erstatning'
  | 'fremtid'
  | 'mod11-cpr'
  | 'mod11-cpr-1jan'
  | 'mod11'
  | 'ukendt-type'
  | 'ikke-cpr-10'
  | 'dublet'
  | 'flere-id';

export interface Fund {
  /** En `FundKode` her; betalingskontrollen har sine egne koder. */
  kode: string;
  /** `ok` betyder en bemærkning, der ikke ændrer status. */
  niveau: Status;
  tekst: string;
}

export const FUND_LABEL: Record<FundKode, string> = {
  tom: 'Identifikation mangler',
  tegn: 'Andre tegn end cifre',
  videnskabelig: 'Tal vist i videnskabelig notation (cifre tabt)',
  'antal-cifre': 'Forkert antal cifre',
  'mangler-nul': 'Foranstillet 0 fjernet (9 cifre)',
  dato: 'Ugyldig fødselsdato i CPR-nummer',
  erstatning: 'Erstatningspersonnummer',
  fremtid: 'Fødselsdato efter dags dato',
  'mod11-cpr': 'CPR-nummer uden modulus 11 (ikke 1. januar)',
  'mod11-cpr-1jan': 'CPR-nummer uden modulus 11, født 1. januar (bemærkning)',
  mod11: 'Kontrolciffer forkert (modulus 11)',
  'ukendt-type': 'Ukendt type',
  'ikke-cpr-10': '10 cifre, der ikke er et gyldigt CPR-nummer (typen er ikke angivet)',
  dublet: 'Dublet',
  'flere-id': 'Flere identifikationer i rækken',
};

export interface IdResultat {
  status: Status;
  type: IdType | null;
  /** Antal cifre. */
  n: number;
  /** Cifrene som tal (når antallet passer til typen), ellers -1. */
  value: number;
  /** Nøgle til dubletkontrol (0 = ingen). Unik pr. type og nummer, eksakt som double. */
  noegle: number;
  /** Til visning, når den ikke kan dannes af `value` (fx forkerte tegn); allerede maskeret. */
  visning: string | null;
  fund: readonly Fund[];
}

const NO_FUND: readonly Fund[] = Object.freeze([]);

/** Identifikationen til visning og eksport: CPR (og alt, der kunne være et) maskeret. */
export function displayId(r: IdResultat): string {
  if (r.visning !== null) return r.visning;
  const d = String(r.value).padStart(r.n, '0');
  if (r.type === 'p' || r.n <= 8) return d;
  return maskCpr(d);
}

const TYPE_CODE: Record<IdType, number> = { cpr: 1, cvr: 2, se: 3, p: 4, 'cvr-se': 5 };
const CODE_TYPE: IdType[] = ['cpr', 'cpr', 'cvr', 'se', 'p', 'cvr-se'];

/** Identifikationen bag en dubletnøgle (typekode · 10^10 + nummer), til visning. */
export function idFromKey(key: number): IdResultat {
  const code = Math.floor(key / 1e10);
  const type = CODE_TYPE[code]!;
  const value = key - code * 1e10;
  return { status: 'ok', type, n: type === 'cpr' || type === 'p' ? 10 : 8, value, noegle: key, visning: null, fund: NO_FUND };
}

/** Århundrede for et CPR-nummer ud fra 7. ciffer og det tocifrede årstal (se tabellen øverst). */
export function cprCentury(digit7: number, yy: number): number {
  if (digit7 <= 3) return 1900;
  if (digit7 === 4 || digit7 === 9) return yy <= 36 ? 2000 : 1900;
  return yy <= 57 ? 2000 : 1800; // 5–8
}

export const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
export const daysInMonth = (y: number, m: number) => (m === 2 && isLeapYear(y) ? 29 : MONTH_DAYS[m - 1]!);

/** Fødselsdatoen i et CPR-nummer (10 cifre) som [år, måned, dag], eller null hvis ugyldig. */
export function cprBirthDate(d: string): [number, number, number] | null {
  const day = num2(d, 0);
  const month = num2(d, 2);
  const yy = num2(d, 4);
  const year = cprCentury(d.charCodeAt(6) - 48, yy) + yy;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return [year, month, day];
}

const num2 = (s: string, i: number) => (s.charCodeAt(i) - 48) * 10 + (s.charCodeAt(i + 1) - 48);

function weightedSum(d: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += (d.charCodeAt(i) - 48) * weights[i]!;
  return sum;
}
const CPR_WEIGHTS = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1] as const;
const CVR_WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1] as const;
/** Modulus 11 for et CPR-nummer (10 cifre). */
export const cprMod11 = (d: string) => weightedSum(d, CPR_WEIGHTS) % 11 === 0;
/** Modulus 11 for et CVR- eller SE-nummer (8 cifre), vægtene 2,7,6,5,4,3,2,1. */
export const cvrMod11 = (d: string) => weightedSum(d, CVR_WEIGHTS) % 11 === 0;

/** DDMMÅÅ-XXXX for 10 cifre. */
export const maskCpr = (digits10: string) => `${digits10.slice(0, 6)}-XXXX`;

/**
 * Maskerer en identifikation, der ikke kunne læses (fx med forkerte tegn): har den mindst 9 cifre,
 * erstattes alle cifre efter det 6. med X (ved 9 cifre i træk efter det 5., da Excel typisk har
 * fjernet et foranstillet 0). «010190-00O2» → «010190-XXOX», «0101900002» → «010190XXXX».
 */
export function maskId(value: string): string {
  let digits = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
  }
  if (digits < 9) return value;
  const keep = digits === 9 && /^\s*\d{9}\s*$/.test(value) ? 5 : 6;
  let seen = 0;
  let out = '';
  for (const ch of value) out += ch >= '0' && ch <= '9' ? (++seen > keep ? 'X' : ch) : ch;
  return out;
}

/**
 * Maskerer CPR-numre i en fri tekst: 10 cifre i træk eller 6 + 4 cifre med bindestreg eller
 * mellemrum imellem bliver DDMMÅÅ-XXXX (separatoren bevares), og længere talrækker maskeres efter
 * 6. ciffer. Datoer og klokkeslæt («2025-03-17 05:00») og CVR-numre røres ikke.
 * «Jens 010190-0002» → «Jens 010190-XXXX».
 */
export function maskCprLike(text: string): string {
  if (!/\d{6}/.test(text)) return text;
  return text
    .replace(/(?<!\d)(\d{6})([-\u2010\u2011\u2013 ]?)(\d{4,})(?!\d)/g, (_, a: string, sep: string, b: string) => a + sep + 'X'.repeat(b.length))
    .replace(/(?<![\dX])(\d{5})(\d{4})(?![\dX])/g, '$1XXXX');
}

/**
 * Maskering af en vilkårlig celle fra filen: ligner den en identifikation (mindst 9 cifre, højst 2
 * andre tegn end cifre, bindestreg og mellemrum, og ikke en dato eller et klokkeslæt), maskeres den
 * som en identifikation, ellers som fri tekst.
 */
export function maskCell(value: string): string {
  let digits = 0;
  let other = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c !== 45 && c !== 32) other++;
  }
  const dateLike = /\d[:.]\d\d|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{4}/.test(value);
  return digits >= 9 && other <= 2 && !dateLike ? maskId(value) : maskCprLike(value);
}

/** Læser en typeangivelse («CPR», «cvr-nr.», «P-nummer» …). null = tom, undefined = ukendt. */
export function parseType(value: string): IdType | null | undefined {
  // Få forskellige værdier i en fil: husk dem.
  const hit = typeCache.get(value);
  if (hit !== undefined || typeCache.has(value)) return hit;
  const v = value
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9æøå]+/g, '');
  const t = v === '' ? null : Object.hasOwn(TYPE_VALUES, v) ? TYPE_VALUES[v] : undefined;
  if (typeCache.size < 256) typeCache.set(value, t);
  return t;
}
const typeCache = new Map<string, IdType | null | undefined>();
const TYPE_VALUES: Record<string, IdType> = {
  cpr: 'cpr',
  cprnr: 'cpr',
  cprnummer: 'cpr',
  personnummer: 'cpr',
  person: 'cpr',
  cvr: 'cvr',
  cvrnr: 'cvr',
  cvrnummer: 'cvr',
  se: 'se',
  senr: 'se',
  senummer: 'se',
  p: 'p',
  pnummer: 'p',
  produktionsenhed: 'p',
  penhed: 'p',
};

export interface CheckOptions {
  /** Dags dato som ÅÅÅÅMMDD (tal); fødselsdatoer efter den er fejl. */
  today: number;
}

export const todayNumber = (d = new Date()) => d.getFullYear() * 10000 + (d.getMonth() + 1) * 100 + d.getDate();

const fmtDate = (y: number, m: number, d: number) => `${String(d).padStart(2, '0')}.${String(m).padStart(2, '0')}.${y}`;

// Cifrene i den identifikation, der kontrolleres lige nu (genbruges fra række til række).
const D = new Uint8Array(64);

/**
 * Kontrollerer én identifikation. `declared` er typen fra en type-kolonne eller kolonnenavnet;
 * null = udled af antallet af cifre (10 → CPR, 8 → CVR/SE). Mellemrum og bindestreger mellem
 * cifrene ignoreres («010190-1234», «13 74 81 36», «13-74-81-36»).
 */
export function checkIdentifier(raw: string, declared: IdType | null, opts: CheckOptions): IdResultat {
  return checkIdentifierIn(raw, 0, raw.length, declared, opts);
}

/** `checkIdentifier` on `raw.slice(from, to)`, without making that string (the parser's rows). */
export function checkIdentifierIn(raw: string, from: number, to: number, declared: IdType | null, opts: CheckOptions): IdResultat {
  let start = from;
  let end = to;
  while (start < end && isBlank(raw.charCodeAt(start))) start++;
  while (end > start && isBlank(raw.charCodeAt(end - 1))) end--;
  if (start === end) return simple('fejl', declared, '', 'tom', 'Identifikationen mangler (feltet er tomt).');
  let n = 0;
  let value = 0;
  let other = false;
  for (let i = start; i < end; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (n < 64) D[n] = c - 48;
      n++;
      value = value * 10 + (c - 48);
    } else if (!(c === 45 || isBlank(c) || c === 0x2010 || c === 0x2011 || c === 0x2013)) other = true;
  }
  if (other) {
    const shown = raw.slice(start, end);
    if (/^\d+(?:[.,]\d+)?e\+?\d+$/i.test(shown))
      return simple(
        'fejl',
        declared,
        shown,
        'videnskabelig',
        'Tallet er vist i videnskabelig notation (fx 1,01E+09), så cifrene er gået tabt. Formatér kolonnen som tekst i Excel, ret numrene, og gem igen som CSV.',
      );
    return simple('fejl', declared, maskId(shown.length > 40 ? shown.slice(0, 40) + '…' : shown), 'tegn', 'Identifikationen indeholder andre tegn end cifre, bindestreg og mellemrum.');
  }
  const type: IdType | null = declared ?? (n === 10 ? 'cpr' : n === 8 ? 'cvr-se' : null);

  if (type === null) {
    if (n === 9) return nineDigits(value, null, opts);
    return simple(
      'fejl',
      null,
      maskId(raw.slice(start, end)),
      'antal-cifre',
      `Identifikationen har ${n} ${n === 1 ? 'ciffer' : 'cifre'}. Et CPR-nummer og et P-nummer har 10 cifre, et CVR- og et SE-nummer 8.`,
    );
  }

  if (type === 'cpr') {
    if (n === 9) return nineDigits(value, 'cpr', opts);
    if (n !== 10) return wrongCount(type, n, raw.slice(start, end));
    return checkCpr(value, declared === null, opts);
  }
  if (type === 'p') {
    if (n !== 10) return wrongCount(type, n, raw.slice(start, end));
    return result('ok', type, 10, value, NO_FUND);
  }
  // cvr, se, cvr-se
  if (n !== 8) return wrongCount(type, n, raw.slice(start, end));
  if ((2 * D[0]! + 7 * D[1]! + 6 * D[2]! + 5 * D[3]! + 4 * D[4]! + 3 * D[5]! + 2 * D[6]! + D[7]!) % 11 !== 0)
    return result('fejl', type, 8, value, [
      {
        kode: 'mod11',
        niveau: 'fejl',
        tekst: `Kontrolcifferet passer ikke (modulus 11), så nummeret kan ikke være et gyldigt ${TYPE_NOUN[type]}. Ret nummeret.`,
      },
    ]);
  return result('ok', type, 8, value, NO_FUND);
}

const isBlank = (c: number) => c === 32 || c === 9 || c === 0xa0 || c === 0x202f;

function result(status: Status, type: IdType, n: number, value: number, fund: readonly Fund[]): IdResultat {
  return { status, type, n, value, noegle: TYPE_CODE[type] * 1e10 + value, visning: null, fund };
}

function simple(status: Status, type: IdType | null, visning: string, kode: FundKode, tekst: string): IdResultat {
  return { status, type, n: 0, value: -1, noegle: 0, visning, fund: [{ kode, niveau: status, tekst }] };
}

function wrongCount(type: IdType, n: number, shown: string): IdResultat {
  const want = type === 'cpr' || type === 'p' ? 10 : 8;
  const hint =
    (type === 'cvr' || type === 'se' || type === 'cvr-se') && n === 10
      ? ' Det ligner et CPR- eller P-nummer – tjek typen.'
      : type === 'p' && n === 8
        ? ' Det ligner et CVR- eller SE-nummer – tjek typen.'
        : '';
  return simple('fejl', type, maskId(shown), 'antal-cifre', `Et ${TYPE_NOUN[type]} har ${want} cifre, men feltet har ${n}.${hint}`);
}

function nineDigits(value: number, type: IdType | null, opts: CheckOptions): IdResultat {
  const padded = String(value).padStart(10, '0');
  const date = cprBirthDate(padded);
  const tekst =
    date && todayOk(date, opts)
      ? `Identifikationen har 9 cifre. Det er sandsynligvis et CPR-nummer for en person født den ${date[2]}. i måneden, hvor Excel har fjernet det foranstillede 0. Formatér kolonnen som tekst i Excel, ret numrene, og gem igen som CSV.`
      : type === 'cpr'
        ? 'Et CPR-nummer har 10 cifre, men feltet har 9.'
        : 'Identifikationen har 9 cifre. Et CPR-nummer og et P-nummer har 10 cifre, et CVR- og et SE-nummer 8.';
  return {
    status: 'fejl',
    type,
    n: 9,
    value: -1,
    noegle: 0,
    // Vis kun de 5 cifre, der ville være datoen.
    visning: `${padded.slice(1, 6)}-XXXX`,
    fund: [{ kode: date ? 'mangler-nul' : 'antal-cifre', niveau: 'fejl', tekst }],
  };
}

const todayOk = (d: [number, number, number], opts: CheckOptions) => d[0] * 10000 + d[1] * 100 + d[2] <= opts.today;

const lower = (s: string) => s[0]!.toLowerCase() + s.slice(1);

/** CPR-kontrollen på cifrene i D (10 cifre). */
function checkCpr(value: number, inferred: boolean, opts: CheckOptions): IdResultat {
  const day = D[0]! * 10 + D[1]!;
  const month = D[2]! * 10 + D[3]!;
  const yy = D[4]! * 10 + D[5]!;
  const year = cprCentury(D[6]!, yy) + yy;
  let problem: [FundKode, string] | null = null;
  if (day > 60 && day <= 91 && month >= 1 && month <= 12 && day - 60 <= daysInMonth(year, month))
    problem = [
      'erstatning',
      'Det er et erstatningspersonnummer (dagen er forhøjet med 60). Det er ikke et rigtigt personnummer og findes ikke i CPR, så NemKonto-systemet vil afvise betalingen.',
    ];
  else if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
    problem = ['dato', `De første 6 cifre er ikke en gyldig fødselsdato${dateReason(day, month, year)}.`];
  else if (year * 10000 + month * 100 + day > opts.today)
    problem = [
      'fremtid',
      `Fødselsdatoen bliver ${fmtDate(year, month, day)} ud fra 7. ciffer, og den ligger efter dags dato. Nummeret kan ikke være et gyldigt CPR-nummer.`,
    ];
  if (problem) {
    // Uden angivet type kan 10 cifre også være et P-nummer: kun en advarsel.
    if (inferred)
      return result('advarsel', 'cpr', 10, value, [
        { kode: 'ikke-cpr-10', niveau: 'advarsel', tekst: `Ikke et gyldigt CPR-nummer: ${lower(problem[1])} Er det et P-nummer, så angiv typen i en type-kolonne.` },
      ]);
    return result('fejl', 'cpr', 10, value, [{ kode: problem[0], niveau: 'fejl', tekst: problem[1] }]);
  }
  const sum = 4 * D[0]! + 3 * D[1]! + 2 * D[2]! + 7 * D[3]! + 6 * D[4]! + 5 * D[5]! + 4 * D[6]! + 3 * D[7]! + 2 * D[8]! + D[9]!;
  if (sum % 11 !== 0) {
    const jan1 = month === 1 && day === 1;
    return result(jan1 ? 'ok' : 'advarsel', 'cpr', 10, value, [
      jan1
        ? {
            kode: 'mod11-cpr-1jan',
            niveau: 'ok',
            tekst: 'Opfylder ikke modulus 11. Det er i orden: CPR udsteder personnumre uden modulus 11-kontrol, normalt med fødselsdato 1. januar.',
          }
        : {
            kode: 'mod11-cpr',
            niveau: 'advarsel',
            tekst: 'Opfylder ikke modulus 11. Gyldige CPR-numre uden modulus 11 findes siden 2007, men har normalt fødselsdato 1. januar. Tjek nummeret.',
          },
    ]);
  }
  return result('ok', 'cpr', 10, value, NO_FUND);
}

function dateReason(day: number, month: number, year: number): string {
  if (month < 1 || month > 12) return `: måned ${String(month).padStart(2, '0')} findes ikke`;
  if (day === 29 && month === 2) return `: ${year} er ikke et skudår (århundredet følger af 7. ciffer)`;
  if (day === 0) return ': dag 00 findes ikke';
  return `: ${String(month).padStart(2, '0')}.${year} har ikke ${day} dage`;
}
