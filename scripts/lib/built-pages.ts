/**
 * Reading a built site as files: which pages it has (both scripts), and what each page offers
 * (ids) and points to (links and resource references). Used by the build steps after Astro
 * (scripts/build/), the link checker, the permalink manifest, the end-to-end harness and the
 * benchmarks.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import type { Element, Root } from 'hast';

export type Script = 'hant' | 'hans';

export const SIMPLIFIED_PREFIX = 'zh-hans/';

export interface BuiltPage {
  /** URL path relative to the base: '' for home, 'article/', 'zh-hans/people/x/', '404.html'. */
  path: string;
  /** Absolute path of the HTML file. */
  file: string;
  script: Script;
  /** Path of the same page in the other script. */
  twin: string;
  /**
   * A page left at a moved URL (content/redirects.yaml, scripts/build/redirects.ts): it refreshes
   * to the new place at once, so it is not a page to read, and its canonical URL is the new place.
   */
  redirect: boolean;
}

const REFRESH = /<meta\s+http-equiv="refresh"/i;

/** Pagefind's bundle is not part of the site's pages. */
const SEARCH_BUNDLE_DIR = 'pagefind';

export interface HtmlFile {
  /** URL path relative to the base, as in BuiltPage. */
  path: string;
  /** Absolute path of the HTML file. */
  file: string;
  /** Path of the file relative to the site's root, with "/" separators: 'people/x/index.html'. */
  relative: string;
}

/** The URL path below the base of a file given relative to the site root: "people/x/index.html" → "people/x/". */
export function pagePathOfRelative(rel: string): string {
  if (rel === 'index.html') return '';
  return rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel;
}

export function pagePathOfFile(root: string, file: string): string {
  return pagePathOfRelative(relative(root, file).split(sep).join('/'));
}

/**
 * Every HTML file of a built site (both scripts, Pagefind's bundle aside), sorted by file path:
 * the one walk over the built pages that the build steps, the checkers and the tests share.
 */
export function listHtmlFiles(root: string): HtmlFile[] {
  const dir = resolve(root);
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => {
      const file = join(entry.parentPath, entry.name);
      const rel = relative(dir, file).split(sep).join('/');
      return { path: pagePathOfRelative(rel), file, relative: rel };
    })
    .filter((page) => page.relative.split('/')[0] !== SEARCH_BUNDLE_DIR)
    .sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0));
}

