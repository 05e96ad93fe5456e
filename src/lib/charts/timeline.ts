/**
 * Layout of the wide timeline chart: one band per lane, one row per event with its date and
 * its whole title (wrapped, never cut) in a column on the left, and a time axis cut (with a
 * visible break) across the empty years between stretches of events. Each stretch gets room in
 * proportion to the events in it, linear inside, so that two 2013 events do not squeeze the
 * crowded months of 2023 into a few pixels; months are ticked where they are wide enough.
 * Intervals are drawn as bars over their whole extent, day-precise dates as points, so the
 * picture never shows more precision than the source gives. Narrow screens get the same events
 * as a list running down (`chronological`), laid out by the page's CSS.
 */
import { textWidth, wrapText } from './text.ts';

export interface TimelineItem {
  id: string;
  lane: string;
  title: string;
  /** The date as shown to readers, e.g. "2023年2月". */
  dateLabel: string;
  /** First and last day covered, ISO "YYYY-MM-DD". */
  start: string;
  end: string;
  precision: 'year' | 'month' | 'day';
}

export interface TimelineLaneInput { id: string; label: string }

export interface TimelineRow {
  id: string;
  lane: string;
  y: number;
  x1: number;
  x2: number;
  /** A single day: drawn as a point rather than a bar. */
  point: boolean;
  /** The date as shown, above the title in the label column. */
  date: string;
  /** The whole title, broken into lines that fit the label column. */
  titleLines: string[];
  /** Baselines of the date and of each title line. */
  dateY: number;
  titleYs: number[];
}

export interface TimelineLane { id: string; label: string; y: number; height: number }
export interface TimelineTick { x: number; label: string; major: boolean }

export interface TimelineLayout {
  width: number;
  height: number;
  plotTop: number;
  plotLeft: number;
  plotRight: number;
  lanes: TimelineLane[];
  rows: TimelineRow[];
  ticks: TimelineTick[];
  breaks: number[];
}

export interface TimelineOptions {
  width?: number;
  /** Width of the label column on the left. */
  labelWidth?: number;
  /** Height of one line of text in a row. */
  lineHeight?: number;
  laneHeaderHeight?: number;
  axisHeight?: number;
  fontSize?: number;
  /** Width given to each cut between two stretches of time. */
  breakWidth?: number;
  /** Empty stretches shorter than this many days are drawn to scale, not cut. */
  minGapDays?: number;
  /** The least width of a stretch of time, enough for its year label. */
  minSegmentWidth?: number;
  /** Months narrower than this get no ticks. */
  minMonthWidth?: number;
}

const dayMs = 86_400_000;

export function dayNumber(iso: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new Error(`timeline: "${iso}" is not an ISO date YYYY-MM-DD`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / dayMs;
}

function isoFromDay(day: number): { year: number; month: number; date: number } {
  const d = new Date(day * dayMs);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, date: d.getUTCDate() };
}

/** A stretch of covered days, drawn from x on at `scale` px per day. */
interface Segment { from: number; to: number; x: number; scale: number }

/**
 * Room for each stretch in proportion to its number of events, but never less than `least`
 * (when the least widths alone overflow, all shrink alike).
 */
export function segmentWidths(events: readonly number[], room: number, least: number): number[] {
  const total = events.reduce((sum, n) => sum + n, 0);
  if (events.length === 0) return [];
  const floor = Math.min(least, room / events.length);
  const spare = room - floor * events.length;
  return events.map((n) => floor + (total > 0 ? (spare * n) / total : spare / events.length));
}

