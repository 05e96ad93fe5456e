/**
 * Reader affordances for the rendered article body: every heading, paragraph, list item and
 * figure gets a visible "#" link to its own id (wrapped in <copy-link> for the copy button)
 * (search finds the blocks by their ids). The body's text and ids are left exactly as rendered.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'hast-util-to-string';

const headingTags = new Set(['h2', 'h3', 'h4', 'h5', 'h6']);

/** "How to read the marks", shown above the article; parts with a class show that mark's style. */
export const annotationLegend: readonly (readonly { text: string; mark?: 'mention' | 'claim' | 'fix' }[])[] = [
  [{ text: '人名與機構名', mark: 'mention' }, { text: '連到人物或機構的頁面。' }],
  [{ text: '下有橙色線的字', mark: 'fix' }, { text: '是修復過的地方，點一下看更正記錄。' }],
  [{ text: '勾選「顯示說法與日期」後，' }, { text: '加了點狀底線的句子', mark: 'claim' }, { text: '是一則說法，後面的〔來源・方式〕連到說法的條目；事件後的〔日期〕連到時間線。' }],
  [{ text: '每段、每個標題旁的「#」是它的固定連結，可以用來引用。' }],
];

/** The label of the checkbox that shows the claim and event marks (the legend names it). */
export const showMarksLabel = '顯示說法與日期';

/** Text of the article page above the body besides the article's own: text fragments must not match it. */
export const textAboveBody: readonly string[] = [...annotationLegend.map((parts) => parts.map((part) => part.text).join('')), showMarksLabel];

export type BlockKind = 'heading' | 'paragraph' | 'item' | 'figure';

/** What a block's link says to screen readers, e.g. "第3段" or "小節「2月巨變」". */
export function blockLabel(kind: BlockKind, id: string, text: string): string {
  const n = /-(\d+)$/.exec(id)?.[1] ?? '';
  if (kind === 'heading') return `小節「${text}」`;
  if (kind === 'paragraph') return `第${n}段`;
  if (kind === 'item') return `清單第${n}項`;
  return `圖${n}`;
}

function blockKind(element: Element): BlockKind | undefined {
  const id = element.properties.id;
  if (typeof id !== 'string' || id === '') return undefined;
  if (headingTags.has(element.tagName)) return 'heading';
  if (element.tagName === 'p' && /^p-\d+$/.test(id)) return 'paragraph';
  if (element.tagName === 'li' && /^item-\d+$/.test(id)) return 'item';
  if (element.tagName === 'figure' && /^figure-\d+$/.test(id)) return 'figure';
  return undefined;
}

/**
 * A WORD JOINER before a block's "#": the link stays on the line of the block's last characters
 * instead of wrapping onto a line of its own.
 */
export const PERMALINK_JOINER = '\u2060';

/** <copy-link>⁠<a href="#id">#<span class="visually-hidden">label的連結</span></a></copy-link> (search skips <copy-link>) */
export function permalinkElement(id: string, label: string): Element {
  return {
    type: 'element',
    tagName: 'copy-link',
    properties: {},
    children: [
      { type: 'text', value: PERMALINK_JOINER },
      {
        type: 'element',
        tagName: 'a',
        properties: { href: `#${id}` },
        children: [
          { type: 'text', value: '#' },
          { type: 'element', tagName: 'span', properties: { className: ['visually-hidden'] }, children: [{ type: 'text', value: `${label}的連結` }] },
        ],
      },
    ],
  };
}

/** Adds permalinks to the blocks of a rendered article body (HTML in, HTML out). */
export function addBlockLinks(html: string): string {
  const tree: Root = fromHtml(html, { fragment: true });
  const visit = (nodes: (RootContent | ElementContent)[]): void => {
    for (const node of nodes) {
      if (node.type !== 'element') continue;
      const kind = blockKind(node);
      if (!kind) {
        visit(node.children);
        continue;
      }
      const id = String(node.properties.id);
      const link = permalinkElement(id, blockLabel(kind, id, toString(node).trim()));
      const caption = kind === 'figure' ? node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'figcaption') : undefined;
      // A heading's link comes first: it floats to the end of the heading's first line.
      if (kind === 'heading') node.children.unshift(link);
      else (caption ?? node).children.push(link);
      // List items may hold paragraphs of their own; those carry no ids, so nothing below needs a link.
    }
  };
  visit(tree.children);
  return toHtml(tree);
}
