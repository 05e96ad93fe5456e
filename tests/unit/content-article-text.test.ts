import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { articleBlocks, articleTree, blockElements } from '../../src/lib/content/article-text.ts';
import { loadContent } from '../../src/lib/content/index.ts';
import { renderArticle } from '../../src/lib/site/render.ts';
import { LOST_FIGURE_PLACEHOLDER, lostFigureCaption } from '../../src/plugins/remark-lost-figures.ts';

const tricky = [
  '開頭一段，有*強調*與`code`。',
  '',
  '圖片',
  '',
  '## LLaMA論文14位作者，一半離職',
  '',
  '論文地址：https://arxiv.org/pdf/2302.13971.pdf',
  '',
  '## LLaMA論文14位作者，一半離職',
  '',
  '> 引文裡的一段。',
  '',
  '圖片',
  '',
  '<div>區塊 HTML</div>',
  '',
  '- 第一項 [連結](https://example.org/)',
  '- 第二項 <b>行內</b>',
  '',
  '1. 鬆散清單',
  '',
  '   第二段',
  '',
].join('\n');

describe('article blocks', () => {
  it('numbers paragraphs, figures and list items in document order, undeclared headings by rehype-slug', () => {
    expect(articleBlocks(tricky)).toEqual([
      { id: 'p-1', kind: 'paragraph', text: '開頭一段，有強調與code。' },
      { id: 'figure-1', kind: 'figure', text: `${LOST_FIGURE_PLACEHOLDER}${lostFigureCaption(1)}` },
      { id: 'llama論文14位作者一半離職', kind: 'heading', text: 'LLaMA論文14位作者，一半離職' },
      { id: 'p-2', kind: 'paragraph', text: '論文地址：https://arxiv.org/pdf/2302.13971.pdf' },
      { id: 'llama論文14位作者一半離職-1', kind: 'heading', text: 'LLaMA論文14位作者，一半離職' },
      { id: 'p-3', kind: 'paragraph', text: '引文裡的一段。' },
      { id: 'figure-2', kind: 'figure', text: `${LOST_FIGURE_PLACEHOLDER}${lostFigureCaption(2)}` },
      { id: 'p-4', kind: 'paragraph', text: '<div>區塊 HTML</div>' },
      { id: 'item-1', kind: 'list', text: '第一項 連結' },
      { id: 'item-2', kind: 'list', text: '第二項 <b>行內</b>' },
      { id: 'item-3', kind: 'list', text: '\n鬆散清單\n第二段\n' },
    ]);
  });

  it('renders a lost figure as a visible placeholder with a caption', () => {
    const figure = blockElements(articleTree('圖片\n')).find(({ block }) => block.kind === 'figure')!;
    expect(figure.element).toMatchObject({ tagName: 'figure', properties: { id: 'figure-1', className: ['lost-figure'] } });
    expect(figure.element.children.map((child) => (child.type === 'element' ? child.tagName : child.type))).toEqual(['div', 'figcaption']);
    expect(lostFigureCaption(3)).toBe('圖3\uff1a原文此處有一張配圖');
  });

  it('renders the article with the very blocks the validator reads (the page shows renderArticle)', async () => {
    const site = await loadContent('tests/fixtures/content-valid');
    const { body, data } = site.get.article('demo');
    const rendered = blockElements(fromHtml(await renderArticle(site, 'demo'), { fragment: true })).map(({ block }) => block.id);
    expect(rendered).toEqual(articleBlocks(body, data).map((block) => block.id));
    expect(rendered.length).toBeGreaterThan(3);
  });

  it('gives headings the readable ids declared in the frontmatter, and the reference list "references"', () => {
    const body = '## 2月巨變\n\n一段。\n\n## 沒有宣告的標題\n\n## 參考資料\n';
    const frontmatter = { corrections: { headings: [{ line: '2月巨變', id: 'february', reason: '…' }] } };
    const headings = articleBlocks(body, frontmatter).filter((block) => block.kind === 'heading');
    expect(headings.map((block) => block.id)).toEqual(['february', '沒有宣告的標題', 'references']);
  });
});
