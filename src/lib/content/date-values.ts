/**
 * Dates at the precision the source gives (year, month or day), Wikidata-style, and intervals
 * "START/END" when the source only bounds a date. A date never claims more than it knows:
 * "2023-02" is all of February 2023, and a date derived from it stays at most month-precise.
 */
import type { DateSpec } from './schema.ts';

export type Precision = 'year' | 'month' | 'day';

export interface ParsedDate {
  /** First day covered, "YYYY-MM-DD". */
  start: string;
  /** Last day covered, "YYYY-MM-DD". */
  end: string;
  precision: Precision;
  interval: boolean;
}

export type DateProblemKind = 'format' | 'impossible' | 'order' | 'mixed-precision';

/** An unusable date value, with what would be right. */
export class DateError extends Error {
  readonly kind: DateProblemKind;
  readonly hint: string;
  constructor(kind: DateProblemKind, problem: string, hint: string) {
    super(problem);
    this.name = 'DateError';
    this.kind = kind;
    this.hint = hint;
  }
}

const precisionRank: Record<Precision, number> = { year: 0, month: 1, day: 2 };

/** True when `a` is finer (more precise) than `b`. */
export function finerThan(a: Precision, b: Precision): boolean {
  return precisionRank[a] > precisionRank[b];
}

interface Point {
  year: number;
  month?: number;
  day?: number;
  precision: Precision;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');
const isoDay = (year: number, month: number, day: number): string => `${pad(year, 4)}-${pad(month)}-${pad(day)}`;

function parsePoint(text: string, whole: string): Point {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!match) {
    throw new DateError('format', `${JSON.stringify(whole)} is not a date`, 'Write "YYYY", "YYYY-MM", "YYYY-MM-DD" or an interval "START/END" of those.');
  }
  const year = Number(match[1]);
  if (match[2] === undefined) return { year, precision: 'year' };
  const month = Number(match[2]);
  if (month < 1 || month > 12) {
    throw new DateError('impossible', `${JSON.stringify(whole)} is not a real date: there is no month ${match[2]}`, 'Months run from 01 to 12.');
  }
  if (match[3] === undefined) return { year, month, precision: 'month' };
  const day = Number(match[3]);
  const length = daysInMonth(year, month);
  if (day < 1 || day > length) {
    throw new DateError(
      'impossible',
      `${JSON.stringify(whole)} is not a real date: ${year}-${match[2]} has ${length} days`,
      `Write a day from 01 to ${length}, or ${JSON.stringify(`${match[1]}-${match[2]}`)} if the source does not give the day.`,
    );
  }
  return { year, month, day, precision: 'day' };
}

function firstDay(point: Point): string {
  return isoDay(point.year, point.month ?? 1, point.day ?? 1);
}

function lastDay(point: Point): string {
  const month = point.month ?? 12;
  return isoDay(point.year, month, point.day ?? daysInMonth(point.year, month));
}

/** Parses "2023", "2023-02", "2023-02-24" or "2023-01/2023-02"; throws a DateError on impossible dates. */
export function parseDate(value: string): ParsedDate {
  const parts = value.split('/');
  if (parts.length > 2) {
    throw new DateError('format', `${JSON.stringify(value)} is not a date`, 'An interval has exactly one "/": "START/END".');
  }
  const start = parsePoint(parts[0]!, value);
  if (parts.length === 1) return { start: firstDay(start), end: lastDay(start), precision: start.precision, interval: false };
  const end = parsePoint(parts[1]!, value);
  if (start.precision !== end.precision) {
    throw new DateError(
      'mixed-precision',
      `the interval ${JSON.stringify(value)} mixes a ${start.precision} and a ${end.precision}`,
      'Give both ends at the same precision, the coarser of the two.',
    );
  }
  if (lastDay(end) < firstDay(start)) {
    throw new DateError('order', `the interval ${JSON.stringify(value)} ends before it starts`, `Write it as ${JSON.stringify(`${parts[1]}/${parts[0]}`)}.`);
  }
  return { start: firstDay(start), end: lastDay(end), precision: start.precision, interval: true };
}

