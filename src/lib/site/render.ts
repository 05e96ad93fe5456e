/**
 * The article as the site renders it, and the check the build runs before Astro renders pages.
 * Kept apart from src/lib/content/ because rendering runs the Markdown plugins, which themselves
 * read the content model: content → plugins → here, never back.
 */
import rehypeStringify from 'rehype-stringify';
import { articleProcessor } from '../content/article-text.ts';
import { loadContent, type Site } from '../content/index.ts';
import rehypeAnnotations from '../../plugins/rehype-annotations.ts';

/** The article's body HTML: the block plugins, then the annotations from the validated site. */
export async function renderArticle(site: Site, articleId: string, base = '/'): Promise<string> {
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
  for (const article of site.articles) await renderArticle(site, article.id);
  return site;
}
