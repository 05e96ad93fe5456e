/**
 * The Simplified twin of one built Traditional page.
 *
 * Only prose changes script: text nodes, prose attributes, the prose of meta tags and the
 * string values of JSON-LD. Ids, class names, data-* attributes and URLs stay byte for byte,
 * so every fragment (#p-3, #後來的-heading-id, #claim-x) lands on the same place in both scripts.
 * Internal page links move into the /zh-hans/ tree; assets stay where they are.
 * Never converted: <script>/<style> contents, <code>/<kbd>/<samp>, and elements marked
 * translate="no" or data-no-convert (quoted original strings, e.g. in the corrections log).
 */
import type { Element, Nodes, Parents, Properties, Root, Text } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { serializeJsonLd } from '../pages/jsonld.ts';
import type { JsonLd } from '../pages/jsonld.ts';
import { encodeTextDirectiveTerm, normaliseBase, simplifiedPath } from '../pages/urls.ts';
import { toSimplified } from './convert.ts';
import type { Simplifier } from './convert.ts';

export const SIMPLIFIED_DIR = 'zh-hans/';
export const SIMPLIFIED_LANG = 'zh-Hans';
export const TRADITIONAL_LANG = 'zh-Hant';
export const SWITCH_TO_TRADITIONAL_TEXT = '繁體中文';

export interface TwinOptions {
  /** Page path below the base, as in its URL: '' (home), 'people/x/', '404.html'. */
  path: string;
  /** The site's base path, e.g. '/' or '/sub/'. */
  base: string;
  /** The converter; the project's (with its overrides) unless given. */
  convert?: Simplifier;
}

/** Elements whose contents are never prose to convert; the first three hold no text at all. */
const NON_TEXT_ELEMENTS = new Set(['script', 'style', 'template']);
const CODE_ELEMENTS = new Set([...NON_TEXT_ELEMENTS, 'code', 'kbd', 'samp']);

/**
 * Inline elements a phrase may run across (a person mention, a claim quote, emphasis): their
 * text is converted together with the text around it, so the dictionary sees whole phrases.
 */
const PHRASING_ELEMENTS = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'data', 'del', 'dfn', 'em', 'i', 'ins', 'mark', 'q',
  's', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr',
]);

/** Attributes holding prose, by hast property name. */
const PROSE_PROPERTIES = ['title', 'alt', 'ariaLabel', 'aria-description', 'ariaDescription', 'ariaRoleDescription', 'ariaValueText', 'placeholder', 'label'];

/** <meta> tags whose content is prose, by name or property. */
const PROSE_META = new Set([
  'description', 'keywords', 'application-name', 'apple-mobile-web-app-title',
  'og:title', 'og:description', 'og:site_name', 'og:image:alt',
  'twitter:title', 'twitter:description', 'twitter:image:alt',
]);

/** Pagefind attributes of the form "key:value, key:value" whose values are shown in results. */
const PAGEFIND_VALUE_PROPERTIES = ['dataPagefindMeta', 'dataPagefindFilter'];

/** Attributes holding a URL to rewrite into the twin tree, by hast property name. */
const URL_PROPERTIES = ['href', 'src', 'action', 'formAction', 'poster', 'xLinkHref'];

/** JSON-LD keys whose values name a page (rewritten to the twin) rather than hold prose. */
const JSON_LD_URL_KEYS = new Set(['url', 'item', 'mainEntityOfPage', 'sameAs', 'image', 'logo', 'contentUrl', 'thumbnailUrl', 'embedUrl', 'license']);

/** Built files under the base that are not pages and have no twin. */
const ASSET_PREFIXES = ['_astro/', 'pagefind/'];

const HAN = /\p{Script=Han}/u;
const SCHEME = /^[a-z][a-z\d+.-]*:/i;
const TRADITIONAL_LANG_TAG = /^zh(?:-(?:hant|tw|hk|mo)(?:-|$)|$)/i;
const SIMPLIFIED_LANG_TAG = /^zh-(?:hans|cn|sg|my)(?:-|$)/i;

