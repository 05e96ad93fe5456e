import { describe, expect, it } from 'vitest';
import { dateFilterValues, parseDateQuery } from '../../src/lib/search/dates.ts';

describe('parseDateQuery', () => {
  it('reads year and month as Chinese readers write them', () => {
    for (const q of ['2023年2月', '2023年02月', '2023 年 2 月', '2023年2月份', '2023-02', '2023/2', '２０２３年２月', '2023年二月', 'Feb 2023', 'February 2023']) {
      expect(parseDateQuery(q), q).toMatchObject({ year: 2023, month: 2, filter: '2023-02' });
    }
  });
  it('reads a month without a year', () => {
    for (const q of ['2月', '2月份', '二月', '02月']) expect(parseDateQuery(q), q).toMatchObject({ month: 2, filter: '--02' });
    expect(parseDateQuery('十二月')).toMatchObject({ month: 12, filter: '--12' });
    expect(parseDateQuery('2月')!.forms).toContain('2月');
  });
  it('reads a year', () => {
    expect(parseDateQuery('2022年')).toMatchObject({ year: 2022, filter: '2022' });
    expect(parseDateQuery('2013')).toMatchObject({ year: 2013, filter: '2013' });
  });
  it('leaves other queries alone', () => {
    for (const q of ['13月', '2023年13月', '離職', 'OPT-175B', '175', '2月離職', 'may', '9999年']) expect(parseDateQuery(q), q).toBeNull();
  });
});

describe('dateFilterValues', () => {
  it('gives a year-precision date its year only', () => {
    expect(dateFilterValues('2013')).toEqual(['2013']);
  });
  it('gives a month its year, month and month of the year', () => {
    expect(dateFilterValues('2023-02').sort()).toEqual(['--02', '2023', '2023-02']);
    expect(dateFilterValues('2023-02-24').sort()).toEqual(['--02', '2023', '2023-02']);
  });
  it('covers every month of an interval', () => {
    expect(dateFilterValues('2022-11/2023-01').sort()).toEqual(['--01', '--11', '--12', '2022', '2022-11', '2022-12', '2023', '2023-01']);
  });
  it('rejects text that is not a date', () => {
    expect(() => dateFilterValues('soon')).toThrow(/soon/);
  });
});
