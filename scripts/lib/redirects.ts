/**
 * Declared moves (content/redirects.yaml), as pure functions: reading the entries, checking
 * them against the built pages they name, planning what the build writes so that an old URL or
 * fragment still takes a reader to its new place, and the markup for it. No filesystem access:
 * scripts/build/redirects.ts reads and writes, scripts/permalinks.ts shares the entry rules, so
 * the permalink gate and the build agree on what an entry means.
 *
 * Without JavaScript or server configuration:
 * - a moved page leaves a redirect page at its old path (meta refresh, canonical, a link);
 * - a moved id on a page that is still published leaves an empty element with the old id right
 *   where the new id is, or, when it moved to another page, a note that shows only when it is
 *   the :target (both kept out of search: they are not content);
 * - `_redirects` repeats the page moves for hosts that redirect with HTTP.
 */
import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { parse as parseYaml } from 'yaml';
import { joinBase, simplifiedPath } from '../../src/lib/pages/urls.ts';
import { escapeMarkup } from './escape.ts';

export const REDIRECTS_LABEL = 'content/redirects.yaml';

export interface Alias {
  /** The old place: a page path below the base, optionally with a fragment ('article/#p-12'). */
  from: string;
  /** Where it lives now, in the same form. */
  to: string;
  /**
   * For a move the build derives from the data (an event that left "timeline/"): with JavaScript, a
   * reader arriving by the old fragment is taken on to the new place, as a redirect page does.
   */
  carry?: boolean;
}

export class RedirectsError extends Error {
  override name = 'RedirectsError';
}

export function splitPlace(place: string): { path: string; id: string | undefined } {
  const hashAt = place.indexOf('#');
  return hashAt < 0 ? { path: place, id: undefined } : { path: place.slice(0, hashAt), id: place.slice(hashAt + 1) };
}

/** True when `pages` (page path → ids) has the page, and the id when the place names one. */
export function placeExists(pages: Readonly<Record<string, readonly string[]>>, place: string): boolean {
  const { path, id } = splitPlace(place);
  const ids = pages[path];
  return ids !== undefined && (id === undefined || ids.includes(id));
}

export function missingTargetMessage(alias: Alias): string {
  return `"${alias.from}" points to "${alias.to}", which does not exist`;
}

/** What is wrong with how a place is written, or null; pages end in "/" (trailingSlash is "always") or ".html". */
function placeFormProblem(place: string): string | null {
  const { path, id } = splitPlace(place);
  // A redirect stays on this site: anything a browser could read as another host, or as a script, is refused by name.
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(place);
  if (scheme) return `is an absolute URL ("${scheme[1]}:"); an entry names a page path of this site, below the base, such as "article/" (a move never leaves the site)`;
  if (place.includes('\\')) return 'contains a backslash, which browsers read as "/" (and "\\\\host" as another host); write the page path with "/" only';
  if (/\s|[\u0000-\u001f\u007f]/.test(place)) return 'contains white space or a control character, which no URL or id of the site has';
  if (path.includes('%')) return 'contains "%": write the page path as it reads, not percent-encoded';
  if (path.includes('?')) return 'has a query string; name the page path only';
  if (path !== '' && !path.endsWith('/') && !path.endsWith('.html')) {
    return `is not a page path: page paths end with "/", as in "${path}/${id === undefined ? '' : `#${id}`}"`;
  }
  if (path.split('/').slice(0, -1).some((segment) => segment === '' || segment === '.' || segment === '..')) {
    return 'has an empty, "." or ".." segment; write the page path as its URL shows it below the base';
  }
  if (id === '') return 'ends in an empty fragment';
  return null;
}