interface Context {
  base: string;
  path: string;
  convert: Simplifier;
  /** Origin of the site, read from the page's canonical URL (absolute URLs to it are internal). */
  origin: string | undefined;
}

function stringProperty(properties: Properties, name: string): string | undefined {
  const value = properties[name];
  return typeof value === 'string' ? value : undefined;
}

function relList(element: Element): string[] {
  const value = element.properties.rel;
  return Array.isArray(value) ? value.map((token) => String(token).toLowerCase()) : [];
}

function isMarkedNoConvert(element: Element): boolean {
  const { properties } = element;
  return properties.translate === 'no' || properties.dataNoConvert !== undefined;
}

/** Language of an element's own lang attribute: 'hant', 'hans', 'other', or undefined if none. */
function ownScript(element: Element): 'hant' | 'hans' | 'other' | undefined {
  const lang = stringProperty(element.properties, 'lang');
  if (lang === undefined) return undefined;
  if (TRADITIONAL_LANG_TAG.test(lang)) return 'hant';
  if (SIMPLIFIED_LANG_TAG.test(lang)) return 'hans';
  return 'other';
}

function isScriptSwitch(element: Element): boolean {
  return element.tagName === 'a' && element.properties.dataScriptSwitch !== undefined;
}

function hasHanText(node: Nodes): boolean {
  if (node.type === 'text') return HAN.test(node.value);
  if (node.type === 'element' && NON_TEXT_ELEMENTS.has(node.tagName)) return false;
  return 'children' in node && node.children.some(hasHanText);
}

/* ---------- URLs ---------- */

/** Whether a path below the base is a page with a twin (not an asset, not already a twin). */
function isPagePath(path: string): boolean {
  if (path.startsWith(SIMPLIFIED_DIR) || ASSET_PREFIXES.some((prefix) => path.startsWith(prefix))) return false;
  return path === '' || path.endsWith('/') || path.endsWith('.html');
}

/**
 * A fragment with its text directives (#id:~:text=prefix-,start,end,-suffix) converted: the
 * quoted words must match the twin's Simplified text. The element id part stays as it is.
 */
export function twinFragment(hash: string, convert: Simplifier): string {
  const at = hash.indexOf(':~:');
  if (at === -1) return hash;
  const directives = hash
    .slice(at + 3)
    .split('&')
    .map((directive) => {
      if (!directive.startsWith('text=')) return directive;
      const terms = directive.slice('text='.length).split(',').map((term) => {
        // "prefix-" and "-suffix" terms mark their role with a bare hyphen.
        const leading = term.startsWith('-') ? '-' : '';
        const trailing = term.length > leading.length && term.endsWith('-') ? '-' : '';
        const words = term.slice(leading.length, term.length - trailing.length);
        let decoded: string;
        try {
          decoded = decodeURIComponent(words);
        } catch {
          return term;
        }
        return `${leading}${encodeTextDirectiveTerm(convert(decoded))}${trailing}`;
      });
      return `text=${terms.join(',')}`;
    });
  return `${hash.slice(0, at)}:~:${directives.join('&')}`;
}

/**
 * The URL a link should have on the twin. Internal page links go to the twin tree (query and
 * fragment kept, text directives converted); relative links are made absolute so they keep
 * their target from the twin's deeper location; anything else is returned unchanged.
 */
export function twinUrl(value: string, context: Pick<Context, 'base' | 'path' | 'origin' | 'convert'>): string {
  const trimmed = value.trim();
  if (trimmed.startsWith('#')) return twinFragment(trimmed, context.convert);
  if (trimmed === '') return value;
  const absolute = SCHEME.test(trimmed) || trimmed.startsWith('//');
  if (absolute && (context.origin === undefined || !trimmed.startsWith(`${context.origin}/`))) return value;
  // A stand-in origin resolves relative references against the page's own URL.
  const pageUrl = new URL(`${context.base}${context.path}`, context.origin ?? 'http://site.invalid');
  const target = new URL(trimmed, pageUrl);
  if (!target.pathname.startsWith(context.base)) return value;
  const below = target.pathname.slice(context.base.length);
  const isRelative = !absolute && !trimmed.startsWith('/');
  if (!isPagePath(below)) return isRelative ? `${target.pathname}${target.search}${target.hash}` : value;
  const path = `${context.base}${simplifiedPath(below)}${target.search}${twinFragment(target.hash, context.convert)}`;
  return absolute ? `${target.origin}${path}` : path;
}

