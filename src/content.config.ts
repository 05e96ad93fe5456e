/**
 * Astro collections over content/, with the schemas of src/lib/content/schema.ts.
 *
 * Every collection is filled from the validated Site model (src/lib/content/index.ts) instead of
 * Astro's own glob/file loaders: the cross-references, dates and quotes are checked before any
 * entry is stored, so `astro build` fails with the same ContentError messages as
 * `validateContent`, and an article is re-rendered whenever any file it depends on changes.
 */
import { defineCollection } from 'astro:content';
import type { Loader, LoaderContext } from 'astro/loaders';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ContentErrorList } from './lib/content/errors.ts';
import { getSite, type Entry, type Site } from './lib/content/index.ts';
import * as schema from './lib/content/schema.ts';

/** The validated site; content errors fail the sync (and so `astro build`) with every message. */
async function site(root: URL): Promise<Site> {
  try {
    return await getSite(fileURLToPath(root));
  } catch (error) {
    // Astro prints only the first error of an aggregate; one error with the whole list shows them all.
    if (error instanceof ContentErrorList) throw Object.assign(new Error(error.message), { name: 'ContentError' });
    throw error;
  }
}

/** In `astro dev`, any edit under content/ reloads the collection (every entry may depend on it). */
function reloadOnEdit(context: LoaderContext, load: (context: LoaderContext) => Promise<void>): void {
  const { watcher, logger, config } = context;
  if (!watcher) return;
  const dir = join(fileURLToPath(config.root), 'content');
  watcher.add(dir);
  const reload = (path: string): void => {
    if (!path.startsWith(dir)) return;
    load(context).catch((error: Error) => logger.error(error.message));
  };
  for (const event of ['add', 'change', 'unlink'] as const) watcher.on(event, reload);
}

function watched(name: string, load: (context: LoaderContext) => Promise<void>): Loader {
  const watching = new WeakSet<object>();
  return {
    name,
    load: async (context) => {
      await load(context);
      if (context.watcher && !watching.has(context.watcher)) {
        watching.add(context.watcher);
        reloadOnEdit(context, load);
      }
    },
  };
}

type ListedCollection = 'people' | 'organizations' | 'papers' | 'events' | 'claims' | 'disputes';

function siteLoader(collection: ListedCollection): Loader {
  return watched(`site-${collection}`, async ({ store, parseData, config }) => {
    const loaded = await site(config.root);
    store.clear();
    for (const entry of loaded[collection] as Entry<Record<string, unknown>>[]) {
      const data = await parseData({ id: entry.id, data: entry.data, filePath: entry.file });
      store.set({ id: entry.id, data, filePath: entry.file });
    }
  });
}

const articleLoader = watched('site-articles', async ({ store, parseData, renderMarkdown, config, generateDigest }) => {
  const root = fileURLToPath(config.root);
  const loaded = await site(config.root);
  store.clear();
  for (const article of loaded.articles) {
    const path = join(root, article.file);
    const source = readFileSync(path, 'utf8');
    const data = await parseData({ id: article.id, data: article.data, filePath: article.file });
    // Rendering runs the annotation plugins, which read the same Site.
    const rendered = await renderMarkdown(source, { fileURL: pathToFileURL(path) });
    store.set({ id: article.id, data, body: article.body, filePath: article.file, rendered, digest: generateDigest(source) });
  }
});

export const collections = {
  articles: defineCollection({ loader: articleLoader, schema: schema.article }),
  people: defineCollection({ loader: siteLoader('people'), schema: schema.person }),
  organizations: defineCollection({ loader: siteLoader('organizations'), schema: schema.organization }),
  papers: defineCollection({ loader: siteLoader('papers'), schema: schema.paper }),
  events: defineCollection({ loader: siteLoader('events'), schema: schema.event }),
  claims: defineCollection({ loader: siteLoader('claims'), schema: schema.claim }),
  disputes: defineCollection({ loader: siteLoader('disputes'), schema: schema.dispute }),
};
