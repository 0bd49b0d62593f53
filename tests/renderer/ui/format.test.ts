import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../renderer/i18n';
import { formatDateTime, formatMegabytes, formatMoney, formatPercent, formatTime } from '../../../renderer/ui/format';

describe('UI formats', () => {
  it('shows paise as rupees with Indian grouping', () => {
    expect(formatMoney(1_234_567_89)).toBe('₹12,34,567.89');
    expect(formatMoney(5)).toBe('₹0.05');
    expect(formatMoney(-50_000)).toBe('-₹500.00');
  });

  it('keeps every paisa of amounts beyond float precision of rupees', () => {
    // 90,07,19,92,54,740.99 rupees: as a float of rupees the last paisa would be lost.
    expect(formatMoney(900_719_925_474_099)).toBe('₹90,07,19,92,54,740.99');
  });

  it('shows times in the market’s zone, not the machine’s', () => {
    expect(formatDateTime('2026-11-22T18:04:00+05:30', 'Asia/Kolkata')).toBe('22 Nov 2026, 18:04');
    expect(formatTime('2026-11-22T12:34:00Z', 'Asia/Kolkata')).toBe('18:04');
  });

  it('shows the 24-hour clock of the printed receipt in every language, never am/pm', () => {
    const late = '2026-12-01T18:35:00Z'; // 00:05 the next day in Kolkata
    for (const { dateLocale } of Object.values(LANGUAGES)) {
      expect(formatTime(late, 'Asia/Kolkata', dateLocale)).toBe('00:05');
      expect(formatDateTime('2026-12-01T07:40:00Z', 'Asia/Kolkata', dateLocale)).toMatch(/\b13:10$/);
      expect(formatDateTime('2026-12-01T07:40:00Z', 'Asia/Kolkata', dateLocale)).not.toMatch(/am|pm/i);
    }
  });

  it('names the month in the screen’s language, with the Latin digits of the amounts', () => {
    const at = '2026-12-01T07:40:00Z';
    expect(formatDateTime(at, 'Asia/Kolkata', LANGUAGES.hi.dateLocale)).toBe('1 दिस॰ 2026, 13:10');
    expect(formatDateTime(at, 'Asia/Kolkata', LANGUAGES.ur.dateLocale)).toBe('1 دسمبر، 2026، 13:10');
  });

  it('leaves an unreadable date as it is rather than showing "Invalid Date"', () => {
    expect(formatDateTime('not a date', 'Asia/Kolkata')).toBe('not a date');
  });

  it('rounds free space down to whole megabytes', () => {
    expect(formatMegabytes(49.9 * 1024 * 1024)).toBe('49');
  });

  it('shows basis points as a percentage, to two decimals at most', () => {
    expect(formatPercent(1000)).toBe('10%');
    expect(formatPercent(1250)).toBe('12.5%');
    expect(formatPercent(5)).toBe('0.05%');
    expect(formatPercent(10_000)).toBe('100%');
  });
});