/** Orders dates by their first day, then by their last day: "2023-02" sorts before "2023-02-24", which sorts before "2023-03". */
export function compareDates(a: string, b: string): number {
  const left = parseDate(a);
  const right = parseDate(b);
  if (left.start !== right.start) return left.start < right.start ? -1 : 1;
  if (left.end !== right.end) return left.end < right.end ? -1 : 1;
  return 0;
}

function formatPoint(text: string): { year: string; month?: string; day?: string } {
  const [year, month, day] = text.split('-');
  return { year: String(Number(year)), ...(month ? { month: String(Number(month)) } : {}), ...(day ? { day: String(Number(day)) } : {}) };
}

function zhPoint(point: { year: string; month?: string; day?: string }, omitYear = false, omitMonth = false): string {
  let text = omitYear ? '' : `${point.year}年`;
  if (point.month) text += omitMonth ? '' : `${point.month}月`;
  if (point.day) text += `${point.day}日`;
  return text;
}

/** Chinese display at the date's precision: "2023年2月", "2023年1月至2月", "2022年", "2023年2月24日". */
export function formatDateZh(spec: DateSpec | string): string {
  const value = typeof spec === 'string' ? spec : spec.value;
  parseDate(value);
  const [startText, endText] = value.split('/');
  const start = formatPoint(startText!);
  if (endText === undefined) return zhPoint(start);
  const end = formatPoint(endText);
  const sameYear = start.year === end.year;
  const sameMonth = sameYear && start.month === end.month;
  if (!start.month) return `${zhPoint(start)}至${zhPoint(end)}`;
  return `${zhPoint(start)}至${zhPoint(end, sameYear, sameMonth && Boolean(start.day))}`;
}

/* ---------- relative dates ---------- */

export interface Offset {
  sign: 1 | -1;
  amount: number;
  unit: 'Y' | 'M' | 'W' | 'D';
}

export function parseOffset(text: string): Offset | undefined {
  const match = /^(-?)P(\d+)([YMWD])$/.exec(text);
  if (!match) return undefined;
  return { sign: match[1] ? -1 : 1, amount: Number(match[2]), unit: match[3] as Offset['unit'] };
}

function shiftDay(day: string, offset: Offset): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const amount = offset.sign * offset.amount;
  if (offset.unit === 'Y' || offset.unit === 'M') {
    const months = offset.unit === 'Y' ? amount * 12 : amount;
    const index = year * 12 + (month - 1) + months;
    const newYear = Math.floor(index / 12);
    const newMonth = (index % 12) + 1;
    return isoDay(newYear, newMonth, Math.min(date, daysInMonth(newYear, newMonth)));
  }
  const days = offset.unit === 'W' ? amount * 7 : amount;
  const shifted = new Date(Date.UTC(year, month - 1, date + days));
  return isoDay(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
}

/** The days that base + offset can denote, widened to the offset's unit ("-P1Y" from 2023-08 is all of 2022). */
export function shiftInterval(base: ParsedDate, offset: Offset): { start: string; end: string } {
  let start = shiftDay(base.start, offset);
  let end = shiftDay(base.end, offset);
  if (offset.unit === 'Y') {
    start = `${start.slice(0, 4)}-01-01`;
    end = `${end.slice(0, 4)}-12-31`;
  } else if (offset.unit === 'M') {
    // Whole months: February's last day shifted by a month is not the end of March.
    start = `${start.slice(0, 7)}-01`;
    const [year, month] = end.split('-').map(Number) as [number, number];
    end = isoDay(year, month, daysInMonth(year, month));
  }
  return { start, end };
}

/** The smallest value at `precision` that covers the days from `start` to `end`. */
export function coveringValue(start: string, end: string, precision: Precision): string {
  const cut = precision === 'year' ? 4 : precision === 'month' ? 7 : 10;
  const from = start.slice(0, cut);
  const to = end.slice(0, cut);
  return from === to ? from : `${from}/${to}`;
}

const offsetUnitPrecision: Record<Offset['unit'], Precision> = { Y: 'year', M: 'month', W: 'day', D: 'day' };

export interface RelativeProblem {
  kind: 'too-precise' | 'inconsistent';
  problem: string;
  hint: string;
}

