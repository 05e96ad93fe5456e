import { describe, expect, it } from 'vitest';
import { articleDirectives, quoteTextDirective, wordBoundaries } from '../../src/lib/pages/fragment.ts';

const enc = (s: string) => s.replace(/-/g, '%2D').replace(/,/g, '%2C').replace(/ /g, '%20');
const base = { cuts: [], offset: 0, preamble: [] as string[] };

describe('word boundaries', () => {
  it('segments Chinese into words and keeps Latin words whole', () => {
    const b = wordBoundaries('成立了人工智能研究實驗室Meta AI');
    expect(b.has(0)).toBe(true);
    expect(b.has(2)).toBe(true); // 成立|了
    expect(b.has(13)).toBe(false); // inside "Meta"
  });
});

describe('quoteTextDirective', () => {
  it('gives a short unique quote whole', () => {
    const context = '另外，Pineau也承認了Bordes的離職為團隊帶來了一些不確定性。';
    const start = context.indexOf('帶來');
    const end = context.indexOf('。');
    expect(quoteTextDirective({ ...base, context, start, end, article: context })).toBe(`:~:text=${enc('帶來了一些不確定性')}`);
  });

  it('splits a long quote into start and end terms at word boundaries', () => {
    const context = '從2月開始開源大模型系列LLaMA的發布，到Llama 2升級、再到編碼模型Code Llama，Meta可謂是賭上所有去ALL IN AI。';
    const directive = quoteTextDirective({ ...base, context, start: 0, end: context.length - 1, article: context, maxTerm: 12 })!;
    const [startTerm, endTerm] = directive.slice(':~:text='.length).split(',').map(decodeURIComponent);
    expect(context.startsWith(startTerm!)).toBe(true);
    expect(context.slice(0, -1).endsWith(endTerm!)).toBe(true);
    expect(startTerm).not.toMatch(/Ll$|LLa$/);
    expect(endTerm).not.toMatch(/^[a-z]/);
  });

  it('keeps terms clear of text the page inserts inside the quote', () => {
    const context = 'Meta AI的研究總監Armand Joulin已經在5月離開了Meta，目前已加入蘋果。';
    const cut = context.indexOf('，');
    const directive = quoteTextDirective({ ...base, context, start: 0, end: context.length - 1, cuts: [cut], article: context })!;
    const [startTerm, endTerm] = directive.slice(':~:text='.length).split(',').map(decodeURIComponent);
    expect(cut).toBeGreaterThanOrEqual(startTerm!.length);
    expect(context.indexOf(endTerm!)).toBeGreaterThanOrEqual(cut);
  });

  it('adds a prefix when the start term first matches elsewhere', () => {
    const article = 'Pineau表示，很好。\n在採訪中，Pineau承認。';
    const context = '在採訪中，Pineau承認。';
    const start = context.indexOf('Pineau');
    const directive = quoteTextDirective({ ...base, context, start, end: start + 6, offset: article.indexOf(context), article });
    expect(directive).toBe(`:~:text=${enc('，')}-,${enc('Pineau')}`);
  });

  it('treats text shown before the body as an earlier match', () => {
    const context = '小扎曾連夜對外官宣。';
    const withPreamble = quoteTextDirective({ ...base, context, start: 0, end: 2, article: context, preamble: ['標題：小扎曾連夜對外官宣。'] });
    expect(withPreamble).toBeUndefined();
  });

  it('adds a suffix when no prefix tells two places apart', () => {
    const article = '負責人Joelle Pineau在接受採訪時表示。\n負責人Joelle Pineau表示，很好。';
    const context = '負責人Joelle Pineau表示，很好。';
    const start = context.indexOf('Joelle');
    const directive = quoteTextDirective({ ...base, context, start, end: start + 'Joelle Pineau'.length, offset: article.indexOf(context), article });
    expect(directive).toBe(`:~:text=${enc('Joelle Pineau')},-${enc('表示')}`);
    // The same words before and after, with a tag inserted right after the quote: nothing reliable.
    expect(quoteTextDirective({ ...base, context, start, end: start + 13, offset: article.indexOf(context), article, cuts: [start + 13] })).toBeUndefined();
  });

  it('offers nothing when a quote does not start at a word boundary', () => {
    const context = 'Guillaume Lample和Marie-Anne Lachaux。';
    expect(quoteTextDirective({ ...base, context, start: 3, end: 9, article: context })).toBeUndefined();
  });
});

describe('articleDirectives', () => {
  it('finds cuts from the tags of other anchors in the same block', () => {
    const blocks = [{ id: 'p-1', text: 'Joulin已經在5月離開了Meta，目前已加入蘋果。' }];
    const cut = blocks[0]!.text.indexOf('，');
    const directiveFor = articleDirectives({
      blocks,
      tagged: [{ blockId: 'p-1', quote: '已經在5月離開了Meta', start: 6, end: cut }],
      inserted: [],
      preamble: [],
    });
    const directive = directiveFor({ blockId: 'p-1', quote: blocks[0]!.text.slice(0, -1), start: 0, end: blocks[0]!.text.length - 1 })!;
    expect(directive.split(',')).toHaveLength(2);
    expect(directiveFor({ blockId: 'p-9', quote: 'x', start: 0, end: 1 })).toBeUndefined();
  });
});
