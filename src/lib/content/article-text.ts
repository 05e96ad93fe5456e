/**
 * The article body as blocks of text with their element ids: headings (the ids declared in the
 * frontmatter, else rehype-slug's),
 * paragraphs p-1…, lost figures figure-1…, list items item-1….
 *
 * The blocks are read from the very tree the site renders: the same remark plugins and the same
 * structural rehype plugins run here and in astro.config.mjs (which imports these lists), so a
 * block's id and text are exactly those of the rendered element before annotation.
 */
import type { Element, Root as HastRoot, RootContent } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import { toString } from 'hast-util-to-string';
import rehypeSlug from 'rehype-slug';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type Plugin, type Processor } from 'unified';
import remarkHtmlAsText from '../../plugins/remark-html-as-text.ts';
import remarkLinkUrls from '../../plugins/remark-link-urls.ts';
import remarkLostFigures from '../../plugins/remark-lost-figures.ts';
import rehypeHeadingIds from '../../plugins/rehype-heading-ids.ts';
import rehypeParagraphIds from '../../plugins/rehype-paragraph-ids.ts';

export interface Block {
  id: string;
  kind: 'heading' | 'paragraph' | 'figure' | 'list';
  /** The block's text as the reader sees it, before annotations add their tags. */
  text: string;
}

/** Remark plugins of the article pipeline (Markdown → Markdown). */
export const articleRemarkPlugins = [remarkHtmlAsText, remarkLostFigures, remarkLinkUrls] as const;

/** Rehype plugins that give blocks their ids; annotations run after these. */
export const articleStructurePlugins = [rehypeSlug, rehypeHeadingIds, rehypeParagraphIds] as const;

/**
 * remark-parse → the article's remark plugins → remark-rehype → the structural rehype plugins.
 * Callers may add rehype plugins (annotations) and a compiler.
 */
export function articleProcessor(): Processor<MdastRoot, MdastRoot, HastRoot, HastRoot> {
  // unified types a chain of fixed plugins; the loops build the same chain from the shared lists.
  const processor = unified().use(remarkParse) as unknown as Processor<MdastRoot, MdastRoot, HastRoot, HastRoot>;
  for (const plugin of [...articleRemarkPlugins, remarkRehype, ...articleStructurePlugins]) processor.use(plugin as unknown as Plugin);
  return processor;
}

/**
 * The hast tree of a body, with block ids, as the site renders it before annotation. The
 * frontmatter goes where Astro puts it for the plugins (declared heading ids).
 */
export function articleTree(body: string, frontmatter: Record<string, unknown> = {}): HastRoot {
  const processor = articleProcessor();
  return processor.runSync(processor.parse(body), { value: body, data: { astro: { frontmatter } } });
}

const headingTags = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

export interface BlockElement {
  block: Block;
  element: Element;
}

/** Blocks in document order with the elements they come from. */
export function blockElements(tree: HastRoot): BlockElement[] {
  const found: BlockElement[] = [];
  const walk = (nodes: RootContent[]): void => {
    for (const node of nodes) {
      if (node.type !== 'element') continue;
      const id = typeof node.properties.id === 'string' ? node.properties.id : undefined;
      if (headingTags.has(node.tagName) && id) {
        found.push({ block: { id, kind: 'heading', text: toString(node) }, element: node });
      } else if (node.tagName === 'p' && id) {
        found.push({ block: { id, kind: 'paragraph', text: toString(node) }, element: node });
      } else if (node.tagName === 'figure' && id) {
        found.push({ block: { id, kind: 'figure', text: toString(node) }, element: node });
      } else if (node.tagName === 'li' && id) {
        found.push({ block: { id, kind: 'list', text: toString(node) }, element: node });
      } else {
        walk(node.children);
      }
    }
  };
  walk(tree.children);
  return found;
}

/** The article body (and its frontmatter) → blocks in document order. */
export function articleBlocks(body: string, frontmatter?: Record<string, unknown>): Block[] {
  return blockElements(articleTree(body, frontmatter)).map(({ block }) => block);
}

/** Blocks whose text is the article's own words (figures only carry a placeholder). */
export function isTextBlock(block: Block): boolean {
  return block.kind !== 'figure';
}
