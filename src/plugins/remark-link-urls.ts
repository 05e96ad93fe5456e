/**
 * Bare web addresses in the article (the 「論文地址:https://…」 lines) become links.
 * GFM's autolinking is off, so that the text the validator anchors quotes in is exactly the
 * rendered text; a link keeps its address as its text, so the text does not change.
 * An address is ASCII only: it ends where the Chinese text resumes. The link is of class "url",
 * so print, which writes out the address of other links, does not print it twice.
 */
import type { Link, Parent, Root, RootContent, Text } from 'mdast';

const ADDRESS = /https?:\/\/[A-Za-z0-9\-._~:/?#[\]@!$&'*+,;=%]+/g;

/** A trailing full stop or comma belongs to the sentence, not to the address. */
function trimSentencePunctuation(address: string): string {
  return address.replace(/[.,;:!?]+$/, '');
}

export function splitAddresses(value: string): Array<Text | Link> {
  const parts: Array<Text | Link> = [];
  let last = 0;
  for (const match of value.matchAll(ADDRESS)) {
    const address = trimSentencePunctuation(match[0]);
    const start = match.index;
    if (start > last) parts.push({ type: 'text', value: value.slice(last, start) });
    parts.push({ type: 'link', url: address, children: [{ type: 'text', value: address }], data: { hProperties: { className: ['url'] } } });
    last = start + address.length;
  }
  if (last < value.length) parts.push({ type: 'text', value: value.slice(last) });
  return parts;
}

function linkify(node: Parent): void {
  node.children = node.children.flatMap((child): RootContent[] => {
    if (child.type === 'text') return splitAddresses(child.value);
    if (child.type !== 'link' && 'children' in child) linkify(child);
    return [child];
  }) as Parent['children'];
}

export default function remarkLinkUrls() {
  return (tree: Root): undefined => {
    linkify(tree);
  };
}
