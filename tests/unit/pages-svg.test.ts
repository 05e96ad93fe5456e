import { describe, expect, it } from 'vitest';
import { layoutFlow } from '../../src/lib/charts/flow.ts';
import { rosterCells, rosterLegend } from '../../src/lib/charts/roster-grid.ts';
import { textWidth, wrapText } from '../../src/lib/charts/text.ts';
import { chronological, coveredSegments, dayNumber, layoutTimeline, segmentWidths, type TimelineItem } from '../../src/lib/charts/timeline.ts';

describe('text measurement', () => {
  it('counts CJK as one em and Latin narrower', () => {
    expect(textWidth('離職', 10)).toBe(20);
    expect(textWidth('ab', 10)).toBeLessThan(20);
  });

  it('wraps into lines that fit, leaving nothing out', () => {
    expect(wrapText('短', 10, 100)).toEqual(['短']);
    const lines = wrapText('一二三四五六七八九十', 10, 50);
    expect(lines).toEqual(['一二三四五', '六七八九十']);
    for (const line of lines) expect(textWidth(line, 10)).toBeLessThanOrEqual(50);
  });

  it('keeps a Latin word whole when it fits a line, and breaks one that does not', () => {
    expect(wrapText('創辦Mistral AI', 10, 50)).toEqual(['創辦', 'Mistral', 'AI']);
    const long = wrapText('Supercalifragilistic', 10, 40);
    expect(long.join('')).toBe('Supercalifragilistic');
    for (const line of long) expect(textWidth(line, 10)).toBeLessThanOrEqual(40);
  });
});

const lanes = [
  { id: 'llama', label: 'LLaMA' },
  { id: 'opt', label: 'OPT' },
  { id: 'outside', label: '外界' },
];
const item = (id: string, lane: string, start: string, end: string, precision: TimelineItem['precision']): TimelineItem => ({
  id,
  lane,
  title: id,
  dateLabel: start,
  start,
  end,
  precision,
});