/** Merge [start, end+1) day intervals into covered stretches, closing gaps shorter than minGap. */
export function coveredSegments(intervals: readonly [number, number][], minGap: number): [number, number][] {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const [from, to] of sorted) {
    const last = merged[merged.length - 1];
    if (last && from - last[1] < minGap) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

export function layoutTimeline(
  items: readonly TimelineItem[],
  lanes: readonly TimelineLaneInput[],
  options: TimelineOptions = {},
): TimelineLayout {
  const width = options.width ?? 960;
  const labelWidth = options.labelWidth ?? 300;
  const lineHeight = options.lineHeight ?? 17;
  const laneHeaderHeight = options.laneHeaderHeight ?? 28;
  const axisHeight = options.axisHeight ?? 34;
  const fontSize = options.fontSize ?? 13;
  const breakWidth = options.breakWidth ?? 18;
  const minGapDays = options.minGapDays ?? 62;
  const minSegmentWidth = options.minSegmentWidth ?? 48;
  const minMonthWidth = options.minMonthWidth ?? 16;
  const plotLeft = labelWidth + 12;
  const plotRight = width - 12;
  const labelRoom = labelWidth - 16;

  const intervals = items.map((item): [number, number] => {
    const from = dayNumber(item.start);
    const to = dayNumber(item.end) + 1;
    if (to <= from) throw new Error(`timeline: event "${item.id}" ends (${item.end}) before it starts (${item.start})`);
    return [from, to];
  });
  const covered = coveredSegments(intervals, minGapDays);
  const widths = segmentWidths(
    covered.map(([from, to]) => intervals.filter(([start]) => start >= from && start < to).length),
    plotRight - plotLeft - breakWidth * Math.max(0, covered.length - 1),
    minSegmentWidth,
  );

  const segments: Segment[] = [];
  const breaks: number[] = [];
  let cursor = plotLeft;
  covered.forEach(([from, to], index) => {
    if (index > 0) {
      breaks.push(cursor + breakWidth / 2);
      cursor += breakWidth;
    }
    const width = widths[index]!;
    segments.push({ from, to, x: cursor, scale: width / (to - from) });
    cursor += width;
  });

  const xOf = (day: number): number => {
    const segment = segments.find((s) => day >= s.from && day <= s.to) ?? segments[segments.length - 1];
    if (!segment) return plotLeft;
    return segment.x + (day - segment.from) * segment.scale;
  };

  const laneRows: TimelineLane[] = [];
  const rows: TimelineRow[] = [];
  let y = axisHeight;
  for (const lane of lanes) {
    const inLane = items
      .map((item, index) => ({ item, interval: intervals[index]! }))
      .filter(({ item }) => item.lane === lane.id);
    if (inLane.length === 0) continue;
    const laneTop = y;
    y += laneHeaderHeight;
    for (const { item, interval } of inLane) {
      const point = item.precision === 'day' && interval[1] - interval[0] === 1;
      const x1 = xOf(interval[0]);
      const x2 = point ? x1 : Math.max(xOf(interval[1]), x1 + 4);
      const titleLines = wrapText(item.title, fontSize, labelRoom);
      const rowTop = y;
      const rowHeight = lineHeight * (1 + titleLines.length) + 8;
      rows.push({
        id: item.id,
        lane: item.lane,
        y: rowTop + rowHeight / 2,
        x1,
        x2,
        point,
        date: item.dateLabel,
        titleLines,
        dateY: rowTop + lineHeight,
        titleYs: titleLines.map((_, index) => rowTop + lineHeight * (index + 2)),
      });
      y += rowHeight;
    }
    laneRows.push({ id: lane.id, label: lane.label, y: laneTop, height: y - laneTop });
    y += 6;
  }

  return {
    width,
    height: y + 4,
    plotTop: axisHeight,
    plotLeft,
    plotRight,
    lanes: laneRows,
    rows,
    ticks: axisTicks(segments, xOf, fontSize, minMonthWidth),
    breaks,
  };
}

/**
 * Ticks at the start of each stretch and at each new year inside one; month ticks in a stretch
 * whose months are at least `minMonthWidth` wide. Labels never overlap: a month tick whose label
 * would collide with another keeps its line but loses its label; year labels go first.
 */
function axisTicks(segments: readonly Segment[], xOf: (day: number) => number, fontSize: number, minMonthWidth: number): TimelineTick[] {
  const ticks: TimelineTick[] = [];
  for (const segment of segments) {
    const monthWide = segment.scale * 30 >= minMonthWidth;
    const first = isoFromDay(segment.from);
    let year = first.year;
    let month = first.month;
    let isFirst = true;
    for (;;) {
      const day = isFirst ? segment.from : Date.UTC(year, month - 1, 1) / dayMs;
      if (day >= segment.to) break;
      const major = isFirst || month === 1;
      if (major || monthWide) {
        ticks.push({ x: xOf(day), label: major ? `${year}年${isFirst && month !== 1 ? `${month}月` : ''}` : `${month}月`, major });
      }
      isFirst = false;
      month += 1;
      if (month > 12) {
        month = 1;
        year += 1;
      }
    }
  }
  // Year labels are placed first; a month label goes only where it clears every placed label.
  const placed: [number, number][] = [];
  const labelled = new Set<TimelineTick>();
  for (const tick of [...ticks.filter((t) => t.major), ...ticks.filter((t) => !t.major)]) {
    const extent: [number, number] = [tick.x, tick.x + textWidth(tick.label, fontSize * 0.9)];
    if (placed.some(([from, to]) => extent[0] < to + 4 && from < extent[1] + 4)) continue;
    placed.push(extent);
    labelled.add(tick);
  }
  return ticks.map((tick) => (labelled.has(tick) ? tick : { ...tick, label: '' }));
}

/** The events in time order, earliest first (ties: the shorter first, then as given): the list running down on a narrow screen. */
export function chronological<T extends Pick<TimelineItem, 'start' | 'end'>>(items: readonly T[]): T[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => a.item.start.localeCompare(b.item.start) || a.item.end.localeCompare(b.item.end) || a.index - b.index)
    .map(({ item }) => item);
}