/**
 * Checks a derived date against its base: the value may be no more precise than the base, must
 * agree with base + offset, and, when the offset is finer than the base, must cover every day
 * base + offset can denote (a week before "February" may be in January).
 * `baseLabel` names the base in messages, e.g. `event "llama-release"`.
 */
export function checkRelative(value: string, baseValue: string, offsetText: string, baseLabel: string): RelativeProblem | undefined {
  const date = parseDate(value);
  const base = parseDate(baseValue);
  const offset = parseOffset(offsetText);
  if (!offset) return undefined;
  const shifted = shiftInterval(base, offset);
  const expected = coveringValue(shifted.start, shifted.end, base.precision);
  const derivation = `${baseLabel} (${JSON.stringify(baseValue)}) ${offsetText}`;
  if (finerThan(date.precision, base.precision)) {
    return {
      kind: 'too-precise',
      problem: `${JSON.stringify(value)} is more precise than its base ${derivation}, which is only known to the ${base.precision}`,
      hint: `A date derived from a ${base.precision}-precise date can be at most ${base.precision}-precise: write ${JSON.stringify(expected)}.`,
    };
  }
  if (date.end < shifted.start || date.start > shifted.end) {
    return {
      kind: 'inconsistent',
      problem: `${JSON.stringify(value)} does not agree with ${derivation}, which falls between ${shifted.start} and ${shifted.end}`,
      hint: `Write ${JSON.stringify(expected)}, or correct the base event or the offset.`,
    };
  }
  if (!finerThan(base.precision, offsetUnitPrecision[offset.unit]) && (date.start > shifted.start || date.end < shifted.end)) {
    return {
      kind: 'too-precise',
      problem: `${JSON.stringify(value)} is more precise than ${derivation} allows: that falls anywhere between ${shifted.start} and ${shifted.end}`,
      hint: `Write ${JSON.stringify(expected)}.`,
    };
  }
  return undefined;
}

/* ---------- the words that give a date ---------- */

/**
 * The year, month and day that Chinese date words state outright ("2022年5月", "去年11月",
 * "24日"); words without numbers ("幾個月後") state none. Months are only read when written
 * right before 月, so "6個月" (six months) is not month 6.
 */
export function statedParts(words: string): { years: number[]; months: number[]; days: number[] } {
  const numbers = (pattern: RegExp): number[] => [...words.matchAll(pattern)].map((match) => Number(match[1]));
  return {
    years: numbers(/(\d{4})年/g),
    months: numbers(/(?<!\d)(\d{1,2})月/g),
    days: numbers(/(?<!\d)(\d{1,2})[日號]/g),
  };
}

/** What the value contradicts in the words, e.g. "month 2"; undefined when they agree. */
export function disagreementWithWords(value: string, words: string): string | undefined {
  const date = parseDate(value);
  const stated = statedParts(words);
  const [startYear, startMonth] = date.start.split('-').map(Number) as [number, number];
  const [endYear, endMonth] = date.end.split('-').map(Number) as [number, number];
  for (const year of stated.years) if (year < startYear || year > endYear) return `year ${year}`;
  // The months the value covers, as year*12+month-1 (a stated month must be one of them, in a stated year if any).
  const covered: number[] = [];
  for (let index = startYear * 12 + startMonth - 1; index <= endYear * 12 + endMonth - 1; index++) covered.push(index);
  for (const month of stated.months) {
    if (!covered.some((index) => index % 12 === month - 1 && (stated.years.length === 0 || stated.years.includes(Math.floor(index / 12))))) return `month ${month}`;
  }
  if (date.precision === 'day' && !date.interval) {
    for (const day of stated.days) if (Number(date.start.slice(8)) !== day) return `day ${day}`;
  }
  return undefined;
}

/** The precision the words state: the finest of year, month and day written with a number. */
export function precisionOfWords(words: string): Precision | undefined {
  const stated = statedParts(words);
  if (stated.days.length > 0) return 'day';
  if (stated.months.length > 0) return 'month';
  if (stated.years.length > 0) return 'year';
  return undefined;
}
