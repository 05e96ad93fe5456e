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
    { ref: 'person:armand-joulin', forms: ['armand joulin', 'joulin'], names: ['Armand Joulin'] },
    { ref: 'person:yann-lecun', forms: ['yann lecun', 'lecun'], names: ['Yann LeCun'] },
    { ref: 'organization:apple', forms: ['蘋果', 'apple'], names: ['蘋果'] },
    { ref: 'organization:mistral-ai', forms: ['mistral ai', 'mistral'], names: ['Mistral AI', 'Mistral'] },
  ],
  articles: {},
  parts: [],
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
    const candidates = [place('/a/#1', '離職一'), place('/a/#1', '離職一'), place('/a/#2', '離職二'), place('/a/#3', '離職三')];
    expect(rankPlaces(candidates, planQuery('離職', data)).map((result) => result.url)).toEqual(['/a/#1', '/a/#2', '/a/#3']);
    expect(rankPlaces(candidates, planQuery('離職', data), 2)).toHaveLength(2);
  });
});

describe('rankPlaces: one result per place', () => {
  it('merges a person’s page and their index entry into one result, the page', () => {
    const person = { kind: 'person' as const, people: ['armand-joulin'], entity: 'person:armand-joulin' };
    const candidates = [
      place('/people/#person-armand-joulin', 'Armand Joulin\n文中提及 3 次', person),
      place('/people/armand-joulin/', 'Armand Joulin\nLLaMA論文作者', person),
      place('/article/#p-16', '研究總監Armand Joulin已經在5月離開了Meta', { people: ['armand-joulin'] }),
    ];
    expect(rankPlaces(candidates, planQuery('Joulin', data)).map((result) => result.url)).toEqual(['/people/armand-joulin/', '/article/#p-16']);
  });
  it('shows text that several pages repeat once', () => {
    const listed = '相關事件\n2023年6月：Timothée Lacroix與Guillaume Lample共同創辦Mistral AI';
    const candidates = [place('/people/a/#events', listed, { kind: 'person' }), place('/people/b/#events', listed, { kind: 'person' })];
    expect(rankPlaces(candidates, planQuery('Lample', data))).toHaveLength(1);
  });
  it('keeps a sentence two articles share as two results, one per article, and a listing of it once', () => {
    const said = 'Lample與Lacroix創辦了Mistral AI';
    const candidates = [
      place('/article/#p-30', said, { article: 'first', score: 3 }),
      place('/articles/followup/#p-2', said, { article: 'followup', score: 2 }),
      place('/articles/followup/#p-9', said, { article: 'followup', score: 1 }),
      place('/people/guillaume-lample/#said', said, { kind: 'person', score: 0.5 }),
    ];
    expect(rankPlaces(candidates, planQuery('Lample', data)).map((result) => result.url)).toEqual(['/article/#p-30', '/articles/followup/#p-2']);
  });
});

describe('rankPlaces: queries of several words', () => {
  it('returns only places that answer every word, by text or by who they are about', () => {
    const candidates = [
      place('/timeline/#event-joulin-leaves', 'Armand Joulin離開Meta，之後加入蘋果', { kind: 'event', people: ['armand-joulin'], organizations: ['apple'] }),
      place('/article/#p-16', '研究總監已經在5月離開了Meta，目前已加入蘋果。', { people: ['armand-joulin'], organizations: ['apple'] }),
      place('/people/armand-joulin/', 'Armand Joulin\nLLaMA論文作者', { kind: 'person', people: ['armand-joulin'], entity: 'person:armand-joulin' }),
      place('/organizations/apple/', '蘋果\n美國科技公司', { kind: 'organization', organizations: ['apple'], entity: 'organization:apple' }),
    ];
    const results = rankPlaces(candidates, planQuery('Joulin 蘋果', data));
    expect(results.map((result) => result.url).sort()).toEqual(['/article/#p-16', '/timeline/#event-joulin-leaves']);
    expect(marked(results.find((result) => result.url === '/timeline/#event-joulin-leaves')!)).toBe('Armand Joulin|蘋果');
  });
  it('matches a name typed against Chinese without a space ("Lecun離開")', () => {
    const candidates = [
      place('/organizations/#org-meta-ai', '2013年由Yann LeCun成立。Antoine Bordes離開Meta', { kind: 'organization' }),
      place('/timeline/#event-lecun-joins-meta', 'Yann LeCun加入Meta', { kind: 'event', people: ['yann-lecun'] }),
      place('/timeline/#event-bordes-leaves', 'Antoine Bordes離開Meta', { kind: 'event' }),
    ];
    expect(rankPlaces(candidates, planQuery('Lecun離開', data)).map((result) => result.url)).toEqual(['/organizations/#org-meta-ai']);
  });
  it('never lets a common word of a name stand for the name', () => {
    const candidates = [
      place('/claims/#claim-startups', '離職的LLaMA作者有的轉向AI新創公司，有的加入了科技巨頭。'),
      place('/article/#p-15', '他們現在在法國初創公司Mistral AI工作，也做AI研究。'),
    ];
    const results = rankPlaces(candidates, planQuery('Mistral', data));
    expect(results.map((result) => result.url)).toEqual(['/article/#p-15']);
    expect(marked(results[0]!)).toBe('Mistral AI');
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
    const content = `${'𠀀𠀁𠀂'.repeat(10)}離職`;
    const text = buildExcerpt(content, { ranges: [[60, 62]] }, 6).map((part) => part.text).join('');
    expect(text.startsWith('…')).toBe(true);
    expect(text.endsWith('離職')).toBe(true);
    expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });
  it('cuts where a phrase ends when one is near', () => {
    const content = '從2月開始開源大模型系列LLaMA的發布，Meta可謂是賭上所有。可是，Meta在風光的同時，AI團隊正面臨著離職潮。';
    const at = content.indexOf('離職潮');
    const text = buildExcerpt(content, { ranges: [[at, at + 3]] }, 16).map((part) => part.text).join('');
    expect(text).toBe('…AI團隊正面臨著離職潮。');
  });
  it('never cuts inside a word, Latin or Chinese, when no phrase ends near', () => {
    const content = `${'甲乙丙丁'.repeat(5)}，${'甲乙丙丁'.repeat(4)}Timothée Lacroix離職了`;
    const at = content.indexOf('離職');
    expect(buildExcerpt(content, { ranges: [[at, at + 2]] }, 16).map((part) => part.text).join('')).toBe('…Lacroix離職了');
  });
  it('marks no lone Latin letter or digit', () => {
    const content = 'Yann Le Cun說A和B都是研究';
    const parts = buildExcerpt(content, { ranges: [[0, 4], [12, 13]] });
    expect(parts.filter((part) => part.mark).map((part) => part.text)).toEqual(['Yann']);
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
    expect(buildExcerpt(content, { ranges: [[badge, badge + 3]] }, 10)).toEqual([{ text: '過去6個月，…', mark: false }]);
  });
});