/** Every HTML page of a built site, both scripts, sorted by path. */
export function listPages(root: string): BuiltPage[] {
  return listHtmlFiles(root)
    .map(({ path, file }): BuiltPage => {
      const script: Script = path.startsWith(SIMPLIFIED_PREFIX) ? 'hans' : 'hant';
      const twin = script === 'hans' ? path.slice(SIMPLIFIED_PREFIX.length) : SIMPLIFIED_PREFIX + path;
      return { path, file, script, twin, redirect: REFRESH.test(readFileSync(file, 'utf8')) };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** True for the not-found pages, which are served for missing URLs and never linked as such. */
export function isNotFoundPage(path: string): boolean {
  return /(^|\/)404\.html$/.test(path);
}

/** The search page of either script: the one page that needs JavaScript to do its job. */
export function isSearchPage(path: string): boolean {
  return /(^|\/)search\/$/.test(path);
}

/**
 * The file a URL path (already stripped of the base) is served from, as a static host with
 * directory indexes does; null when nothing is there.
 */
export function fileForPath(root: string, pathBelowBase: string): string | null {
  const clean = pathBelowBase.replace(/^\/+/, '');
  const candidate = clean === '' || clean.endsWith('/') ? join(root, clean, 'index.html') : join(root, clean);
  const resolved = resolve(candidate);
  if (!resolved.startsWith(resolve(root))) return null;
  try {
    return statSync(resolved).isFile() ? resolved : null;
  } catch {
    return null;
  }
}

export interface Reference {
  /** Tag and attribute the reference came from, e.g. 'a[href]', 'link[rel=canonical]'. */
  source: string;
  value: string;
  /** Navigation links (a, area, form) may point elsewhere; resources (scripts, styles, images) may not. */
  kind: 'navigation' | 'resource' | 'metadata';
  /** Id of the element itself or of its nearest ancestor with one (e.g. 'claim-x'): where on the page the reference sits. */
  within?: string;
}

export interface PageFacts {
  ids: string[];
  /** Ids of <main> and of the elements in it: the places a reader links to (not the page chrome). */
  contentIds: string[];
  duplicateIds: string[];
  references: Reference[];
  /** Normalised text of the whole document body, for text-fragment checks. */
  text: string;
}

function prop(node: Element, name: string): string | undefined {
  const value = node.properties[name];
  if (value === undefined || value === null || value === false) return undefined;
  return Array.isArray(value) ? value.join(' ') : String(value);
}

function srcsetUrls(srcset: string): string[] {
  return srcset
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean);
}

function collectText(tree: Root): string {
  const parts: string[] = [];
  visit(tree, (node, _index, parent) => {
    if (node.type === 'text' && !(parent?.type === 'element' && ['script', 'style', 'template'].includes(parent.tagName))) {
      parts.push(node.value);
    }
  });
  return parts.join('').replace(/\s+/g, ' ');
}

export function pageFacts(html: string): PageFacts {
  return pageFactsOfTree(fromHtml(html));
}

/** The facts of a page already parsed (the build parses each page once, in its CSP step). */
export function pageFactsOfTree(tree: Root): PageFacts {
  const ids: string[] = [];
  const contentIds: string[] = [];
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  const references: Reference[] = [];
  const mainElements = new Set<Element>();
  /** The nearest id of each element that has one or sits inside one (parents are visited first). */
  const nearestId = new Map<Element, string>();
  let within: string | undefined;
  const add = (source: string, value: string | undefined, kind: Reference['kind']): void => {
    if (value === undefined || value.trim() === '') return;
    references.push(within === undefined ? { source, value: value.trim(), kind } : { source, value: value.trim(), kind, within });
  };
  visit(tree, 'element', (node: Element, _index, parent) => {
    const inMain = node.tagName === 'main' || (parent !== undefined && mainElements.has(parent as Element));
    if (inMain) mainElements.add(node);
    const id = prop(node, 'id');
    within = id ?? (parent?.type === 'element' ? nearestId.get(parent) : undefined);
    if (within !== undefined) nearestId.set(node, within);
    // <a name> is a legacy fragment target that browsers still honour.
    const anchorName = node.tagName === 'a' ? prop(node, 'name') : undefined;
    for (const target of [id, anchorName]) {
      if (target === undefined) continue;
      if (seen.has(target)) duplicates.add(target);
      seen.add(target);
      ids.push(target);
      if (inMain) contentIds.push(target);
    }
    const tag = node.tagName;
    switch (tag) {
      case 'a':
      case 'area':
        add(`${tag}[href]`, prop(node, 'href') ?? prop(node, 'xLinkHref'), 'navigation');
        break;
      case 'form':
        add('form[action]', prop(node, 'action'), 'navigation');
        break;
      case 'link': {
        const rel = prop(node, 'rel') ?? '';
        const kind = /\b(canonical|alternate)\b/.test(rel) ? 'metadata' : 'resource';
        add(`link[rel=${rel}]`, prop(node, 'href'), kind);
        break;
      }
      case 'script':
      case 'iframe':
      case 'audio':
      case 'video':
      case 'track':
      case 'embed':
        add(`${tag}[src]`, prop(node, 'src'), 'resource');
        break;
      case 'img':
      case 'source':
        add(`${tag}[src]`, prop(node, 'src'), 'resource');
        for (const url of srcsetUrls(prop(node, 'srcSet') ?? '')) add(`${tag}[srcset]`, url, 'resource');
        break;
      case 'image':
      case 'use':
        add(`${tag}[href]`, prop(node, 'href') ?? prop(node, 'xLinkHref'), 'resource');
        break;
      case 'object':
        add('object[data]', prop(node, 'data'), 'resource');
        break;
      case 'meta': {
        const key = prop(node, 'property') ?? prop(node, 'name') ?? '';
        if (/^(og:url|og:image|twitter:image)$/.test(key)) add(`meta[${key}]`, prop(node, 'content'), 'metadata');
        break;
      }
    }
  });
  return { ids, contentIds, duplicateIds: [...duplicates], references, text: collectText(tree) };
}

export function readPageFacts(file: string): PageFacts {
  return pageFacts(readFileSync(file, 'utf8'));
}
