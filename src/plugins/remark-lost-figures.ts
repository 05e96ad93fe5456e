/**
 * A paragraph reading exactly 圖片 marks an image of the original that did not survive.
 * It becomes <figure id="figure-N"> with a visible placeholder and a caption, so readers know
 * something was there; figures are numbered in document order and are not paragraphs.
 */
import type { Element } from 'hast';
import type { Paragraph, Root } from 'mdast';

export const LOST_FIGURE_LINE = '圖片';
export const LOST_FIGURE_PLACEHOLDER = '原圖未保留';

export function isLostFigure(node: Root['children'][number]): node is Paragraph {
  return (
    node.type === 'paragraph' &&
    node.children.length === 1 &&
    node.children[0]!.type === 'text' &&
    node.children[0]!.value.trim() === LOST_FIGURE_LINE
  );
}

export function lostFigureCaption(n: number): string {
  return `圖${n}：原文此處有一張配圖`;
}

export default function remarkLostFigures() {
  return (tree: Root): undefined => {
    let n = 0;
    for (const node of tree.children) {
      if (!isLostFigure(node)) continue;
      n += 1;
      const children: Element[] = [
        {
          type: 'element',
          tagName: 'div',
          properties: { className: ['lost-figure-placeholder'] },
          children: [{ type: 'text', value: LOST_FIGURE_PLACEHOLDER }],
        },
        { type: 'element', tagName: 'figcaption', properties: {}, children: [{ type: 'text', value: lostFigureCaption(n) }] },
      ];
      node.data = { ...node.data, hName: 'figure', hProperties: { id: `figure-${n}`, className: ['lost-figure'] }, hChildren: children };
    }
  };
}
