import { describe, expect, it } from 'vitest';
import { layoutFlow } from '../../src/lib/charts/flow.ts';
import { rosterCells, rosterLegend } from '../../src/lib/charts/roster-grid.ts';
import { fitText, textWidth } from '../../src/lib/charts/text.ts';
import { coveredSegments, dayNumber, layoutTimeline, type TimelineItem } from '../../src/lib/charts/timeline.ts';

describe('text measurement', () => {
  it('counts CJK as one em and Latin narrower', () => {
    expect(textWidth('離職', 10)).toBe(20);
    expect(textWidth('ab', 10)).toBeLessThan(20);
  });

  it('shortens with an ellipsis only when needed', () => {
    expect(fitText('短', 10, 100)).toBe('短');
    const fitted = fitText('一二三四五六七八九十', 10, 50);
    expect(fitted.endsWith('…')).toBe(true);
    expect(textWidth(fitted, 10)).toBeLessThanOrEqual(50);
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

  it('keeps dates and titles inside the label column, left of the plot', () => {
    const long = layoutTimeline([{ ...item('x', 'llama', '2023-02-01', '2023-02-28', 'month'), title: '很長的標題'.repeat(20) }], lanes);
    const row = long.rows[0]!;
    expect(row.title.endsWith('…')).toBe(true);
    expect(textWidth(row.title, 13)).toBeLessThan(long.plotLeft);
    expect(textWidth(row.date, 12)).toBeLessThan(long.plotLeft);
    for (const r of layout.rows) expect(r.x1).toBeGreaterThanOrEqual(layout.plotLeft);
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