describe('timeline layout', () => {
  const items = [
    item('fair', 'outside', '2013-01-01', '2013-12-31', 'year'),
    item('opt', 'opt', '2022-05-01', '2022-05-31', 'month'),
    item('llama', 'llama', '2023-02-01', '2023-02-28', 'month'),
    item('release', 'llama', '2023-02-24', '2023-02-24', 'day'),
  ];
  const layout = layoutTimeline(items, lanes);

  it('merges near intervals and cuts across long empty stretches', () => {
    expect(coveredSegments([[0, 10], [20, 30], [200, 210]], 30)).toEqual([[0, 30], [200, 210]]);
    expect(layout.breaks).toHaveLength(2);
  });

  it('keeps time order left to right and inside the plot', () => {
    const x = (id: string) => layout.rows.find((row) => row.id === id)!.x1;
    expect(x('fair')).toBeLessThan(x('opt'));
    expect(x('opt')).toBeLessThan(x('llama'));
    expect(x('llama')).toBeLessThan(x('release'));
    for (const row of layout.rows) {
      expect(row.x1).toBeGreaterThanOrEqual(layout.plotLeft);
      expect(row.x2).toBeLessThanOrEqual(layout.plotRight + 0.001);
    }
  });

  it('draws a day as a point and a month as a bar', () => {
    const release = layout.rows.find((row) => row.id === 'release')!;
    const month = layout.rows.find((row) => row.id === 'llama')!;
    expect(release.point).toBe(true);
    expect(month.point).toBe(false);
    expect(month.x2).toBeGreaterThan(month.x1);
  });

  it('groups rows under their lane and skips empty lanes', () => {
    expect(layout.lanes.map((lane) => lane.id)).toEqual(['llama', 'opt', 'outside']);
    const llama = layout.lanes[0]!;
    for (const row of layout.rows.filter((r) => r.lane === 'llama')) {
      expect(row.y).toBeGreaterThan(llama.y);
      expect(row.y).toBeLessThan(llama.y + llama.height);
    }
    expect(layoutTimeline(items.slice(0, 1), lanes).lanes.map((lane) => lane.id)).toEqual(['outside']);
  });

  it('labels the axis with years and keeps labels from overlapping', () => {
    const labelled = layout.ticks.filter((tick) => tick.label);
    expect(labelled.map((tick) => tick.label)).toContain('2013年');
    for (let i = 1; i < labelled.length; i++) expect(labelled[i]!.x).toBeGreaterThan(labelled[i - 1]!.x);
  });

  it('gives each stretch room by its events, so a crowded year gets month ticks and a lone year does not', () => {
    // 600 px less three least widths leaves 456 to share by events.
    const widths = segmentWidths([2, 1, 17], 600, 48);
    [48 + 45.6, 48 + 22.8, 48 + 387.6].forEach((expected, index) => expect(widths[index]).toBeCloseTo(expected, 6));
    expect(segmentWidths([1, 1], 60, 48)).toEqual([30, 30]);
    const crowded = layoutTimeline(
      [
        item('lone', 'outside', '2013-01-01', '2013-12-31', 'year'),
        ...['02', '03', '05', '06', '07', '08'].map((month) => item(`m${month}`, 'llama', `2023-${month}-01`, `2023-${month}-28`, 'month')),
      ],
      lanes,
    );
    const months = crowded.ticks.filter((tick) => !tick.major);
    expect(months.length).toBeGreaterThanOrEqual(5);
    expect(months.filter((tick) => tick.label).map((tick) => tick.label)).toContain('3月');
    const lone = crowded.rows.find((row) => row.id === 'lone')!;
    expect(months.every((tick) => tick.x > lone.x2)).toBe(true);
  });

  it('keeps the year label where a new year starts inside a stretch, before any month label', () => {
    // Months about 16 px wide: "12月" would run into "2023年" were months labelled first.
    const months = Array.from({ length: 24 }, (_, index) => `${2022 + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
    const across = layoutTimeline(months.map((month) => item(month, 'llama', `${month}-01`, `${month}-28`, 'month')), lanes, { width: 700, minMonthWidth: 10 });
    const labels = across.ticks.filter((tick) => tick.label).map((tick) => tick.label);
    expect(labels[0]).toBe('2022年');
    expect(labels).toContain('2023年');
    expect(labels.length).toBeGreaterThan(4);
  });

  it('keeps whole dates and titles inside the label column, wrapped, left of the plot', () => {
    const title = '很長的標題'.repeat(20);
    const long = layoutTimeline([{ ...item('x', 'llama', '2023-02-01', '2023-02-28', 'month'), title }], lanes);
    const row = long.rows[0]!;
    expect(row.titleLines.join('')).toBe(title);
    expect(row.titleLines.length).toBeGreaterThan(1);
    for (const line of row.titleLines) expect(textWidth(line, 13)).toBeLessThan(long.plotLeft);
    expect(row.date).toBe('2023-02-01');
    expect(row.titleYs).toHaveLength(row.titleLines.length);
    expect(row.dateY).toBeLessThan(row.titleYs[0]!);
    for (const r of layout.rows) expect(r.x1).toBeGreaterThanOrEqual(layout.plotLeft);
  });

  it('makes room for a wrapped title: rows never overlap', () => {
    const two = layoutTimeline(
      [{ ...item('a', 'llama', '2023-02-01', '2023-02-28', 'month'), title: '長'.repeat(60) }, item('b', 'llama', '2023-03-01', '2023-03-31', 'month')],
      lanes,
    );
    const [a, b] = two.rows;
    expect(b!.dateY - 12).toBeGreaterThan(a!.titleYs[a!.titleYs.length - 1]!);
  });

  it('lists events in time order for the narrow layout', () => {
    expect(chronological([item('late', 'llama', '2023-05-01', '2023-05-31', 'month'), item('span', 'opt', '2022-07-01', '2023-02-28', 'month'), item('early', 'opt', '2022-07-01', '2022-07-31', 'month')]).map((i) => i.id)).toEqual(['early', 'span', 'late']);
  });

  it('rejects an event that ends before it starts', () => {
    expect(() => layoutTimeline([item('bad', 'llama', '2023-03-01', '2023-02-01', 'month')], lanes)).toThrow(/"bad" ends/);
    expect(() => dayNumber('2023-02')).toThrow(/not an ISO date/);
  });
});

describe('flow layout', () => {
  const sources = [{ id: 'llama', label: 'LLaMA' }, { id: 'opt', label: 'OPT' }];
  const targets = [{ id: 'mistral', label: 'Mistral' }, { id: 'genai', label: 'GenAI' }, { id: 'none', label: '—' }];
  const layout = layoutFlow(sources, targets, [
    { source: 'llama', target: 'mistral', people: ['a', 'b', 'c'] },
    { source: 'llama', target: 'genai', people: ['d'] },
    { source: 'opt', target: 'genai', people: ['e', 'f'] },
    { source: 'opt', target: 'none', people: [] },
  ], { unit: 14 });

  it('sizes nodes by the people through them and drops empty ones', () => {
    const node = (id: string) => layout.nodes.find((n) => n.id === id);
    expect(node('llama')!.value).toBe(4);
    expect(node('genai')!.value).toBe(3);
    expect(node('none')).toBeUndefined();
    expect(node('llama')!.height).toBe(4 * 14);
  });

  it('stacks bands at a target in source order without overlap', () => {
    const genai = layout.links.filter((link) => link.target === 'genai');
    expect(genai.map((link) => link.source)).toEqual(['llama', 'opt']);
    expect(genai[0]!.labelY).toBeLessThan(genai[1]!.labelY);
    expect(layout.links).toHaveLength(3);
  });

  it('writes team labels beside their bar and keeps the destinations\' labels inside the drawing', () => {
    const llama = layout.nodes.find((n) => n.id === 'llama')!;
    expect(llama.text).toBe('LLaMA（4）');
    expect(llama.textX).toBeGreaterThan(llama.x);
    expect(llama.textY).toBe(llama.y + llama.height / 2);
    for (const node of layout.nodes.filter((n) => n.side === 'target')) {
      expect(node.textX + textWidth(node.text, layout.fontSize)).toBeLessThanOrEqual(layout.width);
    }
  });

  it('refuses a width that leaves no room for the bands', () => {
    expect(() => layoutFlow(sources, [{ id: 'mistral', label: '一個很長很長很長的目的地名稱' }], [{ source: 'llama', target: 'mistral', people: ['a'] }], { width: 200 })).toThrow(/too little room/);
  });

  it('rejects a link to an unknown node', () => {
    expect(() => layoutFlow(sources, targets, [{ source: 'llama', target: 'apple', people: ['x'] }])).toThrow(/"apple"/);
  });
});

describe('roster grid', () => {
  const cells = rosterCells([
    { rowId: 'r-a', name: 'A', statuses: ['left'], statusTexts: ['離職'] },
    { rowId: 'r-b', name: 'Marie-Anne Lachaux', statuses: ['left', 'joined-genai'], statusTexts: ['離職→Mistral AI', '加入生成式AI團隊'] },
    { rowId: 'r-c', name: 'C', statuses: ['not-mentioned'], statusTexts: ['未提及'] },
  ]);

  it('keeps paper order and whole names and status words (the page wraps them, nothing is cut)', () => {
    expect(cells.map((cell) => cell.name)).toEqual(['A', 'Marie-Anne Lachaux', 'C']);
    expect(cells[1]!.statusText).toBe('離職→Mistral AI / 加入生成式AI團隊');
  });

  it('marks a cell with two statuses as contradictory, keeping both', () => {
    expect(cells.map((cell) => cell.contradictory)).toEqual([false, true, false]);
    expect(cells[1]!.statuses).toEqual(['left', 'joined-genai']);
  });

  it('gives a legend of the statuses shown, in the given order', () => {
    expect(rosterLegend(cells, ['left', 'joined-genai', 'stayed', 'not-mentioned'])).toEqual(['left', 'joined-genai', 'not-mentioned']);
  });

  it('rejects a row without status', () => {
    expect(() => rosterCells([{ rowId: 'r-x', name: 'X', statuses: [], statusTexts: [] }])).toThrow(/"r-x"/);
  });
});

