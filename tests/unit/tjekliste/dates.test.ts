import { describe, expect, it } from 'vitest';
import { daysBetween, formatDato, formatTidspunkt, isIsoDate, localToday } from '../../../src/lib/tjekliste/dates';

describe('dates', () => {
  it('accepts only real calendar dates written ÅÅÅÅ-MM-DD', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('1/12/2026')).toBe(false);
    expect(isIsoDate(20261201)).toBe(false);
  });
  it('formats Danish dates and timestamps', () => {
    expect(formatDato('2026-12-01')).toBe('1. december 2026');
    expect(formatDato('noget')).toBe('noget');
    expect(formatTidspunkt(new Date(2026, 10, 23, 9, 5).toISOString())).toBe('23.11.2026 kl. 09.05');
    expect(formatTidspunkt('x')).toBe('');
  });
  it('gives today in local time and counts days', () => {
    expect(localToday(new Date(2026, 0, 2, 23, 59))).toBe('2026-01-02');
    expect(daysBetween('2026-11-23', '2026-12-01')).toBe(8);
    expect(daysBetween('2026-03-30', '2026-03-28')).toBe(-2);
  });
});