/** The entries of content/redirects.yaml that are usable, and what is wrong with the others (every problem, one line each). */
function readEntries(source: string, file: string): { aliases: Alias[]; problems: string[] } {
  let data: unknown;
  try {
    data = parseYaml(source, { maxAliasCount: 100 }) ?? [];
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { aliases: [], problems: [`${file}: is not valid YAML (${reason}); write a list of "- from: …" / "  to: …" entries`] };
  }
  if (!Array.isArray(data)) return { aliases: [], problems: [`${file}: expected a YAML list of { from, to } entries`] };
  const aliases: Alias[] = [];
  const problems: string[] = [];
  data.forEach((entry: unknown, index) => {
    const record = entry as Record<string, unknown> | null;
    let usable = true;
    for (const field of ['from', 'to'] as const) {
      const value = record?.[field];
      const where = `${file}: entry ${index + 1}, field "${field}"`;
      let problem: string | null = null;
      if (typeof value === 'string' && value.startsWith('//')) {
        problem = `"${value}" starts with "//", which browsers read as another host; an entry names a page path of this site below the base, such as "article/"`;
      } else if (typeof value !== 'string' || value.startsWith('/')) {
        problem = `expected a page path below the base such as "article/#p-12" (no leading slash), got ${JSON.stringify(value)}`;
      } else {
        const formProblem = placeFormProblem(value);
        if (formProblem) problem = `${JSON.stringify(value)} ${formProblem}`;
      }
      if (problem) {
        problems.push(`${where}: ${problem}`);
        usable = false;
      }
    }
    if (usable) aliases.push({ from: String(record?.from), to: String(record?.to) });
  });
  return { aliases, problems };
}

/** Reads the YAML text of content/redirects.yaml: a list of { from, to }; `file` names it in errors, every one at once. */
export function parseAliases(source: string, file: string): Alias[] {
  const { aliases, problems } = readEntries(source, file);
  if (problems.length > 0) throw new RedirectsError(problems.join('\n'));
  return aliases;
}

/** What the build knows of a built page that an entry names. */
export interface LivePage {
  /** Every id on the page: an old id may not be given to the page again while one of these has it. */
  ids: readonly string[];
  /** Ids of <main> and what is in it, the places an entry may point to (as in the permalink manifest). */
  contentIds: readonly string[];
  /** The page's <h1> (else its <title>): the text of links to it. */
  heading: string;
}

/** Built pages by path below the base; at least every page an entry's from or to names. */
export type LivePages = Readonly<Record<string, LivePage>>;

export interface SiteAddress {
  /** Public origin, for canonical URLs: 'https://example.org'. */
  origin: string;
  /** '/' or '/sub/'. */
  base: string;
}

type Lang = 'zh-Hant' | 'zh-Hans';

const SIMPLIFIED_PREFIX = simplifiedPath('');

function langOfPath(path: string): Lang {
  return path.startsWith(SIMPLIFIED_PREFIX) ? 'zh-Hans' : 'zh-Hant';
}

/** The same place in the other script: every page is built in both, with the same ids. */
export function twinPlace(place: string): string {
  return place.startsWith(SIMPLIFIED_PREFIX) ? place.slice(SIMPLIFIED_PREFIX.length) : simplifiedPath(place);
}

function entryLabel(alias: Alias, index: number): string {
  return `${REDIRECTS_LABEL}, entry ${index + 1} ("${alias.from}" → "${alias.to}")`;
}

/**
 * Everything about the entries that needs no built page, found before Astro runs and thrown all
 * at once: how each place is written (an absolute URL, "javascript:", a backslash or "//host" is
 * refused by name), a place moved onto itself or twice, a target that has itself moved (or a
 * loop), and a move declared in one script only. What needs the pages (an old place still
 * published, a missing target) is checked by planRedirects after Astro.
 */
