/**
 * URL helpers for pages. Every internal link goes through `joinBase` so the site works under
 * a sub-path `base`, always with a trailing slash on page paths (trailingSlash: 'always').
 */

/** "/" or "/sub/path/" — a base with exactly one leading and one trailing slash. */
export function normaliseBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/**
 * A site-internal link: `path` is a page path such as "people/joelle-pineau/" or "/article/",
 * optionally followed by a fragment. Page paths get a trailing slash; files (404.html,
 * favicon.svg) are left as they are.
 */
export function joinBase(base: string, path: string): string {
  const hashAt = path.indexOf('#');
  const pagePart = hashAt === -1 ? path : path.slice(0, hashAt);
  const fragment = hashAt === -1 ? '' : path.slice(hashAt);
  let page = pagePart.replace(/^\/+/, '');
  const lastSegment = page.split('/').pop() ?? '';
  if (page !== '' && !page.endsWith('/') && !lastSegment.includes('.')) page += '/';
  return `${normaliseBase(base)}${page}${fragment}`;
}

/** The absolute URL of a page: origin (Astro.site) + base + path. */
export function absoluteUrl(site: URL | string, base: string, path: string): string {
  return new URL(joinBase(base, path), site).href;
}

/** The page path without the base: "/sub/people/x/" with base "/sub/" → "people/x/". */
export function pathWithinBase(base: string, pathname: string): string {
  const normalised = normaliseBase(base);
  const path = pathname.startsWith(normalised) ? pathname.slice(normalised.length) : pathname.replace(/^\/+/, '');
  return path;
}

/** The Simplified twin of a page path lives under "zh-hans/" with the same path. */
export function simplifiedPath(path: string): string {
  return `zh-hans/${path.replace(/^\/+/, '')}`;
}

/**
 * Percent-encode one text-directive term, as little as a URL fragment allows: the directive
 * syntax reserves "-", "," and "&" (WICG Scroll-to-Text-Fragment); "%" and "#" would be misread;
 * spaces, quotes, angle brackets and controls are not allowed in a fragment. Other characters,
 * Chinese included, stay as they are (browsers encode them as UTF-8 when following the link).
 */
export function encodeTextDirectiveTerm(text: string): string {
  return text.replace(/[\u0000-\u0020"%#&,<>`\-\u007f]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** A page path as an Astro rest parameter: "articles/followup/" → "articles/followup" (Astro adds the final slash). */
export function restParam(path: string): string {
  return path.replace(/\/+$/, '');
}