/* ---------- text ---------- */

/**
 * Converts a run of adjacent text nodes as one string, so a phrase split by inline markup
 * (面臨<a>…</a>著) still meets the dictionary whole. The dictionary maps character for
 * character; if a rule ever changes the length, each node is converted on its own.
 */
function convertRun(nodes: Text[], convert: Simplifier): void {
  const joined = nodes.map((node) => node.value).join('');
  if (!HAN.test(joined)) return;
  const converted = convert(joined);
  if (nodes.length === 1 || converted.length !== joined.length) {
    for (const node of nodes) node.value = nodes.length === 1 ? converted : convert(node.value);
    return;
  }
  let at = 0;
  for (const node of nodes) {
    node.value = converted.slice(at, at + node.value.length);
    at += node.value.length;
  }
}

function convertPagefindValue(value: string, convert: Simplifier): string {
  // "key:value, key2:value2": keys are read by the search code, values are shown to readers.
  return value
    .split(',')
    .map((part) => {
      const colon = part.indexOf(':');
      return colon === -1 ? part : part.slice(0, colon + 1) + convert(part.slice(colon + 1));
    })
    .join(',');
}

function convertAttributes(element: Element, context: Context): void {
  const { properties } = element;
  for (const name of PROSE_PROPERTIES) {
    const value = stringProperty(properties, name);
    if (value !== undefined) properties[name] = context.convert(value);
  }
  for (const name of PAGEFIND_VALUE_PROPERTIES) {
    const value = stringProperty(properties, name);
    if (value !== undefined) properties[name] = convertPagefindValue(value, context.convert);
  }
  const inputType = stringProperty(properties, 'type');
  if (element.tagName === 'input' && (inputType === 'submit' || inputType === 'button' || inputType === 'reset')) {
    const value = stringProperty(properties, 'value');
    if (value !== undefined) properties.value = context.convert(value);
  }
}

function convertMeta(element: Element, context: Context): void {
  const { properties } = element;
  const key = (stringProperty(properties, 'name') ?? stringProperty(properties, 'property'))?.toLowerCase();
  const content = stringProperty(properties, 'content');
  if (key === undefined || content === undefined) return;
  if (PROSE_META.has(key)) properties.content = context.convert(content);
  else if (key === 'og:url') properties.content = twinUrl(content, context);
  else if (key === 'og:locale' && content === 'zh_TW') properties.content = 'zh_CN';
  else if (key === 'og:locale:alternate' && content === 'zh_CN') properties.content = 'zh_TW';
}

/* ---------- JSON-LD ---------- */

function convertJsonLdValue(value: unknown, key: string | undefined, context: Context): unknown {
  if (typeof value === 'string') {
    if (key !== undefined && key.startsWith('@')) return value;
    if (key === 'inLanguage') return TRADITIONAL_LANG_TAG.test(value) ? SIMPLIFIED_LANG : value;
    if (key !== undefined && JSON_LD_URL_KEYS.has(key)) return twinUrl(value, context);
    if (SCHEME.test(value) || value.startsWith('/')) return value;
    return context.convert(value);
  }
  if (Array.isArray(value)) {
    const items = value.map((item) => convertJsonLdValue(item, key, context));
    // Spellings that differ only by script (alternateName: 馬克·扎克伯格, 马克·扎克伯格) become one.
    return items.filter((item, index) => typeof item !== 'string' || items.indexOf(item) === index);
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([name, inner]) => [name, convertJsonLdValue(inner, name, context)]));
  }
  return value;
}

