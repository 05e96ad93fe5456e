/** The browser sweep's page sample (tests/e2e/sample.ts): every kind in both scripts, seeded extras, stable. */
import { describe, expect, it } from 'vitest';
import { pageKind, samplePages, sweepOptionsFromEnvironment } from '../../tests/e2e/sample.ts';

const paths = [
  '',
  '404.html',
  'article/',
  'people/',
  ...Array.from({ length: 20 }, (_, index) => `people/person-${index}/`),
  'organizations/',
  ...Array.from({ length: 10 }, (_, index) => `organizations/org-${index}/`),
];
const pages = [...paths, ...paths.map((path) => `zh-hans/${path}`)].map((path) => ({
  path,
  twin: path.startsWith('zh-hans/') ? path.slice('zh-hans/'.length) : `zh-hans/${path}`,
}));

describe('pageKind', () => {
  it('names a page by its section, the same in both scripts', () => {
    expect(pageKind('people/yann-lecun/')).toBe('people/<entry>/');
    expect(pageKind('zh-hans/people/yann-lecun/')).toBe('people/<entry>/');
    expect(pageKind('zh-hans/people/')).toBe('people/');
    expect(pageKind('zh-hans/')).toBe('');
    expect(pageKind('404.html')).toBe('404.html');
  });
});

describe('samplePages', () => {
  it('takes one page of every kind with its twin, plus the extra pages', () => {
    const sample = samplePages(pages, { seed: 's', extra: 5 });
    const kinds = new Set(pages.map((page) => pageKind(page.path)));
    expect(sample).toHaveLength(kinds.size * 2 + 5);
    for (const kind of kinds) {
      const ofKind = sample.filter((page) => pageKind(page.path) === kind);
      expect(ofKind.some((page) => ofKind.some((other) => other.path === page.twin)), `kind ${kind}`).toBe(true);
    }
  });

  it('is the same for the same seed, keeps the given order, and changes with the seed', () => {
    const first = samplePages(pages, { seed: 'a' }).map((page) => page.path);
    expect(samplePages(pages, { seed: 'a' }).map((page) => page.path)).toEqual(first);
    expect(first).toEqual(pages.map((page) => page.path).filter((path) => first.includes(path)));
    expect(samplePages(pages, { seed: 'b' }).map((page) => page.path)).not.toEqual(first);
  });

  it('keeps its choice when a page of a new kind is added', () => {
    const before = samplePages(pages, { seed: 'a', extra: 0 }).map((page) => page.path);
    const added = [...pages, { path: 'method/', twin: 'zh-hans/method/' }, { path: 'zh-hans/method/', twin: 'method/' }];
    const after = samplePages(added, { seed: 'a', extra: 0 }).map((page) => page.path);
    expect(after).toEqual([...before, 'method/', 'zh-hans/method/']);
  });

  it('returns every page for the full sweep', () => {
    expect(samplePages(pages, { full: true })).toEqual(pages);
  });
});

describe('sweepOptionsFromEnvironment', () => {
  it('reads E2E_FULL, E2E_SEED and E2E_SAMPLE_EXTRA', () => {
    expect(sweepOptionsFromEnvironment({ E2E_FULL: '1', E2E_SEED: 'x', E2E_SAMPLE_EXTRA: '3' })).toEqual({ full: true, seed: 'x', extra: 3 });
    expect(sweepOptionsFromEnvironment({}).full).toBe(false);
    expect(() => sweepOptionsFromEnvironment({ E2E_SAMPLE_EXTRA: 'many' })).toThrow('E2E_SAMPLE_EXTRA must be a whole number');
  });
});
