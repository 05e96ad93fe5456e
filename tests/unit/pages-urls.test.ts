import { describe, expect, it } from 'vitest';
import { absoluteUrl, encodeTextDirectiveTerm, joinBase, normaliseBase, pathWithinBase, restParam, simplifiedPath } from '../../src/lib/pages/urls.ts';

describe('joinBase', () => {
  it('adds the base and a trailing slash to page paths', () => {
    expect(joinBase('/', 'article')).toBe('/article/');
    expect(joinBase('/', '/people/joelle-pineau/')).toBe('/people/joelle-pineau/');
    expect(joinBase('/sub', 'timeline')).toBe('/sub/timeline/');
    expect(joinBase('/sub/', '')).toBe('/sub/');
  });

  it('keeps fragments after the trailing slash', () => {
    expect(joinBase('/', 'article#p-3')).toBe('/article/#p-3');
    expect(joinBase('/a/b/', '/claims/#claim-x')).toBe('/a/b/claims/#claim-x');
    expect(joinBase('/', '#top')).toBe('/#top');
  });

  it('leaves file paths without a trailing slash', () => {
    expect(joinBase('/sub/', 'favicon.svg')).toBe('/sub/favicon.svg');
    expect(joinBase('/', '404.html')).toBe('/404.html');
  });
});

describe('base and absolute URLs', () => {
  it('normalises bases', () => {
    expect(normaliseBase('')).toBe('/');
    expect(normaliseBase('sub')).toBe('/sub/');
    expect(normaliseBase('//a/b//')).toBe('/a/b/');
  });

  it('builds canonical URLs from site, base and path', () => {
    expect(absoluteUrl('https://example.org', '/', 'article/')).toBe('https://example.org/article/');
    expect(absoluteUrl(new URL('https://example.org/'), '/sub/', 'people/x')).toBe('https://example.org/sub/people/x/');
  });

  it('finds the page path inside the base and its Simplified twin', () => {
    expect(pathWithinBase('/sub/', '/sub/people/x/')).toBe('people/x/');
    expect(pathWithinBase('/', '/')).toBe('');
    expect(simplifiedPath('people/x/')).toBe('zh-hans/people/x/');
    expect(simplifiedPath('')).toBe('zh-hans/');
  });
});

describe('text directive terms', () => {
  it('escapes the characters the directive reserves', () => {
    expect(encodeTextDirectiveTerm('Marie-Anne, A&B')).toBe('Marie%2DAnne%2C%20A%26B');
    expect(encodeTextDirectiveTerm('100% #1 "x" <y>')).toBe('100%25%20%231%20%22x%22%20%3Cy%3E');
  });

  it('leaves Chinese as it is', () => {
    expect(encodeTextDirectiveTerm('帶來了一些不確定性')).toBe('帶來了一些不確定性');
    expect(decodeURIComponent(encodeTextDirectiveTerm('Meta AI(原FAIR)'))).toBe('Meta AI(原FAIR)');
  });
});

describe('restParam', () => {
  it('gives Astro a page path without its final slash', () => {
    expect(restParam('article/')).toBe('article');
    expect(restParam('articles/followup/')).toBe('articles/followup');
  });
});
