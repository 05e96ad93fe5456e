/**
 * Section ids a reader can read and type: a heading listed in the article's corrections log with
 * an `id` (corrections.headings[].id) takes that id, and the reference list the restoration
 * builds is "references". rehype-slug runs first and keeps its id (the heading's Chinese text,
 * percent-encoded in every shared URL) for headings that declare none; the ids the article's
 * headings had before are declared in content/redirects.yaml, so old links still land.
 *
 * The ids come from the file's frontmatter (`file.data.astro.frontmatter`, where Astro puts it;
 * src/lib/content/article-text.ts passes the same when it reads the blocks for validation).
 */
import type { Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { REFERENCES_HEADING } from '../lib/restore/replay.ts';

export const REFERENCES_ID = 'references';

const headingTags = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** Heading text → declared id, read from an article's frontmatter (unvalidated: the schema checks it). */
export function declaredHeadingIds(frontmatter: unknown): Map<string, string> {
  const ids = new Map<string, string>([[REFERENCES_HEADING, REFERENCES_ID]]);
  const corrections = isRecord(frontmatter) ? frontmatter.corrections : undefined;
  const headings = isRecord(corrections) ? corrections.headings : undefined;
  if (!Array.isArray(headings)) return ids;
  for (const heading of headings) {
    if (isRecord(heading) && typeof heading.line === 'string' && typeof heading.id === 'string') ids.set(heading.line, heading.id);
  }
  return ids;
}

export interface HeadingIdsFile {
  data: { astro?: { frontmatter?: unknown } };
}

export default function rehypeHeadingIds() {
  return (tree: Root, file: HeadingIdsFile): undefined => {
    const ids = declaredHeadingIds(file.data.astro?.frontmatter);
    for (const node of tree.children) {
      if (node.type !== 'element' || !headingTags.has(node.tagName)) continue;
      const id = ids.get(toString(node));
      if (id) node.properties.id = id;
    }
  };
}
