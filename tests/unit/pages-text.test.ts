import { describe, expect, it } from 'vitest';
import { groupBy, primaryName, secondaryName, sentenceAround, sourceQuoteParts } from '../../src/lib/pages/text.ts';

describe('sentenceAround', () => {
  const paragraph = '知情人士表示,他的離職進一步,讓LLaMA團隊與北美的高管隔離開來。另外,Pineau也承認了Bordes的離職為團隊「帶來了一些不確定性」。最後一句。';

  const at = (text: string, quote: string, from = 0) => [text.indexOf(quote, from), text.indexOf(quote, from) + quote.length] as const;

  it('returns the sentence that holds the quote, split around it', () => {
    expect(sentenceAround(paragraph, ...at(paragraph, 'Bordes'))).toEqual({
      before: '另外,Pineau也承認了',
      match: 'Bordes',
      after: '的離職為團隊「帶來了一些不確定性」。',
    });
  });

  it('uses the occurrence at the given offsets', () => {
    const text = 'Pineau說了一句。然後Pineau又說。';
    expect(sentenceAround(text, ...at(text, 'Pineau', 1))).toEqual({ before: '然後', match: 'Pineau', after: '又說。' });
  });

  it('keeps a closing quote with the sentence it closes', () => {
    const text = '他說:「好。」接著Lample離開。';
    expect(sentenceAround(text, ...at(text, 'Lample')).before).toBe('接著');
    expect(sentenceAround(text, ...at(text, '好')).after).toBe('。」');
  });

  it('cuts very long sentences around the quote', () => {
    const text = `${'甲'.repeat(100)}小扎${'乙'.repeat(100)}`;
    const excerpt = sentenceAround(text, ...at(text, '小扎'), 10);
    expect(excerpt.before).toBe(`…${'甲'.repeat(10)}`);
    expect(excerpt.after).toBe(`${'乙'.repeat(10)}…`);
  });

  it('falls back to the offsets alone when they are outside the context', () => {
    expect(sentenceAround('無關', 1, 9)).toEqual({ before: '', match: '關', after: '' });
  });
});

describe('names and grouping', () => {
  it('prefers the Latin name and shows the Chinese beside it', () => {
    expect(primaryName({ latin: 'Joelle Pineau', zh: '喬爾·皮諾' })).toBe('Joelle Pineau');
    expect(secondaryName({ latin: 'Joelle Pineau', zh: '喬爾·皮諾' })).toBe('喬爾·皮諾');
    expect(primaryName({ zh: '小扎' })).toBe('小扎');
    expect(secondaryName({ zh: '小扎' })).toBeUndefined();
  });

  it('groups in order of first appearance', () => {
    expect(groupBy(['b1', 'a1', 'b2'], (s) => s[0]!)).toEqual([['b', ['b1', 'b2']], ['a', ['a1']]]);
  });
});

describe('sourceQuoteParts', () => {
  const raw = '離職潮涌、算力紛爭。團(tuán)隊';
  const isSource = (quoted: string): boolean => raw.includes(quoted) || ['湧'].includes(quoted);

  it('marks only the quotations of the source, keeping the rest of the note as one run', () => {
    expect(sourceQuoteParts('「涌」是「湧」的簡體；繁體寫作「離職潮湧」。', isSource)).toEqual([
      { text: '「', source: false },
      { text: '涌', source: true },
      { text: '」是「', source: false },
      { text: '湧', source: true },
      { text: '」的簡體；繁體寫作「離職潮湧」。', source: false },
    ]);
  });

  it('leaves a note without quotations, or with empty ones, whole', () => {
    expect(sourceQuoteParts('原稿一行就是一段。', isSource)).toEqual([{ text: '原稿一行就是一段。', source: false }]);
    expect(sourceQuoteParts('下引號「」與「(tuán)」', isSource)).toEqual([
      { text: '下引號「」與「', source: false },
      { text: '(tuán)', source: true },
      { text: '」', source: false },
    ]);
  });
});
