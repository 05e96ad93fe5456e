/**
 * Stable ids for linkable blocks, in document order: paragraphs p-1, p-2, … and list items
 * item-1, item-2, …. Paragraphs inside list items and figures belong to those blocks and get
 * no id of their own. Headings get theirs from rehype-slug.
 */
import type { Element, Root, RootContent } from 'hast';

export default function rehypeParagraphIds() {
  return (tree: Root): undefined => {
    let paragraphs = 0;
    let items = 0;
    const walk = (nodes: RootContent[], insideBlock: boolean): void => {
      for (const node of nodes) {
        if (node.type !== 'element') continue;
        const element: Element = node;
        if (element.tagName === 'li') {
          items += 1;
          element.properties.id = `item-${items}`;
          walk(element.children, true);
        } else if (element.tagName === 'figure') {
          walk(element.children, true);
        } else if (element.tagName === 'p' && !insideBlock) {
          paragraphs += 1;
          element.properties.id = `p-${paragraphs}`;
        } else {
          walk(element.children, insideBlock);
        }
      }
    };
    walk(tree.children, false);
  };
}