export function checkRedirectEntries(source: string, file: string = REDIRECTS_LABEL): void {
  const { aliases, problems } = readEntries(source, file);
  const firstEntryFrom = new Map<string, number>();
  aliases.forEach((alias, index) => {
    if (!firstEntryFrom.has(alias.from)) firstEntryFrom.set(alias.from, index);
  });
  aliases.forEach((alias, index) => {
    const label = entryLabel(alias, index);
    if (alias.from === alias.to) {
      problems.push(`${label}: moves a place onto itself; remove the entry`);
      return;
    }
    const first = firstEntryFrom.get(alias.from) ?? index;
    if (first !== index) {
      problems.push(`${label}: "${alias.from}" is already moved by entry ${first + 1}; keep one of the two`);
      return;
    }
    // Follow the targets that have moved in turn: back to this place is a loop.
    const visited = [alias.from];
    let inLoop = false;
    for (let hop = firstEntryFrom.get(alias.to); hop !== undefined && visited.length <= aliases.length; hop = firstEntryFrom.get(aliases[hop]!.to)) {
      visited.push(aliases[hop]!.from);
      if (aliases[hop]!.to === alias.from) {
        problems.push(`${label}: the entries form a loop (${[...visited, alias.from].map((place) => `"${place}"`).join(' → ')}); point each moved place to a page or id the site publishes`);
        inLoop = true;
        break;
      }
    }
    const to = splitPlace(alias.to);
    const next = firstEntryFrom.get(alias.to) ?? (to.id === undefined ? undefined : firstEntryFrom.get(to.path));
    const nextAlias = next === undefined ? undefined : aliases[next];
    if (nextAlias && !inLoop) {
      problems.push(
        `${label}: "${alias.to}" has itself moved (entry ${next! + 1}: "${nextAlias.from}" → "${nextAlias.to}"); chains are not followed, so point this entry straight to the final place`,
      );
    }
    const twin = twinPlace(alias.from);
    if (!firstEntryFrom.has(twin)) {
      problems.push(
        `${label}: the same place in the other script, "${twin}", has no entry; add "- from: ${twin}" with "to: ${twinPlace(alias.to)}" (every page is published in both scripts)`,
      );
    }
  });
  if (problems.length > 0) throw new RedirectsError(`${file} cannot be made real:\n  ${problems.join('\n  ')}`);
}

/**
 * Every reason the entries cannot be made real against the built pages, one line each: a
 * place moved onto itself or declared twice, an old place that is still published, a target
 * that is gone or has itself moved (chains are not followed), a moved fragment of a vanished
 * page whose page has no entry, and a move declared in one script only.
 */
export function redirectProblems(aliases: readonly Alias[], live: LivePages): string[] {
  const contentIds = Object.fromEntries(Object.entries(live).map(([path, page]) => [path, page.contentIds]));
  const allIds = Object.fromEntries(Object.entries(live).map(([path, page]) => [path, page.ids]));
  const firstEntryFrom = new Map<string, number>();
  aliases.forEach((alias, index) => {
    if (!firstEntryFrom.has(alias.from)) firstEntryFrom.set(alias.from, index);
  });
  const problems: string[] = [];
  aliases.forEach((alias, index) => {
    const label = entryLabel(alias, index);
    const from = splitPlace(alias.from);
    const to = splitPlace(alias.to);
    if (alias.from === alias.to) {
      problems.push(`${label}: moves a place onto itself; remove the entry`);
      return;
    }
    const first = firstEntryFrom.get(alias.from) ?? index;
    if (first !== index) {
      problems.push(`${label}: "${alias.from}" is already moved by entry ${first + 1}; keep one of the two`);
      return;
    }
    if (placeExists(allIds, alias.from)) {
      const what = from.id === undefined ? `the page "${from.path}" is still published` : `"${from.path}" still has an element with the id "${from.id}"`;
      problems.push(`${label}: ${what}; an entry is for a place that is gone, so remove the entry or remove the place`);
    }
    // The next hop: an entry for the target itself, or for the vanished page of a target fragment.
    const next = firstEntryFrom.get(alias.to) ?? (to.id === undefined ? undefined : firstEntryFrom.get(to.path));
    const nextAlias = next === undefined ? undefined : aliases[next];
    if (next !== undefined && nextAlias) {
      problems.push(
        `${label}: "${alias.to}" has itself moved (entry ${next + 1}: "${nextAlias.from}" → "${nextAlias.to}"); chains are not followed, so point this entry straight to the final place`,
      );
    } else if (!placeExists(contentIds, alias.to)) {
      const why = live[to.path] === undefined ? `no page "${to.path}" is built` : `the content of "${to.path}" has no element with the id "${to.id}"`;
      problems.push(`${label}: ${missingTargetMessage(alias)} (${why}); point it to a page or id the site publishes now`);
    }
    if (from.id !== undefined && live[from.path] === undefined && !firstEntryFrom.has(from.path)) {
      problems.push(`${label}: the page "${from.path}" is gone too, and has no entry of its own; add one saying where "${from.path}" went`);
    }
    const twin = twinPlace(alias.from);
    if (!firstEntryFrom.has(twin)) {
      problems.push(
        `${label}: the same place in the other script, "${twin}", has no entry; add "- from: ${twin}" with "to: ${twinPlace(alias.to)}" (every page is published in both scripts)`,
      );
    }
  });
  return problems;
}

