/**
 * The article as the site renders it, and the check the build runs before Astro renders pages.
 * Kept apart from src/lib/content/ because rendering runs the Markdown plugins, which themselves
 * read the content model: content → plugins → here, never back.
 */
import rehypeStringify from 'rehype-stringify';
import { articleProcessor } from '../content/article-text.ts';
import { loadContent, type Site } from '../content/index.ts';
import rehypeAnnotations from '../../plugins/rehype-annotations.ts';
import { normaliseBase } from '../pages/urls.ts';

/**
 * Rendered bodies by Site, article and base: the build validates every article by rendering it,
 * then its page renders it again; the second time is the first one's result.
 */
const rendered = new WeakMap<Site, Map<string, Promise<string>>>();

/** The article's body HTML: the block plugins, then the annotations from the validated site. */
export function renderArticle(site: Site, articleId: string, base = '/'): Promise<string> {
  let forSite = rendered.get(site);
  if (!forSite) {
    forSite = new Map();
    rendered.set(site, forSite);
  }
  const key = `${base}\n${articleId}`;
  let body = forSite.get(key);
  if (!body) {
    body = render(site, articleId, base);
    forSite.set(key, body);
  }
  return body;
}

async function render(site: Site, articleId: string, base: string): Promise<string> {
  const article = site.get.article(articleId);
  const processor = articleProcessor().use(rehypeAnnotations, { site, base, article: articleId }).use(rehypeStringify);
  // The frontmatter goes where Astro puts it for the plugins (declared heading ids).
  return String(await processor.process({ value: article.body, data: { astro: { frontmatter: article.data } } }));
}

/**
 * Everything the build checks before Astro renders: the content model, and that every article
 * renders with its annotations. Throws a ContentErrorList (or the rendering error).
 */
export async function validateContent(root: string): Promise<Site> {
  const site = await loadContent(root);
  // Rendered with the base the pages use (astro.config.mjs reads the same variable), so they reuse it.
  const base = normaliseBase(process.env.SITE_BASE ?? '/');
  for (const article of site.articles) await renderArticle(site, article.id, base);
  return site;
}
