import { describe, it, expect } from 'vitest';
import {
  checkIdentifier,
  cprBirthDate,
  cprCentury,
  cprMod11,
  cvrMod11,
  displayId,
  isLeapYear,
  idFromKey,
  maskCpr,
  maskCell,
  maskCprLike,
  maskId,
  parseType,
  todayNumber,
  type IdType,
  type Status,
} from '../../../src/lib/nemkonto/identifikation';

const opts = { today: 20251123 };
const check = (raw: string, t: IdType | null = 'cpr') => checkIdentifier(raw, t, opts);
const codes = (raw: string, t: IdType | null = 'cpr') => check(raw, t).fund.map((f) => f.kode);

describe('CPR-århundrede (cpr.dk: 7. ciffer og årstal)', () => {
  it.each([
    [0, 0, 1900], [0, 99, 1900], [3, 0, 1900], [3, 99, 1900],
    [4, 0, 2000], [4, 36, 2000], [4, 37, 1900], [4, 99, 1900],
    [9, 0, 2000], [9, 36, 2000], [9, 37, 1900], [9, 99, 1900],
    [5, 0, 2000], [5, 57, 2000], [5, 58, 1800], [5, 99, 1800],
    [6, 57, 2000], [7, 58, 1800], [8, 57, 2000], [8, 58, 1800],
  ])('7. ciffer %i, år %i → %i', (d7, yy, century) => {
    expect(cprCentury(d7, yy)).toBe(century);
  });
});

describe('skudår', () => {
  it.each([[1900, false], [2000, true], [2004, true], [2003, false], [1896, true], [2100, false]])('%i → %s', (y, leap) => {
    expect(isLeapYear(y)).toBe(leap);
  });
});

describe('CPR-numre', () => {
  const cases: [string, string, Status, string[]][] = [
    ['gyldigt uden bindestreg', '0101900002', 'ok', []],
    ['gyldigt med bindestreg', '010190-0002', 'ok', []],
    ['mellemrum omkring og i stedet for bindestreg', ' 010190 0002 ', 'ok', []],
    ['29. feb. 2000 (7. ciffer 4, år 00)', '2902004001', 'ok', []],
    ['29. feb. 2000 (7. ciffer 9)', '2902009003', 'ok', []],
    ['29. feb. 2000 (7. ciffer 5)', '2902005008', 'ok', []],
    ['29. feb. 1900 findes ikke (7. ciffer 0)', '2902000006', 'fejl', ['dato']],
    ['29. feb. 2004 (skudår)', '2902045018', 'ok', []],
    ['29. feb. 2003 findes ikke', '2902035004', 'fejl', ['dato']],
    ['31.12.1999', '3112993001', 'ok', []],
    ['7. ciffer 4, år 36 → 2036 (fremtid)', '0101364003', 'fejl', ['fremtid']],
    ['7. ciffer 4, år 37 → 1937', '0101374009', 'ok', []],
    ['7. ciffer 9, år 37 → 1937', '0101379000', 'ok', []],
    ['7. ciffer 5, år 57 → 2057 (fremtid)', '3112575005', 'fejl', ['fremtid']],
    ['7. ciffer 5, år 58 → 1858', '0101585018', 'ok', []],
    ['7. ciffer 6, år 58 → 1858', '0101586006', 'ok', []],
    ['7. ciffer 9, år 96 → 1996', '2912969005', 'ok', []],
    ['uden modulus 11, født 1. januar: kun bemærkning', '0101601000', 'ok', ['mod11-cpr-1jan']],
    ['uden modulus 11, ikke 1. januar: advarsel', '1505402000', 'advarsel', ['mod11-cpr']],
    ['måned 13', '0113901234', 'fejl', ['dato']],
    ['31. april', '3104901234', 'fejl', ['dato']],
    ['dag 00', '0004901234', 'fejl', ['dato']],
    ['erstatningspersonnummer (dag + 60)', '6701900002', 'fejl', ['erstatning']],
    ['9 cifre: Excel har fjernet det foranstillede 0', '101900002', 'fejl', ['mangler-nul']],
    ['11 cifre', '01019000021', 'fejl', ['antal-cifre']],
    ['tomt felt', '   ', 'fejl', ['tom']],
    ['videnskabelig notation fra Excel', '1,01019E+09', 'fejl', ['videnskabelig']],
    ['bogstaver', '010190-00O2', 'fejl', ['tegn']],
  ];
  it.each(cases)('%s: %s → %s', (_, raw, status, kode) => {
    const r = check(raw);
    expect(r.status).toBe(status);
    expect(r.fund.map((f) => f.kode)).toEqual(kode);
  });

  it('the 29 February message explains the leap year', () => {
    expect(check('2902000006').fund[0]!.tekst).toContain('1900 er ikke et skudår');
  });
  it('9 digits name the likely birth day and the fix', () => {
    const t = check('101900002').fund[0]!.tekst;
    expect(t).toContain('født den 1. i måneden');
    expect(t).toContain('foranstillede 0');
  });
  it('a future birth date depends on today', () => {
    expect(checkIdentifier('0101364003', 'cpr', { today: 20360101 }).status).toBe('ok');
    expect(checkIdentifier('0101364003', 'cpr', { today: 20351231 }).status).toBe('fejl');
  });
  it('is masked as DDMMÅÅ-XXXX in every display', () => {
    for (const raw of ['0101900002', '010190-0002', '1505402000', '2902000006', '6701900002', '0101601000'])
      expect(displayId(check(raw))).toMatch(/^\d{6}-XXXX$/);
    expect(displayId(check('010190-0002'))).toBe('010190-XXXX');
    expect(displayId(check('101900002'))).toBe('10190-XXXX');
    expect(displayId(check('0101900002 x'))).toBe('010190XXXX x');
  });
  it('messages never contain the serial digits', () => {
    for (const raw of ['0101900002', '1505402000', '2902000006', '6701900002', '0101364003', '101900002', '0101601000'])
      for (const f of check(raw).fund) expect(f.tekst).not.toMatch(/\d{7,}/);
  });
});