/** An id given back to a page that is still published. */
export type MovedId =
  /** The id moved on the same page: an empty element carrying it, just before `beside` (null: the top of <main>). */
  | { entry: number; id: string; kind: 'anchor'; beside: string | null }
  /** The id moved to another page: a note linking there, shown only when it is the :target. */
  | { entry: number; id: string; kind: 'pointer'; lang: Lang; href: string; label: string; carry: boolean };

export interface RedirectPlan {
  /** Redirect pages to write: path below the base (as in a URL) and the whole HTML. */
  pages: Array<{ path: string; html: string }>;
  /** Ids to add to published pages, by page path below the base. */
  movedIds: Record<string, MovedId[]>;
  /** The `_redirects` file (Netlify, Cloudflare Pages), or null when no page moved. */
  hostRules: string | null;
}

/** Checks the entries (throwing every problem at once) and plans what the build writes for them. */
export function planRedirects(aliases: readonly Alias[], live: LivePages, site: SiteAddress): RedirectPlan {
  const problems = redirectProblems(aliases, live);
  if (problems.length > 0) throw new RedirectsError(`${REDIRECTS_LABEL} cannot be made real:\n  ${problems.join('\n  ')}`);

  const labelOf = (place: string): string => {
    const { path, id } = splitPlace(place);
    const heading = live[path]?.heading || joinBase(site.base, path);
    return id === undefined ? heading : `${heading} #${id}`;
  };
  const link = (place: string): { href: string; label: string } => ({ href: joinBase(site.base, place), label: labelOf(place) });

  const pageMoves = aliases.filter((alias) => splitPlace(alias.from).id === undefined);
  const pages = pageMoves.map((move) => {
    const places = aliases.flatMap((alias) => {
      const { path, id } = splitPlace(alias.from);
      return path === move.from && id !== undefined ? [{ id, ...link(alias.to) }] : [];
    });
    const target = splitPlace(move.to);
    return {
      path: move.from,
      html: renderRedirectPage({
        lang: langOfPath(target.path),
        canonical: new URL(joinBase(site.base, target.path), site.origin).href,
        ...link(move.to),
        places,
      }),
    };
  });

  const movedIds: Record<string, MovedId[]> = {};
  aliases.forEach((alias, index) => {
    const from = splitPlace(alias.from);
    const to = splitPlace(alias.to);
    if (from.id === undefined || live[from.path] === undefined) return;
    const moved: MovedId =
      to.path === from.path
        ? { entry: index + 1, id: from.id, kind: 'anchor', beside: to.id ?? null }
        : { entry: index + 1, id: from.id, kind: 'pointer', lang: langOfPath(from.path), ...link(alias.to), carry: alias.carry === true };
    (movedIds[from.path] ??= []).push(moved);
  });

  const hostRules =
    pageMoves.length === 0
      ? null
      : [
          '# Pages that moved (content/redirects.yaml), for hosts that redirect with HTTP; written by the build.',
          ...pageMoves.map((move) => `${encodeURI(joinBase(site.base, move.from))} ${encodeURI(joinBase(site.base, move.to))} 301`),
          '',
        ].join('\n');
  return { pages, movedIds, hostRules };
}

/** Built file of a page path below the base: 'old/' → 'old/index.html'. */
export function fileOfPage(path: string): string {
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}

/** The words of redirect pages and notes; Simplified is the site's conversion of the Traditional (tested). */
export const WORDING: Record<Lang, { title: string; heading: string; movedTo: [string, string]; places: string; pointer: [string, string] }> = {
  'zh-Hant': {
    title: '頁面已移動',
    heading: '此頁已移至新網址',
    movedTo: ['本頁已移至「', '」。若瀏覽器沒有自動前往，請點選這個連結。'],
    places: '頁內各處的新位置',
    pointer: ['你要找的內容已移至「', '」。'],
  },
  'zh-Hans': {
    title: '页面已移动',
    heading: '此页已移至新网址',
    movedTo: ['本页已移至「', '」。若浏览器没有自动前往，请点选这个链接。'],
    places: '页内各处的新位置',
    pointer: ['你要找的内容已移至「', '」。'],
  },
};

