import { describe, expect, it } from 'vitest';
import type { SearchData } from '../../src/lib/search/data.ts';
import { planQuery } from '../../src/lib/search/query.ts';
import { buildExcerpt, rankPlaces } from '../../src/lib/search/rank.ts';
import type { Candidate, Place } from '../../src/lib/search/rank.ts';

const data: SearchData = {
  lang: 'zh-Hant',
  script: { chars: { 争: '爭', 离: '離', 职: '職' }, phrases: [] },
  aliases: [
    { ref: 'person:mark-zuckerberg', forms: ['小扎', '祖克柏', 'mark zuckerberg'], names: ['小扎', 'Mark Zuckerberg'] },
    { ref: 'organization:linkedin', forms: ['linkedin', '領英', '领英'], names: ['Linkedin'] },
  ],
};

function place(url: string, content: string, extra: Partial<Candidate> = {}): Candidate {
  return { url, kind: 'passage', title: '段落', content, people: [], organizations: [], dates: [], score: 1, ...extra };
}

const marked = (result: Place): string => result.excerpt.filter((part) => part.mark).map((part) => part.text).join('|');

describe('rankPlaces: precision', () => {
  const candidates = [
    place('/article/#p-1', '算力短缺是布局生成式AI的核心難題。', { score: 9 }),
    place('/article/#p-2', '因內部算力之爭，團隊成員大半已經辭職。', { score: 3 }),
    place('/article/#p-3', '爭奪算力資源之爭，加劇了紛爭。', { score: 8 }),
  ];
  it('never returns a place that has only some characters of a Chinese query', () => {
    const results = rankPlaces(candidates, planQuery('算力之爭', data));
    expect(results.map((result) => result.url)).toEqual(['/article/#p-2']);
  });
  it('ranks the place with the whole term first, and marks it', () => {
    const [first] = rankPlaces(candidates, planQuery('算力之争', data));
    expect(first?.url).toBe('/article/#p-2');
    expect(marked(first!)).toBe('算力之爭');
  });
  it('keeps Latin matches to the start of words', () => {
    const latin = [place('/a/#1', 'Timothée Lacroix與Guillaume Lample'), place('/a/#2', 'Eugène Delacroix')];
    expect(rankPlaces(latin, planQuery('croix', data))).toEqual([]);
    expect(rankPlaces(latin, planQuery('Timothee', data)).map((result) => result.url)).toEqual(['/a/#1']);
    expect(marked(rankPlaces(latin, planQuery('lacr', data))[0]!)).toBe('Lacr');
  });
  it('finds nothing for a query that is only punctuation', () => {
    expect(rankPlaces(candidates, planQuery('，。', data))).toEqual([]);
  });
});

