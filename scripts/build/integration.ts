/**
 * The site as Astro builds and serves it: one integration, so that `astro build`, `astro dev`
 * and `astro preview` alone give the real site (as Starlight runs Pagefind from its build).
 *
 * `astro build`: the content is validated before any page renders; Astro writes the Traditional
 * pages into a staging directory next to the published one (`<outDir>.next`); then, in the order
 * data flows: Simplified twins → sitemap → redirects for declared moves → CSP → link check (every
 * internal link and fragment of both scripts) → Pagefind, and the staging directory replaces the
 * published one only when every step succeeded, so a failed build never leaves a half-built site.
 * Each step's time goes to .build/timings.json (npm run bench, npm run bench:archive).
 *
 * `astro dev`: see dev-server.ts (twins converted per request, reloading on content/ edits).
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { normaliseBase } from '../../src/lib/pages/urls.ts';
import { getSite } from '../../src/lib/site/cache.ts';
import { applyCsp } from './csp.ts';
import { serveTwinsAndWatchContent } from './dev-server.ts';
import { checkStagedLinks } from './link-check.ts';
import { writeRedirects } from './redirects.ts';
import { buildSearchIndex } from './search-index.ts';
import { writeSimplifiedTwins } from './simplified.ts';
import { writeSitemap } from './sitemap.ts';
import { pageFactsOfTree, type PageFacts } from '../lib/built-pages.ts';
import { outDirProblem } from '../lib/out-dir.ts';
import { extractPlaces, type PageRecords } from '../../src/lib/search/records.ts';
import { checkRedirectEntries, REDIRECTS_LABEL } from '../lib/redirects.ts';

/** The published directory must hold a complete site in both scripts, with its search index. */
function assertComplete(dir: string): void {
  const required = ['index.html', 'article/index.html', 'zh-hans/index.html', 'zh-hans/article/index.html', 'pagefind/pagefind.js', 'sitemap.xml'];
  const missing = required.filter((file) => !existsSync(join(dir, file)));
  if (missing.length > 0) throw new Error(`the staged site is incomplete, missing: ${missing.join(', ')}`);
}

/** Replaces `published` with `staging` in two renames; the old site is kept until the new one is in place. */
async function publish(staging: string, published: string): Promise<void> {
  const retired = `${published}.old`;
  await rm(retired, { recursive: true, force: true });
  if (existsSync(published)) await rename(published, retired);
  await rename(staging, published);
  await rm(retired, { recursive: true, force: true });
}

export function siteBuild(): AstroIntegration {
  let root = '';
  let base = '/';
  let origin = '';
  let published = '';
  let staging = '';
  let log: AstroIntegrationLogger | undefined;
  const timings: Record<string, number> = {};
  let buildStart = 0;
  let astroStart = 0;

  async function timed<T>(label: string, step: () => Promise<T>): Promise<T> {
    const start = performance.now();
    const result = await step();
    timings[label] = Math.round(performance.now() - start);
    log?.info(`${label}: ${timings[label]} ms`);
    return result;
  }

  return {
    name: 'site-build',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig, logger }) => {
        log = logger.fork('build');
        root = fileURLToPath(config.root);
        base = normaliseBase(config.base);
        if (!config.site) throw new Error('astro.config.mjs: `site` must be set; canonical URLs, hreflang and the sitemap need the origin');
        origin = config.site;
        if (command !== 'build') return;
        published = fileURLToPath(config.outDir).replace(/\/+$/, '');
        // The build replaces its output folder whole: refuse the project's own folders before anything is written.
        const refusal = outDirProblem(root, published);
        if (refusal) throw new Error(refusal);
        staging = `${published}.next`;
        updateConfig({ outDir: pathToFileURL(`${staging}/`) });
      },

      'astro:server:setup': ({ server, logger }) => serveTwinsAndWatchContent(server, { root, base, logger }),

      'astro:build:start': async () => {
        buildStart = performance.now();
        // A staging directory left by an aborted build must not leak into this one.
        await rm(staging, { recursive: true, force: true });
        // Every content error, with its file, entry and field, before any page is rendered.
        await timed('validateMs', () => getSite(root));
        // Every problem of the declared moves that needs no built page, before Astro spends its time.
        const redirects = join(root, REDIRECTS_LABEL);
        checkRedirectEntries(existsSync(redirects) ? await readFile(redirects, 'utf8') : '');
        astroStart = performance.now();
      },

      'astro:build:done': async ({ dir }) => {
        timings.astroMs = Math.round(performance.now() - astroStart);
        log?.info(`astroMs: ${timings.astroMs} ms`);
        const outDir = fileURLToPath(dir).replace(/\/+$/, '');
        if (outDir !== staging) throw new Error(`the build wrote to ${outDir}, not the staging directory ${staging}`);
        try {
          await timed('simplifiedMs', () => writeSimplifiedTwins(staging, base));
          await timed('sitemapMs', () => writeSitemap(staging, origin, base));
          await timed('redirectsMs', async () => writeRedirects(staging, origin, base, (await getSite(root)).timeline));
          // Each page is parsed once, here: the link check and the search index read what they need
          // from that parse (parsing is most of their cost, and the pages do not change after CSP).
          const facts = new Map<string, PageFacts>();
          const places = new Map<string, PageRecords | null>();
          await timed('cspMs', () =>
            applyCsp(staging, (file, tree) => {
              facts.set(file, pageFactsOfTree(tree));
              places.set(file, extractPlaces(tree, base));
            }),
          );
          // Before the search index: no page links into it, and a broken link fails the build sooner.
          const site = await getSite(root);
          await timed('linkCheckMs', async () => checkStagedLinks(staging, base, site, facts));
          facts.clear();
          await timed('pagefindMs', () => buildSearchIndex(staging, base, places));
          assertComplete(staging);
        } catch (error) {
          await rm(staging, { recursive: true, force: true });
          log?.error(`failed; ${existsSync(published) ? `the previous site in ${published} is unchanged` : 'nothing was published'}.`);
          throw error;
        }
        await timed('swapMs', () => publish(staging, published));
        timings.totalMs = Math.round(performance.now() - buildStart);
        await mkdir(join(root, '.build'), { recursive: true });
        await writeFile(join(root, '.build', 'timings.json'), `${JSON.stringify(timings, null, 2)}\n`);
        log?.info(`site written to ${published} (base ${base}) in ${timings.totalMs} ms`);
      },
    },
  };
}