export interface RedirectPageContent {
  lang: Lang;
  /** Absolute URL of the new page (without fragment). */
  canonical: string;
  /** URL of the new place below the site's origin, fragment included. */
  href: string;
  label: string;
  /** Ids of the old page that moved elsewhere, each linking to its new place. */
  places: ReadonlyArray<{ id: string; href: string; label: string }>;
}

/**
 * A meta refresh cannot carry the old URL's fragment; this script, the same on every redirect
 * page (one CSP hash), can: an old id listed on the page goes to its own new place, any other
 * fragment follows the reader to the new page (ids are kept there) unless the move names a place.
 */
const CARRY_FRAGMENT =
  "{const to=document.querySelector('main p a').href,hash=location.hash,place=hash&&document.getElementById(decodeURIComponent(hash.slice(1)))?.querySelector('a');" +
  "location.replace(place?place.href:hash&&!to.includes('#')?to+hash:to)}";

/** On a page with notes of carried moves: the fragment of such a note takes the reader on to its link (the same on every page, one CSP hash). */
const CARRY_MOVED =
  "{const hash=location.hash,note=hash&&document.getElementById(decodeURIComponent(hash.slice(1)));" +
  "if(note&&note.hasAttribute('data-carry'))location.replace(note.querySelector('a').href)}";

/**
 * A redirect page: the refresh works without JavaScript, the script at the end of <body> runs
 * first where it can. `<head>` opens with <meta charset> so the CSP step puts its policy right
 * after it; no data-pagefind-body, so search never indexes it; noindex, so no sitemap lists it.
 * No stylesheet and no color-scheme: the browser's light defaults pass contrast checks, its dark
 * default link colour does not.
 */
export function renderRedirectPage(page: RedirectPageContent): string {
  const words = WORDING[page.lang];
  const places =
    page.places.length === 0
      ? ''
      : `<h2>${words.places}</h2><ul>${page.places
          .map((place) => `<li id="${escapeMarkup(place.id)}">#${escapeMarkup(place.id)} → <a href="${escapeMarkup(place.href)}">${escapeMarkup(place.label)}</a></li>`)
          .join('')}</ul>`;
  return [
    `<!DOCTYPE html><html lang="${page.lang}"><head><meta charset="utf-8">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex">',
    `<title>${words.title}</title>`,
    `<link rel="canonical" href="${escapeMarkup(page.canonical)}">`,
    `<meta http-equiv="refresh" content="0; url=${escapeMarkup(page.href)}">`,
    '</head><body><main>',
    `<h1>${words.heading}</h1>`,
    `<p>${words.movedTo[0]}<a href="${escapeMarkup(page.href)}">${escapeMarkup(page.label)}</a>${words.movedTo[1]}</p>`,
    places,
    `</main><script>${CARRY_FRAGMENT}</script></body></html>`,
    '',
  ].join('\n');
}

/** The text of links to a built page: its <h1>, else its <title>. */
export function headingOf(html: string): string {
  const tree = fromHtml(html);
  const find = (tag: string): Element | undefined => findElement(tree, (element) => element.tagName === tag);
  const element = find('h1') ?? find('title');
  return element ? toString(element).replace(/\s+/g, ' ').trim() : '';
}

function findElement(node: Root | Element, test: (element: Element) => boolean): Element | undefined {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (test(child)) return child;
    const found = findElement(child, test);
    if (found) return found;
  }
  return undefined;
}

const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
/** Elements whose content model has no room for a <span> (lists, tables, selects, media, foreign content). */
const NO_PHRASING = new Set([
  'html', 'head', 'ol', 'ul', 'menu', 'dl', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'colgroup', 'select', 'optgroup',
  'datalist', 'hgroup', 'picture', 'audio', 'video', 'object', 'script', 'style', 'template', 'textarea', 'title', 'option',
  'svg', 'math',
]);
/** Elements that must come first in their parent, so nothing may be put before them. */
const LEADING_ELEMENTS = new Set(['summary', 'legend', 'figcaption', 'caption']);

const acceptsPhrasing = (element: Element): boolean => !VOID_ELEMENTS.has(element.tagName) && !NO_PHRASING.has(element.tagName);

/** Offset just after the start tag that begins at `start` (a '>' inside a quoted attribute value does not end it). */
function startTagEnd(html: string, start: number): number {
  let quote: string | null = null;
  for (let at = start + 1; at < html.length; at += 1) {
    const char = html[at];
    if (quote) {
      if (char === quote) quote = null;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '>') {
      return at + 1;
    }
  }
  throw new RedirectsError(`unterminated start tag at offset ${start}`);
}

