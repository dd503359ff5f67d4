import { describe, it, expect } from 'vitest';
import { bankHolidays, closedReason, dayNumber, easterSunday, fromDayNumber, weekday, KALENDER_FRA } from '../../../src/lib/nemkonto/kalender';

// Weekdays (and the two weekend dates it lists) on which Danmarks Nationalbanken and banks in
// general are closed. 2026 and 2027: Nationalbanken's page «Banklukkedage». 2025: the same kinds of
// day, dated by hand from Easter Sunday 20 April 2025.
const NATIONALBANKEN: Record<number, string[]> = {
  2025: ['01-01', '04-17', '04-18', '04-21', '05-29', '05-30', '06-05', '06-09', '12-24', '12-25', '12-26', '12-31'],
  2026: ['01-01', '04-02', '04-03', '04-06', '05-14', '05-15', '05-25', '06-05', '12-24', '12-25', '12-26', '12-31'],
  2027: ['01-01', '03-25', '03-26', '03-29', '05-06', '05-07', '05-17', '06-05', '12-24', '12-31'],
};

describe('påskedag', () => {
  it.each([
    [2024, [3, 31]], [2025, [4, 20]], [2026, [4, 5]], [2027, [3, 28]], [2028, [4, 16]], [2038, [4, 25]], [2285, [3, 22]],
  ])('%i', (y, md) => {
    expect(easterSunday(y)).toEqual(md);
  });
});

describe('bankdage 2025–2027, hver eneste dato', () => {
  for (const year of [2025, 2026, 2027]) {
    it(`${year} matches Nationalbanken's closing days plus weekends`, () => {
      const listed = new Set(NATIONALBANKEN[year]);
      let closed = 0;
      for (let n = dayNumber(year, 1, 1); n <= dayNumber(year, 12, 31); n++) {
        const [, m, d] = fromDayNumber(n);
        const md = `${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        const expected = listed.has(md) || weekday(n) >= 5;
        expect(closedReason(n) !== null, `${year}-${md}`).toBe(expected);
        if (expected) closed++;
      }
      expect(closed).toBeGreaterThan(104 + 8);
    });
  }
  it('names the days', () => {
    expect(closedReason(dayNumber(2026, 5, 15))).toContain('Kristi himmelfartsdag');
    expect(closedReason(dayNumber(2025, 6, 5))).toContain('grundlovsdag');
    expect(closedReason(dayNumber(2025, 3, 15))).toBe('lørdag');
    expect(closedReason(dayNumber(2025, 3, 16))).toBe('søndag');
    expect(closedReason(dayNumber(2025, 3, 17))).toBeNull();
  });
  it('store bededag (abolished from 2024) is a normal bank day', () => {
    // Store bededag would have been Friday 16 May 2025 (4th Friday after Easter).
    expect(closedReason(dayNumber(2025, 5, 16))).toBeNull();
  });
  it('is unknown before 2024', () => {
    expect(KALENDER_FRA).toBe(2024);
    expect(closedReason(dayNumber(2023, 12, 25))).toBeUndefined();
    expect(closedReason(dayNumber(2024, 12, 25))).toBe('juledag');
  });
  it('weekday and day numbers', () => {
    expect(weekday(dayNumber(1970, 1, 1))).toBe(3); // torsdag
    expect(weekday(dayNumber(2025, 11, 24))).toBe(0); // mandag
    expect(fromDayNumber(dayNumber(2028, 2, 29))).toEqual([2028, 2, 29]);
    expect(bankHolidays(2026).size).toBe(14);
  });
});
