import { describe, expect, it } from 'vitest';
import { containsTerm, endsWord, fold, foldWithOrigin, queryTerms, termRanges } from '../../src/lib/search/text.ts';

describe('fold', () => {
  it('drops accents and case', () => {
    expect(fold('Timothée Lacroix')).toBe('timothee lacroix');
    expect(fold('AURÉLIEN Rodríguez')).toBe('aurelien rodriguez');
  });
  it('turns full-width forms into plain ones', () => {
    expect(fold('ＡＩ２０２３')).toBe('ai2023');
  });
  it('ignores spaces next to Chinese characters but keeps them between Latin words', () => {
    expect(fold('生成式 AI 團隊')).toBe('生成式ai團隊');
    expect(fold('Joelle   Pineau')).toBe('joelle pineau');
  });
  it('treats punctuation as a word break', () => {
    expect(fold('Marie-Anne Lachaux')).toBe('marie anne lachaux');
    expect(fold('Meta AI(原FAIR)')).toBe('meta ai原fair');
    expect(fold('「離職」。')).toBe('離職');
  });
  it('drops zero-width spaces Pagefind puts between Chinese words', () => {
    expect(fold('算\u200b力\u200b之爭')).toBe('算力之爭');
  });
  it('maps each folded character back to the original', () => {
    const folded = foldWithOrigin('« Timothée » 離職');
    const at = folded.text.indexOf('離職');
    expect('« Timothée » 離職'.slice(folded.origin[at], folded.origin[at + 2 - 1]! + 1)).toBe('離職');
    const e = folded.text.indexOf('timothee');
    expect('« Timothée » 離職'.slice(folded.origin[e], folded.origin[e + 8 - 1]! + 1)).toBe('Timothée');
  });
});

describe('queryTerms', () => {
  it('keeps a Chinese phrase typed without spaces as one term', () => {
    expect(queryTerms('算力之爭')).toEqual(['算力之爭']);
    expect(queryTerms('生成式AI團隊')).toEqual(['生成式ai團隊']);
  });
  it('splits Latin words', () => {
    expect(queryTerms(' Joelle  Pineau ')).toEqual(['joelle', 'pineau']);
  });
  it('returns nothing for punctuation only', () => {
    expect(queryTerms('「」!?')).toEqual([]);
  });
});

describe('whole-term matching', () => {
  const text = fold('據The Information報導,Timothée Lacroix與Guillaume Lample於6月創辦Mistral AI。從2月開始,到12月');
  it('finds a Chinese term anywhere, but only whole', () => {
    expect(containsTerm(text, '創辦')).toBe(true);
    expect(containsTerm(text, '創立')).toBe(false);
  });
  it('finds Latin names from the start of a word, accents folded', () => {
    expect(containsTerm(text, 'timothee')).toBe(true);
    expect(containsTerm(text, 'lacr')).toBe(true);
    expect(containsTerm(text, 'croix')).toBe(false);
    expect(containsTerm(text, 'mistral')).toBe(true);
  });
  it('finds a Latin word right after Chinese characters', () => {
    expect(containsTerm(fold('加入了Helsing'), 'helsing')).toBe(true);
  });
  it('never finds a number inside a longer number', () => {
    expect(termRanges(text, '2月')).toHaveLength(1);
    expect(containsTerm(fold('2023年'), '202')).toBe(false);
    expect(containsTerm(fold('OPT-175B'), '17')).toBe(false);
  });
  it('tells a whole word from the start of one', () => {
    const [range] = termRanges(text, 'lacroix');
    expect(endsWord(text, range![1])).toBe(true);
    const [prefix] = termRanges(text, 'lacr');
    expect(endsWord(text, prefix![1])).toBe(false);
  });
});
