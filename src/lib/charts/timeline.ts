/**
 * Layout of the timeline chart: one band per lane, one row per event with its date and title
 * in a column on the left (seen first on a narrow screen), and a time axis that is
 * linear where events are and cut (with a visible break) across the empty years between, so
 * that a 2013 event does not squeeze the crowded months of 2023 into a few pixels.
 * Intervals are drawn as bars over their whole extent, day-precise dates as points, so the
 * picture never shows more precision than the source gives.
 */
import { fitText, textWidth } from './text.ts';

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
  title: string;
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
  rowHeight?: number;
  laneHeaderHeight?: number;
  axisHeight?: number;
  fontSize?: number;
  /** Width given to each cut between two stretches of time. */
  breakWidth?: number;
  /** Empty stretches shorter than this many days are drawn to scale, not cut. */
  minGapDays?: number;
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

interface Segment { from: number; to: number; x: number }

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
  const labelWidth = options.labelWidth ?? 330;
  const rowHeight = options.rowHeight ?? 40;
  const laneHeaderHeight = options.laneHeaderHeight ?? 28;
  const axisHeight = options.axisHeight ?? 34;
  const fontSize = options.fontSize ?? 13;
  const breakWidth = options.breakWidth ?? 18;
  const minGapDays = options.minGapDays ?? 62;
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
  const coveredDays = covered.reduce((sum, [from, to]) => sum + (to - from), 0);
  const scale = coveredDays > 0 ? (plotRight - plotLeft - breakWidth * Math.max(0, covered.length - 1)) / coveredDays : 0;

  const segments: Segment[] = [];
  const breaks: number[] = [];
  let cursor = plotLeft;
  covered.forEach(([from, to], index) => {
    if (index > 0) {
      breaks.push(cursor + breakWidth / 2);
      cursor += breakWidth;
    }
    segments.push({ from, to, x: cursor });
    cursor += (to - from) * scale;
  });

  const xOf = (day: number): number => {
    const segment = segments.find((s) => day >= s.from && day <= s.to) ?? segments[segments.length - 1];
    if (!segment) return plotLeft;
    return segment.x + (day - segment.from) * scale;
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
      rows.push({
        id: item.id,
        lane: item.lane,
        y: y + rowHeight / 2,
        x1,
        x2,
        point,
        date: fitText(item.dateLabel, fontSize * 0.9, labelRoom),
        title: fitText(item.title, fontSize, labelRoom),
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
    ticks: axisTicks(segments, scale, xOf, fontSize),
    breaks,
  };
}

/**
 * Ticks at the start of each stretch and at each new year inside one; month ticks where a
 * month is wide enough to carry its label. Labels never overlap: a tick whose label would
 * collide with the previous one keeps its line but loses its label.
 */
function axisTicks(segments: readonly Segment[], scale: number, xOf: (day: number) => number, fontSize: number): TimelineTick[] {
  const ticks: TimelineTick[] = [];
  const monthWide = scale * 30 >= fontSize * 2.6;
  for (const segment of segments) {
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
  let lastEnd = -Infinity;
  return ticks.map((tick) => {
    const visible = tick.x >= lastEnd + 4;
    if (visible) lastEnd = tick.x + textWidth(tick.label, fontSize * 0.9);
    return visible ? tick : { ...tick, label: '' };
  });
}
