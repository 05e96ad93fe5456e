import { describe, expect, it } from 'vitest';
import { addBlockLinks, blockLabel } from '../../src/lib/pages/article.ts';

describe('addBlockLinks', () => {
  const html = [
    '<p id="p-1">第一段<a class="mention" id="mention-x-1" href="/people/x/">小扎</a>。</p>',
    '<h2 id="2月巨變">2月巨變</h2>',
    '<figure id="figure-1" class="lost-figure"><div>原圖未保留</div><figcaption>圖1：原文此處有一張配圖</figcaption></figure>',
    '<ul><li id="item-1">The Information：&lt;script&gt;</li></ul>',
    '<p>no id</p>',
  ].join('');
  const out = addBlockLinks(html);

  it('links each paragraph, heading and list item to itself', () => {
    expect(out).toContain('<p id="p-1">第一段<a class="mention" id="mention-x-1" href="/people/x/">小扎</a>。<copy-link>\u2060<a href="#p-1">#<span class="visually-hidden">第1段的連結</span></a></copy-link></p>');
    expect(out).toContain('<h2 id="2月巨變"><copy-link>\u2060<a href="#2月巨變">#<span class="visually-hidden">小節「2月巨變」的連結</span></a></copy-link>2月巨變</h2>');
    expect(out).toContain('href="#2月巨變"');
    expect(out).toContain('<li id="item-1">');
  });

  it('puts a figure link in its caption and leaves blocks without ids alone', () => {
    expect(out).toContain('<figcaption>圖1：原文此處有一張配圖<copy-link>\u2060<a href="#figure-1">#<span class="visually-hidden">圖1的連結</span></a></copy-link></figcaption>');
    expect(out).toContain('<p>no id</p>');
  });

  it('keeps markup-like text escaped', () => {
    expect(out).toContain('&#x3C;script>');
    expect(out).not.toContain('<script>');
  });

  it('names blocks for screen readers', () => {
    expect(blockLabel('paragraph', 'p-12', '')).toBe('第12段');
    expect(blockLabel('heading', 'x', '團隊重組')).toBe('小節「團隊重組」');
    expect(blockLabel('item', 'item-2', '')).toBe('清單第2項');
    expect(blockLabel('figure', 'figure-3', '')).toBe('圖3');
  });
});
