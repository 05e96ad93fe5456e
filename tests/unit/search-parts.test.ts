import { describe, expect, it } from 'vitest';
import { partFolder, partsOfPages } from '../../src/lib/search/parts.ts';

const pages = (...chars: number[]) => chars.map((count, at) => ({ key: `articles/a${String(at).padStart(2, '0')}/`, chars: count }));
const sizesOf = (parts: Map<string, number>, list: ReturnType<typeof pages>): number[] => {
  const sizes: number[] = [];
  for (const page of list) sizes[parts.get(page.key)!] = (sizes[parts.get(page.key)!] ?? 0) + page.chars;
  return sizes;
};

describe('partsOfPages', () => {
  it('keeps every page in one part while the text fits', () => {
    const parts = partsOfPages(pages(100, 200, 300), 600);
    expect(new Set(parts.values())).toEqual(new Set([0]));
  });

  it('makes as few parts as keep each near the limit, balanced', () => {
    const list = pages(100, 100, 100, 100, 100, 100, 100, 100, 100, 100);
    const parts = partsOfPages(list, 250);
    // 1,000 characters in parts of at most 250: four parts of 200 to 300.
    expect(new Set(parts.values())).toEqual(new Set([0, 1, 2, 3]));
    expect(Math.max(...sizesOf(parts, list))).toBeLessThanOrEqual(300);
  });

  it('deals neighbouring pages (pages of one kind) out to different parts, so that each part has its share of every kind', () => {
    const list = [
      ...['article/', 'articles/b/', 'articles/c/'].map((key) => ({ key, chars: 100 })),
      ...['people/a/', 'people/b/', 'people/c/'].map((key) => ({ key, chars: 10 })),
    ];
    const parts = partsOfPages(list, 200);
    expect(new Set(['article/', 'articles/b/', 'articles/c/'].map((key) => parts.get(key)))).toEqual(new Set([0, 1]));
    expect(new Set(['people/a/', 'people/b/', 'people/c/'].map((key) => parts.get(key)))).toEqual(new Set([0, 1]));
  });

  it('gives a page and its twin one part: the key is the path in both scripts, and the order is the keys\'', () => {
    const list = [{ key: 'b/', chars: 10 }, { key: 'a/', chars: 10 }];
    expect(partsOfPages(list, 15)).toEqual(new Map([['a/', 0], ['b/', 1]]));
  });

  it('never cuts a page larger than the limit, and makes no more parts than pages', () => {
    const list = pages(10, 1000, 10, 10);
    const parts = partsOfPages(list, 100);
    expect([...parts.values()]).toEqual([0, 1, 2, 3]);
    expect(Math.max(...sizesOf(parts, list))).toBe(1000);
  });

  it('handles no pages and no text', () => {
    expect(partsOfPages([], 10).size).toBe(0);
    expect([...partsOfPages(pages(0, 0), 10).values()]).toEqual([0, 0]);
  });

  it('refuses a limit that is not positive', () => {
    expect(() => partsOfPages(pages(1), 0)).toThrow(/maxChars must be positive/);
  });
});

describe('partFolder', () => {
  it('is the bundle itself for the first part and part-N/ for the others', () => {
    expect(partFolder(0)).toBe('');
    expect(partFolder(3)).toBe('part-3/');
  });
});