describe('rankPlaces: what comes first', () => {
  it('puts the person’s own page and entry first for any of their names, and keeps places that use another name', () => {
    const candidates = [
      place('/article/#p-22', '2月份的時候，小扎曾連夜對外官宣了公司的大動作', { people: ['mark-zuckerberg'], score: 5 }),
      place('/people/#person-mark-zuckerberg', 'Mark Zuckerberg（馬克·祖克柏）', { kind: 'person', people: ['mark-zuckerberg'] }),
      place('/people/mark-zuckerberg/', 'Mark Zuckerberg（馬克·祖克柏）\n又名：小扎、祖克柏', { kind: 'person', people: ['mark-zuckerberg'] }),
      place('/article/#p-1', '過去6個月，ChatGPT的爆火'),
    ];
    const results = rankPlaces(candidates, planQuery('祖克柏', data));
    expect(results.map((result) => result.url)).toEqual(['/people/mark-zuckerberg/', '/people/#person-mark-zuckerberg', '/article/#p-22']);
    // The passage says 小扎: that is what is marked.
    expect(marked(results[2]!)).toBe('小扎');
  });
  it('puts the organisation’s own page first for any of its names, then the places that name it', () => {
    const candidates = [
      place('/article/#p-55', '根據作者們的Linkedin個人資料', { organizations: ['linkedin'], score: 5 }),
      place('/organizations/#org-linkedin', 'LinkedIn', { kind: 'organization', organizations: ['linkedin'] }),
      place('/organizations/linkedin/', 'LinkedIn\n又名：Linkedin、領英', { kind: 'organization', organizations: ['linkedin'] }),
      place('/claims/#claim-x', '一半已離職', { kind: 'claim', organizations: ['linkedin'] }),
    ];
    const results = rankPlaces(candidates, planQuery('領英', data));
    // One place of a kind among the first three: the page, not also its index entry.
    expect(results.map((result) => result.url)).toEqual(['/organizations/linkedin/', '/article/#p-55', '/claims/#claim-x', '/organizations/#org-linkedin']);
    expect(marked(results[1]!)).toBe('Linkedin');
  });
  it('puts the events of a month first, exact months before periods that cover it', () => {
    const candidates = [
      place('/article/#p-48', '兩個團隊之間的緊張關係，到今年2月達到高潮', { dates: ['2023', '2023-02', '--02'], score: 9 }),
      place('/timeline/#event-long', '更大模型的開發', { kind: 'event', dates: ['2022', '2023', '2022-07', '2022-08', '2023-01', '2023-02', '--02', '--07'] }),
      place('/timeline/#event-feb', '緊張關係達到高潮', { kind: 'event', dates: ['2023', '2023-02', '--02'] }),
      place('/timeline/#event-may', 'Joulin離開Meta', { kind: 'event', dates: ['2023', '2023-05', '--05'] }),
    ];
    const results = rankPlaces(candidates, planQuery('2023年2月', data));
    expect(results.map((result) => result.url)).toEqual(['/timeline/#event-feb', '/timeline/#event-long', '/article/#p-48']);
    expect(marked(results[2]!)).toBe('');
    expect(rankPlaces(candidates, planQuery('2月', data)).map((result) => result.url)).toContain('/article/#p-48');
    expect(marked(rankPlaces(candidates, planQuery('2月', data)).find((result) => result.url === '/article/#p-48')!)).toBe('2月');
  });
  it('mixes kinds among the first three', () => {
    const candidates = [
      place('/article/#p-1', '離職潮', { score: 5 }),
      place('/article/#p-2', '離職潮來了', { score: 4 }),
      place('/article/#p-3', '又一波離職潮', { score: 3 }),
      place('/claims/#claim-x', 'Meta的AI團隊正面臨離職潮。', { kind: 'claim', title: 'Meta的AI團隊正面臨離職潮。' }),
    ];
    const urls = rankPlaces(candidates, planQuery('離職潮', data)).map((result) => result.url);
    expect(urls.slice(0, 3)).toContain('/claims/#claim-x');
    expect(urls).toHaveLength(4);
  });
  it('lists a place once and honours the limit', () => {
    const candidates = [place('/a/#1', '離職'), place('/a/#1', '離職'), place('/a/#2', '離職'), place('/a/#3', '離職')];
    expect(rankPlaces(candidates, planQuery('離職', data)).map((result) => result.url)).toEqual(['/a/#1', '/a/#2', '/a/#3']);
    expect(rankPlaces(candidates, planQuery('離職', data), 2)).toHaveLength(2);
  });
});

describe('buildExcerpt', () => {
  it('shows the text around the first match with ellipses', () => {
    const content = `${'甲'.repeat(50)}離職${'乙'.repeat(50)}`;
    const parts = buildExcerpt(content, { ranges: [[50, 52]] }, 20);
    expect(parts[0]?.text.startsWith('…')).toBe(true);
    expect(parts.find((part) => part.mark)).toEqual({ text: '離職', mark: true });
    expect(parts[parts.length - 1]?.text.endsWith('…')).toBe(true);
    expect(parts.map((part) => part.text).join('').length).toBe(22);
  });
  it('never splits a character outside the Basic Multilingual Plane', () => {
    const parts = buildExcerpt('𠀀𠀁𠀂離職', { ranges: [[6, 8]] }, 4);
    expect(parts.map((part) => part.text).join('')).toBe('…𠀁𠀂離職');
  });
  it('leaves the annotation badges out, centring on the first match that is shown', () => {
    const content = '過去6個月〔2023年2月至12月〕，ChatGPT的爆火，徹底讓Meta坐不住了〔新智元・推論〕。';
    const badge = content.indexOf('新智元');
    const meta = content.indexOf('Meta');
    const parts = buildExcerpt(content, { ranges: [[badge, badge + 3], [meta, meta + 4]] }, 64);
    expect(parts).toEqual([
      { text: '過去6個月，ChatGPT的爆火，徹底讓', mark: false },
      { text: 'Meta', mark: true },
      { text: '坐不住了。', mark: false },
    ]);
    // A match only inside a badge marks nothing, and the excerpt opens at the start.
    expect(buildExcerpt(content, { ranges: [[badge, badge + 3]] }, 10)).toEqual([{ text: '過去6個月，Chat…', mark: false }]);
  });
});