describe('type udledt af antallet af cifre', () => {
  it('10 cifre med gyldig dato → CPR', () => {
    const r = check('0101900002', null);
    expect([r.type, r.status]).toEqual(['cpr', 'ok']);
  });
  it('8 cifre → CVR/SE med modulus 11', () => {
    expect([check('13748136', null).type, check('13748136', null).status]).toEqual(['cvr-se', 'ok']);
    expect(check('13748137', null).status).toBe('fejl');
  });
  it('10 cifre, der ikke er et gyldigt CPR-nummer, giver kun en advarsel (kan være et P-nummer)', () => {
    for (const raw of ['1003388394', '0113901234', '7012345678']) {
      const r = check(raw, null);
      expect(r.status).toBe('advarsel');
      expect(r.fund.map((f) => f.kode)).toEqual(['ikke-cpr-10']);
      expect(r.fund[0]!.tekst).toContain('P-nummer');
      expect(displayId(r)).toMatch(/^\d{6}-XXXX$/);
    }
  });
  it('9 cifre uden type', () => {
    expect(codes('101900002', null)).toEqual(['mangler-nul']);
    expect(displayId(check('101900002', null))).toBe('10190-XXXX');
  });
  it('andre antal', () => {
    expect(codes('1234567', null)).toEqual(['antal-cifre']);
    expect(check('1234567', null).fund[0]!.tekst).toContain('7 cifre');
  });
});

describe('CVR og SE (modulus 11, vægte 2,7,6,5,4,3,2,1)', () => {
  it.each([
    ['13748136', 'cvr', 'ok'],
    ['13 74 81 36', 'cvr', 'ok'],
    ['13-74-81-36', 'cvr', 'ok'],
    ['10150817', 'cvr', 'ok'],
    ['25313763', 'se', 'ok'],
    ['13748137', 'cvr', 'fejl'],
    ['13748163', 'se', 'fejl'],
    ['1374813', 'cvr', 'fejl'],
    ['0101900002', 'cvr', 'fejl'],
  ] as const)('%s (%s) → %s', (raw, t, status) => {
    expect(check(raw, t).status).toBe(status);
  });
  it('modulus 11 by hand: Erhvervsstyrelsen’s example 13748136', () => {
    expect(cvrMod11('13748136')).toBe(true);
    expect(cvrMod11('13748137')).toBe(false);
  });
  it('a CPR number in a CVR column is masked and explained', () => {
    const r = check('0101900002', 'cvr');
    expect(displayId(r)).toBe('010190XXXX');
    expect(r.fund[0]!.tekst).toContain('ligner et CPR- eller P-nummer');
  });
  it('CVR numbers are shown in full', () => {
    expect(displayId(check('13 74 81 36', 'cvr'))).toBe('13748136');
  });
});

