/**
 * A large archive's search index in parts. Pagefind's indexer holds every record's text while it
 * writes an index, about 230 MB per million characters: the index of one script of 1,000
 * articles took 3.4 GB. So past a few million characters a script, the pages are dealt into parts,
 * each indexed by a Pagefind process of its own, a few at a time; the browser merges the parts
 * into one search (Pagefind's mergeIndex). Today's site is one part.
 */

/** Folder of a part inside the bundle, relative to it: the first part is the bundle itself. */
export function partFolder(part: number): string {
  return part === 0 ? '' : `part-${part}/`;
}

export interface PageText {
  /** The page's path without its script's prefix, so that a page and its twin share a part. */
  key: string;
  /** Characters the page gives the index, in the script that gives more. */
  chars: number;
}

/**
 * The part of each page (by key): as few parts as keep each near `maxChars`, the pages dealt out
 * in turn in key order, so that neighbouring pages, which are of one kind (the articles, the
 * people, the timeline's years…), go to different parts and every part holds its share of each
 * kind. Pagefind weighs a word by how rare it is in its own index, and the browser orders the
 * parts' results by those weights together, which only compare when the parts are alike. Pages
 * of one kind are of similar length, so the parts come out of similar size. A page is never cut.
 */
export function partsOfPages(pages: readonly PageText[], maxChars: number): Map<string, number> {
  if (!(maxChars > 0)) throw new Error(`search index parts: maxChars must be positive, not ${maxChars}`);
  const ordered = [...pages].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const total = ordered.reduce((sum, page) => sum + page.chars, 0);
  const count = Math.min(Math.max(1, Math.ceil(total / maxChars)), Math.max(1, ordered.length));
  return new Map(ordered.map((page, index) => [page.key, index % count]));
}
