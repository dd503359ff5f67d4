import { describe, it, expect } from 'vitest';
import { danishOffsetMinutes, fmtTidspunkt, fmtVarighed, parseTidspunkt, type Tidspunkt } from '../../../src/lib/nemkonto/tid';

const show = (s: string) => {
  const t = parseTidspunkt(s);
  return typeof t === 'string' ? t : fmtTidspunkt(t);
};

describe('parseTidspunkt', () => {
  it.each([
    ['2025-03-14 05:30', '14.03.2025 kl. 05.30'],
    ['2025-03-14T05:30:15', '14.03.2025 kl. 05.30.15'],
    ['2025-03-14T05:30:00.123', '14.03.2025 kl. 05.30'],
    ['2025-3-4', '04.03.2025'],
    ['14-03-2025 05:30', '14.03.2025 kl. 05.30'],
    ['14.03.2025 kl. 05.30', '14.03.2025 kl. 05.30'],
    ['14/3/2025 5:30:59', '14.03.2025 kl. 05.30.59'],
    ['14.03.2025', '14.03.2025'],
    ['29-02-2024', '29.02.2024'],
    // Tidszoner regnes om til dansk tid.
    ['2025-03-14T04:30:00Z', '14.03.2025 kl. 05.30'],
    ['2025-07-01T03:59:00Z', '01.07.2025 kl. 05.59'],
    ['2025-07-01T05:59:00+02:00', '01.07.2025 kl. 05.59'],
    ['2025-01-01T00:30:00-0100', '01.01.2025 kl. 02.30'],
    ['2025-12-31T23:30:00Z', '01.01.2026 kl. 00.30'],
    // Sommertid begynder 30.03.2025 kl. 01.00 UTC.
    ['2025-03-30T00:59:00Z', '30.03.2025 kl. 01.59'],
    ['2025-03-30T01:00:00Z', '30.03.2025 kl. 03.00'],
    // … og slutter 26.10.2025 kl. 01.00 UTC.
    ['2025-10-26T00:59:00Z', '26.10.2025 kl. 02.59'],
    ['2025-10-26T01:00:00Z', '26.10.2025 kl. 02.00'],
  ])('%s → %s', (s, want) => {
    expect(show(s)).toBe(want);
  });
  it.each([
    ['', 'tom'],
    ['   ', 'tom'],
    ['i morgen', 'ulaeselig'],
    ['45730,25', 'excel-tal'],
    ['14-03-25 05:30', 'aar-2-cifre'],
    ['31-04-2025', 'ugyldig'],
    ['29-02-2025', 'ugyldig'],
    ['2025-13-01', 'ugyldig'],
    ['2025-03-14 24:00', 'ugyldig'],
    ['2025-03-14 05:60', 'ugyldig'],
    ['14-03/2025', 'ulaeselig'],
  ])('%s → %s', (s, code) => {
    expect(parseTidspunkt(s)).toBe(code);
  });
  it('danishOffsetMinutes', () => {
    expect(danishOffsetMinutes(Date.UTC(2025, 0, 15))).toBe(60);
    expect(danishOffsetMinutes(Date.UTC(2025, 6, 15))).toBe(120);
  });
});

describe('formatting', () => {
  it('fmtVarighed', () => {
    expect(fmtVarighed(45)).toBe('45 sek.');
    expect(fmtVarighed(60)).toBe('1 min');
    expect(fmtVarighed(4500)).toBe('1 t 15 min');
    expect(fmtVarighed(3600)).toBe('1 t');
    expect(fmtVarighed(86400 + 3 * 3600)).toBe('1 dag 3 t');
    expect(fmtVarighed(2 * 86400)).toBe('2 dage');
  });
  it('fmtTidspunkt with and without time', () => {
    const t: Tidspunkt = { dag: 0, sekund: 6 * 3600 };
    expect(fmtTidspunkt(t)).toBe('01.01.1970 kl. 06.00');
    expect(fmtTidspunkt({ dag: 0, sekund: null })).toBe('01.01.1970');
  });
});