interface Located {
  element: Element;
  parent: Element | undefined;
  /** Inside <svg> or <math>, where HTML elements do not belong. */
  foreign: boolean;
}

function locateElements(tree: Root): { byId: Map<string, Located>; main: Located | undefined } {
  const byId = new Map<string, Located>();
  let main: Located | undefined;
  const walk = (children: ElementContent[] | Root['children'], parent: Element | undefined, foreign: boolean): void => {
    for (const child of children) {
      if (child.type !== 'element') continue;
      const located = { element: child, parent, foreign };
      const id = child.properties.id;
      if (id !== undefined && id !== null && !byId.has(String(id))) byId.set(String(id), located);
      if (child.tagName === 'main' && !main) main = located;
      walk(child.children, child, foreign || child.tagName === 'svg' || child.tagName === 'math');
    }
  };
  walk(tree.children, undefined, false);
  return { byId, main };
}

function offsetOf(element: Element): number {
  const offset = element.position?.start.offset;
  if (offset === undefined) throw new RedirectsError(`<${element.tagName}> has no source position`);
  return offset;
}

/**
 * Where an empty element carrying an old id goes so that the browser scrolls to `target`: just
 * before it when its parent may hold a <span> (the [id] scroll margin then applies alike), else
 * at the start of the first element inside it that may (an <li> of a list, the first cell of a row).
 */
function anchorOffset(html: string, target: Located): number | string {
  if (target.foreign) return 'is inside an SVG or MathML drawing; point the entry to the element around it';
  const { element, parent } = target;
  if (element.tagName !== 'main' && parent && acceptsPhrasing(parent) && !LEADING_ELEMENTS.has(element.tagName)) return offsetOf(element);
  let host: Element | undefined = element;
  while (host && !acceptsPhrasing(host)) host = host.children.find((child): child is Element => child.type === 'element');
  return host ? startTagEnd(html, offsetOf(host)) : `is a <${element.tagName}> with no room for an id beside or inside it; point the entry to the element around it`;
}

/** Adds the ids planned for one published page to its HTML; `path` names it in errors. */
export function addMovedIds(html: string, moved: readonly MovedId[], path: string): string {
  const { byId, main } = locateElements(fromHtml(html));
  if (!main) throw new RedirectsError(`${path}: has no <main> to carry the ids moved from it`);
  const insertions: Array<{ offset: number; text: string }> = [];
  for (const place of moved) {
    const where = `${REDIRECTS_LABEL}, entry ${place.entry}: cannot give "${path}#${place.id}" back`;
    if (place.kind === 'anchor') {
      const target = place.beside === null ? main : byId.get(place.beside);
      if (!target) throw new RedirectsError(`${where}: "${path}" has no element with the id "${place.beside}"`);
      const offset = anchorOffset(html, target);
      if (typeof offset === 'string') throw new RedirectsError(`${where}: "#${place.beside}" ${offset}`);
      insertions.push({ offset, text: `<span id="${escapeMarkup(place.id)}" data-moved-id data-pagefind-ignore></span>` });
    } else {
      const [before, after] = WORDING[place.lang].pointer;
      insertions.push({
        offset: startTagEnd(html, offsetOf(main.element)),
        text: `<p id="${escapeMarkup(place.id)}" data-moved-place${place.carry ? ' data-carry' : ''} data-pagefind-ignore>${before}<a href="${escapeMarkup(place.href)}">${escapeMarkup(place.label)}</a>${after}</p>`,
      });
    }
  }
  // After the notes (equal offsets keep their order), so the script finds them.
  if (moved.some((place) => place.kind === 'pointer' && place.carry)) insertions.push({ offset: startTagEnd(html, offsetOf(main.element)), text: `<script>${CARRY_MOVED}</script>` });
  // From the end backwards, so earlier offsets stay valid; equal offsets keep the entries' order.
  const ordered = insertions.map((insertion, order) => ({ ...insertion, order })).sort((a, b) => b.offset - a.offset || b.order - a.order);
  let result = html;
  for (const { offset, text } of ordered) result = result.slice(0, offset) + text + result.slice(offset);
  return result;
}
