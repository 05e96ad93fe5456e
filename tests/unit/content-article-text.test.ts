import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { fromHtml } from 'hast-util-from-html';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import config from '../../astro.config.mjs';
import { articleBlocks, articleRemarkPlugins, articleStructurePlugins, articleTree, blockElements } from '../../src/lib/content/article-text.ts';
import { loadContent, renderArticle } from '../../src/lib/content/index.ts';
import rehypeAnnotations from '../../src/plugins/rehype-annotations.ts';
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

  it('agrees with what the Astro Markdown processor renders', async () => {
    const processor = await createMarkdownProcessor({
      gfm: false,
      smartypants: false,
      syntaxHighlight: false,
      remarkPlugins: [...articleRemarkPlugins],
      rehypePlugins: [...articleStructurePlugins],
    });
    const { code } = await processor.render(tricky);
    const rendered = blockElements(fromHtml(code, { fragment: true })).map(({ block }) => block);
    expect(rendered).toEqual(articleBlocks(tricky));
  });

  it('gives headings the readable ids declared in the frontmatter, the same through the Astro processor', async () => {
    const body = '## 2月巨變\n\n一段。\n\n## 沒有宣告的標題\n\n## 參考資料\n';
    const frontmatter = { corrections: { headings: [{ line: '2月巨變', id: 'february', reason: '…' }] } };
    const headings = articleBlocks(body, frontmatter).filter((block) => block.kind === 'heading');
    expect(headings.map((block) => block.id)).toEqual(['february', '沒有宣告的標題', 'references']);
    const processor = await createMarkdownProcessor({
      gfm: false,
      smartypants: false,
      syntaxHighlight: false,
      remarkPlugins: [...articleRemarkPlugins],
      rehypePlugins: [...articleStructurePlugins],
    });
    const { code } = await processor.render(body, { frontmatter });
    expect(blockElements(fromHtml(code, { fragment: true })).map(({ block }) => block)).toEqual(articleBlocks(body, frontmatter));
  });

  it('is wired into astro.config.mjs: the same plugin lists, then the annotations, GFM off', () => {
    const options = (config.markdown?.processor as { options: { remarkPlugins: unknown[]; rehypePlugins: unknown[]; gfm?: boolean } }).options;
    expect(options.gfm).toBe(false);
    expect(options.remarkPlugins).toEqual([...articleRemarkPlugins]);
    expect(options.rehypePlugins.slice(0, articleStructurePlugins.length)).toEqual([...articleStructurePlugins]);
    expect((options.rehypePlugins[articleStructurePlugins.length] as unknown[])[0]).toBe(rehypeAnnotations);
  });

  it('renders the annotated fixture identically through the Astro processor', async () => {
    const root = 'tests/fixtures/content-valid';
    const site = await loadContent(root);
    const processor = await createMarkdownProcessor({
      gfm: false,
      smartypants: false,
      syntaxHighlight: false,
      remarkPlugins: [...articleRemarkPlugins],
      rehypePlugins: [...articleStructurePlugins, [rehypeAnnotations, { site: () => site, base: '/' }]],
    });
    const path = `${process.cwd()}/${root}/content/articles/demo/index.md`;
    const { code } = await processor.render(site.get.article('demo').body, { fileURL: new URL(`file://${path}`) });
    expect(code).toBe(await renderArticle(site, 'demo'));
    expect(readFileSync(path, 'utf8').endsWith(site.get.article('demo').body)).toBe(true);
  });
});
