import { describe, expect, it } from 'vitest';
import type { SearchData } from '../../src/lib/search/data.ts';
import { matchAliases, planQuery, retrievalTerm } from '../../src/lib/search/query.ts';

const data: SearchData = {
  lang: 'zh-Hant',
  script: { chars: { 离: '離', 职: '職', 杨: '楊', 发: '發髮' }, phrases: [] },
  aliases: [
    { ref: 'person:mark-zuckerberg', forms: ['小扎', '祖克柏', '扎克伯格', 'mark zuckerberg', '馬克祖克柏', '馬克'], names: ['小扎', 'Mark Zuckerberg'] },
    { ref: 'person:yann-lecun', forms: ['yann lecun', 'lecun', '楊立昆', '杨立昆'], names: ['Yann LeCun', '楊立昆'] },
    { ref: 'organization:apple', forms: ['蘋果', '苹果', 'apple'], names: ['蘋果'] },
    { ref: 'organization:meta-ai', forms: ['meta ai'], names: ['Meta AI'] },
    { ref: 'person:yann-le-cun-twin', forms: ['yann le cun'], names: ['Yann Le Cun'] },
    { ref: 'person:armand-joulin', forms: ['armand joulin', 'joulin'], names: ['Armand Joulin'] },
  ],
  articles: {},
  parts: [],
};

describe('planQuery', () => {
  it('writes a Simplified query in the page script', () => {
    const plan = planQuery(' 离职潮 ', data);
    expect(plan.query).toBe('离职潮');
    expect(plan.searches).toEqual(['離職']);
    expect(plan.parts.map((part) => [part.spellings, part.typed])).toEqual([[[['離職潮']], 1]]);
  });
  it('finds a person from a transliteration the pages never use, and matches their names', () => {
    const plan = planQuery('祖克柏', data);
    expect(plan.people).toEqual(['mark-zuckerberg']);
    // Pagefind is asked for what was typed; the names are matched on the places found by the person filter.
    expect(plan.searches).toEqual(['祖克']);
    // A name is one phrase: its words side by side, not each anywhere.
    expect(plan.parts.map((part) => part.spellings)).toEqual([[['祖克柏'], ['小扎'], ['mark zuckerberg']]]);
  });
  it('finds a person from a Simplified transliteration on the Traditional site', () => {
    expect(planQuery('杨立昆', data).people).toEqual(['yann-lecun']);
  });
  it('finds a person from one Latin word of their name, in any case', () => {
    expect(planQuery('LECUN', data).people).toEqual(['yann-lecun']);
    expect(planQuery('zuckerberg', data).people).toEqual(['mark-zuckerberg']);
  });
  it('needs the whole name of an organisation', () => {
    expect(planQuery('Apple', data).organizations).toEqual(['apple']);
    expect(planQuery('蘋果', data).organizations).toEqual(['apple']);
    expect(planQuery('AI', data).organizations).toEqual([]);
    expect(planQuery('Meta AI', data).organizations).toEqual(['meta-ai']);
  });
  it('reads months and years', () => {
    expect(planQuery('2023年2月', data).date).toMatchObject({ filter: '2023-02' });
    expect(planQuery('2月', data).date).toMatchObject({ filter: '--02' });
    expect(planQuery('離職', data).date).toBeNull();
  });
  it('searches each spelling of an ambiguous character', () => {
    expect(planQuery('发布', data).searches).toEqual(['發布', '髮布']);
  });
  it('plans nothing for an empty or punctuation-only query', () => {
    for (const q of ['', '   ', '「」']) {
      const plan = planQuery(q, data);
      expect(plan.searches).toEqual([]);
      expect(plan.people).toEqual([]);
      expect(plan.date).toBeNull();
    }
  });
});

describe('planQuery: queries of several words', () => {
  const parts = (query: string): Array<[string, string[], string[]]> =>
    planQuery(query, data).parts.map((part) => [part.text, part.people, part.organizations]);

  it('makes each name a part of its own when the words name nobody together', () => {
    expect(parts('Joulin 蘋果')).toEqual([
      ['Joulin', ['armand-joulin'], []],
      ['蘋果', [], ['apple']],
    ]);
    expect(parts('楊立昆 小扎')).toEqual([
      ['楊立昆', ['yann-lecun'], []],
      ['小扎', ['mark-zuckerberg'], []],
    ]);
  });
  it('splits where Latin meets Chinese, and keeps the words that name nobody together', () => {
    const plan = planQuery('Lecun離開', data);
    expect(plan.parts.map((part) => [part.text, part.people])).toEqual([
      ['Lecun', ['yann-lecun']],
      ['離開', []],
    ]);
    // Pagefind is asked for the words; the name is reached through the person filter.
    expect(plan.searches).toEqual(['離開']);
    expect(parts('研究 總監 Joulin')).toEqual([
      ['研究 總監', [], []],
      ['Joulin', ['armand-joulin'], []],
    ]);
  });
  it('keeps a query whole when it names someone as a whole, or nobody at all', () => {
    expect(parts('Meta AI')).toEqual([['Meta AI', [], ['meta-ai']]]);
    expect(parts('Armand Joulin')).toEqual([['Armand Joulin', ['armand-joulin'], []]]);
    expect(planQuery('GPU RICH', data).parts.map((part) => part.spellings)).toEqual([[['gpu', 'rich']]]);
    expect(planQuery('生成式AI團隊', data).parts).toHaveLength(1);
  });
});

describe('matchAliases', () => {
  it('never takes a short word or a word of an organisation name for a person', () => {
    expect(matchAliases(['le'], data.aliases)).toEqual([]);
    expect(matchAliases(['ai'], data.aliases)).toEqual([]);
    expect(matchAliases(['cun'], data.aliases).map((entry) => entry.ref)).toEqual(['person:yann-le-cun-twin']);
  });
  it('takes the start of a Latin name for the person from four letters on', () => {
    expect(matchAliases(['zucker'], data.aliases).map((entry) => entry.ref)).toEqual(['person:mark-zuckerberg']);
    expect(matchAliases(['lecu'], data.aliases).map((entry) => entry.ref)).toEqual(['person:yann-lecun']);
    expect(matchAliases(['lec'], data.aliases)).toEqual([]);
  });
  it('does not take the middle or end of a word for a name', () => {
    expect(matchAliases(['kerberg'], data.aliases)).toEqual([]);
    expect(matchAliases(['克伯'], data.aliases)).toEqual([]);
  });
  it('never takes part of an organisation name for the organisation', () => {
    expect(matchAliases(['meta'], data.aliases)).toEqual([]);
  });
});

describe('retrievalTerm', () => {
  // A stand-in for the browser's word segmenter: knows a few words, splits the rest into characters.
  const words = new Set(['算力', '生成', '團隊', '離職']);
  const segment = (text: string): string[] => (words.has(text) ? [text] : [...text]);

  it('asks for the first two Chinese characters when the browser keeps them together', () => {
    expect(retrievalTerm('算力之爭', segment)).toBe('算力');
    expect(retrievalTerm('生成式AI團隊', segment)).toBe('生成');
  });
  it('asks for the first character when the browser would split the pair', () => {
    expect(retrievalTerm('祖克柏', segment)).toBe('祖');
  });
  it('prefers a run of two or more characters over a lone character', () => {
    expect(retrievalTerm('2023年2月，離職', segment)).toBe('離職');
    expect(retrievalTerm('2023年2月', segment)).toBe('年');
  });
  it('leaves queries without Chinese as typed', () => {
    expect(retrievalTerm('Timothée Lacroix', segment)).toBe('Timothée Lacroix');
  });
});
