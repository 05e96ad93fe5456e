import { describe, expect, it } from 'vitest';
import { checkRelative, compareDates, coveringValue, DateError, disagreementWithWords, formatDateZh, parseDate, parseOffset, precisionOfWords, shiftInterval, statedParts } from '../../src/lib/content/date-values.ts';

describe('parseDate', () => {
  it('reads each precision as the days it covers', () => {
    expect(parseDate('2022')).toEqual({ start: '2022-01-01', end: '2022-12-31', precision: 'year', interval: false });
    expect(parseDate('2023-02')).toEqual({ start: '2023-02-01', end: '2023-02-28', precision: 'month', interval: false });
    expect(parseDate('2024-02')).toMatchObject({ end: '2024-02-29' });
    expect(parseDate('2023-02-24')).toEqual({ start: '2023-02-24', end: '2023-02-24', precision: 'day', interval: false });
    expect(parseDate('2023-01/2023-02')).toEqual({ start: '2023-01-01', end: '2023-02-28', precision: 'month', interval: true });
  });

  it.each([
    ['2023-02-30', 'impossible', '"2023-02-30" is not a real date: 2023-02 has 28 days'],
    ['2023-13', 'impossible', '"2023-13" is not a real date: there is no month 13'],
    ['2023-00', 'impossible', '"2023-00" is not a real date: there is no month 00'],
    ['2023-03/2023-01', 'order', 'the interval "2023-03/2023-01" ends before it starts'],
    ['2023-01/2023-02-15', 'mixed-precision', 'the interval "2023-01/2023-02-15" mixes a month and a day'],
    ['23-02', 'format', '"23-02" is not a date'],
  ])('rejects %s (%s)', (value, kind, message) => {
    try {
      parseDate(value);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DateError);
      expect((error as DateError).kind).toBe(kind);
      expect((error as DateError).message).toBe(message);
    }
  });

  it('accepts 29 February only in leap years', () => {
    expect(parseDate('2024-02-29').start).toBe('2024-02-29');
    expect(() => parseDate('2023-02-29')).toThrow(DateError);
  });
});

describe('formatDateZh', () => {
  it.each([
    ['2022', '2022年'],
    ['2023-02', '2023年2月'],
    ['2023-02-24', '2023年2月24日'],
    ['2023-01/2023-02', '2023年1月至2月'],
    ['2022-11/2023-02', '2022年11月至2023年2月'],
    ['2022/2023', '2022年至2023年'],
    ['2023-02-01/2023-02-15', '2023年2月1日至15日'],
    ['2023-01-30/2023-02-02', '2023年1月30日至2月2日'],
  ])('%s → %s', (value, text) => {
    expect(formatDateZh(value)).toBe(text);
    expect(formatDateZh({ value, text: '原文' })).toBe(text);
  });
});

describe('compareDates', () => {
  it('orders by first day, then by last day', () => {
    const values = ['2023-03', '2023-02-24', '2022', '2023-02', '2023-01/2023-02'];
    expect([...values].sort(compareDates)).toEqual(['2022', '2023-01/2023-02', '2023-02', '2023-02-24', '2023-03']);
    expect(compareDates('2023-02', '2023-02')).toBe(0);
  });
});

