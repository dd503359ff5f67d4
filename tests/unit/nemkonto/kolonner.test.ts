import { describe, it, expect } from 'vitest';
import { autoKolonner, columnNames, describeKolonner, firstRowIsHeader, looksLikeId, maskedSamples, resolveColumn, typeFromHeader } from '../../../src/lib/nemkonto/kolonner';

describe('autoKolonner: recipients', () => {
  it.each([
    [['id', 'type'], [{ index: 0, type: null }], 1],
    [['Navn', 'IDENTIFIKATION', 'Type'], [{ index: 1, type: null }], 2],
    [['Navn', 'CPR-nr.'], [{ index: 1, type: 'cpr' }], -1],
    [['cvr'], [{ index: 0, type: 'cvr' }], -1],
    [['SE-nummer', 'navn'], [{ index: 0, type: 'se' }], -1],
    [['P-nummer'], [{ index: 0, type: 'p' }], -1],
    [['pnummer'], [{ index: 0, type: 'p' }], -1],
    [['Navn', 'CVR', 'CPR'], [{ index: 1, type: 'cvr' }, { index: 2, type: 'cpr' }], -1],
    [['Recipient ID', 'Identifier type'], [{ index: 0, type: null }], 1],
  ] as const)('%j', (header, id, type) => {
    expect(autoKolonner('modtagere', [[...header], ['x']])).toEqual({ kind: 'modtagere', hasHeader: true, id, type });
  });
  it('does not guess on unknown or ambiguous headers ("PNR" can mean personnummer or P-nummer)', () => {
    expect(autoKolonner('modtagere', [['Navn', 'Nummer']])).toBeNull();
    expect(autoKolonner('modtagere', [['PNR']])).toBeNull();
    expect(autoKolonner('modtagere', [])).toBeNull();
  });
  it('without a header: exactly one column of identifiers', () => {
    expect(autoKolonner('modtagere', [['Jens', '010190-0002'], ['Ane', '13748136']])).toEqual({ kind: 'modtagere', hasHeader: false, id: [{ index: 1, type: null }], type: -1 });
    expect(autoKolonner('modtagere', [['0101900002', '13748136']])).toBeNull();
  });
});

describe('autoKolonner: payments', () => {
  it('finds sent time, payout date and an optional id', () => {
    expect(autoKolonner('betalinger', [['CPR', 'Afsendt', 'Udbetalingsdato']])).toEqual({ kind: 'betalinger', hasHeader: true, afsendt: 1, udbetaling: 2, id: [{ index: 0, type: 'cpr' }], type: -1 });
    expect(autoKolonner('betalinger', [['Sent at', 'Payment date']])).toEqual({ kind: 'betalinger', hasHeader: true, afsendt: 0, udbetaling: 1, id: [], type: -1 });
  });
  it('needs both columns and a header', () => {
    expect(autoKolonner('betalinger', [['Afsendt']])).toBeNull();
    expect(autoKolonner('betalinger', [['2025-03-14 05:00', '2025-03-15']])).toBeNull();
  });
});

describe('helpers', () => {
  it('looksLikeId and firstRowIsHeader', () => {
    expect(looksLikeId('010190-0002')).toBe(true);
    expect(looksLikeId('13 74 81 36')).toBe(true);
    expect(looksLikeId('123456')).toBe(false);
    expect(looksLikeId('CPR')).toBe(false);
    expect(firstRowIsHeader(['id', 'type'])).toBe(true);
    expect(firstRowIsHeader(['0101900002', 'CPR'])).toBe(false);
    expect(firstRowIsHeader(['14-03-2025 05:00', '15-03-2025'])).toBe(false);
  });
  it('columnNames and maskedSamples mask CPR numbers', () => {
    expect(columnNames([['a', '', '0101900002']], true)).toEqual(['a', 'Kolonne 2', '010190XXXX']);
    expect(columnNames([['a', 'b']], false)).toEqual(['Kolonne 1', 'Kolonne 2']);
    expect(maskedSamples([[' 010190-0002 ', 'x'.repeat(50)]])).toEqual([['010190-XXXX', 'x'.repeat(40) + '…']]);
  });
  it('resolveColumn by name (any spelling) or number', () => {
    expect(resolveColumn('cpr nr', ['Navn', 'CPR-nr.'], 2)).toBe(1);
    expect(resolveColumn('2', null, 2)).toBe(1);
    expect(resolveColumn('3', null, 2)).toBe(-1);
    expect(resolveColumn('x', ['a'], 1)).toBe(-1);
  });
  it('typeFromHeader and describeKolonner', () => {
    expect(typeFromHeader('CPR-nummer')).toBe('cpr');
    expect(typeFromHeader('Identifikation')).toBeNull();
    expect(describeKolonner({ kind: 'modtagere', hasHeader: false, id: [{ index: 0, type: 'p' }], type: -1 }, ['Kolonne 1'])).toBe(
      'Identifikation: «Kolonne 1» (P-nummer) · Type: ingen · ingen overskriftslinje',
    );
  });
});
