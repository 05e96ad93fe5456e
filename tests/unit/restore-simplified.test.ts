/**
 * No Simplified leftover stays unlisted: an OpenCC round trip (Taiwan Traditional → Simplified →
 * Taiwan Traditional) over the published text changes only the reviewed exceptions below.
 */
import OpenCC from 'opencc-js';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArticle } from '../../scripts/restore.ts';
import { removeGlosses } from '../../src/lib/restore/replay.ts';

const ARTICLE = path.resolve(import.meta.dirname, '../../content/articles/meta-ai-llama');
const { data, body, raw } = readArticle(ARTICLE);
const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

/**
 * Words the round trip rewrites although they are correct Traditional as written (Ministry of Education
 * standard forms): 發布 and 公布 (OpenCC prefers 發佈, 公佈), 布局 (佈局), 巨變 (鉅變), 幸免 (倖免), 折疊 (摺疊).
 */
const REVIEWED_EXCEPTIONS = ['發布', '公布', '布局', '巨變', '幸免', '折疊'];

/** Indexes (in code points) where the round trip changes the text, with the character it proposes. */
function roundTripChanges(text: string): Array<{ index: number; from: string; to: string }> {
  const before = [...text];
  const after = [...toTraditional(toSimplified(text))];
  expect(after.length, 'the round trip keeps the number of characters').toBe(before.length);
  return before.flatMap((char, index) => (char === after[index] ? [] : [{ index, from: char, to: after[index]! }]));
}

/** The occurrences of the exception words, as code-point ranges. */
function exceptionRanges(text: string): Array<{ word: string; start: number; end: number }> {
  const chars = [...text];
  return REVIEWED_EXCEPTIONS.flatMap((word) => {
    const length = [...word].length;
    return chars.flatMap((_, start) => (chars.slice(start, start + length).join('') === word ? [{ word, start, end: start + length }] : []));
  });
}

describe('Simplified leftovers', () => {
  const text = `${data.title}\n${body}`;
  const changes = roundTripChanges(text);
  const ranges = exceptionRanges(text);

  it('are all repaired, apart from the reviewed exceptions', () => {
    const chars = [...text];
    const unlisted = changes
      .filter(({ index }) => !ranges.some(({ start, end }) => index >= start && index < end))
      .map(({ index, from, to }) => `${chars.slice(index - 4, index).join('')}[${from}→${to}]${chars.slice(index + 1, index + 5).join('')}`);
    expect(unlisted).toEqual([]);
  });

  it('keep the exception list to words the round trip really flags', () => {
    const used = new Set(ranges.filter(({ start, end }) => changes.some(({ index }) => index >= start && index < end)).map(({ word }) => word));
    expect([...used].sort()).toEqual([...REVIEWED_EXCEPTIONS].sort());
  });

  it('are each repaired as OpenCC reads them in context', () => {
    // The raw text (glosses removed) converted as Simplified: each leftover repair gives what OpenCC gives.
    const unglossed = removeGlosses(raw).text;
    const converted = toTraditional(toSimplified(unglossed));
    for (const repair of data.corrections.instances.filter((candidate) => candidate.kind === 'simplified-leftover')) {
      const needle = (repair.prefix ?? '') + repair.before + (repair.suffix ?? '');
      const at = unglossed.indexOf(needle) + (repair.prefix ?? '').length;
      expect(converted.slice(at, at + repair.after.length), repair.id).toBe(repair.after);
    }
  });
});