describe('relative dates', () => {
  it('shifts by the offset and widens to its unit', () => {
    const feb = parseDate('2023-02');
    expect(shiftInterval(feb, parseOffset('-P1W')!)).toEqual({ start: '2023-01-25', end: '2023-02-21' });
    expect(shiftInterval(parseDate('2023-08'), parseOffset('-P1Y')!)).toEqual({ start: '2022-01-01', end: '2022-12-31' });
    expect(shiftInterval(parseDate('2023-08'), parseOffset('-P6M')!)).toEqual({ start: '2023-02-01', end: '2023-02-28' });
    expect(shiftInterval(parseDate('2023-03-31'), parseOffset('-P1M')!)).toEqual({ start: '2023-02-01', end: '2023-02-28' });
    expect(coveringValue('2023-01-25', '2023-02-21', 'month')).toBe('2023-01/2023-02');
    expect(coveringValue('2023-02-01', '2023-02-28', 'month')).toBe('2023-02');
  });

  it('accepts values no more precise than what base + offset gives', () => {
    expect(checkRelative('2023-01/2023-02', '2023-02', '-P1W', 'event "llama-release"')).toBeUndefined();
    expect(checkRelative('2023', '2023-02', '-P1W', 'event "llama-release"')).toBeUndefined();
    // "去年11月": the month is stated; the year comes from the article's date.
    expect(checkRelative('2022-11', '2023-08', '-P1Y', 'the article')).toBeUndefined();
    // "過去6個月": a span that reaches back six months.
    expect(checkRelative('2023-02/2023-08', '2023-08', '-P6M', 'the article')).toBeUndefined();
    expect(checkRelative('2023-02-17', '2023-02-24', '-P1W', 'event "llama-release"')).toBeUndefined();
  });

  it('rejects a value more precise than its base', () => {
    expect(checkRelative('2023-02-17', '2023-02', '-P1W', 'event "llama-release"')).toEqual({
      kind: 'too-precise',
      problem: '"2023-02-17" is more precise than its base event "llama-release" ("2023-02") -P1W, which is only known to the month',
      hint: 'A date derived from a month-precise date can be at most month-precise: write "2023-01/2023-02".',
    });
  });

  it('rejects a value narrower than base + offset allows', () => {
    expect(checkRelative('2023-02', '2023-02', '-P1W', 'event "llama-release"')).toEqual({
      kind: 'too-precise',
      problem: '"2023-02" is more precise than event "llama-release" ("2023-02") -P1W allows: that falls anywhere between 2023-01-25 and 2023-02-21',
      hint: 'Write "2023-01/2023-02".',
    });
  });

  it('rejects a value that disagrees with base + offset', () => {
    expect(checkRelative('2023-05', '2023-02', '-P1W', 'event "llama-release"')).toEqual({
      kind: 'inconsistent',
      problem: '"2023-05" does not agree with event "llama-release" ("2023-02") -P1W, which falls between 2023-01-25 and 2023-02-21',
      hint: 'Write "2023-01/2023-02", or correct the base event or the offset.',
    });
    expect(checkRelative('2021-11', '2023-08', '-P1Y', 'the article')?.kind).toBe('inconsistent');
  });
});

describe('the words that give a date', () => {
  it('reads the numbers stated outright, not durations', () => {
    expect(statedParts('2022年5月')).toEqual({ years: [2022], months: [5], days: [] });
    expect(statedParts('去年11月')).toEqual({ years: [], months: [11], days: [] });
    expect(statedParts('過去6個月')).toEqual({ years: [], months: [], days: [] });
    expect(statedParts('2月24日')).toEqual({ years: [], months: [2], days: [24] });
  });

  it('finds where a value contradicts its words', () => {
    expect(disagreementWithWords('2023-02', '今年2月')).toBeUndefined();
    expect(disagreementWithWords('2023-01/2023-02', '2月份的時候')).toBeUndefined();
    expect(disagreementWithWords('2022-11', '去年11月')).toBeUndefined();
    expect(disagreementWithWords('2023-07/2024-02', '2月')).toBeUndefined();
    expect(disagreementWithWords('2023-03', '今年2月')).toBe('month 2');
    expect(disagreementWithWords('2014', '2013年')).toBe('year 2013');
    expect(disagreementWithWords('2023-05', '2022年5月')).toBe('year 2022');
    expect(disagreementWithWords('2023-02-25', '2月24日')).toBe('day 24');
  });

  it('knows how precise the words are', () => {
    expect(precisionOfWords('2013年')).toBe('year');
    expect(precisionOfWords('今年2月')).toBe('month');
    expect(precisionOfWords('2月24日')).toBe('day');
    expect(precisionOfWords('在發布的前一週')).toBeUndefined();
  });
});