describe('P-nummer (kun format: 10 cifre)', () => {
  it('10 cifre er ok og vises uden maskering', () => {
    const r = check('1003388394', 'p');
    expect(r.status).toBe('ok');
    expect(displayId(r)).toBe('1003388394');
  });
  it('forkert antal cifre', () => {
    expect(codes('100338839', 'p')).toEqual(['antal-cifre']);
    expect(check('13748136', 'p').fund[0]!.tekst).toContain('ligner et CVR- eller SE-nummer');
  });
});

describe('duplicate keys', () => {
  it('idFromKey gives back type and (masked) number', () => {
    for (const [raw, t] of [['0101900002', 'cpr'], ['13748136', 'cvr'], ['25313763', 'se'], ['1003388394', 'p'], ['13748136', null]] as const) {
      const r = check(raw, t);
      const back = idFromKey(r.noegle);
      expect([back.type, displayId(back)]).toEqual([r.type, displayId(r)]);
    }
    expect(displayId(idFromKey(check('0101900002').noegle))).toBe('010190-XXXX');
  });
  it('the same number with and without hyphen gives the same key; types differ', () => {
    expect(check('010190-0002').noegle).toBe(check('0101900002').noegle);
    expect(check('13748136', 'cvr').noegle).not.toBe(check('13748136', 'se').noegle);
    expect(check('', 'cpr').noegle).toBe(0);
  });
});

describe('helpers', () => {
  it('cprBirthDate and cprMod11', () => {
    expect(cprBirthDate('2902004001')).toEqual([2000, 2, 29]);
    expect(cprBirthDate('2902000006')).toBeNull();
    expect(cprMod11('0101900002')).toBe(true);
    expect(cprMod11('0101900000')).toBe(false);
  });
  it('maskCpr, maskId, maskCprLike and maskCell', () => {
    expect(maskCpr('0101900002')).toBe('010190-XXXX');
    // Identifikationer: alt efter 6. ciffer (5. ved 9 cifre).
    expect(maskId('010190-00O2')).toBe('010190-XXOX');
    expect(maskId('0101900002')).toBe('010190XXXX');
    expect(maskId('101900002')).toBe('10190XXXX');
    expect(maskId('1374813')).toBe('1374813');
    // Fri tekst: CPR-mønstre, ikke datoer, klokkeslæt eller CVR-numre.
    expect(maskCprLike('Jens 010190-0002 og 13748136')).toBe('Jens 010190-XXXX og 13748136');
    expect(maskCprLike('010190 0002;0101900002;01019000021')).toBe('010190 XXXX;010190XXXX;010190XXXXX');
    expect(maskCprLike('ref 101900002')).toBe('ref 10190XXXX');
    expect(maskCprLike('2025-03-17 05:00:00')).toBe('2025-03-17 05:00:00');
    expect(maskCprLike('tlf. 12 34 56 78')).toBe('tlf. 12 34 56 78');
    // Celler: ligner de en identifikation, maskeres de som en.
    expect(maskCell('010190-00O2')).toBe('010190-XXOX');
    expect(maskCell('2025-03-17 05:00:00')).toBe('2025-03-17 05:00:00');
    expect(maskCell('Navn: 0101900002')).toBe('Navn: 010190XXXX');
  });
  it('parseType', () => {
    expect(parseType('CPR')).toBe('cpr');
    expect(parseType(' cpr-nr. ')).toBe('cpr');
    expect(parseType('Personnummer')).toBe('cpr');
    expect(parseType('CVR')).toBe('cvr');
    expect(parseType('SE-nummer')).toBe('se');
    expect(parseType('P-nummer')).toBe('p');
    expect(parseType('')).toBeNull();
    expect(parseType('pnr')).toBeUndefined();
    expect(parseType('constructor')).toBeUndefined();
  });
  it('todayNumber', () => {
    expect(todayNumber(new Date(2025, 10, 23))).toBe(20251123);
  });
});
