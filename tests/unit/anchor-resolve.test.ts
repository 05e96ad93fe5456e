import { describe, expect, it } from 'vitest';
import { canonicalContext, closestPassage, findAll, findMentions, placeRepair, resolveQuote } from '../../src/lib/content/text-quote.ts';
import type { Block } from '../../src/lib/content/article-text.ts';

const blocks: Block[] = [
  { id: 'p-1', kind: 'paragraph', text: '可是，Meta在風光的同時，AI團隊正面臨著離職潮。' },
  { id: 'figure-1', kind: 'figure', text: '原圖未保留圖1:原文此處有一張配圖' },
  { id: '算力之爭', kind: 'heading', text: '算力之爭' },
  { id: 'p-2', kind: 'paragraph', text: '今年2月發布的初代LLaMA模型中的14位作者，已經超過一半的人全部離職。' },
  { id: 'p-3', kind: 'paragraph', text: 'Meta AI的一些高管也在質疑，為什麼兩個團隊都做著相似的項目。' },
];

describe('resolveQuote', () => {
  it('finds a quote that occurs once', () => {
    const start = blocks[3]!.text.indexOf('超過一半');
    expect(resolveQuote(blocks, { quote: '超過一半的人全部離職' })).toEqual({ ok: true, at: { blockId: 'p-2', blockIndex: 3, start, end: start + 10 } });
    expect(resolveQuote(blocks, { quote: '算力之爭' })).toMatchObject({ ok: true, at: { blockId: '算力之爭' } });
  });

  it('reports every place of an ambiguous quote', () => {
    const first = blocks[0]!.text.indexOf('離職');
    const second = blocks[3]!.text.indexOf('離職');
    expect(resolveQuote(blocks, { quote: '離職' })).toEqual({
      ok: false,
      kind: 'ambiguous',
      matches: [
        { blockId: 'p-1', blockIndex: 0, start: first, end: first + 2 },
        { blockId: 'p-2', blockIndex: 3, start: second, end: second + 2 },
      ],
    });
  });

  it('lets a prefix or suffix pick one place', () => {
    expect(resolveQuote(blocks, { quote: '離職', prefix: '全部' })).toMatchObject({ ok: true, at: { blockId: 'p-2' } });
    expect(resolveQuote(blocks, { quote: '離職', suffix: '潮' })).toMatchObject({ ok: true, at: { blockId: 'p-1' } });
    expect(resolveQuote(blocks, { quote: 'Meta', suffix: ' AI' })).toMatchObject({ ok: true, at: { blockId: 'p-3', start: 0 } });
  });

  it('says which of prefix and suffix fails, with what is really there', () => {
    const prefix = resolveQuote(blocks, { quote: '離職', prefix: '已經' });
    expect(prefix).toMatchObject({ ok: false, kind: 'prefix' });
    expect(prefix.ok === false && prefix.kind === 'prefix' && prefix.occurrences.map((o) => o.before)).toEqual(['臨著', '全部']);
    expect(resolveQuote(blocks, { quote: '離職', suffix: '了' })).toMatchObject({ ok: false, kind: 'suffix' });
    expect(resolveQuote(blocks, { quote: '離職', prefix: '全部', suffix: '潮' })).toMatchObject({ ok: false, kind: 'context' });
  });

  it('never matches across blocks or inside a lost figure', () => {
    expect(resolveQuote(blocks, { quote: '離職潮。算力之爭' })).toMatchObject({ ok: false, kind: 'not-found' });
    expect(resolveQuote(blocks, { quote: '原圖未保留' })).toMatchObject({ ok: false, kind: 'not-found' });
  });

  it('offers the closest passage for a quote found nowhere', () => {
    const result = resolveQuote(blocks, { quote: '超過一半的人已經離職' });
    expect(result).toEqual({ ok: false, kind: 'not-found', closest: { blockId: 'p-2', text: '超過一半的人全部離職', distance: 2 } });
    expect(closestPassage(blocks, '兩個團隊都作著相似的項目')).toEqual({ blockId: 'p-3', text: '兩個團隊都做著相似的項目', distance: 1 });
  });

  it('finds overlapping occurrences', () => {
    expect(findAll('aaa', 'aa')).toEqual([0, 1]);
    expect(findAll('abc', '')).toEqual([]);
  });
});

describe('placeRepair', () => {
  const body: Block[] = [
    { id: 'p-1', kind: 'paragraph', text: '團隊之間在算力分配上有些緊張。' },
    { id: 'p-2', kind: 'paragraph', text: '他們很緊張，也很期待。' },
  ];

  it('compares context as it stood before later stages (pinyin glosses, half-width punctuation)', () => {
    expect(canonicalContext('團(tuán)隊, 算(suàn)力')).toBe('團隊，算力');
  });

  it('places a repair by its recorded context', () => {
    expect(placeRepair(body, { after: '張', prefix: '有些緊', suffix: '。' })).toEqual({ ok: true, at: { blockId: 'p-1', blockIndex: 0, start: 13, end: 14 } });
    expect(placeRepair(body, { after: '張', prefix: '很緊', suffix: ',也' })).toMatchObject({ ok: true, at: { blockId: 'p-2' } });
  });

  it('places a deletion between its prefix and suffix', () => {
    expect(placeRepair(body, { after: '', prefix: '分配上', suffix: '有些' })).toEqual({ ok: true, at: { blockId: 'p-1', blockIndex: 0, start: 10, end: 10 } });
  });

  it('fails when the context fits nowhere or several places equally', () => {
    expect(placeRepair(body, { after: '張', prefix: '非常', suffix: '!' })).toMatchObject({ ok: false, kind: 'not-found' });
    expect(placeRepair(body, { after: '張' })).toMatchObject({ ok: false, kind: 'ambiguous' });
    expect(placeRepair(body, { after: '鬆' })).toMatchObject({ ok: false, kind: 'not-found' });
  });
});

describe('findMentions', () => {
  const text: Block[] = [
    { id: 'p-1', kind: 'paragraph', text: 'Meta AI的研究總監Armand Joulin離開了Meta，Metadata不算。' },
    { id: 'figure-1', kind: 'figure', text: 'Meta' },
    { id: 'p-2', kind: 'paragraph', text: '小扎與Joulin' },
  ];
  const forms = [
    { form: 'Meta', id: 'meta' },
    { form: 'Meta AI', id: 'meta-ai' },
    { form: 'Armand Joulin', id: 'armand-joulin' },
    { form: 'Joulin', id: 'armand-joulin' },
    { form: '小扎', id: 'mark-zuckerberg' },
  ];

  it('takes the longest form at each place and whole Latin words only', () => {
    expect(findMentions(text, forms).map((m) => [m.blockId, m.form.form, m.start])).toEqual([
      ['p-1', 'Meta AI', 0],
      ['p-1', 'Armand Joulin', 12],
      ['p-1', 'Meta', 28],
      ['p-2', '小扎', 0],
      ['p-2', 'Joulin', 3],
    ]);
  });
});