function convertJsonLd(script: Element, context: Context): void {
  const text = script.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`${context.path || '(home)'}: JSON-LD is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const converted = convertJsonLdValue(data, undefined, context) as JsonLd | JsonLd[];
  script.children = [{ type: 'text', value: serializeJsonLd(converted) }];
}

/* ---------- the tree ---------- */

/** The page served at every missing URL; its script switch leads to the other script's home. */
export const NOT_FOUND_PATH = '404.html';

function flipScriptSwitch(element: Element, context: Context): void {
  element.properties.href = `${context.base}${context.path === NOT_FOUND_PATH ? '' : context.path}`;
  element.properties.hrefLang = TRADITIONAL_LANG;
  element.properties.lang = TRADITIONAL_LANG;
  element.children = [{ type: 'text', value: SWITCH_TO_TRADITIONAL_TEXT }];
}

function rewriteLinks(element: Element, context: Context): void {
  const { properties } = element;
  const rel = relList(element);
  if (element.tagName === 'link' && rel.includes('alternate') && properties.hrefLang !== undefined) return;
  // A link that names its language deliberately points at that script's page.
  if (element.tagName === 'a' && properties.hrefLang !== undefined) return;
  for (const name of URL_PROPERTIES) {
    const value = stringProperty(properties, name);
    if (value !== undefined) properties[name] = twinUrl(value, context);
  }
}

function findCanonical(tree: Root): Element | undefined {
  let found: Element | undefined;
  const visit = (node: Parents): void => {
    for (const child of node.children) {
      if (found || child.type !== 'element') continue;
      if (child.tagName === 'link' && relList(child).includes('canonical')) found = child;
      else visit(child);
    }
  };
  visit(tree);
  return found;
}

function transform(tree: Root, context: Context): void {
  let run: Text[] = [];
  const flush = (): void => {
    if (run.length > 0) convertRun(run, context.convert);
    run = [];
  };

  // `convertible`: whether text here is Traditional prose to convert (false inside marked,
  // code or other-language elements, whose links are still rewritten).
  const visit = (parent: Parents, convertible: boolean): void => {
    for (const child of parent.children) {
      if (child.type === 'text') {
        if (convertible) run.push(child);
        else flush();
        continue;
      }
      if (child.type !== 'element') continue;
      const element = child;
      const inline = PHRASING_ELEMENTS.has(element.tagName);
      if (!inline) flush();

      if (isScriptSwitch(element)) {
        flush();
        flipScriptSwitch(element, context);
        continue;
      }
      rewriteLinks(element, context);
      if (element.tagName === 'meta') convertMeta(element, context);
      if (element.tagName === 'script' && stringProperty(element.properties, 'type') === 'application/ld+json') {
        convertJsonLd(element, context);
        continue;
      }

      const script = ownScript(element);
      const marked = isMarkedNoConvert(element) || CODE_ELEMENTS.has(element.tagName);
      const childConvertible = convertible && !marked && (script === undefined || script === 'hant');
      if (childConvertible) {
        convertAttributes(element, context);
        if (script === 'hant') element.properties.lang = SIMPLIFIED_LANG;
      } else {
        flush();
        // Text kept in Traditional script inside a Simplified page says so, for screen readers and fonts.
        if (convertible && marked && script === undefined && hasHanText(element)) {
          element.properties.lang = TRADITIONAL_LANG;
        }
      }
      visit(element, childConvertible);
      if (!inline || !childConvertible) flush();
    }
  };
  visit(tree, true);
  flush();
}

/** The Simplified twin of a built Traditional page. */
export function makeSimplifiedTwin(html: string, options: TwinOptions): string {
  const tree = fromHtml(html);
  const base = normaliseBase(options.base);
  const canonical = findCanonical(tree);
  const canonicalHref = canonical ? stringProperty(canonical.properties, 'href') : undefined;
  const context: Context = {
    base,
    path: options.path.replace(/^\/+/, ''),
    convert: options.convert ?? toSimplified,
    origin: canonicalHref && SCHEME.test(canonicalHref) ? new URL(canonicalHref).origin : undefined,
  };
  transform(tree, context);
  const root = tree.children.find((node): node is Element => node.type === 'element' && node.tagName === 'html');
  if (root) root.properties.lang = SIMPLIFIED_LANG;
  // Empty attributes as Astro writes them (data-no-convert, not data-no-convert="").
  return toHtml(tree, { upperDoctype: true, collapseEmptyAttributes: true, characterReferences: { useShortestReferences: true } });
}
