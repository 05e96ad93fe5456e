import { describe, expect, it } from 'vitest';
import { buildScriptMap, scriptVariants } from '../../src/lib/search/script.ts';

// A stand-in for the build-time converter: Traditional → Simplified for a few characters.
const t2s: Record<string, string> = { 離: '离', 職: '职', 爭: '争', 團: '团', 隊: '队', 發: '发', 髮: '发', 楊: '杨', 蘋: '苹' };
const tradText = '離職算力之爭生成式AI團隊發布楊立昆蘋果頭髮發';
const simpText = [...tradText].map((c) => t2s[c] ?? c).join('');
const freq = (text: string): Map<string, number> => {
  const map = new Map<string, number>();
  for (const c of text) map.set(c, (map.get(c) ?? 0) + 1);
  return map;
};

const traditionalMap = buildScriptMap({
  ownChars: tradText,
  pairs: [...new Set(tradText)].map((c) => [t2s[c] ?? c, c] as const),
  frequency: freq(tradText),
  phrases: [['信息', '資訊']],
});
const simplifiedMap = buildScriptMap({
  ownChars: simpText,
  pairs: [...new Set(tradText)].map((c) => [c, t2s[c] ?? c] as const),
  frequency: freq(simpText),
});

describe('buildScriptMap', () => {
  it('maps Simplified characters to the Traditional ones the pages use', () => {
    expect(traditionalMap.chars['离']).toBe('離');
    // 发 stands for both 發 and 髮 here; the more frequent comes first.
    expect(traditionalMap.chars['发']).toBe('發髮');
  });
  it('leaves out characters both scripts share', () => {
    expect(traditionalMap.chars['算']).toBeUndefined();
    expect(simplifiedMap.chars['算']).toBeUndefined();
  });
  it('maps Traditional characters to Simplified for the Simplified pages', () => {
    expect(simplifiedMap.chars['職']).toBe('职');
    expect(simplifiedMap.chars['髮']).toBe('发');
  });
  it('keeps a foreign character the pages also use as a less frequent candidate', () => {
    const map = buildScriptMap({
      ownChars: '筋疲力尽尽尽盡',
      pairs: [['盡', '尽']],
      frequency: new Map([['尽', 3], ['盡', 1]]),
    });
    expect(map.chars['盡']).toBe('尽盡');
    expect(scriptVariants('筋疲力盡', map)).toEqual(['筋疲力尽', '筋疲力盡']);
  });
  it('only holds characters of the site', () => {
    expect(Object.keys(traditionalMap.chars).sort()).toEqual(['发', '团', '争', '杨', '离', '苹', '职', '队'].sort());
  });
});

describe('scriptVariants', () => {
  it('writes a Simplified query in Traditional on the Traditional pages', () => {
    expect(scriptVariants('离职', traditionalMap)).toEqual(['離職']);
    expect(scriptVariants('算力之争', traditionalMap)).toEqual(['算力之爭']);
    expect(scriptVariants('杨立昆', traditionalMap)).toEqual(['楊立昆']);
  });
  it('writes a Traditional query in Simplified on the Simplified pages', () => {
    expect(scriptVariants('生成式AI團隊', simplifiedMap)).toEqual(['生成式AI团队']);
  });
  it('keeps a query already in the page script unchanged', () => {
    expect(scriptVariants('離職', traditionalMap)).toEqual(['離職']);
    expect(scriptVariants('Pineau', traditionalMap)).toEqual(['Pineau']);
  });
  it('tries each candidate of an ambiguous character, within a limit', () => {
    expect(scriptVariants('发布', traditionalMap)).toEqual(['發布', '髮布']);
    expect(scriptVariants('发发发', traditionalMap, 3)).toHaveLength(3);
  });
  it('applies phrase rules before characters', () => {
    expect(scriptVariants('信息离职', traditionalMap)).toEqual(['資訊離職']);
  });
});
