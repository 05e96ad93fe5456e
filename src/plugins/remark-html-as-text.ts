/**
 * The article body is text. Markup-like text in it (`<script>`, `"><img onerror=…>`, the `</p>`
 * debris of a bad conversion) is shown to readers as written and never reaches the page as HTML:
 * every raw HTML node becomes a text node (a paragraph when it stood alone as a block).
 */
import type { Root, RootContent, Text } from 'mdast';

type Node = Root | RootContent;

const flowParents = new Set(['root', 'blockquote', 'listItem']);

function asText(node: Node): Node {
  if (!('children' in node)) return node;
  node.children = node.children.map((child) => {
    if (child.type !== 'html') return asText(child);
    const text: Text = { type: 'text', value: child.value, ...(child.position ? { position: child.position } : {}) };
    return flowParents.has(node.type) ? { type: 'paragraph', children: [text] } : text;
  }) as typeof node.children;
  return node;
}

export default function remarkHtmlAsText() {
  return (tree: Root): undefined => {
    asText(tree);
  };
}
