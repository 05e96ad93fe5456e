/**
 * Months and years as readers type them ("2023年2月", "2月", "2月份", "二月", "2023-02",
 * "2023年", "Feb 2023"), matched two ways: against the dates of the events a place is about
 * (a Pagefind filter "date", written at build time from the content data), and against the
 * words of the place itself ("今年2月" matches "2月").
 */

export interface DateQuery {
  year?: number;
  month?: number;
  /** The filter value that selects the places dated in this period. */
  filter: string;
  /** Ways the period is written in text, to match and highlight. */
  forms: string[];
}

const CHINESE_MONTHS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
const ENGLISH_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function pad(month: number): string {
  return String(month).padStart(2, '0');
}

function monthFromWord(word: string): number | undefined {
  const chinese = CHINESE_MONTHS.indexOf(word);
  if (chinese !== -1) return chinese + 1;
  const lower = word.toLowerCase();
  // "Feb", "Sept" and "February" all name February.
  const english = lower.length >= 3 ? ENGLISH_MONTHS.findIndex((name) => name.startsWith(lower)) : -1;
  if (english !== -1) return english + 1;
  const number = Number(word);
  return Number.isInteger(number) && number >= 1 && number <= 12 ? number : undefined;
}

function build(year: number | undefined, month: number | undefined): DateQuery | null {
  if (year === undefined && month === undefined) return null;
  if (year !== undefined && (year < 1900 || year > 2100)) return null;
  if (year !== undefined && month !== undefined) {
    return {
      year,
      month,
      filter: `${year}-${pad(month)}`,
      forms: [`${year}年${month}月`, `${year}年${pad(month)}月`, `${year}-${pad(month)}`, `${year}/${month}`],
    };
  }
  if (year !== undefined) return { year, filter: String(year), forms: [`${year}年`, String(year)] };
  return {
    month: month!,
    filter: `--${pad(month!)}`,
    forms: [`${month}月`, `${pad(month!)}月`, `${CHINESE_MONTHS[month! - 1]}月`],
  };
}

/** Reads a query that names only a month and/or a year; null for anything else. */
export function parseDateQuery(query: string): DateQuery | null {
  const q = query.normalize('NFKC').replace(/\s+/g, ' ').trim();
  let m = /^(\d{4})\s?年(?:\s?(\d{1,2}|[一二三四五六七八九十]|十[一二])\s?月份?)?$/.exec(q);
  if (m) {
    if (m[2] === undefined) return build(Number(m[1]), undefined);
    const month = monthFromWord(m[2]);
    return month === undefined ? null : build(Number(m[1]), month);
  }
  m = /^(\d{1,2}|[一二三四五六七八九十]|十[一二])\s?月份?$/.exec(q);
  if (m) {
    const month = monthFromWord(m[1]!);
    return month === undefined ? null : build(undefined, month);
  }
  m = /^(\d{4})\s?[-/.]\s?(\d{1,2})$/.exec(q);
  if (m) {
    const month = monthFromWord(m[2]!);
    return month === undefined ? null : build(Number(m[1]), month);
  }
  m = /^(\d{4})$/.exec(q);
  if (m) return build(Number(m[1]), undefined);
  m = /^([a-z]{3,9})\.?,?\s(\d{4})$/i.exec(q) ?? /^(\d{4})\s([a-z]{3,9})$/i.exec(q);
  if (m) {
    const [word, year] = /^\d/.test(m[1]!) ? [m[2]!, m[1]!] : [m[1]!, m[2]!];
    const month = monthFromWord(word);
    return month === undefined ? null : build(Number(year), month);
  }
  return null;
}

/**
 * The "date" filter values of a place dated `value` (the content model's date text: "2023",
 * "2023-02", "2023-02-24" or an interval "START/END"): each year, each month "YYYY-MM" and each
 * month of the year "--MM" the period covers.
 */
export function dateFilterValues(value: string): string[] {
  const [startText, endText = startText] = value.split('/') as [string, string?];
  const start = /^(\d{4})(?:-(\d{2}))?/.exec(startText);
  const end = /^(\d{4})(?:-(\d{2}))?/.exec(endText ?? startText);
  if (!start || !end) throw new Error(`"${value}" is not a date of the content model (YYYY, YYYY-MM, YYYY-MM-DD or START/END)`);
  const values = new Set<string>();
  const startYear = Number(start[1]);
  const endYear = Number(end[1]);
  for (let year = startYear; year <= endYear; year++) values.add(String(year));
  // A year-precision date covers no particular month.
  if (start[2] === undefined) return [...values];
  const startMonth = startYear * 12 + Number(start[2]) - 1;
  const endMonth = end[2] === undefined ? endYear * 12 + 11 : endYear * 12 + Number(end[2]) - 1;
  for (let month = startMonth; month <= endMonth; month++) {
    const year = Math.floor(month / 12);
    const mm = pad((month % 12) + 1);
    values.add(`${year}-${mm}`);
    values.add(`--${mm}`);
  }
  return [...values];
}
